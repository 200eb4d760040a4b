//! Thai-aware normalisation into a *match key*, shared by the search index, the search
//! client (a JavaScript twin lives in `search/client.js`) and anything else that compares
//! Thai text typed by different people.
//!
//! Rules (research/thai-text.md §3), in order:
//! 1. NFC, applied per cluster (one non-mark plus its combining marks) so that every output
//!    character can be mapped back to the original text. Never NFKC: it splits ำ.
//! 2. Strip invisibles (ZWSP, ZWNJ, ZWJ, WJ, BOM, soft hyphen).
//! 3. Put the Thai marks after a consonant in one order (lower vowel, upper vowel, tone,
//!    thanthakhat), so ก+่+ิ and ก+ิ+่ match; drop a repeated identical mark (ที่่ → ที่).
//! 4. Sara am: ํ+า → ำ and ํ+tone+า → tone+ำ; double sara e: เ+เ → แ.
//! 5. Fold Thai and fullwidth digits to ASCII, fullwidth ASCII to ASCII, curly quotes and
//!    dashes to ASCII, lower-case every code point. Tone marks stay: ข่าว ≠ ข้าว.
//! 6. Whitespace collapses to one space; a space touching a Thai character (including ๆ and
//!    ฯ) or a dot is dropped, so "ต่าง ๆ" = "ต่างๆ" and "พ.ศ. ๒๕๖๔" = "พ.ศ.๒๕๖๔".
//!
//! The JavaScript twin must produce the same key; `search/vectors.json` holds the shared
//! test vectors. Clusters are found with `\p{M}` in JavaScript and [`is_combining_mark`]
//! here, both General_Category=Mark.

use std::ops::Range;

use unicode_normalization::char::is_combining_mark;
use unicode_normalization::UnicodeNormalization;

/// One output character and the byte range of the original text it came from.
#[derive(Clone, Copy)]
struct Unit {
    c: char,
    start: usize,
    end: usize,
}

/// What the passes carry per output character: `Unit` when the caller needs the map back
/// to the text, a bare `char` (a sixth of the memory traffic) when it needs only the key.
trait Carried: Copy {
    fn new(c: char, start: usize, end: usize) -> Self;
    fn c(&self) -> char;
    /// The same origin with another character.
    fn with(self, c: char) -> Self;
    /// Makes `self` also cover what `other` came from.
    fn widen(&mut self, other: &Self);
}

impl Carried for Unit {
    fn new(c: char, start: usize, end: usize) -> Unit {
        Unit { c, start, end }
    }
    fn c(&self) -> char {
        self.c
    }
    fn with(self, c: char) -> Unit {
        Unit { c, ..self }
    }
    fn widen(&mut self, other: &Unit) {
        self.start = self.start.min(other.start);
        self.end = self.end.max(other.end);
    }
}

impl Carried for char {
    fn new(c: char, _: usize, _: usize) -> char {
        c
    }
    fn c(&self) -> char {
        *self
    }
    fn with(self, c: char) -> char {
        c
    }
    fn widen(&mut self, _: &char) {}
}

/// The match key of `text`.
pub fn normalize(text: &str) -> String {
    key_in_one_pass(text).unwrap_or_else(|| units::<char>(text).into_iter().collect())
}

