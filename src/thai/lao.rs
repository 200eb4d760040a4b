//! Finds Lao letters (U+0E80–U+0EFF) that OCR put into Thai text.
//!
//! Scanned signatures in seed 002 came out as "ໂກຮັກແກ້ວ" and "ປະຕິເທດບາລ": Lao script that
//! looks like Thai. Such text renders in the wrong font and is invisible to search, so the
//! checker reports it. Genuine Lao text (a whole Lao line) is left alone.

use std::ops::Range;

pub fn is_lao(c: char) -> bool {
    ('\u{0E80}'..='\u{0EFF}').contains(&c)
}

/// Thai letters, vowels and tone marks (digits excluded).
fn is_thai_letter(c: char) -> bool {
    ('\u{0E01}'..='\u{0E4F}').contains(&c)
}

/// Byte ranges `(start, end)` of each run of consecutive Lao characters.
pub fn find_lao_runs(text: &str) -> Vec<(usize, usize)> {
    // Lao (U+0E80–U+0EFF) is E0 BA xx or E0 BB xx in UTF-8: text without those bytes (nearly
    // all) is passed over without decoding a character
    if !text
        .as_bytes()
        .windows(2)
        .any(|w| w[0] == 0xE0 && matches!(w[1], 0xBA | 0xBB))
    {
        return Vec::new();
    }
    let mut runs = Vec::new();
    let mut start = None;
    for (i, c) in text.char_indices() {
        match (is_lao(c), start) {
            (true, None) => start = Some(i),
            (false, Some(s)) => {
                runs.push((s, i));
                start = None;
            }
            _ => {}
        }
    }
    if let Some(s) = start {
        runs.push((s, text.len()));
    }
    runs
}

/// The Lao runs that are most likely OCR damage: those touching a Thai letter, or lying in a
/// line with at least as many Thai letters as Lao ones.
pub fn lao_inside_thai_words(text: &str) -> Vec<(usize, usize)> {
    find_lao_runs(text)
        .into_iter()
        .filter(|&(start, end)| touches_thai(text, start, end) || line_looks_thai(text, start..end))
        .collect()
}

fn touches_thai(text: &str, start: usize, end: usize) -> bool {
    let before = text.get(..start).and_then(|s| s.chars().next_back());
    let after = text.get(end..).and_then(|s| s.chars().next());
    before.is_some_and(is_thai_letter) || after.is_some_and(is_thai_letter)
}

fn line_looks_thai(text: &str, run: Range<usize>) -> bool {
    let line_start = text.get(..run.start).and_then(|s| s.rfind('\n')).map_or(0, |i| i + 1);
    let line_end = text
        .get(run.end..)
        .and_then(|s| s.find('\n'))
        .map_or(text.len(), |i| run.end + i);
    let line = text.get(line_start..line_end).unwrap_or("");
    let thai = line.chars().filter(|&c| is_thai_letter(c)).count();
    let lao = line.chars().filter(|&c| is_lao(c)).count();
    thai > 0 && thai >= lao
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_runs_by_byte_offset() {
        let text = "นาย ໂກຮັກ แก้ว";
        let runs = find_lao_runs(text);
        assert_eq!(runs.len(), 1);
        let (s, e) = runs[0];
        assert_eq!(&text[s..e], "ໂກຮັກ");
        assert!(find_lao_runs("เทศบาลตำบลโกรกแก้ว").is_empty());
        assert_eq!(find_lao_runs("ປະ"), vec![(0, 6)]);
    }

    #[test]
    fn reports_only_lao_in_thai_context() {
        // Glued to a Thai word.
        assert_eq!(lao_inside_thai_words("เทศບາລ").len(), 1);
        // Alone but in a Thai line.
        assert_eq!(lao_inside_thai_words("ลงชื่อ ປະຕິເທດບາລ ปลัดเทศบาล").len(), 1);
        // A genuinely Lao line next to a Thai line.
        assert!(lao_inside_thai_words("ສະບາຍດີ ປະເທດລາວ\nสวัสดี").is_empty());
        assert!(lao_inside_thai_words("").is_empty());
    }
}
