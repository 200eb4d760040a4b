//! The search index stage on its own, for benchmarks (bench/search_vs_pagefind.mjs).
//!
//! ```text
//! cargo run --release --example search_corpus -- docs PORTAL DOCS_JSON
//! cargo run --release --example search_corpus -- index DOCS_JSON OUT_DIR
//! ```
//!
//! `docs` loads a portal through the real pipeline and writes what the index is built from
//! (`[{url, title, text}]`, exactly what `prongsai build` hands to the indexer). `index` reads
//! that file, builds the index and writes it under `OUT_DIR/search/`, so the index stage can
//! be timed and its peak memory measured as a process of its own. `RAYON_NUM_THREADS=1`
//! gives the single-threaded figure.

use std::path::Path;
use std::time::Instant;

use prongsai::search::{build_index, SearchDoc};
use prongsai::site::{body::Body, search_docs::search_docs, BuildOptions, Site};
use serde_json::{json, Value};

fn dump_docs(portal: &str, out: &str) -> Result<(), String> {
    let site = Site::load(Path::new(portal), BuildOptions::default()).map_err(|ds| {
        let first = ds.first().map(|d| d.message.clone()).unwrap_or_default();
        format!("{} problems loading {portal}: {first}", ds.len())
    })?;
    let bodies = (0..site.pages.len())
        .map(|i| Body::reload(&site, i).map_err(|d| d.message))
        .collect::<Result<Vec<Body>, String>>()?;
    let docs: Vec<Value> = search_docs(&site, |i| &bodies[i])
        .into_iter()
        .map(|d| json!({"url": d.url, "title": d.title, "text": d.text}))
        .collect();
    let bytes = serde_json::to_vec(&docs).map_err(|e| e.to_string())?;
    std::fs::write(out, bytes).map_err(|e| format!("{out}: {e}"))?;
    println!("docs {}", docs.len());
    Ok(())
}

#[derive(serde::Deserialize)]
struct Doc {
    url: String,
    title: String,
    text: String,
}

fn read_docs(path: &str) -> Result<Vec<SearchDoc>, String> {
    let raw = std::fs::read(path).map_err(|e| format!("{path}: {e}"))?;
    let docs: Vec<Doc> = serde_json::from_slice(&raw).map_err(|e| format!("{path}: {e}"))?;
    Ok(docs
        .into_iter()
        .map(|d| SearchDoc {
            url: d.url,
            title: d.title,
            text: d.text,
        })
        .collect())
}

fn index(docs_path: &str, out: &str) -> Result<(), String> {
    let read = Instant::now();
    let docs = read_docs(docs_path)?;
    let read = read.elapsed();
    let pages = docs.len();
    let text: usize = docs.iter().map(|d| d.text.len() + d.title.len()).sum();
    let t = Instant::now();
    let files = build_index(&docs);
    let took = t.elapsed();
    drop(docs);
    let write = Instant::now();
    let mut sizes = std::collections::BTreeMap::<String, (usize, usize)>::new();
    for (path, bytes) in &files {
        let kind = path.split('/').nth(1).unwrap_or("").to_string();
        let kind = if kind.ends_with(".js") {
            kind
        } else {
            format!("{kind}/")
        };
        let e = sizes.entry(kind).or_default();
        e.0 += 1;
        e.1 += bytes.len();
        let p = Path::new(out).join(path);
        if let Some(d) = p.parent() {
            std::fs::create_dir_all(d).map_err(|e| format!("{}: {e}", d.display()))?;
        }
        std::fs::write(&p, bytes).map_err(|e| format!("{}: {e}", p.display()))?;
    }
    let total: usize = files.iter().map(|f| f.1.len()).sum();
    println!("pages {pages}, text {:.1} MB", text as f64 / 1e6);
    println!("read_seconds {:.3}", read.as_secs_f64());
    println!("build_index_seconds {:.3}", took.as_secs_f64());
    println!("write_seconds {:.3}", write.elapsed().as_secs_f64());
    println!("threads {}", rayon::current_num_threads());
    println!("files {}, total {:.1} MB", files.len(), total as f64 / 1e6);
    for (k, (n, b)) in sizes {
        println!("  {k:<10} {n:>6} files {b:>10} bytes");
    }
    Ok(())
}

fn main() {
    let args: Vec<String> = std::env::args().collect();
    let args: Vec<&str> = args.iter().map(String::as_str).collect();
    let result = match args.get(1..) {
        Some(["docs", portal, out]) => dump_docs(portal, out),
        Some(["index", docs, out]) => index(docs, out),
        _ => Err("usage: search_corpus docs PORTAL DOCS_JSON | index DOCS_JSON OUT_DIR".into()),
    };
    if let Err(e) = result {
        eprintln!("{e}");
        std::process::exit(2);
    }
}
