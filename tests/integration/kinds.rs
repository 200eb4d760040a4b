//! One small fixture portal per page kind (SPEC §4): `tests/fixtures/kind-<kind>/`. Each test
//! compares the kind's pages, the year page, the generated `<year>/oit/` page and the year's
//! open data with the expected files, and asserts the key values by hand so that a wrong
//! number fails even after a careless re-bless.

use crate::harness::{main_region, SiteTest};

fn built(case: &str) -> SiteTest {
    let mut t = SiteTest::fixture(case);
    t.build();
    t
}

fn main_of(t: &SiteTest, rel: &str) -> String {
    main_region(&t.read(rel))
}

fn json(t: &SiteTest, rel: &str) -> serde_json::Value {
    serde_json::from_str(&t.read(rel)).unwrap_or_else(|e| panic!("{rel}: {e}"))
}

#[track_caller]
fn has(haystack: &str, needle: &str) {
    assert!(haystack.contains(needle), "lacks {needle:?}:\n{haystack}");
}

#[track_caller]
fn lacks(haystack: &str, needle: &str) {
    assert!(!haystack.contains(needle), "should not contain {needle:?}:\n{haystack}");
}

/// The words of the visible text (tags removed) that contain an ASCII digit, except O-item
/// ids (`O43` is the canonical id, not a number).
fn ascii_numbers(main: &str) -> Vec<String> {
    let mut text = String::new();
    let mut in_tag = false;
    for c in main.chars() {
        match c {
            '<' => in_tag = true,
            '>' => {
                in_tag = false;
                text.push(' ');
            }
            c if !in_tag => text.push(c),
            _ => {}
        }
    }
    text.split_whitespace()
        .filter(|w| w.chars().any(|c| c.is_ascii_digit()))
        .filter(|w| {
            let id = w.trim_matches(|c: char| !c.is_alphanumeric());
            !(id.starts_with('O') && id[1..].chars().all(|c| c.is_ascii_digit()))
        })
        .map(str::to_string)
        .collect()
}

#[test]
fn kind_o_item() {
    let mut t = built("kind-o-item");
    t.main_eq("2566/oit/o43/index.html")
        .main_eq("2568/oit/o1/index.html")
        .main_eq("2566/index.html")
        .main_eq("2566/oit/index.html")
        .main_eq("2568/oit/index.html")
        .file_eq("2566/oit.json")
        .file_eq("2568/oit.json")
        .file_eq("2566/measures.json")
        .file_eq("2566/measures.csv");
    assert!(!t.exists("2566/scores.json"), "no analysis, no scores.json");

    let o43 = main_of(&t, "2566/oit/o43/index.html");
    // "O๔๓" is item O43 of framework 2566 (sub-indicator 10.2).
    has(&o43, "O43 การดำเนินการตามมาตรการส่งเสริมคุณธรรมและความโปร่งใสภายในหน่วยงาน");
    has(&o43, "10.2 มาตรการภายในเพื่อป้องกันการทุจริต");
    // "๒๖ เมษายน ๒๕๖๖" is shown in ASCII digits (thai_digits = false), updated as a BE date.
    has(&o43, "<time datetime=\"2023-04-26\">26 เมษายน 2566</time>");
    has(&o43, "<time datetime=\"2023-05-01\">1 พฤษภาคม 2566</time>");
    has(&o43, "<a href=\"../../../2566/\">ข้อมูลปีงบประมาณ ๒๕๖๖</a>");
    has(&o43, "<a href=\"https://itas.nacc.go.th/\">");
    has(
        &o43,
        "<a href=\"../../../2566/oit/o43-report.pdf\">o43-report.pdf</a> <span class=\"filemeta\">(PDF, 22 B)</span>",
    );
    has(
        &o43,
        "หน้าแรก → ปีงบประมาณ พ.ศ. 2566 → รายการข้อมูลสาธารณะ (OIT) ปีงบประมาณ พ.ศ. 2566 → O43",
    );
    lacks(&o43, "class=\"notice\"");
    assert!(t.exists("2566/oit/o43-report.pdf"), "the file is copied");

    // 2568: O1 has no confirmed sub-indicator; the title defaults to the catalog's.
    let o1 = main_of(&t, "2568/oit/o1/index.html");
    has(&o1, "<h1>O1 โครงสร้างและอำนาจหน้าที่</h1>");
    has(&o1, "<p class=\"notice\">รายการนี้ยังไม่ได้รับการยืนยัน");
    let catalog = main_of(&t, "2568/oit/index.html");
    // The catalog is research, not NACC's text, and every page using it says so.
    has(&catalog, "ไม่ใช่ข้อความของสำนักงาน ป.ป.ช.");
    has(&catalog, "(ระดับความเชื่อมั่น: ค่อนข้างต่ำ)");
    has(&catalog, "(ยังไม่ยืนยัน ความเชื่อมั่น: ปานกลาง)");
    has(&o1, "ไม่ใช่ข้อความของสำนักงาน ป.ป.ช.");
    has(&o43, "(ระดับความเชื่อมั่น: ค่อนข้างสูง)");

    // Framework 2566, only O43 published: 10.2 = 1/5 → indicator 10 = (0 + 20)/2 = 10,
    // indicator 9 = 0, OIT = 5.
    let oit = json(&t, "2566/oit.json");
    let items = oit["items"].as_array().expect("items");
    assert_eq!(items.len(), 43);
    let published: Vec<&str> = items
        .iter()
        .filter(|i| i["published"] == true)
        .map(|i| i["id"].as_str().unwrap_or(""))
        .collect();
    assert_eq!(published, ["O43"]);
    let o43_entry = items.iter().find(|i| i["id"] == "O43").expect("O43");
    assert_eq!(o43_entry["url"], "https://example.org/ita/2566/oit/o43/");
    assert_eq!(o43_entry["sub_indicator"], "10.2");
    assert_eq!(oit["projected"]["indicator9"], 0.0);
    assert_eq!(oit["projected"]["indicator10"], 10.0);
    assert_eq!(oit["projected"]["OIT"], 5.0);
    let year = main_of(&t, "2566/index.html");
    has(&year, "<span class=\"tile-number\">1</span> / 43 ข้อ");
    has(&year, "<progress class=\"meter\" max=\"43\" value=\"1\"");
    has(&year, "<a href=\"../2566/oit/\">");
    has(&main_of(&t, "2566/oit/index.html"), "<strong>5.00</strong>");
}

