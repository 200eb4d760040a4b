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

use serde_json::{json, Map, Value};

use super::grams::term_hash;

/// A body list longer than this (in digits) is stored in its own file.
pub const BIG_TERM: usize = 3000;
/// Target size of a shard of small terms, in digits.
pub const SHARD_TARGET: usize = 6000;
const MAX_SHARDS: usize = 4096;

const DIGITS: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";

/// The two posting lists of one term, encoded as its pages are added in ascending id order.
#[derive(Default, Debug, Clone, PartialEq, Eq)]
pub struct TermLists {
    /// Pages whose title or text contains the term, with their occurrences.
    pub body: String,
    /// Pages whose title contains the term.
    pub title: String,
    /// Length of the body list.
    pub pages: u64,
    /// The id after the last page of each list: the next gap is counted from it.
    next_body: u32,
    next_title: u32,
}

impl TermLists {
    /// Adds page `id` (greater than every id added before), where the term occurs `count`
    /// times in title and text together.
    pub fn add(&mut self, id: u32, count: u32, in_title: bool) {
        let gap = u64::from(id.saturating_sub(self.next_body));
        push_number(&mut self.body, gap * 2 + u64::from(count > 1));
        if count > 1 {
            push_number(&mut self.body, u64::from(count) - 2);
        }
        self.next_body = id + 1;
        self.pages += 1;
        if in_title {
            push_number(&mut self.title, u64::from(id.saturating_sub(self.next_title)));
            self.next_title = id + 1;
        }
    }
}

fn push_number(out: &mut String, mut n: u64) {
    while n >= 32 {
        out.push(DIGITS[32 + (n & 31) as usize] as char);
        n >>= 5;
    }
    out.push(DIGITS[n as usize] as char);
}

/// Decodes a body list of [`TermLists`] (used by the Rust reference query).
pub fn decode_body(s: &str) -> Vec<(u32, u32)> {
    Entries::new(s, "").map(|(id, count, _)| (id, count)).collect()
}

/// Decodes a title list of [`TermLists`].
pub fn decode_title(s: &str) -> Vec<u32> {
    title_ids(s).collect()
}

fn title_ids(s: &str) -> impl Iterator<Item = u32> + '_ {
    let mut prev: i64 = -1;
    Numbers(s.as_bytes()).map(move |gap| {
        prev += 1 + gap as i64;
        prev as u32
    })
}

/// The entries of a term's two lists, read as they are stored: (page id, occurrences,
/// whether the title holds the term), in page-id order.
pub struct Entries<'a> {
    body: Numbers<'a>,
    titles: std::iter::Peekable<Box<dyn Iterator<Item = u32> + 'a>>,
    prev: i64,
}

impl<'a> Entries<'a> {
    pub fn new(body: &'a str, title: &'a str) -> Entries<'a> {
        let titles: Box<dyn Iterator<Item = u32> + 'a> = Box::new(title_ids(title));
        Entries {
            body: Numbers(body.as_bytes()),
            titles: titles.peekable(),
            prev: -1,
        }
    }
}

impl Iterator for Entries<'_> {
    type Item = (u32, u32, bool);

    fn next(&mut self) -> Option<(u32, u32, bool)> {
        let v = self.body.next()?;
        let id = self.prev + 1 + (v / 2) as i64;
        self.prev = id;
        let count = if v % 2 == 1 {
            self.body.next().unwrap_or(0) + 2
        } else {
            1
        };
        let id = id as u32;
        while self.titles.next_if(|&t| t < id).is_some() {}
        let in_title = self.titles.next_if(|&t| t == id).is_some();
        Some((id, count as u32, in_title))
    }
}

/// The numbers of a list, one at a time; unknown characters are skipped.
struct Numbers<'a>(&'a [u8]);

impl Iterator for Numbers<'_> {
    type Item = u64;

    fn next(&mut self) -> Option<u64> {
        let (mut n, mut shift) = (0u64, 0u32);
        while let Some((&b, rest)) = self.0.split_first() {
            self.0 = rest;
            let Some(d) = digit_value(b) else {
                continue;
            };
            if shift < 60 {
                n |= (d & 31) << shift;
            }
            if d >= 32 {
                shift += 5;
            } else {
                return Some(n);
            }
        }
        None
    }
}

fn digit_value(b: u8) -> Option<u64> {
    Some(match b {
        b'A'..=b'Z' => b - b'A',
        b'a'..=b'z' => b - b'a' + 26,
        b'0'..=b'9' => b - b'0' + 52,
        b'-' => 62,
        b'_' => 63,
        _ => return None,
    } as u64)
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
    Numbers(s.as_bytes()).collect()
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

/// Splits the encoded lists of every term, sorted by term, into shard files and big-term
/// files.
pub fn posting_files(terms: Vec<(String, TermLists)>) -> PostingFiles {
    let mut big = Vec::new();
    let mut big_pages = Vec::new();
    let mut files = Vec::new();
    let mut small: Vec<(String, Value, usize)> = Vec::new();
    for (term, lists) in terms {
        let size = lists.body.len() + lists.title.len() + term.len() + 8;
        let is_big = lists.body.len() > BIG_TERM;
        let pages = lists.pages;
        let entry = json!([lists.body, lists.title]);
        if is_big {
            let n = big.len();
            big.push(term.clone());
            big_pages.push(pages);
            let mut m = Map::new();
            m.insert(term, entry);
            files.push((format!("b/{n}"), Value::Object(m)));
        } else {
            small.push((term, entry, size));
        }
    }
    let total: usize = small.iter().map(|s| s.2).sum();
    let shards = total.div_ceil(SHARD_TARGET).clamp(1, MAX_SHARDS);
    let mut maps: Vec<Map<String, Value>> = vec![Map::new(); shards];
    for (term, entry, _) in small {
        let k = term_hash(&term) as usize % shards;
        maps[k].insert(term, entry);
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
        let mut lists = TermLists::default();
        for &(id, count) in &body {
            lists.add(id, count, id != 1);
        }
        assert_eq!(decode_body(&lists.body), body);
        assert_eq!(decode_title(&lists.title), vec![0, 40, 100_000]);
        assert_eq!(lists.pages, 4);
        let mut two = TermLists::default();
        two.add(0, 1, false);
        two.add(1, 1, false);
        assert_eq!(two.body, "AA");
    }
}
