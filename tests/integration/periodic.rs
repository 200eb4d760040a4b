//! Issue 20, point 7: an O-item whose catalog entry has a cadence (2569 O11, monthly
//! procurement summaries) shows which months its files and links name, and `check` warns
//! about the past months missing — "now" comes from `SOURCE_DATE_EPOCH`, never the clock
//! inside the rule.

use crate::harness::{bin, SiteTest};

/// 2026-02-15 (February 2569): October 2568 to January 2569 are past.
const FEBRUARY_2569: &str = "1771113600";

fn portal() -> SiteTest {
    let mut site = SiteTest::empty();
    site.write(
        "prongsai.toml",
        "title = \"ทดสอบ\"\nbase_url = \"https://example.org/\"\n",
    )
    .write("content/_index.md", "+++\ntitle = \"หน้าแรก\"\n+++\n")
    .write(
        "content/2569/_index.md",
        "+++\ntitle = \"ปีงบประมาณ 2569\"\nfiscal_year = 2569\n+++\n",
    )
    .write(
        "content/2569/oit/o11.md",
        "+++\nkind = \"o-item\"\nitem = \"O11\"\n\
             files = [\"สขร1-ตุลาคม-2568.pdf\", \"สขร1-ธ.ค.68.pdf\"]\n\
             links = [{ title = \"สรุปผลการจัดซื้อจัดจ้าง ประจำเดือนพฤศจิกายน 2568\", url = \"https://example.org/p\" }]\n\
             +++\nสรุปผลการจัดซื้อจัดจ้างรายเดือน\n",
    )
    .write("content/2569/oit/สขร1-ตุลาคม-2568.pdf", "%PDF-1.4 oct")
    .write("content/2569/oit/สขร1-ธ.ค.68.pdf", "%PDF-1.4 dec");
    site
}

fn run(site: &SiteTest, args: &[&str]) -> std::process::Output {
    bin()
        .current_dir(site.root())
        .env("SOURCE_DATE_EPOCH", FEBRUARY_2569)
        .args(args)
        .output()
        .expect("run prongsai")
}

#[test]
fn past_months_without_evidence_are_warned_about_and_shown() {
    let mut site = portal();
    let checked = run(&site, &["check", "--format", "short"]);
    let stderr = String::from_utf8_lossy(&checked.stderr);
    let gaps: Vec<&str> = stderr.lines().filter(|l| l.contains("periodic-gap")).collect();
    assert_eq!(gaps.len(), 1, "{stderr}");
    // October to December are named (a file, a link, a short month); January is past and missing;
    // February (this month) and later are not due
    assert!(gaps[0].contains("content/2569/oit/o11.md"), "{stderr}");
    assert!(gaps[0].contains("ม.ค. 2569"), "{stderr}");
    for not_missing in ["ต.ค. 2568", "พ.ย. 2568", "ธ.ค. 2568", "ก.พ. 2569"] {
        assert!(!gaps[0].contains(not_missing), "{not_missing}: {stderr}");
    }
    assert_eq!(
        checked.status.code(),
        Some(0),
        "a warning does not fail check: {stderr}"
    );

    let built = run(&site, &["build"]);
    assert_eq!(
        built.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&built.stderr)
    );
    let page = site.read("2569/oit/o11/index.html");
    assert!(page.contains("ต.ค. 2568: ✓"), "{page}");
    assert!(page.contains("ม.ค. 2569: ✗ <strong>ยังไม่มี</strong>"), "{page}");
    assert!(page.contains("ก.พ. 2569: ยังไม่ถึงกำหนด"), "{page}");

    // the January file added: no gap left
    site.write("content/2569/oit/o11-2569-01.pdf", "%PDF-1.4 jan");
    let text = std::fs::read_to_string(site.root().join("content/2569/oit/o11.md")).expect("read");
    site.write(
        "content/2569/oit/o11.md",
        text.replace("\"สขร1-ธ.ค.68.pdf\"]", "\"สขร1-ธ.ค.68.pdf\", \"o11-2569-01.pdf\"]"),
    );
    let checked = run(&site, &["check", "--format", "short"]);
    let stderr = String::from_utf8_lossy(&checked.stderr);
    assert!(!stderr.contains("periodic-gap"), "{stderr}");
}