#[test]
fn kind_measure() {
    let mut t = built("kind-measure");
    t.main_eq("2565/measures/02-monitoring/index.html")
        .main_eq("2565/measures/01-manual/index.html")
        .main_eq("2565/index.html")
        .file_eq("2565/measures.json")
        .file_eq("2565/measures.csv");

    let m = main_of(&t, "2565/measures/02-monitoring/index.html");
    has(&m, "<dd>2</dd>");
    has(&m, "กองยุทธศาสตร์และงบประมาณ, สำนักปลัดเทศบาล");
    // start "๑ ตุลาคม ๒๕๖๔" and end 2565-03-31 (BE) are the same fiscal year 2565.
    has(&m, "ต.ค. ๖๔ – มี.ค. ๖๕ (1 ตุลาคม 2564 – 31 มีนาคม 2565)");
    has(&m, "รายไตรมาส");
    has(&m, "7. ประสิทธิภาพการสื่อสาร, 9. การเปิดเผยข้อมูล");
    // O11 has a page this year, O42 does not.
    has(&m, "<a href=\"../../../2565/oit/o11/\">O11</a>, O42");
    has(&m, "ผลการดำเนินงาน รอบ 6 เดือน (ตุลาคม – มีนาคม)");
    has(
        &m,
        "<span class=\"status status-done\">ดำเนินการเรียบร้อยแล้ว</span> <span class=\"meta\">31 มีนาคม 2565</span>",
    );
    has(&m, "<strong>ครบ ๒ ไตรมาส</strong>");
    has(&m, "ผู้บริหารรับทราบผล ร้อยละ ๑๐๐");
    has(&m, "ควรเผยแพร่ให้เร็วขึ้น");
    has(
        &m,
        "<span class=\"status status-in-progress\">อยู่ระหว่างดำเนินการ</span> <span class=\"meta\">30 กันยายน 2565</span>",
    );

    let data = json(&t, "2565/measures.json");
    let list = data.as_array().expect("array");
    assert_eq!(list.len(), 2);
    assert_eq!(list[0]["number"], 1, "sorted by number");
    let m2 = &list[1];
    assert_eq!(m2["number"], 2);
    assert_eq!(m2["indicators"], serde_json::json!([7, 9]));
    assert_eq!(m2["items"], serde_json::json!(["O11", "O42"]));
    assert_eq!(m2["start"], "2021-10-01");
    assert_eq!(m2["end"], "2022-03-31");
    assert_eq!(m2["url"], "https://example.org/ita/2565/measures/02-monitoring/");
    assert_eq!(m2["progress"][0]["date"], "2022-03-31");
    assert_eq!(m2["progress"][0]["status"], "done");
    assert_eq!(
        m2["progress"][1]["status"], "in-progress",
        "Thai status in English form"
    );
    assert_eq!(m2["progress"][1]["date"], "2022-09-30");
    assert!(m2["progress"][1]["outcome"].is_null());
    let csv = t.read("2565/measures.csv");
    // One row for measure 1 (no progress), one per round of measure 2.
    assert_eq!(csv.lines().count(), 4, "{csv}");
    has(&csv, "7; 9,O11; O42,กองยุทธศาสตร์และงบประมาณ; สำนักปลัดเทศบาล");
    // The progress date is a column too (ISO, common era).
    has(&csv, ",2,in-progress,อยู่ระหว่างสรุปผลประจำปี,,,2022-09-30\r\n");
}

