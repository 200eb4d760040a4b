//! `prongsai catalog …` and the years around it, with the real binary: a 2569 year folder
//! copied from 2568 (check's `year-migration`, `catalog migrate` dry run and `--apply`), a
//! 2570 year before NACC publishes (`catalog-provisional`, `init --year 2570`), and NACC's
//! table imported from TSV and .docx into the portal's `catalogs/2570.toml`.

use std::io::Write as _;

use crate::harness::{snapshot, SiteTest};

fn check_out(t: &mut SiteTest) -> String {
    t.run(&["check", "--format", "short"]);
    t.stdout() + &t.stderr()
}

#[test]
fn a_2569_folder_copied_from_2568_is_reported_then_migrated_without_losing_anything() {
    let mut t = SiteTest::fixture("migrate-2568-2569");
    let out = check_out(&mut t);
    for needle in [
        "content/2569/oit/o11.md:3:8: warning[year-migration]",
        "content/2569/oit/o12.md:3:8: warning[year-migration]: ข้อ O12 ยังใช้เลขข้อของกรอบปี 2568: ข้อ O12 ของปี 2568 คือข้อ O11",
        "content/2569/oit/o20.md:3:8: warning[year-migration]: ข้อ O20 ยังใช้เลขข้อของกรอบปี 2568: ข้อ O20 ของปี 2568 คือข้อ O19",
        "content/2569/oit/o21.md:3:8: warning[year-migration]: ข้อ O21 ของปี 2568 รวมกับข้อ O22 เป็นข้อ O20",
        "content/2569/oit/o22.md:3:8: warning[year-migration]",
        "content/2569/oit/o25.md:3:8: warning[year-migration]: ข้อ O25 ยังใช้เลขข้อของกรอบปี 2568",
        "content/2569/_index.md: warning[year-migration]: ข้อใหม่ของกรอบปี 2569 ที่ต้องเขียนหน้าใหม่ (new in 2569, pages to write): O25",
    ] {
        assert!(out.contains(needle), "lacks {needle:?}:\n{out}");
    }
    // O1 keeps its number; 2568's own pages are fine.
    assert!(!out.contains("o1.md:3:8: warning[year-migration]"), "{out}");
    assert!(!out.contains("content/2568/"), "{out}");

    // The dry run changes nothing and says the git mv lines.
    let before = snapshot(t.root());
    t.run(&["catalog", "migrate", "--from", "2568", "--to", "2569"])
        .success();
    let plan = t.stdout();
    for needle in [
        "git mv content/2569/oit/o12.md content/2569/oit/o11.md",
        "git mv content/2569/oit/o20.md content/2569/oit/o19.md",
        "git mv content/2569/oit/o21.md content/2569/oit/o20.md",
        "git rm content/2569/oit/o22.md",
        "git mv content/2569/oit/o11.md retired/2569/o11.md",
        "* O26",
        "~ content/2569/measures/01.md: items [O20, O21, O22, O11] → [O19, O20]",
    ] {
        assert!(plan.contains(needle), "lacks {needle:?}:\n{plan}");
    }
    assert!(t.stderr().contains("--apply"), "{}", t.stderr());
    assert_eq!(snapshot(t.root()), before, "a dry run writes nothing");

    t.run(&["catalog", "migrate", "--from", "2568", "--to", "2569", "--apply"])
        .success();
    let read = |rel: &str| std::fs::read_to_string(t.root().join(rel)).unwrap_or_else(|e| panic!("{rel}: {e}"));
    let o19 = read("content/2569/oit/o19.md");
    assert!(
        o19.contains("item = \"O19\"") && o19.contains("เนื้อหาข้อ O20 ของปี 2568"),
        "{o19}"
    );
    let o11 = read("content/2569/oit/o11.md");
    assert!(
        o11.contains("item = \"O11\"") && o11.contains("เนื้อหาข้อ O12 ของปี 2568"),
        "{o11}"
    );
    let merged = read("content/2569/oit/o20.md");
    for needle in [
        "item = \"O20\"",
        "TODO (prongsai catalog migrate)",
        "เนื้อหาข้อ O21 ของปี 2568",
        "เนื้อหาข้อ O22 ของปี 2568",
        "item = \"O22\"",
    ] {
        assert!(merged.contains(needle), "merged page lacks {needle:?}:\n{merged}");
    }
    assert!(read("retired/2569/o11.md").contains("เนื้อหาข้อ O11 ของปี 2568"));
    assert!(!t.root().join("content/2569/oit/o22.md").exists());
    assert!(!t.root().join("content/2569/oit/o25.md").exists());
    assert!(read("content/2569/oit/o23.md").contains("item = \"O23\""));
    // The year's measures point at the new numbers; the removed O11 is dropped.
    assert!(read("content/2569/measures/01.md").contains("items = [\"O19\", \"O20\"]"));
    // 2568 is untouched.
    assert!(read("content/2568/oit/o20.md").contains("item = \"O20\""));

    let out = check_out(&mut t);
    assert!(
        out.contains("content/2569/oit/o20.md: warning[year-migration]: หน้านี้รวมจากหลายข้อ"),
        "{out}"
    );
    assert_eq!(out.matches("warning[year-migration]").count(), 1, "{out}");
    assert!(!out.contains("error["), "{out}");
}

