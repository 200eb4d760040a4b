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

/// The match key of `text`.
pub fn normalize(text: &str) -> String {
    units(text).into_iter().map(|u| u.c).collect()
}

/// The match key of `text` plus, for each character of the key, the byte range of `text`
/// it came from (a cluster, for characters produced by reordering or composition).
/// A key match `key[i..j]` (in chars) covers `text[map[i].start..map[j - 1].end]`.
pub fn normalize_with_map(text: &str) -> (String, Vec<Range<usize>>) {
    let units = units(text);
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

fn units(text: &str) -> Vec<Unit> {
    let mut v = nfc_clusters(text);
    v.retain(|u| !is_invisible(u.c));
    reorder_marks(&mut v);
    let v = dedupe_marks(v);
    let v = compose_vowels(v);
    let v = fold_chars(v);
    spaces(v)
}

/// NFC per cluster: a cluster is one character followed by its combining marks.
fn nfc_clusters(text: &str) -> Vec<Unit> {
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
            out.push(Unit { c: first, start, end });
        } else if is_thai(first) && thai_in_canonical_order(cluster) {
            // the Thai block has no canonical compositions or decompositions: NFC of Thai
            // text only reorders marks, and this cluster is already in that order
            out.extend(cluster.chars().map(|c| Unit { c, start, end }));
        } else {
            out.extend(cluster.nfc().map(|c| Unit { c, start, end }));
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
fn reorder_marks(v: &mut [Unit]) {
    let mut i = 0;
    while i < v.len() {
        if mark_rank(v[i].c) == 0 {
            i += 1;
            continue;
        }
        let mut j = i;
        while j < v.len() && mark_rank(v[j].c) > 0 {
            j += 1;
        }
        v[i..j].sort_by_key(|u| mark_rank(u.c));
        i = j;
    }
}

/// Drops a Thai mark equal to the one before it.
fn dedupe_marks(v: Vec<Unit>) -> Vec<Unit> {
    let mut out: Vec<Unit> = Vec::with_capacity(v.len());
    for u in v {
        if let Some(last) = out.last_mut() {
            if mark_rank(u.c) > 0 && last.c == u.c {
                widen(last, &u);
                continue;
            }
        }
        out.push(u);
    }
    out
}

/// ํ+า → ำ, ํ+tone+า → tone+ำ, เ+เ → แ.
fn compose_vowels(v: Vec<Unit>) -> Vec<Unit> {
    let mut out: Vec<Unit> = Vec::with_capacity(v.len());
    let mut i = 0;
    while i < v.len() {
        let u = v[i];
        let next = v.get(i + 1).map(|n| n.c);
        let after = v.get(i + 2).map(|n| n.c);
        if u.c == NIKHAHIT && next == Some(SARA_AA) {
            let mut am = Unit { c: SARA_AM, ..u };
            widen(&mut am, &v[i + 1]);
            out.push(am);
            i += 2;
        } else if u.c == NIKHAHIT && next.is_some_and(is_tone) && after == Some(SARA_AA) {
            let tone = v[i + 1];
            let mut am = Unit { c: SARA_AM, ..u };
            widen(&mut am, &v[i + 2]);
            out.push(tone);
            out.push(am);
            i += 3;
        } else if u.c == SARA_E && next == Some(SARA_E) {
            let mut ae = Unit { c: SARA_AE, ..u };
            widen(&mut ae, &v[i + 1]);
            out.push(ae);
            i += 2;
        } else {
            out.push(u);
            i += 1;
        }
    }
    out
}

/// Digits, fullwidth forms, quotes, dashes and lower case.
fn fold_chars(v: Vec<Unit>) -> Vec<Unit> {
    let mut out = Vec::with_capacity(v.len());
    for u in v {
        let c = fold_char(u.c);
        if c.is_ascii() {
            out.push(Unit {
                c: c.to_ascii_lowercase(),
                ..u
            });
        } else if is_thai(c) {
            // no Thai character has a case mapping
            out.push(Unit { c, ..u });
        } else {
            out.extend(c.to_lowercase().map(|c| Unit { c, ..u }));
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

/// Collapses whitespace; drops it at the ends and next to Thai characters or dots.
fn spaces(v: Vec<Unit>) -> Vec<Unit> {
    let mut out: Vec<Unit> = Vec::with_capacity(v.len());
    let mut pending: Option<Unit> = None;
    for u in v {
        if is_space(u.c) {
            match pending.as_mut() {
                Some(p) => widen(p, &u),
                None => pending = Some(Unit { c: ' ', ..u }),
            }
            continue;
        }
        if let (Some(space), Some(last)) = (pending.take(), out.last()) {
            if !sticky(last.c) && !sticky(u.c) {
                out.push(space);
            }
        }
        out.push(u);
    }
    out
}

/// A space next to one of these is dropped from the key.
fn sticky(c: char) -> bool {
    is_thai(c) || c == '.'
}

/// Any character of the Thai block, including ๆ, ฯ, digits and marks.
pub fn is_thai(c: char) -> bool {
    ('\u{0E00}'..='\u{0E7F}').contains(&c)
}

fn widen(u: &mut Unit, other: &Unit) {
    u.start = u.start.min(other.start);
    u.end = u.end.max(other.end);
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
                    let fast: String = nfc_clusters(&s).into_iter().map(|u| u.c).collect();
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
