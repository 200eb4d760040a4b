//! Search on a real portal: the index the build writes finds what Ctrl-F finds, and nothing
//! else (checked with the Rust reference of the browser client's matching).

use prongsai::search::query::{search, Loaded};

use crate::harness::{snapshot, SiteTest};

fn loaded(t: &SiteTest) -> Loaded {
    let files: Vec<(String, Vec<u8>)> = snapshot(&t.root().join("public"))
        .into_iter()
        .filter_map(|(path, bytes)| path.strip_prefix("search/").map(|p| (p.to_string(), bytes)))
        .collect();
    Loaded::new(&files)
}

fn urls(files: &Loaded, query: &str) -> Vec<String> {
    let mut out: Vec<String> = search(files, query).into_iter().map(|h| h.url).collect();
    out.sort();
    out
}

#[test]
fn the_build_writes_a_search_page_and_index() {
    let mut t = SiteTest::fixture("basic");
    t.build();
    for file in ["search/index.html", "search/client.js", "search/index.js"] {
        assert!(t.exists(file), "{file}");
    }
    let page = t.read("search/index.html");
    assert!(
        page.contains("data-prongsai-search") && page.contains("src=\"../search/client.js\""),
        "{page}"
    );
    assert!(!page.contains("<script>"), "no inline script (strict CSP)");
}

#[test]
fn thai_queries_find_exactly_the_pages_that_contain_them() {
    let mut t = SiteTest::fixture("basic");
    t.build();
    let files = loaded(&t);
    assert_eq!(urls(&files, "ดำเนินการเรียบร้อยแล้ว"), vec!["2564/report-h1/"]);
    assert_eq!(urls(&files, "แผนปี"), vec!["2564/plan/"]);
    // Thai digits in the query match Thai digits in the page; a word found nowhere, nothing.
    assert_eq!(urls(&files, "2564"), urls(&files, "๒๕๖๔"));
    assert!(urls(&files, "ข้อความที่ไม่มีอยู่เลย").is_empty());
}

#[test]
fn measure_fields_are_searchable_on_the_example_portal() {
    let mut t = SiteTest::empty();
    crate::harness::copy_tree(
        std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("content")
            .as_path(),
        &t.root().join("content"),
        false,
    );
    std::fs::copy(
        std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("prongsai.toml"),
        t.root().join("prongsai.toml"),
    )
    .expect("copy");
    t.build();
    let files = loaded(&t);
    // "ทุกสำนัก/กอง" is an owner in the front matter of measures, not in their bodies.
    let hits = urls(&files, "ทุกสำนัก/กอง");
    assert!(hits.iter().any(|u| u.starts_with("2564/measures/03")), "{hits:?}");
}
