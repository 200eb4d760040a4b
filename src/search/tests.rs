//! Index + reference query on small Thai corpora, and the shared normaliser vectors.

use super::query::{search, title_ids, Loaded};
use super::{build_index, SearchDoc};
use crate::thai::normalize::normalize;

fn doc(url: &str, title: &str, text: &str) -> SearchDoc {
    SearchDoc {
        url: url.into(),
        title: title.into(),
        text: text.into(),
    }
}

/// The small Thai corpus shared with the JavaScript end-to-end test
/// (tests/js/write_fixture.rs): `[url, title, text]` per page.
fn corpus() -> Vec<SearchDoc> {
    let raw = include_str!("../../tests/fixtures/search-corpus/pages.json");
    let pages: Vec<[String; 3]> = serde_json::from_str(raw).unwrap_or_default();
    assert!(pages.len() >= 5, "tests/fixtures/search-corpus/pages.json");
    pages.iter().map(|[u, t, x]| doc(u, t, x)).collect()
}

fn urls(files: &Loaded, q: &str) -> Vec<String> {
    search(files, q).into_iter().map(|h| h.url).collect()
}

fn brute(docs: &[SearchDoc], q: &str) -> Vec<String> {
    let key = normalize(q);
    let mut v: Vec<String> = docs
        .iter()
        .filter(|d| normalize(&d.title).contains(&key) || normalize(&d.text).contains(&key))
        .map(|d| d.url.clone())
        .collect();
    v.sort();
    v
}

#[test]
fn normaliser_vectors() {
    let raw = include_str!("vectors.json");
    let vectors: Vec<serde_json::Value> = serde_json::from_str(raw).unwrap_or_default();
    assert!(vectors.len() >= 40);
    for v in &vectors {
        let input = v["input"].as_str().unwrap_or_default();
        let want = v["expected"].as_str().unwrap_or_default();
        assert_eq!(normalize(input), want, "{}", v["note"]);
        assert_eq!(normalize(want), want, "idempotent: {}", v["note"]);
    }
}

#[test]
fn thai_substrings_find_exactly_their_pages() {
    let docs = corpus();
    let files = Loaded::new(&build_index(&docs));
    for q in [
        "ประจำปี",
        "งบประมาณ",
        "ส่งเสริม",
        "เทศบาล",
        "ข่าว",
        "รายงาน",
        "ก",
        "ต่างๆ",
        "ต่าง ๆ",
    ] {
        let mut got = urls(&files, q);
        got.sort();
        assert_eq!(got, brute(&docs, q), "{q}");
        assert!(!got.is_empty(), "{q}");
    }
}

#[test]
fn tone_marks_stay_distinct() {
    let files = Loaded::new(&build_index(&corpus()));
    assert_eq!(urls(&files, "ข่าว"), ["2564/news/"]);
    assert_eq!(urls(&files, "ข้าว"), ["2564/rice/"]);
}

#[test]
fn absent_queries_return_nothing() {
    let files = Loaded::new(&build_index(&corpus()));
    for q in ["ไม่มีคำนี้", "ข่าวข้าว", "zzz", "2599", "", "   ", "ๆ", "...", "ຮັກ"]
    {
        assert!(search(&files, q).is_empty(), "{q}");
    }
    let none = Loaded::new(&build_index(&[]));
    assert!(search(&none, "ข่าว").is_empty());
}

#[test]
fn digits_fold_both_ways() {
    let files = Loaded::new(&build_index(&corpus()));
    assert_eq!(urls(&files, "2564"), ["2564/news/", "2564/rice/"]);
    assert_eq!(urls(&files, "๒๕๖๔"), ["2564/news/", "2564/rice/"]);
    assert_eq!(urls(&files, "พ.ศ.2564"), ["2564/news/"]);
    assert_eq!(urls(&files, "O43"), ["about/"]);
    assert_eq!(urls(&files, "43"), ["about/"]);
}

