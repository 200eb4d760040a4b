//! OIT item ids (ข้อ O1 … O43) as users actually write them.
//!
//! Portals copy ids from Thai documents, so besides `O43` we accept a lower-case `o`, Thai digits
//! (`O๔๓`), a space, hyphen, underscore or dot after the letter (`o ๔๓`, `O-43`) and leading
//! zeros (`O043`). Scanned documents also write the letter O as a Thai zero (`๐๔๓`, seed 004
//! "ตามข้อ๐๒๕"); that form is accepted but flagged, because the zero could equally be a digit
//! of a garbled number, and the caller should warn.

use std::fmt;

use serde::{Deserialize, Deserializer, Serialize, Serializer};

/// Largest item number we accept; real catalogs stop at 43.
const MAX_NUMBER: u16 = 999;

/// An OIT item number, shown as `O43`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct ItemId(pub u16);

/// The result of parsing with the details a caller may want to warn about.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ParsedItemId {
    pub id: ItemId,
    /// The letter O was written as a zero (Thai `๐` or ASCII `0`), as in `๐๔๓`.
    pub zero_for_letter: bool,
}

impl ParsedItemId {
    /// The warning to show when `zero_for_letter` is set (Thai).
    pub fn warning_th(&self) -> Option<String> {
        self.zero_for_letter.then(|| {
            format!(
                "รหัสข้อใช้เลขศูนย์แทนตัวอักษร O จึงอ่านเป็น {} โปรดตรวจสอบและเขียนเป็น {}",
                self.id, self.id
            )
        })
    }

    /// The warning to show when `zero_for_letter` is set (English).
    pub fn warning_en(&self) -> Option<String> {
        self.zero_for_letter.then(|| {
            format!(
                "the item id uses a zero for the letter O and was read as {}; check it and write {}",
                self.id, self.id
            )
        })
    }
}

/// Why a string is not an item id.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ItemIdError {
    /// The text as given.
    pub input: String,
    pub kind: ItemIdErrorKind,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ItemIdErrorKind {
    Empty,
    /// Digits without the letter O (`43`).
    MissingLetter,
    /// The letter without digits (`O`).
    MissingNumber,
    /// Something other than digits after the letter (`O4x`).
    InvalidCharacter(char),
    /// `O0` or a number above 999.
    OutOfRange,
}

impl ItemIdError {
    pub fn message_th(&self) -> String {
        let what = match self.kind {
            ItemIdErrorKind::Empty => "ว่างเปล่า".to_string(),
            ItemIdErrorKind::MissingLetter => "ไม่มีตัวอักษร O นำหน้า".to_string(),
            ItemIdErrorKind::MissingNumber => "ไม่มีหมายเลขข้อ".to_string(),
            ItemIdErrorKind::InvalidCharacter(c) => format!("มีอักขระ “{c}” ที่ไม่ใช่ตัวเลข"),
            ItemIdErrorKind::OutOfRange => "หมายเลขข้อต้องอยู่ระหว่าง 1 ถึง 999".to_string(),
        };
        format!("รหัสข้อ “{}” ไม่ถูกต้อง: {what} (ตัวอย่างที่ถูกต้อง: O43 หรือ O๔๓)", self.input)
    }

    pub fn message_en(&self) -> String {
        let what = match self.kind {
            ItemIdErrorKind::Empty => "it is empty".to_string(),
            ItemIdErrorKind::MissingLetter => "it lacks the letter O".to_string(),
            ItemIdErrorKind::MissingNumber => "it has no item number".to_string(),
            ItemIdErrorKind::InvalidCharacter(c) => format!("“{c}” is not a digit"),
            ItemIdErrorKind::OutOfRange => "the number must be between 1 and 999".to_string(),
        };
        format!("invalid item id “{}”: {what} (write it like O43 or O๔๓)", self.input)
    }
}

impl fmt::Display for ItemIdError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message_en())
    }
}

impl std::error::Error for ItemIdError {}

impl ItemId {
    /// Parses any accepted spelling; see the module docs.
    pub fn parse(text: &str) -> Result<ItemId, ItemIdError> {
        ItemId::parse_detailed(text).map(|parsed| parsed.id)
    }

    /// Like [`ItemId::parse`], also telling whether the letter O was written as a zero.
    pub fn parse_detailed(text: &str) -> Result<ParsedItemId, ItemIdError> {
        let error = |kind| ItemIdError {
            input: text.to_string(),
            kind,
        };
        let trimmed = text.trim();
        let mut chars = trimmed.chars();
        let first = chars.next().ok_or_else(|| error(ItemIdErrorKind::Empty))?;
        let (rest, zero_for_letter) = match first {
            // Latin O, full-width O (from Thai input methods) and the letter written as a zero.
            'O' | 'o' | 'Ｏ' | 'ｏ' => (chars.as_str(), false),
            '๐' | '0' => (chars.as_str(), true),
            c if digit_value(c).is_some() => return Err(error(ItemIdErrorKind::MissingLetter)),
            c => return Err(error(ItemIdErrorKind::InvalidCharacter(c))),
        };
        let rest = rest.trim_start_matches(is_separator);
        if rest.is_empty() {
            return Err(error(ItemIdErrorKind::MissingNumber));
        }
        let mut number: u32 = 0;
        for c in rest.chars() {
            let digit = digit_value(c).ok_or_else(|| error(ItemIdErrorKind::InvalidCharacter(c)))?;
            number = number * 10 + digit;
            if number > u32::from(MAX_NUMBER) {
                return Err(error(ItemIdErrorKind::OutOfRange));
            }
        }
        if number == 0 {
            return Err(error(ItemIdErrorKind::OutOfRange));
        }
        let id = ItemId(u16::try_from(number).map_err(|_| error(ItemIdErrorKind::OutOfRange))?);
        Ok(ParsedItemId { id, zero_for_letter })
    }