#[test]
fn kind_analysis() {
    let mut t = built("kind-analysis");
    t.main_eq("2566/analysis/index.html")
        .main_eq("2567/analysis/index.html")
        .main_eq("2566/index.html")
        .main_eq("2567/index.html")
        .main_eq("index.html")
        .file_eq("2566/scores.json")
        .file_eq("2567/scores.json");

    // ITA 2565 (letters): IIT (87.89+74.84+81.59+76.28+77.88)/5 = 79.696, EIT
    // (91.25+88.10+90)/3 = 89.7833, OIT (92.78+90)/2 = 91.39; total 23.9088 + 26.935 +
    // 36.556 = 87.3998 → 87.40, grade A, passed.
    let s = json(&t, "2566/scores.json");
    assert_eq!(s["fiscal_year"], 2566);
    assert_eq!(s["assessed_year"], 2565);
    assert_eq!(s["indicators"]["2"], 74.84, "Thai-digit score");
    assert_eq!(s["indicators"]["10"], 90.0, "Thai-digit indicator key");
    assert_eq!(s["tools"]["IIT"], 79.7);
    assert_eq!(s["tools"]["EIT"], 89.78);
    assert_eq!(s["tools"]["OIT"], 91.39);
    assert_eq!(s["total"], 87.4);
    assert_eq!(s["grade"], "A");
    assert_eq!(s["passed"], true);
    let a = main_of(&t, "2566/analysis/index.html");
    has(&a, "คะแนน ITA ปี 2565</h2>");
    has(&a, "<span class=\"score-number\">87.40</span>");
    has(&a, "<p class=\"verdict pass\">ผลการประเมิน <strong>A</strong></p>");
    has(&a, "<div><dt>IIT</dt><dd>79.70</dd></div><div><dt>EIT</dt><dd>89.78</dd></div><div><dt>OIT</dt><dd>91.39</dd></div>");
    // the indicator chart is a named image beside the table
    has(
        &a,
        "<svg class=\"bar-chart\" role=\"img\" aria-label=\"คะแนน ITA ปี 2565 รายตัวชี้วัด จากคะแนนเต็ม 100\"",
    );
    lacks(&a, "คะแนนที่ประกาศ");
    // oit_failed O2, O20, O42 (framework 2565): 9.1 8/9, 9.3 3/4, 10.2 4/5.
    has(&a, "<td class=\"num\">8/9</td><td class=\"num\">88.89</td><td>O2</td>");
    has(&a, "<td class=\"num\">3/4</td><td class=\"num\">75.00</td><td>O20</td>");
    has(&a, "<td class=\"num\">4/5</td><td class=\"num\">80.00</td><td>O42</td>");
    has(&a, "<li>แสดงข้อมูลผู้บริหารไม่ครบถ้วน</li>");
    has(&a, "<li>ควรเผยแพร่ข้อมูลก่อนวันที่ ๓๐ เมษายน ๒๕๖๖</li>");

    // ITA 2566 (ผ่าน/ไม่ผ่าน): IIT 82.75, EIT 74.3333, OIT 79.375; total 24.825 + 22.3 +
    // 31.75 = 78.875 → 78.88 (half up), letter B but published as ไม่ผ่าน.
    let s = json(&t, "2567/scores.json");
    assert_eq!(s["assessed_year"], 2566);
    assert_eq!(s["tools"]["EIT"], 74.33);
    assert_eq!(s["tools"]["OIT"], 79.38);
    assert_eq!(s["total"], 78.88);
    assert_eq!(s["grade"], "ไม่ผ่าน");
    assert_eq!(s["passed"], false);
    let a = main_of(&t, "2567/analysis/index.html");
    has(&a, "<span class=\"score-number\">78.88</span>");
    has(&a, "<p class=\"verdict fail\">ผลการประเมิน <strong>ไม่ผ่าน</strong></p>");
    has(&a, "<p class=\"notice\">คะแนนที่ประกาศ 80.10</p>");
    // two analyses on the site: the year-over-year chart and its table, oldest first
    has(
        &a,
        "<th scope=\"row\"><a href=\"../../2566/analysis/\">2565</a></th><td class=\"num\">87.40</td>",
    );
    has(
        &a,
        "<th scope=\"row\"><a href=\"../../2567/analysis/\">2566</a></th><td class=\"num\">78.88</td>",
    );
    // The [memo] cover: header and signature.
    has(&a, "<dd>ทด ๕๒๐๐๑/๑๒</dd>");
    has(&a, "<dd>1 ตุลาคม 2566</dd>");
    has(&a, "<p class=\"name\">(นางสาวทดสอบ ใจดี)</p>");

    // The home page shows the latest fiscal year (2567, which analyses ITA 2566).
    let home = main_of(&t, "index.html");
    has(&home, "คะแนน ITA ปี 2566</h3>");
    has(&home, "<span class=\"score-number\">78.88</span>");
    has(
        &home,
        "<p class=\"verdict fail\">ผลการประเมิน <strong>ไม่ผ่าน</strong></p>",
    );
    has(&home, "<caption id=\"cap-history\">คะแนน ITA รายปี</caption>");
    let year = main_of(&t, "2566/index.html");
    has(&year, "คะแนน ITA ปี 2565</h3>");
    has(&year, "<span class=\"score-number\">87.40</span>");
    has(&year, "<p class=\"verdict pass\">ผลการประเมิน <strong>A</strong></p>");
    has(
        &year,
        "<a href=\"../2566/analysis/\">การวิเคราะห์ผลการประเมิน ITA ประจำปี ๒๕๖๕</a>",
    );
}

