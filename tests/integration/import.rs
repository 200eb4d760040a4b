//! `prongsai import`: each fixture under `tests/fixtures/import/<case>/` holds an input table
//! made from a seed (and optionally `args`, one command-line argument per line); the measure
//! files it writes must equal `expected/`, and must check clean in a portal. The Word case is
//! built here from XML strings. Set `PRONGSAI_BLESS=1` to rewrite `expected/` after review.

use std::io::Write as _;
use std::path::{Path, PathBuf};

use crate::harness::{copy_tree, fixtures_dir, snapshot, SiteTest};

fn case_dir(case: &str) -> PathBuf {
    fixtures_dir().join("import").join(case)
}

/// A portal with the fiscal-year section the measures belong to.
fn portal(year: &str) -> SiteTest {
    let mut t = SiteTest::empty();
    t.write(
        "prongsai.toml",
        "title = \"ทดสอบ\"\nbase_url = \"https://example.org/\"\n\n[organization]\nname = \"เทศบาลทดสอบ\"\n",
    );
    t.write("content/_index.md", "+++\ntitle = \"หน้าแรก\"\n+++\n");
    t.write(
        &format!("content/{year}/_index.md"),
        format!("+++\ntitle = \"ปีงบประมาณ {year}\"\nfiscal_year = {year}\n+++\n"),
    );
    t.write(
        &format!("content/{year}/plan.md"),
        "+++\ntitle = \"แผน\"\nkind = \"plan\"\n+++\n",
    );
    t
}

/// Imports `input` into a fresh portal, compares the measure files with `expected/` and checks
/// the portal clean.
fn import_case(case: &str, input: &Path, year: &str) {
    let mut t = portal(year);
    let mut args: Vec<String> = vec!["import".into(), input.to_string_lossy().into_owned()];
    if let Ok(extra) = std::fs::read_to_string(case_dir(case).join("args")) {
        args.extend(extra.lines().filter(|l| !l.is_empty()).map(str::to_string));
    }
    let args: Vec<&str> = args.iter().map(String::as_str).collect();
    t.run(&args).success();
    let written = t.root().join("content").join(year).join("measures");
    compare_dirs(&case_dir(case).join("expected"), &written);
    t.run(&["check", "--format", "short"]).success();
    // Warnings about the source data itself (a mistyped year in the original report) are
    // expected and reviewed in `check.txt`; without that file the portal must check clean.
    let expected_check = case_dir(case).join("check.txt");
    if std::env::var_os("PRONGSAI_BLESS").is_some() && !t.stderr().contains("0 errors, 0 warnings") {
        std::fs::write(&expected_check, t.stderr()).expect("bless check.txt");
    }
    match std::fs::read_to_string(&expected_check) {
        Ok(expected) => assert_eq!(t.stderr(), expected, "{}", expected_check.display()),
        Err(_) => assert!(t.stderr().contains("0 errors, 0 warnings"), "{}", t.stderr()),
    }
}

fn compare_dirs(expected: &Path, actual: &Path) {
    if std::env::var_os("PRONGSAI_BLESS").is_some() {
        let _ = std::fs::remove_dir_all(expected);
        std::fs::create_dir_all(expected).expect("mkdir");
        copy_tree(actual, expected, false);
        return;
    }
    let want = snapshot(expected);
    let got = snapshot(actual);
    let names = |s: &[(String, Vec<u8>)]| s.iter().map(|(n, _)| n.clone()).collect::<Vec<_>>();
    assert_eq!(names(&got), names(&want), "files written vs {}", expected.display());
    for ((name, a), (_, e)) in got.iter().zip(&want) {
        assert!(
            a == e,
            "{name} differs from {}\n--- expected\n{}\n--- actual\n{}",
            expected.display(),
            String::from_utf8_lossy(e),
            String::from_utf8_lossy(a)
        );
    }
}

#[test]
fn seed_000_report_table_as_markdown() {
    import_case(
        "seed000-report-md",
        &case_dir("seed000-report-md").join("input.md"),
        "2564",
    );
}

#[test]
fn seed_000_plan_and_report_tables_merge_by_number() {
    let case = "seed000-plan-and-report-md";
    import_case(case, &case_dir(case).join("input.md"), "2564");
}