    pub fn number(self) -> u16 {
        self.0
    }
}

/// Separators allowed between the letter and the number: whitespace (including the no-break
/// and thin spaces of word processors), hyphens and dashes, underscore and dot.
fn is_separator(c: char) -> bool {
    c.is_whitespace() || matches!(c, '-' | '‐' | '–' | '—' | '_' | '.' | '\u{200B}')
}

/// The value of an ASCII or Thai digit.
fn digit_value(c: char) -> Option<u32> {
    match c {
        '0'..='9' => Some(c as u32 - '0' as u32),
        '๐'..='๙' => Some(c as u32 - '๐' as u32),
        _ => None,
    }
}

impl fmt::Display for ItemId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "O{}", self.0)
    }
}

impl std::str::FromStr for ItemId {
    type Err = ItemIdError;

    fn from_str(s: &str) -> Result<ItemId, ItemIdError> {
        ItemId::parse(s)
    }
}

impl<'de> Deserialize<'de> for ItemId {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<ItemId, D::Error> {
        let text = String::deserialize(deserializer)?;
        ItemId::parse(&text).map_err(serde::de::Error::custom)
    }
}

impl Serialize for ItemId {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_str(self)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn accepted_spellings() {
        for text in [
            "O43",
            "o43",
            "O๔๓",
            "o ๔๓",
            "O-43",
            " O43 ",
            "O043",
            "O_43",
            "O.43",
            "O\u{a0}43",
            "Ｏ43",
            "O4๓",
        ] {
            let parsed = ItemId::parse_detailed(text).unwrap_or_else(|e| panic!("{text}: {e}"));
            assert_eq!(parsed.id, ItemId(43), "{text}");
            assert!(!parsed.zero_for_letter, "{text}");
        }
    }

    #[test]
    fn thai_zero_for_the_letter_is_accepted_with_a_flag() {
        for (text, number) in [("๐๔๓", 43), ("๐๒๕", 25), ("๐๑๒", 12), ("๐ ๔", 4), ("043", 43)] {
            let parsed = ItemId::parse_detailed(text).unwrap_or_else(|e| panic!("{text}: {e}"));
            assert_eq!(parsed.id, ItemId(number), "{text}");
            assert!(parsed.zero_for_letter, "{text}");
            assert!(parsed.warning_th().is_some_and(|w| w.contains("O")));
        }
        let plain = ItemId::parse_detailed("O43").map(|p| p.warning_en());
        assert_eq!(plain, Ok(None));
    }

    #[test]
    fn rejected_inputs_say_why() {
        for (text, kind) in [
            ("", ItemIdErrorKind::Empty),
            ("   ", ItemIdErrorKind::Empty),
            ("43", ItemIdErrorKind::MissingLetter),
            ("๔๓", ItemIdErrorKind::MissingLetter),
            ("O", ItemIdErrorKind::MissingNumber),
            ("O-", ItemIdErrorKind::MissingNumber),
            ("๐", ItemIdErrorKind::MissingNumber),
            ("O0", ItemIdErrorKind::OutOfRange),
            ("O1000", ItemIdErrorKind::OutOfRange),
            ("O99999999999999999999", ItemIdErrorKind::OutOfRange),
            ("O4x", ItemIdErrorKind::InvalidCharacter('x')),
            ("X43", ItemIdErrorKind::InvalidCharacter('X')),
            ("O43 O44", ItemIdErrorKind::InvalidCharacter(' ')),
        ] {
            assert_eq!(ItemId::parse(text).map_err(|e| e.kind), Err(kind), "{text:?}");
        }
        let error = ItemId::parse("O4x").err();
        assert!(error.as_ref().is_some_and(|e| e.message_th().contains("O4x")));
        assert!(error.is_some_and(|e| e.to_string().contains("O4x")));
    }

    #[test]
    fn display_serialize_and_deserialize() {
        assert_eq!(ItemId(7).to_string(), "O7");
        #[derive(Deserialize, Serialize)]
        struct Doc {
            items: Vec<ItemId>,
        }
        let doc: Result<Doc, _> = toml::from_str(r#"items = ["O๔๓", "o 2"]"#);
        let doc = doc.map(|d| d.items);
        assert_eq!(doc, Ok(vec![ItemId(43), ItemId(2)]));
        let bad: Result<Doc, _> = toml::from_str(r#"items = ["Q1"]"#);
        assert!(bad.err().is_some_and(|e| e.message().contains("Q1")));
        let out = toml::to_string(&Doc {
            items: vec![ItemId(43)],
        });
        assert_eq!(out.ok().as_deref(), Some("items = [\"O43\"]\n"));
    }

    #[test]
    fn odd_inputs_never_panic() {
        let alphabet = ['O', 'o', '๐', '0', '9', '๙', ' ', '-', 'x', 'ก', '\u{0E33}', '.'];
        for a in alphabet {
            for b in alphabet {
                for c in alphabet {
                    let text: String = [a, b, c].iter().collect();
                    if let Err(error) = ItemId::parse(&text) {
                        assert!(!error.message_th().is_empty());
                    }
                }
            }
        }
    }
}
