//! Splits a written date into tokens: numbers, months, eras, range separators and words.
//!
//! Thai has no spaces between words ("ตลอดเดือนเมษายน", "ต.ค.๖๓-"), so month names are found
//! by matching a vocabulary at every position. Abbreviations that lost their dots ("มี.ค",
//! "เม", "มิย") only count when they stand alone, so "เม" inside "เมือง" is not April.

use std::sync::OnceLock;

use crate::thai::digits::digit_value;
use crate::thai::format::{MONTHS_ABBR_TH, MONTHS_EN, MONTHS_TH};

#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) enum Tok {
    /// A run of digits: `value` saturates, `len` is the digit count, `mixed` means Thai and
    /// ASCII digits together.
    Num {
        value: u32,
        len: usize,
        text: String,
        mixed: bool,
    },
    Month(u8),
    Era(Era),
    /// "-", "ถึง", "วันสิ้นสุด", "to": the boundary between a range's start and end.
    Sep,
    Slash,
    Word(String),
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Era {
    /// พ.ศ., Buddhist Era.
    Be,
    /// ค.ศ., common era.
    Ce,
}

#[derive(Debug, Clone, Copy)]
enum Lex {
    Month(u8),
    Era(Era),
}

/// Whether a vocabulary entry may touch Thai letters on its left and right.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Bound {
    Free,
    Right,
    Both,
}

/// Thai vocabulary, longest spellings first so "มี.ค." wins over "มี.ค".
fn vocabulary() -> &'static [(String, Lex, Bound)] {
    static VOCAB: OnceLock<Vec<(String, Lex, Bound)>> = OnceLock::new();
    VOCAB.get_or_init(|| {
        let mut v = Vec::new();
        for (i, (full, abbr)) in MONTHS_TH.iter().zip(MONTHS_ABBR_TH).enumerate() {
            let m = Lex::Month(i as u8 + 1);
            v.push((full.to_string(), m, Bound::Free));
            v.push((abbr.to_string(), m, Bound::Free));
            v.push((abbr.trim_end_matches('.').to_string(), m, Bound::Right));
            v.push((abbr.replace('.', ""), m, Bound::Both));
        }
        // Handwritten endorsements abbreviate April as a bare "เม" (seed 000).
        v.push(("เม".to_string(), Lex::Month(4), Bound::Both));
        for (text, era) in [("พ.ศ.", Era::Be), ("ค.ศ.", Era::Ce)] {
            v.push((text.to_string(), Lex::Era(era), Bound::Free));
            v.push((text.trim_end_matches('.').to_string(), Lex::Era(era), Bound::Right));
            v.push((text.replace('.', ""), Lex::Era(era), Bound::Both));
        }
        v.sort_by_key(|(text, _, _)| std::cmp::Reverse(text.chars().count()));
        v
    })
}

/// Thai consonants, vowels and marks (not digits): the letters a word is made of.
pub(super) fn is_thai_letter(c: char) -> bool {
    ('\u{0E01}'..='\u{0E4F}').contains(&c)
}

/// Unifies dashes, drops brackets, commas and zero-width characters, collapses spaces.
pub(super) fn prepare(text: &str) -> String {
    // A decomposed SARA AM (NIKHAHIT + SARA AA) is common in pasted text.
    let text = text.replace("\u{0E4D}\u{0E32}", "\u{0E33}");
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        let mapped = match c {
            '\u{2010}'..='\u{2015}' | '\u{2212}' | '~' | '\u{FF5E}' => Some('-'),
            '(' | ')' | '[' | ']' | '{' | '}' | ',' | ':' | ';' | '"' | '\u{201C}' | '\u{201D}' => Some(' '),
            '\u{200B}'..='\u{200D}' | '\u{FEFF}' => None,
            c if c.is_whitespace() => Some(' '),
            c => Some(c),
        };
        if let Some(m) = mapped {
            if m == ' ' && (out.is_empty() || out.ends_with(' ')) {
                continue;
            }
            out.push(m);
        }
    }
    out.truncate(out.trim_end().len());
    out
}

/// Tokenises a [`prepare`]d text.
pub(super) fn lex(text: &str) -> Vec<Tok> {
    let mut toks = Vec::new();
    let mut word = String::new();
    let mut i = 0;
    while let Some(c) = text.get(i..).and_then(|rest| rest.chars().next()) {
        if c == ' ' || c == '-' || c == '/' || digit_value(c).is_some() || c.is_ascii_alphabetic() {
            flush_word(&mut word, &mut toks);
        }
        if c == ' ' {
            i += 1;
        } else if c == '-' {
            toks.push(Tok::Sep);
            i += 1;
        } else if c == '/' {
            toks.push(Tok::Slash);
            i += 1;
        } else if digit_value(c).is_some() {
            i += lex_number(&text[i..], &mut toks);
        } else if c.is_ascii_alphabetic() {
            i += lex_latin_word(&text[i..], &mut toks);
        } else if let Some((len, lexeme)) = match_vocabulary(text, i) {
            flush_word(&mut word, &mut toks);
            toks.push(match lexeme {
                Lex::Month(m) => Tok::Month(m),
                Lex::Era(e) => Tok::Era(e),
            });
            i += len;
        } else {
            word.push(c);
            i += c.len_utf8();
        }
    }
    flush_word(&mut word, &mut toks);
    toks
}