#[test]
fn kind_plan() {
    let mut t = built("kind-plan");
    t.main_eq("2564/plan/index.html")
        .main_eq("2564/index.html")
        .file_eq("2564/measures.json")
        .file_eq("2564/measures.csv");

    let plan = main_of(&t, "2564/plan/index.html");
    // Every measure of the year in number order (10 after 2).
    let first = plan.find(">1. จัดทำคู่มือการปฏิบัติงาน</a>").expect("measure 1");
    let second = plan.find(">2. การจัดการเรื่องร้องเรียนการทุจริต</a>").expect("measure 2");
    let tenth = plan.find(">10. การใช้ทรัพย์สินของราชการ</a>").expect("measure 10");
    assert!(first < second && second < tenth, "{plan}");
    has(&plan, "<a href=\"../../2564/measures/02-complaints/\">");
    has(
        &plan,
        "<ol><li>เปิดช่องทางร้องเรียนออนไลน์</li><li>สรุปสถิติเรื่องร้องเรียนทุกเดือน</li></ol>",
    );
    has(
        &plan,
        "<td data-label=\"ผู้รับผิดชอบ\">สำนักปลัดเทศบาล, กองช่าง</td><td data-label=\"ระยะเวลาดำเนินการ\">ต.ค. ๖๓ – ก.ย. ๖๔</td><td data-label=\"การรายงานผล\">รายเดือน</td>",
    );
    has(
        &plan,
        "<td data-label=\"ผู้รับผิดชอบ\">กองคลัง</td><td data-label=\"ระยะเวลาดำเนินการ\"></td><td data-label=\"การรายงานผล\"></td>",
    );
    // The [memo] cover: CE date 2020-11-30 is shown in BE; the signature's BE TOML date too.
    has(&plan, "<dd>30 พฤศจิกายน 2563</dd>");
    has(&plan, "<dd>ทด ๕๒๐๐๘/๔๕</dd>");
    has(&plan, "<p class=\"sig-date\">30 พฤศจิกายน 2563</p>");
    assert_eq!(plan.matches("<tr><th scope=\"row\">").count(), 3);

    let data = json(&t, "2564/measures.json");
    let numbers: Vec<i64> = data
        .as_array()
        .expect("array")
        .iter()
        .map(|m| m["number"].as_i64().unwrap_or(0))
        .collect();
    assert_eq!(numbers, [1, 2, 10]);
    assert_eq!(
        data[0]["owners"],
        serde_json::json!(["ทุกสำนัก/กอง"]),
        "one owner as a list"
    );
    assert_eq!(data[1]["start"], "2020-10-01");
    assert_eq!(data[1]["end"], "2021-09-30");
    assert!(data[2]["period"].is_null());
    has(
        &main_of(&t, "2564/index.html"),
        "<a href=\"../2564/plan/\">มาตรการส่งเสริมคุณธรรมและความโปร่งใส ประจำปี ๒๕๖๔</a>",
    );
}

