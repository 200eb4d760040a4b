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

/// An index term packed into a `u64`, so that indexing allocates nothing per term. Every
/// term is either ASCII of at most [`PREFIX_MAX`] bytes (a Latin or digit prefix), stored as
/// its bytes with the top bit set, or one or two other characters (Thai unigrams and
/// bigrams, other letters), stored as `c + 1` in 21-bit slots. [`Term::text`] unpacks it.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct Term(u64);

const ASCII_TERM: u64 = 1 << 63;

impl Term {
    fn ascii(bytes: &[u8]) -> Term {
        let packed = bytes.iter().take(7).rev().fold(0u64, |n, &b| (n << 8) | u64::from(b));
        Term(ASCII_TERM | packed)
    }

    fn chars(a: char, b: Option<char>) -> Term {
        let slot = |c: Option<char>| c.map_or(0, |c| u64::from(c) + 1);
        Term(slot(Some(a)) | (slot(b) << 21))
    }

    /// The term as the index files spell it.
    pub fn text(self) -> String {
        if self.0 & ASCII_TERM != 0 {
            let bytes = (self.0 & !ASCII_TERM).to_le_bytes();
            bytes.iter().take_while(|&&b| b != 0).map(|&b| char::from(b)).collect()
        } else {
            [self.0 & 0x1F_FFFF, (self.0 >> 21) & 0x1F_FFFF]
                .into_iter()
                .filter(|&n| n != 0)
                .filter_map(|n| char::from_u32((n - 1) as u32))
                .collect()
        }
    }
}

/// A fast hasher for [`Term`] keys (they are not attacker-chosen in a way that matters: a
/// build only hashes its own content): one multiply-xorshift round.
#[derive(Default, Clone, Copy)]
pub struct TermHasher(u64);

impl std::hash::Hasher for TermHasher {
    fn write(&mut self, bytes: &[u8]) {
        for &b in bytes {
            self.write_u64(u64::from(b));
        }
    }

    fn write_u64(&mut self, n: u64) {
        let x = (self.0 ^ n).wrapping_mul(0x9E37_79B9_7F4A_7C15);
        self.0 = x ^ (x >> 29);
    }

    fn finish(&self) -> u64 {
        self.0
    }
}

/// term → occurrences on one page.
pub type TermCounts = HashMap<Term, u32, std::hash::BuildHasherDefault<TermHasher>>;

/// Where [`index_terms`] counts terms.
pub trait CountTerms {
    fn add(&mut self, term: Term, n: u32);
}

impl CountTerms for TermCounts {
    fn add(&mut self, term: Term, n: u32) {
        *self.entry(term).or_insert(0) += n;
    }
}

/// The first code point of the Thai block.
const THAI_BASE: u64 = 0x0E00;
/// Thai unigrams, then Thai bigrams, of the 128 code points of the block.
const THAI_SLOTS: usize = 128 + 128 * 128;

/// Term counts of one page, reused page after page: the Thai unigrams and bigrams (nearly
/// every term of a Thai page) in a table indexed by code point, which needs no hashing, and
/// the other terms in a map.
pub struct TermCounter {
    thai: Vec<u32>,
    /// The slots of `thai` in use, to clear and drain only those.
    touched: Vec<u16>,
    other: TermCounts,
}

impl Default for TermCounter {
    fn default() -> TermCounter {
        TermCounter {
            thai: vec![0; THAI_SLOTS],
            touched: Vec::new(),
            other: TermCounts::default(),
        }
    }
}

impl Term {
    /// The slot of a Thai unigram or bigram in [`TermCounter`]'s table.
    fn thai_slot(self) -> Option<usize> {
        if self.0 & ASCII_TERM != 0 {
            return None;
        }
        let offset = |n: u64| n.checked_sub(THAI_BASE + 1).filter(|&o| o < 128);
        let a = offset(self.0 & 0x1F_FFFF)?;
        match self.0 >> 21 {
            0 => Some(a as usize),
            b => Some(128 + (a * 128 + offset(b)?) as usize),
        }
    }

    fn of_thai_slot(slot: usize) -> Term {
        let char_at = |o: usize| char::from_u32(THAI_BASE as u32 + o as u32).unwrap_or('\0');
        if slot < 128 {
            Term::chars(char_at(slot), None)
        } else {
            let pair = slot - 128;
            Term::chars(char_at(pair / 128), Some(char_at(pair % 128)))
        }
    }
}

impl CountTerms for TermCounter {
    fn add(&mut self, term: Term, n: u32) {
        match term.thai_slot() {
            Some(slot) => {
                if self.thai[slot] == 0 {
                    self.touched.push(slot as u16);
                }
                self.thai[slot] += n;
            }
            None => self.other.add(term, n),
        }
    }
}

impl TermCounter {
    /// The occurrences of `term` counted so far.
    pub fn get(&self, term: Term) -> u32 {
        match term.thai_slot() {
            Some(slot) => self.thai[slot],
            None => self.other.get(&term).copied().unwrap_or(0),
        }
    }

