//! Page-level postings, encoded compactly and split into files a query loads on demand.
//!
//! Each term has two posting lists: pages whose title or text contains it, with the number
//! of occurrences (an upper bound on how often a query can occur, used to rank without
//! reading every candidate), and pages whose title contains it (title hits rank first).
//!
//! Lists are strings of base-64 digits: a number is written in 5-bit groups, low group
//! first; digits `A..f` (0..31) end a number, digits `g.._` (32..63) carry a group and
//! continue. Body entries are `gap*2 + (count > 1)` and then `count - 2` when flagged; title
//! entries are plain gaps (`gap` = page id − previous id − 1, starting from −1).
//!
//! Files: a term whose body list is longer than [`BIG_TERM`] digits gets its own file
//! `b/<n>.js` (the manifest lists these terms, space-separated, and their page counts, so
//! the client can skip the most common ones); the others are grouped into
//! `g/<hash % shards>.js`, with the shard count chosen so that a shard holds about
//! [`SHARD_TARGET`] digits.

use rayon::prelude::*;
use serde_json::{json, Map, Value};

use super::grams::term_hash;

/// A body list longer than this (in digits) is stored in its own file.
pub const BIG_TERM: usize = 3000;
/// Target size of a shard of small terms, in digits.
pub const SHARD_TARGET: usize = 6000;
const MAX_SHARDS: usize = 4096;

const DIGITS: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";

/// Postings of one term, page ids ascending.
#[derive(Default)]
pub struct Postings {
    /// (page id, occurrences in title and text)
    pub body: Vec<(u32, u32)>,
    /// page ids whose title contains the term
    pub title: Vec<u32>,
}

/// (term, postings), sorted by term.
pub type Inverted = Vec<(String, Postings)>;

fn push_number(out: &mut String, mut n: u64) {
    while n >= 32 {
        out.push(DIGITS[32 + (n & 31) as usize] as char);
        n >>= 5;
    }
    out.push(DIGITS[n as usize] as char);
}

fn encode_body(list: &[(u32, u32)]) -> String {
    let mut out = String::new();
    let mut prev: i64 = -1;
    for &(id, count) in list {
        let gap = (i64::from(id) - prev - 1).max(0) as u64;
        prev = i64::from(id);
        push_number(&mut out, gap * 2 + u64::from(count > 1));
        if count > 1 {
            push_number(&mut out, u64::from(count) - 2);
        }
    }
    out
}

fn encode_title(list: &[u32]) -> String {
    let mut out = String::new();
    let mut prev: i64 = -1;
    for &id in list {
        push_number(&mut out, (i64::from(id) - prev - 1).max(0) as u64);
        prev = i64::from(id);
    }
    out
}

/// Decodes a list written by `encode_body` (used by the Rust reference query).
pub fn decode_body(s: &str) -> Vec<(u32, u32)> {
    let nums = decode_numbers(s);
    let mut out = Vec::new();
    let mut prev: i64 = -1;
    let mut it = nums.into_iter();
    while let Some(v) = it.next() {
        let id = prev + 1 + (v / 2) as i64;
        let count = if v % 2 == 1 { it.next().unwrap_or(0) + 2 } else { 1 };
        out.push((id as u32, count as u32));
        prev = id;
    }
    out
}

/// Decodes a list written by `encode_title`.
pub fn decode_title(s: &str) -> Vec<u32> {
    let mut prev: i64 = -1;
    decode_numbers(s)
        .into_iter()
        .map(|gap| {
            prev += 1 + gap as i64;
            prev as u32
        })
        .collect()
}

/// Plain numbers in the same digits (no gaps): used by the manifest.
pub fn encode_numbers(nums: impl IntoIterator<Item = u64>) -> String {
    let mut out = String::new();
    for n in nums {
        push_number(&mut out, n);
    }
    out
}

/// Reads numbers written by [`encode_numbers`]; unknown characters are skipped.
pub fn decode_numbers(s: &str) -> Vec<u64> {
    let mut out = Vec::new();
    let (mut n, mut shift) = (0u64, 0u32);
    for b in s.bytes() {
        let Some(d) = DIGITS.iter().position(|&x| x == b) else {
            continue;
        };
        let d = d as u64;
        if shift < 60 {
            n |= (d & 31) << shift;
        }
        if d >= 32 {
            shift += 5;
        } else {
            out.push(n);
            n = 0;
            shift = 0;
        }
    }
    out
}

/// The encoded posting files and the manifest fields describing them.
pub struct PostingFiles {
    /// (file name without `.js`, e.g. `g/12`, JSON value)
    pub files: Vec<(String, Value)>,
    /// number of hash shards
    pub shards: usize,
    /// terms with their own file `b/<position in this list>`, sorted
    pub big: Vec<String>,
    /// page count of each big term
    pub big_pages: Vec<u64>,
}

/// Splits the inverted index into shard files and big-term files (lists encoded in
/// parallel, files assembled in term order).
pub fn posting_files(inverted: &Inverted) -> PostingFiles {
    let encoded: Vec<(String, String)> = inverted
        .par_iter()
        .map(|(_, p)| (encode_body(&p.body), encode_title(&p.title)))
        .collect();
    let mut big = Vec::new();
    let mut big_pages = Vec::new();
    let mut files = Vec::new();
    let mut small: Vec<(&String, Value, usize)> = Vec::new();
    for ((term, p), (body, title)) in inverted.iter().zip(encoded) {
        let size = body.len() + title.len() + term.len() + 8;
        let is_big = body.len() > BIG_TERM;
        let entry = json!([body, title]);
        if is_big {
            let n = big.len();
            big.push(term.clone());
            big_pages.push(p.body.len() as u64);
            let mut m = Map::new();
            m.insert(term.clone(), entry);
            files.push((format!("b/{n}"), Value::Object(m)));
        } else {
            small.push((term, entry, size));
        }
    }
    let total: usize = small.iter().map(|s| s.2).sum();
    let shards = total.div_ceil(SHARD_TARGET).clamp(1, MAX_SHARDS);
    let mut maps: Vec<Map<String, Value>> = vec![Map::new(); shards];
    for (term, entry, _) in small {
        let k = term_hash(term) as usize % shards;
        maps[k].insert(term.clone(), entry);
    }
    for (k, m) in maps.into_iter().enumerate() {
        files.push((format!("g/{k}"), Value::Object(m)));
    }
    PostingFiles {
        files,
        shards,
        big,
        big_pages,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lists_round_trip() {
        let body = vec![(0, 1), (1, 5), (40, 1), (100_000, 70_000)];
        assert_eq!(decode_body(&encode_body(&body)), body);
        let title = vec![3, 4, 1000];
        assert_eq!(decode_title(&encode_title(&title)), title);
        assert_eq!(encode_body(&[(0, 1), (1, 1)]), "AA");
    }
}