#[test]
fn seed_001_annual_report_as_tsv_with_group_rows_and_owners_in_notes() {
    let case = "seed001-annual-tsv";
    import_case(case, &case_dir(case).join("input.tsv"), "2567");
}

#[test]
fn seed_002_plan_as_tsv_with_quarters() {
    let case = "seed002-plan-tsv";
    import_case(case, &case_dir(case).join("input.tsv"), "2564");
}

#[test]
fn seed_003_plan_as_csv() {
    let case = "seed003-plan-csv";
    import_case(case, &case_dir(case).join("input.csv"), "2565");
}

#[test]
fn seed_004_report_as_tsv_with_a_renamed_result_column() {
    let case = "seed004-report-tsv";
    import_case(case, &case_dir(case).join("input.tsv"), "2564");
}

/// The round trip of the issue: seed 000's round-1 report table, imported into the example
/// portal in place of its hand-written measures, builds with the seed's counts.
#[test]
fn seed_000_report_round_trip_gives_3_done_and_5_in_progress() {
    let mut t = SiteTest::empty();
    let repo = Path::new(env!("CARGO_MANIFEST_DIR"));
    std::fs::copy(repo.join("prongsai.toml"), t.root().join("prongsai.toml")).expect("copy");
    copy_tree(&repo.join("content"), &t.root().join("content"), false);
    let measures = t.root().join("content/2564/measures");
    std::fs::remove_dir_all(&measures).expect("rm");
    let input = case_dir("seed000-report-md").join("input.md");
    t.run(&["import", &input.to_string_lossy()]).success();
    assert_eq!(std::fs::read_dir(&measures).map(|d| d.count()).unwrap_or(0), 8);
    // the imported measures are named by number: the o-item links to them must follow
    t.run(&["check"])
        .fails_with(1)
        .stderr_contains("measures/06-anti-corruption/");
    for entry in std::fs::read_dir(t.root().join("content/2564/oit"))
        .expect("oit")
        .flatten()
    {
        let text = std::fs::read_to_string(entry.path()).expect("read");
        let text = text
            .replace("06-anti-corruption/", "06/")
            .replace("01-service-facilitation/", "01/");
        std::fs::write(entry.path(), text).expect("write");
    }
    t.build();
    let statuses = t.first_round_statuses("2564");
    assert_eq!(statuses.iter().filter(|s| *s == "done").count(), 3, "{statuses:?}");
    assert_eq!(
        statuses.iter().filter(|s| *s == "in-progress").count(),
        5,
        "{statuses:?}"
    );
}

// ---- Word ----

const W: &str = "xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\"";

fn p(text: &str) -> String {
    let runs: Vec<String> = text
        .split('\n')
        .map(|part| format!("<w:t xml:space=\"preserve\">{}</w:t>", xml_escape(part)))
        .collect();
    format!("<w:p><w:r>{}</w:r></w:p>", runs.join("<w:br/>"))
}

fn numbered(text: &str) -> String {
    format!(
        "<w:p><w:pPr><w:numPr><w:ilvl w:val=\"0\"/><w:numId w:val=\"3\"/></w:numPr></w:pPr><w:r><w:t>{}</w:t></w:r></w:p>",
        xml_escape(text)
    )
}

fn xml_escape(text: &str) -> String {
    text.replace('&', "&amp;").replace('<', "&lt;").replace('>', "&gt;")
}

fn tc(content: &str, props: &str) -> String {
    format!("<w:tc><w:tcPr>{props}</w:tcPr>{content}</w:tc>")
}

fn tr(cells: &[String]) -> String {
    format!("<w:tr>{}</w:tr>", cells.concat())
}

fn grid(n: usize) -> String {
    format!("<w:tblGrid>{}</w:tblGrid>", "<w:gridCol/>".repeat(n))
}