fn flush_word(word: &mut String, toks: &mut Vec<Tok>) {
    if word.is_empty() {
        return;
    }
    let w = std::mem::take(word);
    // "ถึง" (to), "จนถึง", "วันสิ้นสุด"/"วันที่สิ้นสุด" (end date) separate a range.
    if w.contains("ถึง") || w.contains("สิ้นสุด") {
        toks.push(Tok::Sep);
    } else {
        toks.push(Tok::Word(w));
    }
}

/// Reads a run of digits at the start of `rest`; returns its byte length.
fn lex_number(rest: &str, toks: &mut Vec<Tok>) -> usize {
    let mut value: u32 = 0;
    let mut len = 0;
    let (mut ascii, mut thai) = (false, false);
    let mut end = 0;
    for (at, c) in rest.char_indices() {
        let Some(d) = digit_value(c) else { break };
        value = value.saturating_mul(10).saturating_add(d);
        len += 1;
        if c.is_ascii_digit() {
            ascii = true;
        } else {
            thai = true;
        }
        end = at + c.len_utf8();
    }
    toks.push(Tok::Num {
        value,
        len,
        text: rest[..end].to_string(),
        mixed: ascii && thai,
    });
    end
}

/// Reads an English word (letters and dots: "Apr.", "B.E."); returns its byte length.
fn lex_latin_word(rest: &str, toks: &mut Vec<Tok>) -> usize {
    let end = rest
        .find(|c: char| !(c.is_ascii_alphabetic() || c == '.'))
        .unwrap_or(rest.len());
    let word: String = rest[..end]
        .chars()
        .filter(|c| *c != '.')
        .map(|c| c.to_ascii_lowercase())
        .collect();
    let month = MONTHS_EN.iter().position(|name| {
        let name = name.to_ascii_lowercase();
        word == name || word == name[..3] || (word == "sept" && name == "september")
    });
    toks.push(match (month, word.as_str()) {
        (Some(i), _) => Tok::Month(i as u8 + 1),
        (None, "be") => Tok::Era(Era::Be),
        (None, "ce" | "ad") => Tok::Era(Era::Ce),
        (None, "to" | "until" | "till" | "through") => Tok::Sep,
        _ => Tok::Word(rest[..end].to_string()),
    });
    end
}

/// The longest vocabulary entry at byte `at` whose boundary rule holds.
fn match_vocabulary(text: &str, at: usize) -> Option<(usize, Lex)> {
    let rest = text.get(at..)?;
    let before = text.get(..at).and_then(|s| s.chars().next_back());
    vocabulary().iter().find_map(|(spelling, lexeme, bound)| {
        if !rest.starts_with(spelling.as_str()) {
            return None;
        }
        let after = rest[spelling.len()..].chars().next();
        let left_ok = *bound != Bound::Both || !before.is_some_and(is_thai_letter);
        let right_ok = *bound == Bound::Free || !after.is_some_and(is_thai_letter);
        (left_ok && right_ok).then_some((spelling.len(), *lexeme))
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn num(value: u32, text: &str) -> Tok {
        Tok::Num {
            value,
            len: text.chars().count(),
            text: text.to_string(),
            mixed: false,
        }
    }

    #[test]
    fn glued_thai_is_split() {
        assert_eq!(
            lex(&prepare("ตลอดเดือนเมษายน ๒๕๖๔")),
            vec![Tok::Word("ตลอดเดือน".into()), Tok::Month(4), num(2564, "๒๕๖๔")]
        );
        assert_eq!(
            lex(&prepare("ต.ค.๖๓- เม.ย.๖๔")),
            vec![Tok::Month(10), num(63, "๖๓"), Tok::Sep, Tok::Month(4), num(64, "๖๔")]
        );
        assert_eq!(lex("มี.ค ๖๗"), vec![Tok::Month(3), num(67, "๖๗")]);
        assert_eq!(lex("เมือง"), vec![Tok::Word("เมือง".into())]);
        assert_eq!(lex("พ.ศ.๒๕๖๔"), vec![Tok::Era(Era::Be), num(2564, "๒๕๖๔")]);
    }

    #[test]
    fn prepare_cleans_punctuation() {
        assert_eq!(
            prepare(" (เดือนตุลาคม ๖๓ – เดือนมีนาคม ๖๔) "),
            "เดือนตุลาคม ๖๓ - เดือนมีนาคม ๖๔"
        );
        assert_eq!(prepare("a\u{200B}b\t\nc"), "ab c");
    }
}
