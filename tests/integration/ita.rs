//! The ITA model on real portals: scores, report counts, open data, and validation errors.

use std::path::Path;

use crate::harness::{copy_tree, SiteTest};

fn example(rel: &str) -> SiteTest {
    let mut t = SiteTest::empty();
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join(rel);
    for part in ["prongsai.toml", "content"] {
        let from = src.join(part);
        if from.is_dir() {
            std::fs::create_dir_all(t.root().join(part)).expect("mkdir");
            copy_tree(&from, &t.root().join(part), false);
        } else {
            std::fs::copy(&from, t.root().join(part)).expect("copy");
        }
    }
    t.build();
    t
}

#[test]
fn seed_000_round_1_report_shows_3_done_and_5_in_progress() {
    let t = example(".");
    let statuses = t.first_round_statuses("2564");
    assert_eq!(statuses.iter().filter(|s| *s == "done").count(), 3, "{statuses:?}");
    assert_eq!(
        statuses.iter().filter(|s| *s == "in-progress").count(),
        5,
        "{statuses:?}"
    );
    let report = t.read("2564/report-h1/index.html");
    assert_eq!(
        report.matches("<tr><th scope=\"row\"><a href=").count(),
        8,
        "every measure is a row"
    );
    let csv = t.read("2564/measures.csv");
    assert!(csv.starts_with('\u{FEFF}'), "CSV has a BOM for Excel");
}

#[test]
fn seed_000_scores_are_computed_from_the_indicators_and_failed_items() {
    let t = example(".");
    let scores: serde_json::Value = serde_json::from_str(&t.read("2564/scores.json")).expect("json");
    assert_eq!(scores["total"], 66.85);
    assert_eq!(scores["grade"], "C");
    assert_eq!(scores["passed"], false);
    assert_eq!(scores["tools"]["OIT"], 49.85);
    let analysis = t.read("2564/analysis/index.html");
    // The example portal has thai_digits = true.
    assert!(analysis.contains("<td class=\"num\">๗/๙</td>"), "9.1 passed 7 of 9");
    let oit: serde_json::Value = serde_json::from_str(&t.read("2564/oit.json")).expect("json");
    assert_eq!(oit["items"].as_array().map(Vec::len), Some(43));
    assert!(t.read("2564/oit/index.html").contains("O43"));
}

#[test]
fn seed_001_scores_9269_pass() {
    let t = example("examples/sateng-nok-2567");
    let scores: serde_json::Value = serde_json::from_str(&t.read("2567/scores.json")).expect("json");
    assert_eq!(scores["total"], 92.69);
    assert_eq!(scores["grade"], "ผ่าน");
    assert_eq!(scores["passed"], true);
}

#[test]
fn duplicate_measure_numbers_name_both_files() {
    let mut t = SiteTest::fixture("basic");
    let measure = "+++\nkind = \"measure\"\ntitle = \"ม\"\nnumber = 1\n+++\n";
    t.write("content/2564/m1.md", measure)
        .write("content/2564/m2.md", measure);
    t.run(&["build"])
        .fails_with(1)
        .stderr_contains("duplicate-measure")
        .stderr_contains("content/2564/m1.md")
        .stderr_contains("content/2564/m2.md:4");
}

#[test]
fn validation_errors_point_at_the_value() {
    let mut t = SiteTest::fixture("basic");
    t.write("content/2564/o99.md", "+++\nkind = \"o-item\"\nitem = \"O99\"\n+++\n");
    t.run(&["build"])
        .fails_with(1)
        .stderr_contains("content/2564/o99.md:3:8")
        .stderr_contains("unknown-item");
    t.write("content/2564/o99.md", "+++\nkind = \"o-item\"\nitem = \"O๔๓\"\n+++\n");
    t.build();
    t.write(
        "content/2564/a.md",
        "+++\nkind = \"analysis\"\nassessed_year = 2563\n[scores]\n1 = 187.5\n+++\n",
    );
    t.run(&["build"])
        .fails_with(1)
        .stderr_contains("score-range")
        .stderr_contains("content/2564/a.md");
    t.write(
        "content/2564/a.md",
        "+++\nkind = \"measure\"\nnumber = 2\n[[progress]]\nround = 1\nstatus = \"เสร็จบางส่วน\"\n+++\n",
    );
    t.run(&["build"]).fails_with(1).stderr_contains("status");
}

#[test]
fn ita_pages_outside_a_fiscal_year_are_errors() {
    let mut t = SiteTest::fixture("basic");
    t.write("content/m.md", "+++\nkind = \"measure\"\nnumber = 1\n+++\n");
    t.run(&["build"]).fails_with(1).stderr_contains("outside-fiscal-year");
}

/// Regression: prev/next were computed before O-item pages moved under the catalog page, so
/// the last page of the year section could link "next" to an O-item.
#[test]
fn previous_and_next_stay_within_the_section() {
    let t = example(".");
    for entry in std::fs::read_dir(t.root().join("public/2564/measures")).expect("measures") {
        let page = entry.expect("entry").path().join("index.html");
        let html = std::fs::read_to_string(&page).expect("read");
        for rel in ["rel=\"next\" href=\"", "rel=\"prev\" href=\""] {
            if let Some(rest) = html.split(rel).nth(1) {
                let href = &rest[..rest.find('"').unwrap_or(0)];
                assert!(!href.contains("/oit/"), "{}: {rel}{href}", page.display());
            }
        }
    }
    let o43 = t.read("2564/oit/o43/index.html");
    assert!(
        o43.contains("rel=\"prev\" href=\"../../../2564/oit/o42/\""),
        "O-items link to each other in item order"
    );
}