/// The key of text that needs none of the rare rules, in one pass: ASCII, whitespace, the
/// quotes, dashes and fullwidth forms that fold to ASCII, and Thai whose marks already
/// follow a Thai character in key order with no ํ and no เ+เ. That is nearly all real
/// text; `None` for anything else, which the general passes handle.
fn key_in_one_pass(text: &str) -> Option<String> {
    let mut out = String::with_capacity(text.len());
    let mut space = false;
    let mut last: Option<char> = None;
    // the mark rank of the previous character when it was Thai (0 for a base)
    let mut thai_rank: Option<u8> = None;
    let mut after_sara_e = false;
    for c in text.chars() {
        if is_space(c) {
            space = true;
            thai_rank = None;
            after_sara_e = false;
            continue;
        }
        let key = if c.is_ascii() {
            thai_rank = None;
            c.to_ascii_lowercase()
        } else if is_thai(c) {
            let rank = mark_rank(c);
            if rank > 0 && thai_rank.is_none_or(|before| before >= rank) {
                return None;
            }
            if c == NIKHAHIT || (c == SARA_E && after_sara_e) {
                return None;
            }
            thai_rank = Some(rank);
            fold_char(c)
        } else {
            match fold_char(c) {
                folded if folded != c && folded.is_ascii() => {
                    thai_rank = None;
                    folded.to_ascii_lowercase()
                }
                _ => return None,
            }
        };
        after_sara_e = c == SARA_E;
        if std::mem::take(&mut space) && last.is_some_and(|l| !sticky(l)) && !sticky(key) {
            out.push(' ');
        }
        out.push(key);
        last = Some(key);
    }
    Some(out)
}

/// The match key of `text` plus, for each character of the key, the byte range of `text`
/// it came from (a cluster, for characters produced by reordering or composition).
/// A key match `key[i..j]` (in chars) covers `text[map[i].start..map[j - 1].end]`.
pub fn normalize_with_map(text: &str) -> (String, Vec<Range<usize>>) {
    let units = units::<Unit>(text);
    let key = units.iter().map(|u| u.c).collect();
    let map = units.iter().map(|u| u.start..u.end).collect();
    (key, map)
}

/// Whitespace as the key sees it; an explicit list so that JavaScript's `\s` (which lacks
/// U+0085) cannot drift from Rust's `char::is_whitespace`.
pub fn is_space(c: char) -> bool {
    matches!(
        c,
        '\t' | '\n' | '\u{0B}' | '\u{0C}' | '\r' | ' ' | '\u{85}' | '\u{A0}' | '\u{1680}' | '\u{2000}'
            ..='\u{200A}' | '\u{2028}' | '\u{2029}' | '\u{202F}' | '\u{205F}' | '\u{3000}'
    )
}

/// Characters removed from the key.
fn is_invisible(c: char) -> bool {
    matches!(
        c,
        '\u{200B}' | '\u{200C}' | '\u{200D}' | '\u{2060}' | '\u{FEFF}' | '\u{AD}'
    )
}

/// Sort rank of a Thai mark above or below a consonant; 0 for anything else.
fn mark_rank(c: char) -> u8 {
    match c {
        '\u{0E38}'..='\u{0E3A}' => 1,
        '\u{0E31}' | '\u{0E34}'..='\u{0E37}' | '\u{0E47}' | '\u{0E4D}' => 2,
        '\u{0E48}'..='\u{0E4B}' => 3,
        '\u{0E4C}' | '\u{0E4E}' => 4,
        _ => 0,
    }
}

fn is_tone(c: char) -> bool {
    ('\u{0E48}'..='\u{0E4B}').contains(&c)
}

const NIKHAHIT: char = '\u{0E4D}';
const SARA_AA: char = '\u{0E32}';
const SARA_AM: char = '\u{0E33}';
const SARA_E: char = '\u{0E40}';
const SARA_AE: char = '\u{0E41}';

fn units<U: Carried>(text: &str) -> Vec<U> {
    let mut v = nfc_clusters::<U>(text);
    v.retain(|u| !is_invisible(u.c()));
    reorder_marks(&mut v);
    dedupe_marks(&mut v);
    let v = compose_vowels(v);
    let v = fold_chars(v);
    spaces(v)
}