/// A measures plan in Word, shaped like seed 003's table with seed 000's habits: a header
/// repeated in a second table after a page break, a group row spanning every column, a
/// measure title merged down over a continuation row, auto-numbered steps, line breaks.
fn plan_docx_xml() -> String {
    let header = tr(&[
        tc(&p("มาตรการ"), ""),
        tc(&p("ขั้นตอน/วิธีการปฏิบัติ"), ""),
        tc(&p("ผู้รับผิดชอบ"), ""),
        tc(&p("กำหนด\nแล้วเสร็จ"), ""),
        tc(&p("การรายงานผล"), ""),
    ]);
    let group = tr(&[tc(&p("ส่วนที่ ๑ การป้องกันการทุจริต"), "<w:gridSpan w:val=\"5\"/>")]);
    let first = tr(&[
        tc(&p("๑. การเพิ่มประสิทธิภาพในการปฏิบัติหน้าที่"), "<w:vMerge w:val=\"restart\"/>"),
        tc(
            &[
                numbered("จัดให้มีการเปิดเผยข้อมูลเกี่ยวกับ ขั้นตอน ระยะเวลา และผู้รับผิดชอบ"),
                numbered("จัดทำคู่มือการปฏิบัติงาน"),
            ]
            .concat(),
            "",
        ),
        tc(&p("๑.สำนักปลัดเทศบาล ๒.กองคลัง"), ""),
        tc(&p("กันยายน ๒๕๖๕"), ""),
        tc(&p("รายไตรมาส"), ""),
    ]);
    let continued = tr(&[
        tc("<w:p/>", "<w:vMerge/>"),
        tc(&p("๓. เผยแพร่คู่มือบนเว็บไซต์ &amp; Facebook"), ""),
        tc("<w:p/>", ""),
        tc("<w:p/>", ""),
        tc("<w:p/>", ""),
    ]);
    let second = tr(&[
        tc(&p("๒. การใช้จ่ายงบประมาณ"), ""),
        tc(
            &p("เปิดเผยข้อมูลในเว็บไซต์ของหน่วยงาน ดังนี้\n- แผนการจัดซื้อจัดจ้าง\n- งบประมาณ"),
            "",
        ),
        tc(&p("กองคลัง"), ""),
        tc(&p("ไตรมาสที่ ๒"), ""),
        tc(&p("รายเดือน"), ""),
    ]);
    format!(
        "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\
         <w:document {W}><w:body>{}{}\
         <w:tbl>{}{header}{group}{first}</w:tbl>\
         <w:p><w:r><w:br w:type=\"page\"/></w:r></w:p>\
         <w:tbl>{}{header}{continued}{second}</w:tbl>\
         <w:sectPr/></w:body></w:document>",
        p("มาตรการส่งเสริมคุณธรรมและความโปร่งใส ประจำปีงบประมาณ พ.ศ. ๒๕๖๕"),
        p("เทศบาลตัวอย่าง"),
        grid(5),
        grid(5),
    )
}

fn docx(document_xml: &str) -> Vec<u8> {
    let mut out = std::io::Cursor::new(Vec::new());
    {
        let mut zip = zip::ZipWriter::new(&mut out);
        let options = zip::write::SimpleFileOptions::default().compression_method(zip::CompressionMethod::Stored);
        for (name, text) in [
            (
                "[Content_Types].xml",
                "<?xml version=\"1.0\"?><Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">\
                 <Default Extension=\"xml\" ContentType=\"application/xml\"/></Types>",
            ),
            ("word/document.xml", document_xml),
        ] {
            zip.start_file(name, options).expect("zip entry");
            zip.write_all(text.as_bytes()).expect("zip write");
        }
        zip.finish().expect("zip finish");
    }
    out.into_inner()
}

#[test]
fn a_word_plan_with_merged_cells_page_breaks_and_numbering() {
    let dir = tempfile::tempdir().expect("tmp");
    let input = dir.path().join("plan.docx");
    std::fs::write(&input, docx(&plan_docx_xml())).expect("write");
    import_case("docx-plan", &input, "2565");
}

// ---- Options and errors ----