#[test]
fn kind_report() {
    let mut t = built("kind-report");
    t.main_eq("2567/report-h1/index.html")
        .main_eq("2567/report-annual/index.html")
        .main_eq("2567/index.html")
        .main_eq("2567/measures/03-survey/index.html")
        .file_eq("2567/measures.json")
        .file_eq("2567/measures.csv");

    // Round 1: done 1, in progress 1, measure 3 not reported (never dropped); 1/3 = 33%.
    let r1 = main_of(&t, "2567/report-h1/index.html");
    has(&r1, "สถานะมาตรการทั้งหมด 3 มาตรการ รอบ 6 เดือน (ตุลาคม – มีนาคม)");
    has(
        &r1,
        "ดำเนินการเรียบร้อยแล้ว</span></th><td class=\"num\">1</td><td class=\"num\">33</td>",
    );
    has(
        &r1,
        "อยู่ระหว่างดำเนินการ</span></th><td class=\"num\">1</td><td class=\"num\">33</td>",
    );
    has(
        &r1,
        "ยังไม่รายงาน</span></th><td class=\"num\">1</td><td class=\"num\">33</td>",
    );
    lacks(&r1, "status-cancelled");
    assert_eq!(
        r1.matches("<tr><th scope=\"row\"><a href=").count(),
        3,
        "every measure is a row"
    );
    has(&r1, "<p>จัดทำคู่มือครบ ๕ เล่ม</p>\n<p>เจ้าหน้าที่ใช้คู่มือทุกกอง</p>");
    has(&r1, "<time datetime=\"2024-04-26\">26 เมษายน 2567</time>");

    // Round 2 ("๒"): done 2 (67%), cancelled 1 (33%).
    let r2 = main_of(&t, "2567/report-annual/index.html");
    has(&r2, "สถานะมาตรการทั้งหมด 3 มาตรการ");
    has(
        &r2,
        "ดำเนินการเรียบร้อยแล้ว</span></th><td class=\"num\">2</td><td class=\"num\">67</td>",
    );
    has(
        &r2,
        "ยกเลิก</span></th><td class=\"num\">1</td><td class=\"num\">33</td>",
    );
    lacks(&r2, "status-not-reported");
    has(&r2, "<p>ประกาศเมื่อ ๑ ต.ค. ๒๕๖๖</p>");

    // The year page shows the latest round.
    let year = main_of(&t, "2567/index.html");
    has(&year, "<li><span class=\"status status-done\">ดำเนินการเรียบร้อยแล้ว</span> 2</li><li><span class=\"status status-cancelled\">ยกเลิก</span> 1</li>");

    let data = json(&t, "2567/measures.json");
    assert_eq!(data[0]["progress"][0]["date"], "2024-03-31", "\"๓๑ มี.ค ๖๗\"");
    assert_eq!(data[0]["progress"][0]["status"], "done");
    assert_eq!(data[1]["progress"][0]["status"], "in-progress");
    assert_eq!(data[2]["progress"][0]["status"], "cancelled");
    assert_eq!(data[2]["progress"][0]["suggestion"], "ย้ายไปปีงบประมาณ ๒๕๖๘");
    let csv = t.read("2567/measures.csv");
    assert_eq!(csv.lines().count(), 6, "header + 2 + 2 + 1:\n{csv}");
}

