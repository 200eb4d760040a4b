//! Indexes a gen_corpus.py Markdown corpus (text extracted crudely) and reports time and
//! sizes. Usage: cargo run --release --example search_corpus -- CONTENT_DIR OUT_DIR

use std::path::{Path, PathBuf};
use std::time::Instant;

use prongsai::search::{build_index, SearchDoc};

fn walk(dir: &Path, out: &mut Vec<PathBuf>) -> std::io::Result<()> {
    for e in std::fs::read_dir(dir)? {
        let p = e?.path();
        if p.is_dir() {
            walk(&p, out)?;
        } else if p.extension().is_some_and(|x| x == "md") {
            out.push(p);
        }
    }
    Ok(())
}

fn to_doc(root: &Path, path: &Path) -> Option<SearchDoc> {
    let raw = std::fs::read_to_string(path).ok()?;
    let mut parts = raw.trim_start_matches('\u{FEFF}').splitn(3, "+++");
    let (_, front, body) = (parts.next()?, parts.next()?, parts.next()?);
    let title = front
        .lines()
        .find_map(|l| l.trim().strip_prefix("title = "))
        .unwrap_or("")
        .trim_matches('"')
        .to_string();
    let text: String = body
        .lines()
        .map(|l| l.trim_start_matches(['#', '-', '*', ' ', '>']))
        .filter(|l| !l.starts_with("|--") && !l.starts_with("|:") && !l.starts_with("|-"))
        .map(|l| l.replace('|', " ").replace("**", ""))
        .collect::<Vec<_>>()
        .join("\n");
    let rel = path.strip_prefix(root).ok()?.with_extension("");
    let rel = rel.to_string_lossy().replace('\\', "/");
    let url = match rel.strip_suffix("_index") {
        Some(dir) => dir.to_string(),
        None => format!("{rel}/"),
    };
    Some(SearchDoc { url, title, text })
}

fn main() -> std::io::Result<()> {
    let args: Vec<String> = std::env::args().collect();
    let (Some(src), Some(out)) = (args.get(1), args.get(2)) else {
        eprintln!("usage: bench_corpus CONTENT_DIR OUT_DIR");
        std::process::exit(2);
    };
    let mut paths = Vec::new();
    walk(Path::new(src), &mut paths)?;
    paths.sort();
    let docs: Vec<SearchDoc> = paths.iter().filter_map(|p| to_doc(Path::new(src), p)).collect();
    let text: usize = docs.iter().map(|d| d.text.len() + d.title.len()).sum();
    let t = Instant::now();
    let files = build_index(&docs);
    let took = t.elapsed();
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
            std::fs::create_dir_all(d)?;
        }
        std::fs::write(p, bytes)?;
    }
    let total: usize = files.iter().map(|f| f.1.len()).sum();
    println!(
        "pages {}, text {:.1} MB, build_index {:.2?}",
        docs.len(),
        text as f64 / 1e6,
        took
    );
    println!("files {}, total {:.1} MB", files.len(), total as f64 / 1e6);
    for (k, (n, b)) in sizes {
        println!("  {k:<10} {n:>6} files {:>10} bytes", b);
    }
    Ok(())
}