/// NFC per cluster: a cluster is one character followed by its combining marks.
fn nfc_clusters<U: Carried>(text: &str) -> Vec<U> {
    let mut out = Vec::with_capacity(text.len() / 2);
    let mut iter = text.char_indices().peekable();
    while let Some((start, first)) = iter.next() {
        let mut end = start + first.len_utf8();
        while let Some(&(i, c)) = iter.peek() {
            if !is_mark(c) {
                break;
            }
            end = i + c.len_utf8();
            iter.next();
        }
        let cluster = &text[start..end];
        if end == start + first.len_utf8() && (first.is_ascii() || is_thai(first)) {
            out.push(U::new(first, start, end));
        } else if is_thai(first) && thai_in_canonical_order(cluster) {
            // the Thai block has no canonical compositions or decompositions: NFC of Thai
            // text only reorders marks, and this cluster is already in that order
            out.extend(cluster.chars().map(|c| U::new(c, start, end)));
        } else {
            out.extend(cluster.nfc().map(|c| U::new(c, start, end)));
        }
    }
    out
}

/// [`is_combining_mark`] with the answer for ASCII and Thai inline (the hot path).
fn is_mark(c: char) -> bool {
    if c.is_ascii() {
        false
    } else if is_thai(c) {
        matches!(c, '\u{0E31}' | '\u{0E34}'..='\u{0E3A}' | '\u{0E47}'..='\u{0E4E}')
    } else {
        is_combining_mark(c)
    }
}

/// Canonical combining class of a Thai character (Unicode: phinthu 9, sara u and uu 103,
/// tone marks 107, everything else 0).
fn thai_ccc(c: char) -> u8 {
    match c {
        '\u{0E3A}' => 9,
        '\u{0E38}' | '\u{0E39}' => 103,
        '\u{0E48}'..='\u{0E4B}' => 107,
        _ => 0,
    }
}

/// True when `s` is all Thai and canonical reordering would leave it as it is.
fn thai_in_canonical_order(s: &str) -> bool {
    let mut prev = 0;
    for c in s.chars() {
        if !is_thai(c) {
            return false;
        }
        let ccc = thai_ccc(c);
        if ccc != 0 && prev > ccc {
            return false;
        }
        prev = ccc;
    }
    true
}

/// Stable-sorts every run of Thai marks by [`mark_rank`].
fn reorder_marks<U: Carried>(v: &mut [U]) {
    let mut i = 0;
    while i < v.len() {
        if mark_rank(v[i].c()) == 0 {
            i += 1;
            continue;
        }
        let mut j = i;
        while j < v.len() && mark_rank(v[j].c()) > 0 {
            j += 1;
        }
        if j - i > 1 {
            v[i..j].sort_by_key(|u| mark_rank(u.c()));
        }
        i = j;
    }
}

/// Drops a Thai mark equal to the one before it, in place.
fn dedupe_marks<U: Carried>(v: &mut Vec<U>) {
    let mut kept = 0;
    for i in 0..v.len() {
        let u = v[i];
        if kept > 0 && mark_rank(u.c()) > 0 && v[kept - 1].c() == u.c() {
            v[kept - 1].widen(&u);
            continue;
        }
        v[kept] = u;
        kept += 1;
    }
    v.truncate(kept);
}

/// ํ+า → ำ, ํ+tone+า → tone+ำ, เ+เ → แ; in place (the key only gets shorter).
fn compose_vowels<U: Carried>(mut v: Vec<U>) -> Vec<U> {
    let mut kept = 0;
    let mut i = 0;
    while i < v.len() {
        let u = v[i];
        let next = v.get(i + 1).map(U::c);
        let after = v.get(i + 2).map(U::c);
        if u.c() == NIKHAHIT && next == Some(SARA_AA) {
            let mut am = u.with(SARA_AM);
            am.widen(&v[i + 1]);
            v[kept] = am;
            kept += 1;
            i += 2;
        } else if u.c() == NIKHAHIT && next.is_some_and(is_tone) && after == Some(SARA_AA) {
            let tone = v[i + 1];
            let mut am = u.with(SARA_AM);
            am.widen(&v[i + 2]);
            v[kept] = tone;
            v[kept + 1] = am;
            kept += 2;
            i += 3;
        } else if u.c() == SARA_E && next == Some(SARA_E) {
            let mut ae = u.with(SARA_AE);
            ae.widen(&v[i + 1]);
            v[kept] = ae;
            kept += 1;
            i += 2;
        } else {
            v[kept] = u;
            kept += 1;
            i += 1;
        }
    }
    v.truncate(kept);
    v
}

