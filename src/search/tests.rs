//! Index + reference query on small Thai corpora, and the shared normaliser vectors.

use super::fragments::{display_text, fragment_json, Fragment};
use super::query::{search, title_ids, Loaded};
use super::reuse::{IndexRecord, Previous};
use super::{build_index, index_reusing, SearchDoc};
use crate::engine::id as engine;
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

/// Reads the files of an index as a build reads its last output.
fn reader(files: &[(String, Vec<u8>)]) -> impl Fn(&str) -> Option<Vec<u8>> + Sync + '_ {
    |path: &str| files.iter().find(|f| f.0 == path).map(|f| f.1.clone())
}

/// Whether the index of `files`, as `memo` describes it, can be reused.
fn loads(files: &[(String, Vec<u8>)], memo: &IndexRecord) -> bool {
    Previous::load(memo, engine(), &reader(files)).is_some()
}

proptest::proptest! {
    #![proptest_config(proptest::prelude::ProptestConfig::with_cases(12))]
    /// Pages dropped, edited, retitled and added between two builds: the index that reuses
    /// the first is byte for byte the index built from nothing.
    #[test]
    fn an_index_reusing_the_last_equals_one_built_from_nothing(
        changes in proptest::collection::vec((0usize..1500, 0u8..4), 0..40),
        added in proptest::collection::vec(0usize..5000, 0..10),
    ) {
        let before = many_pages();
        let (files, memo) = index_reusing(before.clone(), None);
        let read = reader(&files);
        let previous = Previous::load(&memo, engine(), &read);
        proptest::prop_assert!(previous.is_some());
        let mut after: Vec<Option<SearchDoc>> = before.into_iter().map(Some).collect();
        for (i, change) in changes {
            let Some(page) = after[i].as_mut() else { continue };
            match change {
                0 => after[i] = None,
                1 => page.text.push_str(" ข่าวใหม่ zq"),
                2 => page.title = format!("ชื่อใหม่ {i}"),
                _ => page.text = page.text.replace("ข่าว", ""),
            }
        }
        let mut after: Vec<SearchDoc> = after.into_iter().flatten().collect();
        for n in added {
            after.push(doc(&format!("p/{n:04}x/"), "หน้าใหม่", &format!("เทศบาลข้าว {n}")));
        }
        after.sort_by(|a, b| a.url.cmp(&b.url));
        after.dedup_by(|a, b| a.url == b.url);
        let (reused, _) = index_reusing(after.clone(), previous);
        proptest::prop_assert_eq!(reused, build_index(&after));
    }
}

#[test]
fn an_index_is_reused_only_when_all_of_it_is_there() {
    let docs = many_pages();
    let (files, memo) = index_reusing(docs, None);
    assert_eq!(memo.pages.len(), 1500);
    assert!(loads(&files, &memo));
    let other_binary = IndexRecord {
        engine: memo.engine.map(|e| e ^ 1),
        ..memo.clone()
    };
    assert!(!loads(&files, &other_binary));
    for lost in ["search/index.js", "search/g/0.js", "search/b/0.js"] {
        let fewer: Vec<_> = files.iter().filter(|f| f.0 != lost).cloned().collect();
        assert!(!loads(&fewer, &memo), "{lost}");
    }
    let mut torn = files.clone();
    if let Some(g) = torn.iter_mut().find(|f| f.0 == "search/g/0.js") {
        g.1.truncate(g.1.len() / 2);
    }
    assert!(!loads(&torn, &memo));
    let shorter = IndexRecord {
        pages: memo.pages[1..].to_vec(),
        ..memo
    };
    assert!(!loads(&files, &shorter));
}

#[test]
fn a_kept_page_gets_its_fragment_from_the_last_text_chunks() {
    let mut docs = many_pages();
    docs.push(doc("q/", "\"[ก]\\", "x\n</script>\u{2028}] [\"y\""));
    let (files, memo) = index_reusing(docs.clone(), None);
    let read = reader(&files);
    let Some(previous) = Previous::load(&memo, engine(), &read) else {
        panic!("the index loads");
    };
    for (id, d) in docs.iter().enumerate() {
        let mut want = Vec::new();
        let (title, text) = (display_text(&d.title), display_text(&d.text));
        fragment_json(
            &mut want,
            &Fragment {
                url: &d.url,
                title: &title,
                text: &text,
            },
        );
        let Some((old_id, json, _, _)) = previous.fragment(&d.url) else {
            panic!("{}: no fragment", d.url);
        };
        assert_eq!((old_id as usize, json), (id, want), "{}", d.url);
        if id % 300 == 0 {
            previous.forget_chunks();
        }
    }
    assert!(previous.fragment("nowhere/").is_none());
    // a chunk that is not what the memo says gives nothing
    let mut torn = files.clone();
    if let Some(t) = torn.iter_mut().find(|f| f.0 == "search/t/0.js") {
        t.1 = String::from_utf8_lossy(&t.1)
            .replacen("เทศบาล", "เทศบาน", 1)
            .into_bytes();
    }
    let read = reader(&torn);
    let Some(previous) = Previous::load(&memo, engine(), &read) else {
        panic!("the postings are intact");
    };
    assert!(previous.fragment(&docs[0].url).is_none());
}
