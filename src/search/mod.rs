//! Static full-text search that works for Thai without a server (SPEC §6).
//!
//! Design (research/thai-text.md §2.4): normalise every page into a match key, index
//! codepoint bigrams of Thai runs and prefixes of Latin/digit tokens with page-level
//! postings, ship the page text in small chunks, and let the browser intersect postings and
//! then *verify* each candidate by substring search on the normalised text. A query matches
//! exactly where Ctrl-F would find it after normalisation (Latin and digit query tokens must
//! start at a token start); nothing fuzzy.
//!
//! Every output file is a `.js` file that calls `prongsai._load(name, data)`, loaded by a
//! `<script>` tag, so search works from `file://` and under any sub-path. Layout under
//! `search/`:
//!
//! | file | contents |
//! |---|---|
//! | `client.js` | [`CLIENT_JS`], the browser client (`prongsai.search`, `prongsai.mountSearch`) |
//! | `index.js` | manifest: `n` pages, `s` shards, `p` prefix length, `c` pages per chunk, `b` big terms, `d` their page counts |
//! | `g/<n>.js` | postings of the terms whose hash is `n` modulo the shard count |
//! | `b/<n>.js` | postings of one frequent term |
//! | `t/<n>.js` | `[url, title, text]` of a run of pages |

pub mod fragments;
pub mod grams;
pub mod index;
pub mod invert;
pub mod query;

use rayon::prelude::*;
use serde_json::{json, Value};

use fragments::{chunk_json, chunk_starts, display_text, Fragment};
use grams::PREFIX_MAX;
use index::{encode_numbers, posting_files};

/// The browser client, written to `search/client.js` by [`build_index`].
pub const CLIENT_JS: &str = include_str!("client.js");

/// Folder of the search files inside the output.
pub const DIR: &str = "search";

/// One searchable page.
#[derive(Clone, Debug)]
pub struct SearchDoc {
    /// Site-relative URL, e.g. `2564/report-h1/`.
    pub url: String,
    pub title: String,
    /// Plain text of the page.
    pub text: String,
}

/// Builds every search file: (output-relative path, bytes), sorted by path. The same docs
/// in any order, on any number of threads, give the same bytes.
pub fn build_index(docs: &[SearchDoc]) -> Vec<(String, Vec<u8>)> {
    index_of(docs.to_vec())
}

/// [`build_index`] of documents the caller gives up: no copy of their text is made.
pub fn index_of(docs: Vec<SearchDoc>) -> Vec<(String, Vec<u8>)> {
    let files = std::sync::Mutex::new(Vec::new());
    write_index(docs, &|path, bytes| {
        if let Ok(mut files) = files.lock() {
            files.push((path, bytes));
        }
    });
    let mut files = files.into_inner().unwrap_or_default();
    files.par_sort_unstable();
    files
}

/// Builds every search file and hands each to `put` (output-relative path, bytes) as soon as
/// it is made, from any thread and in no particular order: a build writes the index without
/// ever holding all of it. Takes the docs by value to turn their text into display text in
/// place.
pub fn write_index(mut docs: Vec<SearchDoc>, put: &(dyn Fn(String, Vec<u8>) + Sync)) {
    docs.par_iter_mut().for_each(|d| {
        d.title = display_text(&d.title);
        d.text = display_text(&d.text);
    });
    docs.par_sort_unstable_by(|a, b| (&a.url, &a.title, &a.text).cmp(&(&b.url, &b.title, &b.text)));
    let frags: Vec<Fragment> = docs
        .iter()
        .map(|d| Fragment {
            url: &d.url,
            title: &d.title,
            text: &d.text,
        })
        .collect();

    let starts = chunk_starts(&frags);
    let ends: Vec<usize> = starts
        .iter()
        .skip(1)
        .map(|&s| s as usize)
        .chain([frags.len()])
        .collect();
    starts.par_iter().zip(ends).enumerate().for_each(|(n, (&s, e))| {
        let name = format!("t/{n}");
        let pages = &frags[s as usize..e];
        let size = pages.iter().map(|p| p.text.len() + 64).sum();
        put(
            format!("{DIR}/{name}.js"),
            script_with(&name, size, |out| chunk_json(out, pages)),
        );
    });

    let texts: Vec<(&str, &str)> = frags.iter().map(|f| (f.title, f.text)).collect();
    let inverted = invert::invert(&texts);
    let n_pages = docs.len();
    drop(texts);
    drop(frags);
    drop(docs);
    let postings = posting_files(&inverted);
    drop(inverted);
    let manifest = json!({
        "v": 1,
        "n": n_pages,
        "s": postings.shards,
        "p": PREFIX_MAX,
        "c": encode_numbers(chunk_sizes(&starts, n_pages)),
        "b": postings.big.join(" "),
        "d": encode_numbers(postings.big_pages),
    });
    put(format!("{DIR}/client.js"), CLIENT_JS.as_bytes().to_vec());
    put(format!("{DIR}/index.js"), script_value("index", &manifest));
    postings
        .files
        .into_par_iter()
        .for_each(|(name, value)| put(format!("{DIR}/{name}.js"), script_value(&name, &value)));
}

/// Pages per chunk, from the first page id of each chunk.
fn chunk_sizes(starts: &[u32], pages: usize) -> Vec<u64> {
    let ends = starts.iter().skip(1).copied().chain([pages as u32]);
    starts.iter().zip(ends).map(|(s, e)| u64::from(e - s)).collect()
}

/// `prongsai._load("name",data);`, the only shape of an index file, around what `data`
/// writes: one buffer of about `size` bytes (a chunk is written straight into it).
fn script_with(name: &str, size: usize, data: impl FnOnce(&mut Vec<u8>)) -> Vec<u8> {
    let name = Value::String(name.to_string());
    let mut out = format!("prongsai._load({name},").into_bytes();
    out.reserve(size + 3);
    data(&mut out);
    out.extend_from_slice(b");\n");
    out
}

fn script_value(name: &str, data: &Value) -> Vec<u8> {
    // writing into a Vec cannot fail
    script_with(name, 256, |out| {
        let _ = serde_json::to_writer(out, data);
    })
}

#[cfg(test)]
mod tests;