#[test]
fn kind_memo() {
    let mut t = built("kind-memo");
    t.main_eq("2564/memo/index.html")
        .main_eq("2564/report-h1/index.html")
        .main_eq("2564/index.html");

    let memo = main_of(&t, "2564/memo/index.html");
    has(&memo, "<dd>กองยุทธศาสตร์และงบประมาณ ฝ่ายแผนงานและงบประมาณ โทร. ๖๐๑</dd>");
    has(&memo, "<dd>สฎ ๕๒๐๐๘/๑๘๙</dd>");
    has(&memo, "<dd>26 เมษายน 2564</dd>");
    has(&memo, "<dd>รายงานติดตามผลการดำเนินงานตามมาตรการ รอบ ๖ เดือน</dd>");
    has(&memo, "<dd>หัวหน้าฝ่ายแผนงานและงบประมาณ</dd>");
    has(&memo, "<h2 id=\"เรื่องเดิม\">เรื่องเดิม</h2>");
    // Signatures in order, drafter first; a string date stays as written, a TOML date is BE.
    let drafter = memo.find("(นางสาวผู้ร่าง ทดสอบ)").expect("drafter");
    let clerk = memo.find("(นายปลัด ทดสอบ)").expect("clerk");
    let mayor = memo.find("(นายนายก ทดสอบ)").expect("mayor");
    assert!(drafter < clerk && clerk < mayor);
    has(&memo, "<p class=\"note\">เพื่อโปรดทราบ</p><p class=\"name\">(นายปลัด ทดสอบ)</p><p class=\"position\">ปลัดเทศบาล</p><p class=\"sig-date\">๒๖ เม.ย. ๖๔</p>");
    has(&memo, "<p class=\"sig-date\">27 เมษายน 2564</p>");

    let report = main_of(&t, "2564/report-h1/index.html");
    has(&report, "<p class=\"memo-title\" id=\"memo-title\">บันทึกข้อความ</p>");
    has(&report, "<dd>26 เมษายน 2564</dd>"); // "26 เม.ย. 64"
    has(&report, "<dd>ส่งรายงานรอบ ๖ เดือน</dd>");
    has(&report, "<p class=\"sig-date\">๒๖/๔/๖๔</p>");
    has(
        &report,
        "ดำเนินการเรียบร้อยแล้ว</span></th><td class=\"num\">1</td><td class=\"num\">100</td>",
    );
    let memo_at = report.find("class=\"memo\"").expect("memo");
    let table_at = report.find("class=\"data summary\"").expect("summary");
    let signatures_at = report.find("class=\"signatures\"").expect("signatures");
    assert!(
        memo_at < table_at && table_at < signatures_at,
        "cover, report, signatures"
    );

    let year = main_of(&t, "2564/index.html");
    has(&year, "<a href=\"../2564/memo/\">บันทึกข้อความ รายงานติดตามผล</a>");
    has(
        &year,
        "<a href=\"../2564/report-h1/\">รายงานรอบ ๖ เดือน พร้อมบันทึกนำส่ง</a>",
    );
}

/// With `thai_digits = true`, every number shown to readers (years, scores, counts, dates,
/// shares) uses ๐–๙; URLs, attributes and O-item ids are left alone.
#[test]
fn thai_digits_everywhere_readers_look() {
    let mut t = built("thai-digits");
    let pages = [
        "index.html",
        "2567/index.html",
        "2567/analysis/index.html",
        "2567/report-h1/index.html",
        "2567/report-annual/index.html",
        "2567/oit/index.html",
        "2567/measures/01-manual/index.html",
    ];
    for page in pages {
        t.main_eq(page);
        let found = ascii_numbers(&main_of(&t, page));
        assert!(found.is_empty(), "{page}: ASCII digits in visible text: {found:?}");
    }
    let home = main_of(&t, "index.html");
    has(&home, "คะแนน ITA ปี ๒๕๖๖</h3>");
    has(&home, "<span class=\"score-number\">๗๘.๘๘</span>");
    has(&home, "<span class=\"tile-number\">๑</span> / ๔๓ ข้อ");
    let a = main_of(&t, "2567/analysis/index.html");
    has(&a, "คะแนน ITA ปี ๒๕๖๖</h2>");
    has(&a, "<span class=\"score-number\">๗๘.๘๘</span>");
    has(&a, "<div><dt>IIT</dt><dd>๘๒.๗๕</dd></div><div><dt>EIT</dt><dd>๗๔.๓๓</dd></div><div><dt>OIT</dt><dd>๗๙.๓๘</dd></div>");
    // the chart's axis and values are in Thai digits too
    has(&a, "<text class=\"tick\" x=\"");
    has(&a, ">๑๐๐</text>");
    let r = main_of(&t, "2567/report-h1/index.html");
    has(&r, "สถานะมาตรการทั้งหมด ๓ มาตรการ");
    has(&r, "<td class=\"num\">๑</td><td class=\"num\">๓๓</td>");
    // The open data keeps ASCII numbers and ISO dates.
    let s = json(&t, "2567/scores.json");
    assert_eq!(s["total"], 78.88);
    assert_eq!(s["assessed_year"], 2566);
}
