//! Thai digits (๐–๙, U+0E50–U+0E59) and the numbers people write with them.
//!
//! The seed documents write scores, percentages and dates in Thai digits ("๙๒.๖๙",
//! "ร้อยละ ๔๙.๘๙") and sometimes mix in ASCII digits ("1๓"). Front matter accepts both, so
//! every number read from content goes through [`parse_number`] or [`parse_integer`].

/// First Thai digit, ๐ (U+0E50); the value of a Thai digit is its code point minus this.
const THAI_ZERO: u32 = 0x0E50;

/// The value (0–9) of an ASCII or Thai digit.
pub fn digit_value(c: char) -> Option<u32> {
    match c {
        '0'..='9' => Some(c as u32 - '0' as u32),
        '\u{0E50}'..='\u{0E59}' => Some(c as u32 - THAI_ZERO),
        _ => None,
    }
}

/// True for ๐–๙.
pub fn is_thai_digit(c: char) -> bool {
    ('\u{0E50}'..='\u{0E59}').contains(&c)
}

/// Replaces ASCII digits with Thai digits; everything else (points, commas, letters) is kept.
pub fn to_thai_digits(text: &str) -> String {
    text.chars()
        .map(|c| match c {
            '0'..='9' => char::from_u32(c as u32 - '0' as u32 + THAI_ZERO).unwrap_or(c),
            _ => c,
        })
        .collect()
}

/// Replaces Thai digits with ASCII digits; everything else is kept.
pub fn to_ascii_digits(text: &str) -> String {
    text.chars()
        .map(|c| match c {
            '\u{0E50}'..='\u{0E59}' => char::from_u32(c as u32 - THAI_ZERO + '0' as u32).unwrap_or(c),
            _ => c,
        })
        .collect()
}

pub fn has_thai_digits(text: &str) -> bool {
    text.chars().any(is_thai_digit)
}

/// Reads a decimal number written with Thai or ASCII digits (or a mix).
///
/// Accepted: surrounding spaces, an optional sign, thousands commas in groups of three, one
/// decimal point, a leading "ร้อยละ" (per cent) or a trailing "%" or "คะแนน" (points). The
/// percentage is returned as written (`"ร้อยละ ๔๙.๘๙"` → 49.89), not divided by 100.
pub fn parse_number(text: &str) -> Option<f64> {
    let plain = plain_numeral(text, true)?;
    plain.parse::<f64>().ok().filter(|v| v.is_finite())
}

/// Like [`parse_number`] but for whole numbers only: `"๑,๒๐๐"` → 1200, `"๑๐.๕"` → `None`.
pub fn parse_integer(text: &str) -> Option<i64> {
    plain_numeral(text, false)?.parse::<i64>().ok()
}

/// Reduces a written number to `[-]digits[.digits]` in ASCII, or `None` if it is not one.
fn plain_numeral(text: &str, allow_fraction: bool) -> Option<String> {
    let mut s = text.trim();
    if let Some(rest) = s.strip_prefix("ร้อยละ") {
        s = rest.trim_start();
    }
    for suffix in ["%", "คะแนน"] {
        if let Some(rest) = s.strip_suffix(suffix) {
            s = rest.trim_end();
            break;
        }
    }
    let (negative, body) = match s.chars().next() {
        Some('-' | '\u{2212}') => (true, &s[s.char_indices().nth(1).map_or(s.len(), |(i, _)| i)..]),
        Some('+') => (false, &s[1..]),
        _ => (false, s),
    };
    let (int_part, frac_part) = match body.split_once('.') {
        Some((i, f)) => (i, Some(f)),
        None => (body, None),
    };
    let mut out = String::with_capacity(body.len() + 1);
    if negative {
        out.push('-');
    }
    push_grouped_integer(int_part, &mut out)?;
    if let Some(frac) = frac_part {
        if !allow_fraction || frac.is_empty() {
            return None;
        }
        out.push('.');
        for c in frac.chars() {
            out.push(char::from_digit(digit_value(c)?, 10)?);
        }
    }
    Some(out)
}

/// Appends the ASCII digits of an integer part, checking optional thousands commas.
fn push_grouped_integer(int_part: &str, out: &mut String) -> Option<()> {
    let groups: Vec<&str> = int_part.split(',').collect();
    for (i, group) in groups.iter().enumerate() {
        let len = group.chars().count();
        let ok_len = if groups.len() == 1 {
            len >= 1
        } else if i == 0 {
            (1..=3).contains(&len)
        } else {
            len == 3
        };
        if !ok_len {
            return None;
        }
        for c in group.chars() {
            out.push(char::from_digit(digit_value(c)?, 10)?);
        }
    }
    Some(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn digits_convert_both_ways() {
        assert_eq!(to_thai_digits("O43 92.69"), "O๔๓ ๙๒.๖๙");
        assert_eq!(to_ascii_digits("สฎ ๕๒๐๐๘/๑๘๙"), "สฎ 52008/189");
        assert!(has_thai_digits("1๓"));
        assert!(!has_thai_digits("13"));
    }

    #[test]
    fn numbers_from_the_seeds() {
        let cases: &[(&str, Option<f64>)] = &[
            ("๙๒.๖๙", Some(92.69)),
            ("๑๐๐.๐๐", Some(100.0)),
            ("๙๒.๙", Some(92.9)),
            ("ร้อยละ ๔๙.๘๙", Some(49.89)),
            ("49.89%", Some(49.89)),
            ("๘๖.๗๘ คะแนน", Some(86.78)),
            (" 1๓ ", Some(13.0)),
            ("-๕", Some(-5.0)),
            ("+2.5", Some(2.5)),
            ("๑,๓๐๐,๑๓๒", Some(1_300_132.0)),
            ("1,30,0", None),
            ("", None),
            ("ร้อยละ", None),
            ("NaN", None),
            ("inf", None),
            ("1.2.3", None),
            ("12.", None),
            ("๙๒ .๖๙", None),
            ("abc", None),
            ("- 5", None),
        ];
        for (text, want) in cases {
            assert_eq!(parse_number(text), *want, "{text:?}");
        }
    }

    #[test]
    fn integers() {
        assert_eq!(parse_integer("๑,๒๐๐"), Some(1200));
        assert_eq!(parse_integer("๒๕๖๔"), Some(2564));
        assert_eq!(parse_integer("๑๐.๕"), None);
        assert_eq!(parse_integer("99999999999999999999"), None);
        assert_eq!(parse_integer("-๗"), Some(-7));
    }
}