    /// Every term counted, with its count, in no set order.
    pub fn iter(&self) -> impl Iterator<Item = (Term, u32)> + '_ {
        let thai = self
            .touched
            .iter()
            .map(|&slot| (Term::of_thai_slot(slot.into()), self.thai[usize::from(slot)]));
        thai.chain(self.other.iter().map(|(&t, &n)| (t, n)))
    }

    pub fn clear(&mut self) {
        for &slot in &self.touched {
            self.thai[usize::from(slot)] = 0;
        }
        self.touched.clear();
        self.other.clear();
    }
}

/// Every index term of `key` with its number of occurrences, added into `out`: one pass
/// over the key, the same terms as splitting it into [`runs`] first.
pub fn index_terms(key: &str, out: &mut impl CountTerms) {
    let mut add = |t: Term| out.add(t, 1);
    let mut thai: Option<char> = None; // the previous character, inside a Thai run
    let mut word = [0u8; PREFIX_MAX]; // the current Latin or digit run, up to PREFIX_MAX
    let mut word_len = 0;
    let mut word_class = Class::Skip;
    for c in key.chars() {
        let k = class(c);
        if k != Class::Thai {
            thai = None;
        }
        if k != word_class {
            word_len = 0;
        }
        word_class = k;
        match k {
            Class::Thai => {
                add(Term::chars(c, None));
                if let Some(p) = thai {
                    add(Term::chars(p, Some(c)));
                }
                thai = Some(c);
            }
            Class::Alpha | Class::Digit => {
                if word_len < PREFIX_MAX {
                    word[word_len] = c as u8;
                    word_len += 1;
                    add(Term::ascii(&word[..word_len]));
                }
            }
            Class::Other => add(Term::chars(c, None)),
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

    /// The terms of `key` as text, by the old two-pass definition: split into runs, then
    /// unigrams and bigrams of Thai runs, prefixes of Latin and digit runs.
    fn terms_by_runs(key: &str) -> HashMap<String, u32> {
        let mut out = HashMap::new();
        let mut add = |chars: &[char]| *out.entry(chars.iter().collect()).or_insert(0) += 1;
        for (k, run) in runs(key) {
            match k {
                Class::Thai => {
                    run.iter().for_each(|c| add(std::slice::from_ref(c)));
                    run.windows(2).for_each(&mut add);
                }
                Class::Alpha | Class::Digit => (1..=run.len().min(PREFIX_MAX)).for_each(|n| add(&run[..n])),
                Class::Other => add(&run),
                Class::Skip => {}
            }
        }
        out
    }

    fn terms(key: &str) -> HashMap<String, u32> {
        let mut m = TermCounts::default();
        index_terms(key, &mut m);
        m.into_iter().map(|(t, n)| (t.text(), n)).collect()
    }

    #[test]
    fn terms_of_mixed_key() {
        let m = terms("ita2564ข่าว");
        for t in ["i", "it", "ita", "2", "2564", "ข่", "่า", "าว", "ข", "ว"] {
            assert!(m.contains_key(t), "{t}");
        }
        assert_eq!(m["2"], 1);
        assert_eq!(query_terms("o43 ก"), ["o", "43", "ก"]);
        assert_eq!(query_terms("abcdefghij"), ["abcdef"]);
        assert!(query_terms("ๆ . ฿").is_empty());
    }

    #[test]
    fn one_pass_terms_equal_run_terms() {
        for key in [
            "ita2564ข่าว",
            "abcdefghij 12345678 ก ข่าวข่าว",
            "o43ກັບ ນ é日本語 x",
            "ต่างๆ พ.ศ.2564 ฿ ฯ ์",
            "",
            "aa-bb-cc 1,000,000",
            "\u{10FFFF}\u{0E4E}\u{0E01}",
        ] {
            assert_eq!(terms(key), terms_by_runs(key), "{key:?}");
        }
    }

    #[test]
    fn the_counter_counts_what_the_map_counts() {
        let mut counter = TermCounter::default();
        for key in [
            "ita2564ข่าว ข่าวข่าว",
            "o43ກັບ ນ é日本語 x ฿ ๆ \u{0E7F}\u{0E00}ก",
            "\u{10FFFF}\u{0E4E}\u{0E01}",
            "",
        ] {
            let mut map = TermCounts::default();
            index_terms(key, &mut map);
            counter.clear();
            index_terms(key, &mut counter);
            let mut from_counter: Vec<(String, u32)> = counter.iter().map(|(t, n)| (t.text(), n)).collect();
            let mut from_map: Vec<(String, u32)> = map.iter().map(|(t, n)| (t.text(), *n)).collect();
            from_counter.sort();
            from_map.sort();
            assert_eq!(from_counter, from_map, "{key:?}");
            for (t, n) in &map {
                assert_eq!(counter.get(*t), *n, "{}", t.text());
            }
        }
        for slot in 0..THAI_SLOTS {
            assert_eq!(Term::of_thai_slot(slot).thai_slot(), Some(slot));
        }
    }

    #[test]
    fn terms_unpack_to_their_text() {
        for t in ["a", "abcdef", "2564", "ก", "ข่", "\u{10FFFF}", "\u{10FFFF}ก", "é"] {
            let chars: Vec<char> = t.chars().collect();
            let term = if t.is_ascii() {
                Term::ascii(t.as_bytes())
            } else {
                Term::chars(chars[0], chars.get(1).copied())
            };
            assert_eq!(term.text(), t);
        }
    }
}
