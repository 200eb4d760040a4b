//! A Rust twin of the client's query path, reading the files [`super::build_index`] wrote.
//! It verifies every candidate (no top-k shortcut), so tests can check exact result sets
//! and the ranking without a browser; `client.js` must agree with it.

use std::collections::{BTreeMap, BTreeSet, HashMap};

use serde_json::Value;

use super::grams::{query_terms, same_token, term_hash};
use super::index::{decode_body, decode_numbers, decode_title};
use crate::thai::normalize::{normalize, normalize_with_map};

/// One result, best first in [`search`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Hit {
    pub url: String,
    pub title: String,
    pub title_hit: bool,
    /// occurrences in title and text
    pub count: usize,
    /// occurrence ends that touch a non-letter in the written text
    pub bonus: usize,
}

/// The index files parsed back into `name → data`.
pub struct Loaded(HashMap<String, Value>);

impl Loaded {
    /// Parses `prongsai._load("name",data);` files; anything else is skipped.
    pub fn new(files: &[(String, Vec<u8>)]) -> Loaded {
        let mut map = HashMap::new();
        for (_, bytes) in files {
            let Ok(s) = std::str::from_utf8(bytes) else {
                continue;
            };
            let Some(body) = s
                .trim_end()
                .strip_prefix("prongsai._load(")
                .and_then(|b| b.strip_suffix(");"))
            else {
                continue;
            };
            let Ok(Value::Array(mut parts)) = serde_json::from_str(&format!("[{body}]")) else {
                continue;
            };
            if let (Some(data), Some(Value::String(name))) = (parts.pop(), parts.pop()) {
                map.insert(name, data);
            }
        }
        Loaded(map)
    }

    fn get(&self, name: &str) -> Option<&Value> {
        self.0.get(name)
    }
}

/// Every page matching `query`, ranked: title hits, then occurrences, then word-boundary
/// bonus, then url.
pub fn search(files: &Loaded, query: &str) -> Vec<Hit> {
    let key = normalize(query);
    let terms = query_terms(&key);
    let Some(manifest) = files.get("index") else {
        return Vec::new();
    };
    if key.is_empty() || terms.is_empty() {
        return Vec::new();
    }
    let man = Manifest::new(manifest);
    let mut wanted: BTreeMap<&str, u32> = BTreeMap::new();
    for t in &terms {
        *wanted.entry(t).or_insert(0) += 1;
    }
    let mut cand: Option<BTreeSet<u32>> = None;
    for (term, times) in wanted {
        let Some(body) = files.get(&man.file_of(term)).and_then(|f| f[term][0].as_str()) else {
            return Vec::new();
        };
        let ids: BTreeSet<u32> = decode_body(body)
            .into_iter()
            .filter(|&(_, n)| n >= times)
            .map(|(id, _)| id)
            .collect();
        cand = Some(match cand {
            None => ids,
            Some(c) => c.intersection(&ids).copied().collect(),
        });
    }
    let starts = &man.starts;
    let mut hits = Vec::new();
    for id in cand.unwrap_or_default() {
        let chunk = starts.partition_point(|&s| s <= u64::from(id)).saturating_sub(1);
        let Some(&start) = starts.get(chunk) else {
            continue;
        };
        let page = files
            .get(&format!("t/{chunk}"))
            .and_then(|c| c.get((u64::from(id) - start) as usize));
        let Some(page) = page else { continue };
        let (url, title, text) = (str_at(page, 0), str_at(page, 1), str_at(page, 2));
        let (tn, tb) = occurrences(title, &key);
        let (xn, xb) = occurrences(text, &key);
        if tn + xn > 0 {
            hits.push(Hit {
                url: url.to_string(),
                title: title.to_string(),
                title_hit: tn > 0,
                count: tn + xn,
                bonus: tb + xb,
            });
        }
    }
    hits.sort_by(|a, b| {
        (b.title_hit, b.count, b.bonus)
            .cmp(&(a.title_hit, a.count, a.bonus))
            .then_with(|| a.url.cmp(&b.url))
    });
    hits
}

/// Title-hit page ids of a term (for tests of the title postings).
pub fn title_ids(files: &Loaded, term: &str) -> Vec<u32> {
    let Some(manifest) = files.get("index") else {
        return Vec::new();
    };
    files
        .get(&Manifest::new(manifest).file_of(term))
        .and_then(|f| f[term][1].as_str())
        .map(decode_title)
        .unwrap_or_default()
}

/// The manifest fields a query needs.
struct Manifest {
    shards: u64,
    big: HashMap<String, usize>,
    /// first page id of each chunk
    starts: Vec<u64>,
}

impl Manifest {
    fn new(v: &Value) -> Manifest {
        let big = v["b"].as_str().unwrap_or("").split(' ').filter(|t| !t.is_empty());
        let mut starts = Vec::new();
        let mut at = 0;
        for n in decode_numbers(v["c"].as_str().unwrap_or("")) {
            starts.push(at);
            at += n;
        }
        Manifest {
            shards: v["s"].as_u64().unwrap_or(1).max(1),
            big: big.enumerate().map(|(i, t)| (t.to_string(), i)).collect(),
            starts,
        }
    }

    fn file_of(&self, term: &str) -> String {
        match self.big.get(term) {
            Some(n) => format!("b/{n}"),
            None => format!("g/{}", u64::from(term_hash(term)) % self.shards),
        }
    }
}

fn str_at(v: &Value, i: usize) -> &str {
    v.get(i).and_then(Value::as_str).unwrap_or("")
}

/// Non-overlapping occurrences of `key` in the normalised `text` that start at a token
/// start (see [`same_token`]), and how many of their ends touch a non-letter.
pub fn occurrences(text: &str, key: &str) -> (usize, usize) {
    let Some(first) = key.chars().next() else {
        return (0, 0);
    };
    let (hay, map) = normalize_with_map(text);
    let mut count = 0;
    let mut bonus = 0;
    let mut pos = 0;
    while let Some(found) = hay.get(pos..).and_then(|h| h.find(key)) {
        let at = pos + found;
        let prev = hay[..at].chars().next_back();
        if prev.is_some_and(|p| same_token(p, first)) {
            pos = at + first.len_utf8();
            continue;
        }
        count += 1;
        let i = hay[..at].chars().count();
        let j = i + key.chars().count();
        if let (Some(a), Some(b)) = (map.get(i), map.get(j - 1)) {
            bonus += usize::from(!text[..a.start].chars().next_back().is_some_and(wordy));
            bonus += usize::from(!text[b.end..].chars().next().is_some_and(wordy));
        }
        pos = at + key.len();
    }
    (count, bonus)
}

/// Letters, digits and marks (`[\p{Alphabetic}\p{N}\p{M}]` in the client).
fn wordy(c: char) -> bool {
    c.is_alphanumeric() || unicode_normalization::char::is_combining_mark(c)
}