#[test]
fn dry_run_prints_and_writes_nothing_and_force_is_needed_to_overwrite() {
    let mut t = portal("2565");
    let input = case_dir("seed003-plan-csv").join("input.csv");
    let input = input.to_string_lossy();
    t.run(&["import", &input, "--year", "2565", "--dry-run"]).success();
    assert!(t.stdout().contains("=== content/2565/measures/01.md"), "{}", t.stdout());
    assert!(t.stdout().contains("title = \"การเพิ่มประสิทธิภาพในการปฏิบัติหน้าที่\""));
    assert!(!t.root().join("content/2565/measures").exists());
    t.run(&["import", &input, "--year", "2565"]).success();
    t.run(&["import", &input, "--year", "2565"])
        .fails_with(1)
        .stderr_contains("--force");
    t.run(&["import", &input, "--year", "2565", "--force"]).success();
    // Another file with the same measure number is never silently duplicated.
    t.write(
        "content/2565/measures/extra.md",
        "+++\nkind = \"measure\"\nnumber = 2\ntitle = \"x\"\n+++\n",
    );
    t.run(&["import", &input, "--year", "2565", "--force"])
        .fails_with(1)
        .stderr_contains("extra.md");
}

#[test]
fn the_summary_names_every_skip_and_the_table_option_picks_one_table() {
    let mut t = portal("2564");
    let input = case_dir("seed000-plan-and-report-md").join("input.md");
    let input = input.to_string_lossy();
    t.run(&["import", &input, "--dry-run"]).success();
    let err = t.stderr();
    assert!(err.contains("หัวตารางซ้ำ (repeated header row)"), "{err}");
    assert!(err.contains("rows imported 8, merged"), "{err}");
    t.run(&["import", &input, "--table", "1"]).success();
    let first = std::fs::read_to_string(t.root().join("content/2564/measures/01.md")).expect("read");
    assert!(
        !first.contains("[[progress]]"),
        "the plan table has no results:\n{first}"
    );
    t.run(&["import", &input, "--table", "9", "--dry-run"]).fails_with(1);
}

#[test]
fn year_is_required_when_the_document_does_not_say() {
    let mut t = portal("2564");
    t.write("plan.csv", "มาตรการ,ผู้รับผิดชอบ\nก,กองคลัง\n");
    t.run(&["import", "plan.csv"]).fails_with(1).stderr_contains("--year");
    t.run(&["import", "plan.csv", "--year", "2564"]).success();
}

#[test]
fn malformed_files_get_clear_errors_and_write_nothing() {
    let mut ole = vec![0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1];
    ole.extend(vec![0u8; 64]);
    let mut encrypted = ole.clone();
    encrypted.extend("EncryptionInfo".encode_utf16().flat_map(u16::to_le_bytes));
    let cases: Vec<(&str, Vec<u8>, &str)> = vec![
        (
            "prose.txt",
            "มาตรการส่งเสริมคุณธรรม ปีงบประมาณ พ.ศ. ๒๕๖๔\nไม่มีตาราง\n".into(),
            "ไม่พบตาราง",
        ),
        ("empty.csv", Vec::new(), "ว่างเปล่า"),
        ("other.csv", "ชื่อ,คะแนน\nก,๙๐\n".into(), "ไม่พบตารางมาตรการ"),
        ("secret.docx", encrypted, "เข้ารหัส"),
        ("old.docx", ole, ".doc"),
        ("broken.docx", b"PK\x03\x04 this is not a zip".to_vec(), "เสียหาย"),
        ("notword.docx", docx_without_document(), "word/document.xml"),
        (
            "tis620.csv",
            vec![0xC1, 0xD2, 0xB5, 0xC3, 0xA1, 0xD2, 0xC3, b',', b'x', b'\n'],
            "TIS-620",
        ),
    ];
    for (name, bytes, needle) in cases {
        let mut t = portal("2564");
        t.write(name, &bytes);
        t.run(&["import", name, "--year", "2564"])
            .fails_with(1)
            .stderr_contains(needle);
        assert!(!t.root().join("content/2564/measures").exists(), "{name} wrote files");
    }
}

fn docx_without_document() -> Vec<u8> {
    let mut out = std::io::Cursor::new(Vec::new());
    {
        let mut zip = zip::ZipWriter::new(&mut out);
        zip.start_file("hello.txt", zip::write::SimpleFileOptions::default())
            .expect("zip entry");
        zip.write_all(b"hi").expect("zip write");
        zip.finish().expect("zip finish");
    }
    out.into_inner()
}
