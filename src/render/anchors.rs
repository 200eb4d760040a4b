//! Heading anchors that keep Thai text. Zola and Hugo transliterate or drop vowel and tone
//! marks; we keep every letter, mark and digit of every script (NFC), lower-case Latin, and
//! turn spaces into hyphens, so `#การเปิดเผยข้อมูล` links work and read as written.

use std::collections::HashMap;

use unicode_normalization::char::is_combining_mark;
use unicode_normalization::{is_nfc_quick, IsNormalized, UnicodeNormalization};

/// The anchor for a heading's text.
pub fn slugify(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut pending_dash = false;
    // NFC only when the text is not already in it (the quick check answers for nearly all)
    let chars: Box<dyn Iterator<Item = char>> = match is_nfc_quick(text.chars()) {
        IsNormalized::Yes => Box::new(text.chars()),
        _ => Box::new(text.nfc()),
    };
    for c in chars {
        // Thai and ASCII first: `is_alphanumeric` and `to_lowercase` search Unicode tables
        let thai = is_thai_letter_or_mark(c);
        if thai || c.is_ascii_alphanumeric() || (!c.is_ascii() && (c.is_alphanumeric() || is_combining_mark(c))) {
            if pending_dash && !out.is_empty() {
                out.push('-');
            }
            pending_dash = false;
            if thai {
                out.push(c);
            } else {
                out.extend(c.to_lowercase());
            }
        } else if c == '-' || c == '_' {
            if pending_dash && !out.is_empty() {
                out.push('-');
            }
            pending_dash = false;
            out.push(c);
        } else {
            pending_dash = true;
        }
    }
    out.trim_matches('-').to_string()
}

/// Thai letters, vowels, tone marks, ฯ and ๆ; not the Thai punctuation ๏ ๚ ๛.
fn is_thai_letter_or_mark(c: char) -> bool {
    matches!(c, '\u{0E01}'..='\u{0E4E}' | '\u{0E50}'..='\u{0E59}')
}

/// Gives each heading of one page a unique anchor: the second "ผลการดำเนินงาน" becomes
/// "ผลการดำเนินงาน-1".
#[derive(Debug, Default)]
pub struct AnchorSet {
    seen: HashMap<String, usize>,
}

impl AnchorSet {
    pub fn unique(&mut self, text: &str) -> String {
        let base = match slugify(text) {
            s if s.is_empty() => "section".to_string(),
            s => s,
        };
        self.claim(base)
    }

    /// Claims an anchor the author set explicitly (`{#id}`), or a generated one.
    pub fn claim(&mut self, base: String) -> String {
        let count = self.seen.entry(base.clone()).or_insert(0);
        let id = if *count == 0 {
            base.clone()
        } else {
            format!("{base}-{count}")
        };
        *count += 1;
        if id != base {
            self.seen.insert(id.clone(), 1);
        }
        id
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// `slugify` as first written, with the Unicode tables asked for every character.
    fn slugify_reference(text: &str) -> String {
        let mut out = String::new();
        let mut pending_dash = false;
        for c in text.nfc() {
            if c.is_alphanumeric() || is_combining_mark(c) || is_thai_letter_or_mark(c) {
                if pending_dash && !out.is_empty() {
                    out.push('-');
                }
                pending_dash = false;
                out.extend(c.to_lowercase());
            } else if c == '-' || c == '_' {
                if pending_dash && !out.is_empty() {
                    out.push('-');
                }
                pending_dash = false;
                out.push(c);
            } else {
                pending_dash = true;
            }
        }
        out.trim_matches('-').to_string()
    }

    #[test]
    fn fast_paths_agree_with_the_unicode_tables() {
        for c in (0..0x3_0000).filter_map(char::from_u32) {
            let text = format!("a {c}b");
            assert_eq!(slugify(&text), slugify_reference(&text), "{c:?}");
        }
    }

    #[test]
    fn thai_headings_keep_every_mark() {
        assert_eq!(slugify("การเปิดเผยข้อมูล"), "การเปิดเผยข้อมูล");
        assert_eq!(slugify("ตัวชี้วัดที่ ๙ การเปิดเผยข้อมูล"), "ตัวชี้วัดที่-๙-การเปิดเผยข้อมูล");
        assert_eq!(slugify("ข้าว vs ข่าว"), "ข้าว-vs-ข่าว");
        assert_eq!(slugify("O43: Report (H1)!"), "o43-report-h1");
        // NFD input (decomposed sara am) comes out NFC.
        assert_eq!(slugify("ทํา"), slugify("ทํา".nfc().collect::<String>().as_str()));
    }

    #[test]
    fn duplicates_get_numbers() {
        let mut set = AnchorSet::default();
        assert_eq!(set.unique("ผล"), "ผล");
        assert_eq!(set.unique("ผล"), "ผล-1");
        assert_eq!(set.unique("!!!"), "section");
    }
}
