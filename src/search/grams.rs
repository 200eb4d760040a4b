//! Index terms of a match key, the same rules as `termsOf` in `client.js`.
//!
//! * Thai-letter runs: every codepoint bigram, plus (index only) every unigram so that a
//!   one-letter query is exact too. A query run of one letter looks up its unigram, a longer
//!   run its bigrams. Bigrams give Ctrl-F (substring) semantics without a segmenter.
//! * ASCII letter runs and ASCII digit runs (split at letter/digit changes, so `o43` is
//!   `o`, `43`): the prefixes of length 1..=[`PREFIX_MAX`]. A Latin or digit query token
//!   matches at the *start* of a text token: `ita` finds `itas` and `ita2564`, `ta` does not
//!   find `ita`. Verification enforces the same rule, so index and client agree.
//! * Other letters and digits (Lao, accented Latin, CJK …): unigrams.
//! * Everything else (spaces, punctuation, ๆ, ฯ, ฿) is not indexed; verification still
//!   checks it.

use std::collections::HashMap;

/// Longest Latin/digit prefix stored; longer query tokens use their first `PREFIX_MAX`
/// characters and rely on verification.
pub const PREFIX_MAX: usize = 6;

#[derive(Clone, Copy, PartialEq, Eq)]
enum Class {
    Thai,
    Alpha,
    Digit,
    Other,
    Skip,
}

fn class(c: char) -> Class {
    match c {
        'a'..='z' => Class::Alpha,
        '0'..='9' => Class::Digit,
        '\u{0E01}'..='\u{0E2E}' | '\u{0E30}'..='\u{0E3A}' | '\u{0E40}'..='\u{0E45}' | '\u{0E47}'..='\u{0E4E}' => {
            Class::Thai
        }
        _ if c.is_ascii() || crate::thai::normalize::is_thai(c) => Class::Skip,
        _ if c.is_alphanumeric() => Class::Other,
        _ => Class::Skip,
    }
}

/// True when `c` continues a Latin or digit token that `prev` belongs to, i.e. a query
/// starting with `c` must not match right after `prev`.
pub fn same_token(prev: char, c: char) -> bool {
    let k = class(c);
    matches!(k, Class::Alpha | Class::Digit) && class(prev) == k
}

/// Splits a key into runs of one class (Skip characters dropped).
fn runs(key: &str) -> Vec<(Class, Vec<char>)> {
    let mut out: Vec<(Class, Vec<char>)> = Vec::new();
    let mut last = Class::Skip;
    for c in key.chars() {
        let k = class(c);
        match (k, out.last_mut()) {
            (Class::Skip, _) => {}
            (Class::Other, _) => out.push((k, vec![c])),
            (_, Some((lk, run))) if *lk == k && last == k => run.push(c),
            _ => out.push((k, vec![c])),
        }
        last = k;
    }
    out
}

/// Every index term of `key` with its number of occurrences, added into `out`.
pub fn index_terms(key: &str, out: &mut HashMap<String, u32>) {
    // one reused buffer: allocate only for a term not seen yet on this page
    let mut buf = String::new();
    let mut add = |chars: &[char]| {
        buf.clear();
        buf.extend(chars);
        match out.get_mut(buf.as_str()) {
            Some(n) => *n += 1,
            None => {
                out.insert(buf.clone(), 1);
            }
        }
    };
    for (k, run) in runs(key) {
        match k {
            Class::Thai => {
                for i in 0..run.len() {
                    add(&run[i..=i]);
                }
                for w in run.windows(2) {
                    add(w);
                }
            }
            Class::Alpha | Class::Digit => {
                for n in 1..=run.len().min(PREFIX_MAX) {
                    add(&run[..n]);
                }
            }
            Class::Other => add(&run),
            Class::Skip => {}
        }
    }
}

/// The terms a query key needs, with repeats (a term twice in the query must occur at least
/// twice per match, which bounds the number of matches from the postings).
pub fn query_terms(key: &str) -> Vec<String> {
    let mut out = Vec::new();
    for (k, run) in runs(key) {
        match k {
            Class::Thai if run.len() == 1 => out.push(run.iter().collect()),
            Class::Thai => out.extend(run.windows(2).map(|w| w.iter().collect())),
            Class::Alpha | Class::Digit => {
                out.push(run[..run.len().min(PREFIX_MAX)].iter().collect());
            }
            Class::Other => out.push(run.iter().collect()),
            Class::Skip => {}
        }
    }
    out
}

/// FNV-1a over code points: picks the shard of a term (same in `client.js`).
pub fn term_hash(term: &str) -> u32 {
    let mut h: u32 = 0x811c_9dc5;
    for c in term.chars() {
        h ^= c as u32;
        h = h.wrapping_mul(0x0100_0193);
    }
    h
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn terms_of_mixed_key() {
        let mut m = HashMap::new();
        index_terms("ita2564ข่าว", &mut m);
        for t in ["i", "it", "ita", "2", "2564", "ข่", "่า", "าว", "ข", "ว"] {
            assert!(m.contains_key(t), "{t}");
        }
        assert_eq!(query_terms("o43 ก"), ["o", "43", "ก"]);
        assert_eq!(query_terms("abcdefghij"), ["abcdef"]);
        assert!(query_terms("ๆ . ฿").is_empty());
    }
}
