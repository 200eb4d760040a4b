//! Writes a small Thai corpus's search files to a folder, plus `expected.json` (the Rust
//! reference ranking for a list of queries), for the Node end-to-end test.
//! Usage: cargo run --example search_fixture -- DIR

use std::path::Path;

use prongsai::search::query::{search, Loaded};
use prongsai::search::{build_index, SearchDoc};

fn doc(url: &str, title: &str, text: &str) -> SearchDoc {
    SearchDoc {
        url: url.into(),
        title: title.into(),
        text: text.into(),
    }
}

const QUERIES: &[&str] = &[
    "ข่าว",
    "ข้าว",
    "ประจำปี",
    "งบประมาณ",
    "๒๕๖๔",
    "2564",
    "ITA",
    "ita",
    "ta",
    "O43",
    "ต่างๆ",
    "ต่าง ๆ",
    "เทศบาล ตำบล",
    "สำนักปลัด",
    "แผน",
    "ก",
    "ไม่มีคำนี้",
    "<b>",
    "&",
];

fn main() -> std::io::Result<()> {
    let Some(dir) = std::env::args().nth(1) else {
        eprintln!("usage: write_fixture DIR");
        std::process::exit(2);
    };
    // the corpus of the Rust unit tests (src/search/tests.rs)
    let raw = include_str!("../fixtures/search-corpus/pages.json");
    let pages: Vec<[String; 3]> = serde_json::from_str(raw).map_err(std::io::Error::other)?;
    let mut docs: Vec<SearchDoc> = pages.iter().map(|[u, t, x]| doc(u, t, x)).collect();
    // filler pages so that frequent terms get their own files and several chunks exist
    for i in 0..2000 {
        let text = format!("หน้า {i} ประจำปีงบประมาณ {} แผนงาน ข่าวสาร เทศบาลตำบล", 2560 + i % 9);
        docs.push(doc(
            &format!("filler/{i:04}/"),
            &format!("หน้าที่ {i}"),
            &text.repeat(1 + i % 4),
        ));
    }
    let files = build_index(&docs);
    let dir = Path::new(&dir);
    for (path, bytes) in &files {
        let p = dir.join(path);
        if let Some(parent) = p.parent() {
            std::fs::create_dir_all(parent)?;
        }
        std::fs::write(p, bytes)?;
    }
    let loaded = Loaded::new(&files);
    let mut expected = serde_json::Map::new();
    for q in QUERIES {
        let hits: Vec<serde_json::Value> = search(&loaded, q)
            .into_iter()
            .map(|h| serde_json::json!([h.url, h.title_hit, h.count, h.bonus]))
            .collect();
        expected.insert((*q).to_string(), hits.into());
    }
    std::fs::write(
        dir.join("expected.json"),
        serde_json::Value::Object(expected).to_string(),
    )?;
    Ok(())
}