#[test]
fn catalog_list_and_diff() {
    let mut t = SiteTest::fixture("migrate-2568-2569");
    t.run(&["catalog", "list", "2569"]).success();
    let out = t.stdout();
    assert!(out.contains("O11\t9.?\tmedium-low"), "{out}");
    assert!(out.contains("[monthly]"), "{out}");
    assert!(out.contains("ไม่ใช่ข้อความของ ป.ป.ช."), "{out}");
    t.run(&["catalog", "diff", "2568", "2569"]).success();
    let out = t.stdout();
    for needle in [
        "> O20 → O19",
        "+ O21 → O20",
        "+ O22 → O20",
        "- O11",
        "* O25",
        "* O26",
        "= O2\t",
    ] {
        assert!(out.contains(needle), "lacks {needle:?}:\n{out}");
    }
    t.run(&["catalog", "list", "2575"])
        .fails_with(1)
        .stderr_contains("catalog import");
    t.run(&["catalog", "diff", "2567", "2568"])
        .fails_with(1)
        .stderr_contains("[mapping]");
}

#[test]
fn a_2570_year_is_provisional_until_the_nacc_table_is_imported() {
    let mut t = SiteTest::fixture("catalog-2570");
    let out = check_out(&mut t);
    assert!(
        out.contains("content/2570/_index.md:3:15: warning[catalog-provisional]"),
        "{out}"
    );
    t.build();
    for page in [
        "index.html",
        "2570/index.html",
        "2570/oit/index.html",
        "2570/oit/o1/index.html",
    ] {
        assert!(
            t.read(page)
                .contains("ยังไม่ประกาศรายการข้อ OIT ของปี 2570 หน้านี้ใช้รายการของกรอบปี 2569 ไปพลางก่อน"),
            "{page} lacks the provisional notice"
        );
    }

    // A bad table: the file, the line and what to do; nothing written.
    t.run(&["catalog", "import", "bad-2570.tsv", "--year", "2570"])
        .fails_with(1);
    let err = t.stderr();
    assert!(err.contains("bad-2570.tsv: บรรทัด 3 (line 3): ข้อ O2 ไม่มีชื่อข้อ"), "{err}");
    assert!(!t.root().join("catalogs/2570.toml").exists());

    t.run(&["catalog", "import", "nacc-2570.tsv", "--year", "2570"])
        .success();
    let toml = std::fs::read_to_string(t.root().join("catalogs/2570.toml")).expect("catalog written");
    assert!(toml.contains("title_th = \"โครงสร้างและหน้าที่ของหน่วยงาน\""), "{toml}");
    t.run(&["catalog", "import", "nacc-2570.tsv", "--year", "2570"])
        .fails_with(1)
        .stderr_contains("--force");

    let out = check_out(&mut t);
    assert!(!out.contains("catalog-provisional"), "{out}");
    assert!(!out.contains("warning["), "{out}");
    t.run(&["catalog", "list", "2570"]).success();
    assert!(
        t.stdout()
            .contains("O4\t9.2\thigh\tthe fiscal year before the assessed one\tรายงานผลการดำเนินงานประจำปี"),
        "{}",
        t.stdout()
    );
    t.build();
    let o1 = t.read("2570/oit/o1/index.html");
    assert!(
        o1.contains("O1 โครงสร้างและหน้าที่ของหน่วยงาน"),
        "the portal's catalog is used"
    );
    assert!(!o1.contains("catalog-notice"), "NACC's own list needs no notice");
}