/// Digits, fullwidth forms, quotes, dashes and lower case; in place unless a character
/// lower-cases to several (İ), which is rare.
fn fold_chars<U: Carried>(mut v: Vec<U>) -> Vec<U> {
    for i in 0..v.len() {
        let c = fold_char(v[i].c());
        if c.is_ascii() {
            v[i] = v[i].with(c.to_ascii_lowercase());
        } else if is_thai(c) {
            // no Thai character has a case mapping
            v[i] = v[i].with(c);
        } else if c.to_lowercase().len() == 1 {
            v[i] = v[i].with(c.to_lowercase().next().unwrap_or(c));
        } else {
            return fold_chars_expanding(v, i);
        }
    }
    v
}

/// The rest of `fold_chars` from `from` on, into a new vector; `v[..from]` is folded.
fn fold_chars_expanding<U: Carried>(v: Vec<U>, from: usize) -> Vec<U> {
    let mut out = Vec::with_capacity(v.len() + 8);
    out.extend_from_slice(&v[..from]);
    for &u in &v[from..] {
        let c = fold_char(u.c());
        if c.is_ascii() {
            out.push(u.with(c.to_ascii_lowercase()));
        } else if is_thai(c) {
            out.push(u.with(c));
        } else {
            out.extend(c.to_lowercase().map(|c| u.with(c)));
        }
    }
    out
}

fn fold_char(c: char) -> char {
    match c {
        '\u{0E50}'..='\u{0E59}' => shift(c, 0x0E50, '0'),
        '\u{FF01}'..='\u{FF5E}' => shift(c, 0xFF01, '!'),
        '\u{201C}' | '\u{201D}' | '\u{201E}' | '\u{2033}' => '"',
        '\u{2018}' | '\u{2019}' | '\u{201A}' | '\u{2032}' => '\'',
        '\u{2010}'..='\u{2015}' | '\u{2212}' => '-',
        _ => c,
    }
}

fn shift(c: char, from: u32, to: char) -> char {
    char::from_u32(c as u32 - from + to as u32).unwrap_or(c)
}

/// Collapses whitespace; drops it at the ends and next to Thai characters or dots. In
/// place: the key only gets shorter.
fn spaces<U: Carried>(mut v: Vec<U>) -> Vec<U> {
    let mut kept = 0;
    let mut pending: Option<U> = None;
    for i in 0..v.len() {
        let u = v[i];
        if is_space(u.c()) {
            match pending.as_mut() {
                Some(p) => p.widen(&u),
                None => pending = Some(u.with(' ')),
            }
            continue;
        }
        if let Some(space) = pending.take() {
            if kept > 0 && !sticky(v[kept - 1].c()) && !sticky(u.c()) {
                // a space replaces at least one unit, so it never overtakes `i`
                v[kept] = space;
                kept += 1;
            }
        }
        v[kept] = u;
        kept += 1;
    }
    v.truncate(kept);
    v
}

/// A space next to one of these is dropped from the key.
fn sticky(c: char) -> bool {
    is_thai(c) || c == '.'
}

