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
pub mod query;
pub mod reuse;
pub mod writer;

use rayon::prelude::*;
use serde_json::Value;

pub use writer::IndexWriter;

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
    index_reusing(docs, None).0
}

/// [`index_of`] taking the postings of the pages `previous` indexed alike from it (the same
/// files as without it); also returns what the next index needs to reuse this one.
pub fn index_reusing(
    docs: Vec<SearchDoc>,
    previous: Option<reuse::Previous>,
) -> (Vec<(String, Vec<u8>)>, reuse::IndexRecord) {
    let files = std::sync::Mutex::new(Vec::new());
    let memo = write_index(
        docs,
        &|path, bytes| {
            if let Ok(mut files) = files.lock() {
                files.push((path, bytes));
            }
        },
        previous,
    );
    let mut files = files.into_inner().unwrap_or_default();
    files.par_sort_unstable();
    (files, memo)
}

/// Builds every search file and hands each to `put` (output-relative path, bytes) as soon as
/// it is made, from any thread and in no particular order. The documents are put in page-id
/// order (by URL) first; a build that has its pages in that order already feeds an
/// [`IndexWriter`] itself, a batch at a time.
pub fn write_index(
    mut docs: Vec<SearchDoc>,
    put: writer::Put,
    previous: Option<reuse::Previous>,
) -> reuse::IndexRecord {
    docs.par_sort_unstable_by(|a, b| (&a.url, &a.title, &a.text).cmp(&(&b.url, &b.title, &b.text)));
    let mut index = IndexWriter::reusing(put, previous);
    for batch in docs.chunks(BATCH) {
        let previous = index.previous();
        let prepared: Vec<writer::Prepared> = batch.par_iter().map(|doc| writer::prepare(doc, previous)).collect();
        index.add(&prepared);
    }
    index.finish()
}

/// Pages added to an index at a time: enough to keep every core busy between the steps
/// that wait for the whole batch, few enough that a batch is a small part of memory.
pub const BATCH: usize = 512;

/// `prongsai._load("name",data);`, the only shape of an index file, around what `data`
/// writes: one buffer of about `size` bytes (a chunk is written straight into it).
pub(crate) fn script_with(name: &str, size: usize, data: impl FnOnce(&mut Vec<u8>)) -> Vec<u8> {
    let name = Value::String(name.to_string());
    let mut out = format!("prongsai._load({name},").into_bytes();
    out.reserve(size + 3);
    data(&mut out);
    out.extend_from_slice(b");\n");
    out
}

pub(crate) fn script_value(name: &str, data: &Value) -> Vec<u8> {
    // writing into a Vec cannot fail
    script_with(name, 256, |out| {
        let _ = serde_json::to_writer(out, data);
    })
}

#[cfg(test)]
mod tests;