#[test]
fn normalisation_pitfalls_match() {
    let files = Loaded::new(&build_index(&corpus()));
    assert_eq!(urls(&files, "สำนักปลัด"), ["about/"]);
    assert_eq!(urls(&files, "แผนงาน"), ["about/"]);
    assert_eq!(urls(&files, "เทศบาล ตำบล"), ["2564/news/"]);
}

#[test]
fn latin_tokens_match_at_token_starts() {
    let files = Loaded::new(&build_index(&corpus()));
    // the report has ITA between spaces (boundary bonus 2), the rice page has ITAS (1)
    assert_eq!(urls(&files, "ita"), ["2565/plan/", "2565/report/", "2564/rice/"]);
    assert_eq!(urls(&files, "ITAS"), ["2564/rice/"]);
    assert!(urls(&files, "tas").is_empty());
    assert!(urls(&files, "ta").is_empty());
}

#[test]
fn title_hits_rank_first() {
    let docs = corpus();
    let files = Loaded::new(&build_index(&docs));
    let hits = search(&files, "ita");
    assert!(hits[0].title_hit && !hits[1].title_hit);
    assert_eq!(title_ids(&files, "ita"), [2]);
    let hits = search(&files, "รายงาน");
    assert_eq!(hits[0].url, "2565/report/");
    assert_eq!(hits[0].count, 2);
}

#[test]
fn output_is_deterministic() {
    let mut docs = corpus();
    let a = build_index(&docs);
    docs.reverse();
    assert_eq!(a, build_index(&docs));
    let paths: Vec<&str> = a.iter().map(|f| f.0.as_str()).collect();
    assert!(paths.contains(&"search/index.js") && paths.contains(&"search/client.js"));
    assert!(paths.windows(2).all(|w| w[0] < w[1]));
}

/// Enough pages that frequent terms move to their own files, shards multiply and the
/// indexer splits the pages into many blocks.
fn many_pages() -> Vec<SearchDoc> {
    let words = [
        "เทศบาล",
        "ข่าว",
        "ข้าว",
        "งบประมาณ",
        "ITA",
        "๒๕๖๔",
        "ต่าง ๆ",
        "โปร่งใส",
        "กิ่ง",
    ];
    (0..1500)
        .map(|i| {
            let text: Vec<&str> = (0..40).map(|j| words[(i * 7 + j * j) % words.len()]).collect();
            doc(&format!("p/{i:04}/"), words[i % words.len()], &text.join(""))
        })
        .collect()
}

#[test]
fn large_corpus_matches_brute_force() {
    let docs = many_pages();
    let out = build_index(&docs);
    assert!(out.iter().any(|f| f.0.starts_with("search/b/")));
    assert!(out.iter().filter(|f| f.0.starts_with("search/g/")).count() > 1);
    let files = Loaded::new(&out);
    for q in ["เทศบาลข่าว", "ข้าวงบ", "ita", "2564", "ต่างๆโปร่ง", "กิ่ง", "ไม่มี"]
    {
        let mut got = urls(&files, q);
        got.sort();
        assert_eq!(got, brute(&docs, q), "{q}");
    }
}

#[test]
fn parallel_build_equals_one_thread() {
    let docs = many_pages();
    let pool = |n| {
        rayon::ThreadPoolBuilder::new()
            .num_threads(n)
            .build()
            .expect("a thread pool")
    };
    let one = pool(1).install(|| build_index(&docs));
    assert_eq!(pool(4).install(|| build_index(&docs)), one);
}

#[test]
fn odd_input_does_not_panic() {
    let docs = vec![
        doc("", "\u{0E48}\u{0E48}\u{0E4D}", "\u{0E4D}"),
        doc("x/", "\u{FEFF}", &"\u{0E34}".repeat(1000)),
        doc("\"<script>/", "</script>", "\u{2028}\u{0}"),
    ];
    let files = Loaded::new(&build_index(&docs));
    for q in ["\u{0E4D}", "\u{0E34}\u{0E34}", "script", "\u{0}"] {
        let _ = search(&files, q);
    }
}