/// Any character of the Thai block, including ๆ, ฯ, digits and marks.
pub fn is_thai(c: char) -> bool {
    ('\u{0E00}'..='\u{0E7F}').contains(&c)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn map_covers_clusters() {
        let text = "น\u{0E4D}\u{0E49}\u{0E32} ๒๕";
        let (key, map) = normalize_with_map(text);
        assert_eq!(key, "น\u{0E49}\u{0E33}25");
        assert_eq!(map.len(), key.chars().count());
        // the marks belong to the cluster of น
        assert_eq!(&text[map[1].start..map[2].end], "น\u{0E4D}\u{0E49}\u{0E32}");
        assert_eq!(&text[map[3].clone()], "๒");
    }

    #[test]
    fn thai_shortcuts_agree_with_the_unicode_tables() {
        use unicode_normalization::char::canonical_combining_class;
        for c in (0..=0x10FFFF).filter_map(char::from_u32) {
            assert_eq!(is_mark(c), is_combining_mark(c), "{c:?}");
        }
        for c in ('\u{0E00}'..='\u{0E7F}').filter(|c| c.is_alphanumeric() || is_mark(*c)) {
            assert_eq!(thai_ccc(c), canonical_combining_class(c), "{c:?}");
            assert!(c.to_lowercase().eq([c]), "{c:?}");
        }
    }

    #[test]
    fn thai_clusters_in_any_mark_order_match_nfc() {
        let marks = ['\u{0E38}', '\u{0E3A}', '\u{0E48}', '\u{0E34}', '\u{0E4C}', '\u{0E4D}'];
        for a in marks {
            for b in marks {
                for c in marks {
                    let s = format!("ก{a}{b}{c}า");
                    let nfc: String = s.nfc().collect();
                    assert_eq!(normalize(&s), normalize(&nfc), "{s:?}");
                    let slow: String = nfc_clusters_by_nfc(&s).into_iter().map(|u| u.c).collect();
                    let fast: String = nfc_clusters::<Unit>(&s).into_iter().map(|u| u.c).collect();
                    assert_eq!(fast, slow, "{s:?}");
                }
            }
        }
    }

    /// NFC of every cluster, without the Thai shortcut.
    fn nfc_clusters_by_nfc(text: &str) -> Vec<Unit> {
        let mut out = Vec::new();
        let mut iter = text.char_indices().peekable();
        while let Some((start, first)) = iter.next() {
            let mut end = start + first.len_utf8();
            while let Some(&(i, c)) = iter.peek() {
                if !is_combining_mark(c) {
                    break;
                }
                end = i + c.len_utf8();
                iter.next();
            }
            out.extend(text[start..end].nfc().map(|c| Unit { c, start, end }));
        }
        out
    }

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(4096))]
        /// The key alone (one pass, or the passes over `char`) is the key of the mapped
        /// passes, on text made of everything the passes treat specially.
        #[test]
        fn key_alone_equals_mapped_key(parts in proptest::collection::vec(proptest::sample::select(vec![
            "ก", "\u{0E4D}", "\u{0E32}", "\u{0E48}", "\u{0E34}", "\u{0E38}", "\u{0E4C}", "เ", "๒",
            " ", "\u{A0}", "\n", ".", "A", "İ", "\u{301}", "e", "\u{200B}", "\u{FF21}", "\u{201C}",
            "ๆ", "\u{3000}", "ΣΑ", "\u{0E34}", "\u{0E35}", "\u{0E39}", "ฯ", "\t", "Z", "\u{2013}",
            "\u{FF10}", "\u{0E33}", "\u{0E3A}", "\u{0E4E}",
        ]), 0..24)) {
            let text = parts.concat();
            let (mapped, map) = normalize_with_map(&text);
            proptest::prop_assert_eq!(&normalize(&text), &mapped);
            proptest::prop_assert_eq!(&units::<char>(&text).into_iter().collect::<String>(), &mapped);
            proptest::prop_assert_eq!(mapped.chars().count(), map.len());
        }
    }

    #[test]
    fn never_panics_on_odd_input() {
        for s in [
            "",
            " ",
            "\u{0E4D}",
            "\u{0E48}\u{0E4D}",
            "เ",
            "\u{301}a",
            "İ",
            "\u{FEFF}",
        ] {
            let (key, map) = normalize_with_map(s);
            assert_eq!(key.chars().count(), map.len());
        }
    }
}
