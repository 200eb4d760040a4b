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

use serde_json::{json, Value};

use crate::thai::normalize::normalize;
use fragments::{chunk_files, display_text, Fragment};
use grams::{index_terms, PREFIX_MAX};
use index::{encode_numbers, posting_files, Inverted, Postings};
use std::collections::HashMap;

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
/// in any order give the same bytes.
pub fn build_index(docs: &[SearchDoc]) -> Vec<(String, Vec<u8>)> {
    let mut pages: Vec<(String, String, String)> = docs
        .iter()
        .map(|d| (d.url.clone(), display_text(&d.title), display_text(&d.text)))
        .collect();
    pages.sort();

    // terms get dense ids while indexing (hashing, not ordered lookups: this loop is the
    // index's hot path); the BTreeMap at the end restores a deterministic order
    let mut ids: HashMap<String, usize> = HashMap::new();
    let mut lists: Vec<Postings> = Vec::new();
    let mut terms = HashMap::new();
    let mut title_terms = HashMap::new();
    for (id, (_, title, text)) in pages.iter().enumerate() {
        terms.clear();
        title_terms.clear();
        index_terms(&normalize(title), &mut title_terms);
        index_terms(&normalize(text), &mut terms);
        for (t, n) in &title_terms {
            match terms.get_mut(t) {
                Some(m) => *m += n,
                None => {
                    terms.insert(t.clone(), *n);
                }
            }
        }
        for (t, n) in terms.drain() {
            let in_title = title_terms.contains_key(&t);
            let k = match ids.get(&t) {
                Some(&k) => k,
                None => {
                    ids.insert(t, lists.len());
                    lists.push(Postings::default());
                    lists.len() - 1
                }
            };
            lists[k].body.push((id as u32, n));
            if in_title {
                lists[k].title.push(id as u32);
            }
        }
    }
    let mut inverted = Inverted::new();
    for (t, k) in ids {
        inverted.insert(t, std::mem::take(&mut lists[k]));
    }

    let postings = posting_files(&inverted);
    let frags: Vec<Fragment> = pages
        .iter()
        .map(|(url, title, text)| Fragment { url, title, text })
        .collect();
    let (chunks, starts) = chunk_files(&frags);
    let manifest = json!({
        "v": 1,
        "n": pages.len(),
        "s": postings.shards,
        "p": PREFIX_MAX,
        "c": encode_numbers(chunk_sizes(&starts, pages.len())),
        "b": postings.big.join(" "),
        "d": encode_numbers(postings.big_pages),
    });

    let mut out = vec![
        (format!("{DIR}/client.js"), CLIENT_JS.as_bytes().to_vec()),
        (format!("{DIR}/index.js"), script("index", &manifest)),
    ];
    for (name, value) in postings.files.iter().chain(chunks.iter()) {
        out.push((format!("{DIR}/{name}.js"), script(name, value)));
    }
    out.sort();
    out
}

/// Pages per chunk, from the first page id of each chunk.
fn chunk_sizes(starts: &[u32], pages: usize) -> Vec<u64> {
    let ends = starts.iter().skip(1).copied().chain([pages as u32]);
    starts.iter().zip(ends).map(|(s, e)| u64::from(e - s)).collect()
}

/// `prongsai._load("name", data);` — the only shape of an index file.
fn script(name: &str, data: &Value) -> Vec<u8> {
    let name = Value::String(name.to_string());
    format!("prongsai._load({name},{data});\n").into_bytes()
}

#[cfg(test)]
mod tests;