const W: &str = "xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\"";

fn cell(text: &str) -> String {
    format!("<w:tc><w:p><w:r><w:t xml:space=\"preserve\">{text}</w:t></w:r></w:p></w:tc>")
}

fn docx(rows: &[&[&str]]) -> Vec<u8> {
    let body: String = rows
        .iter()
        .map(|r| format!("<w:tr>{}</w:tr>", r.iter().map(|c| cell(c)).collect::<String>()))
        .collect();
    let xml = format!(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?><w:document {W}><w:body>\
         <w:p><w:r><w:t>รายการข้อมูลสาธารณะ ปี ๒๕๗๐</w:t></w:r></w:p><w:tbl>{body}</w:tbl><w:sectPr/></w:body></w:document>"
    );
    let mut out = std::io::Cursor::new(Vec::new());
    {
        let mut zip = zip::ZipWriter::new(&mut out);
        let options = zip::write::SimpleFileOptions::default().compression_method(zip::CompressionMethod::Stored);
        zip.start_file("[Content_Types].xml", options).expect("zip");
        zip.write_all(
            b"<?xml version=\"1.0\"?><Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\"/>",
        )
        .expect("zip");
        zip.start_file("word/document.xml", options).expect("zip");
        zip.write_all(xml.as_bytes()).expect("zip");
        zip.finish().expect("zip");
    }
    out.into_inner()
}

#[test]
fn the_nacc_table_as_a_word_file() {
    let mut t = SiteTest::fixture("catalog-2570");
    t.write(
        "nacc-2570.docx",
        docx(&[
            &["ข้อ", "รายการ", "ตัวชี้วัด"],
            &["๑", "โครงสร้างหน่วยงาน", "๙"],
            &["O2", "ข้อมูลผู้บริหาร", "9"],
            &["O3", "แผนปฏิบัติการป้องกันการทุจริต", "10"],
        ]),
    );
    t.run(&["catalog", "import", "nacc-2570.docx", "--year", "2570"])
        .success();
    t.run(&["catalog", "list", "2570"]).success();
    let out = t.stdout();
    assert!(
        out.contains("O1\t9.?\tmedium") && out.contains("O3\t10.?\tmedium"),
        "{out}"
    );
    assert!(out.contains("(partial") || out.contains("ความเชื่อมั่น ปานกลาง"), "{out}");

    t.write("wrong.docx", docx(&[&["ลำดับ", "เรื่อง"], &["1", "ก"]]));
    t.run(&["catalog", "import", "wrong.docx", "--year", "2570", "--force"])
        .fails_with(1);
    let err = t.stderr();
    assert!(
        err.contains("wrong.docx: ไม่พบตารางรายการข้อ OIT") && err.contains("หัวตารางที่พบ"),
        "{err}"
    );
    t.write("bad-id.docx", docx(&[&["ข้อ", "รายการ"], &["Q1", "โครงสร้าง"]]));
    t.run(&["catalog", "import", "bad-id.docx", "--year", "2570", "--force"])
        .fails_with(1);
    assert!(t.stderr().contains("bad-id.docx: ตารางที่ 1 แถวที่ 2"), "{}", t.stderr());
}

#[test]
fn init_2570_says_the_list_is_not_published_and_builds_provisionally() {
    let mut t = SiteTest::empty();
    t.run(&["init", "p", "--year", "2570"]).success();
    assert!(
        t.stderr().contains("ยังไม่ประกาศรายการข้อ OIT ของปี 2570"),
        "{}",
        t.stderr()
    );
    assert!(t.stderr().contains("กรอบปี 2569"), "{}", t.stderr());
    t.run(&["--root", "p", "check", "--format", "short"]).success();
    assert!(t.stderr().contains("warning[catalog-provisional]"), "{}", t.stderr());
    t.run(&["init", "q", "--year", "2569"]).success();
    assert!(!t.stderr().contains("ยังไม่ประกาศ"), "{}", t.stderr());
    t.run(&["--root", "q", "check", "--deny", "warnings"]).success();
}
