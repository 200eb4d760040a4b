//! Turning TOML and serde errors into diagnostics that point at the user's file line and
//! column and say how to fix the mistake (a "did you mean" for unknown keys, quoting for
//! numbers written with Thai digits).

use std::path::Path;

use crate::diag::{did_you_mean, Diagnostic, Rule};

/// A diagnostic for a `toml::de::Error` raised while parsing `toml_text`, which sits at byte
/// `offset` of the whole `file_text` (front matter starts after the `+++` line).
pub fn toml_error(file: &Path, file_text: &str, offset: usize, error: &toml::de::Error) -> Diagnostic {
    // One line, so the short format stays one diagnostic per line.
    let raw = error.message().trim().replace('\n', "; ");
    let span_start = error.span().map_or(0, |s| s.start);
    let at = offset + span_start;
    let (rule, message, help) = explain(&raw, file_text, at);
    let mut d = Diagnostic::new(rule, message).in_file(file).at_offset(file_text, at);
    if let Some(help) = help {
        d = d.with_help(help);
    }
    d
}

fn explain(raw: &str, file_text: &str, at: usize) -> (&'static Rule, String, Option<String>) {
    if let Some((field, expected)) = unknown_field(raw) {
        let help = match did_you_mean(&field, expected.iter().map(String::as_str)) {
            Some(best) => format!("did you mean `{best}`? (หรือหมายถึง `{best}`)"),
            None => format!("ชื่อที่ใช้ได้ (accepted keys): {}", expected.join(", ")),
        };
        return (
            &crate::rules::unknown_key::RULE,
            format!("ไม่รู้จักชื่อ `{field}` (unknown key `{field}`)"),
            Some(help),
        );
    }
    if let Some(field) = raw.strip_prefix("missing field `").and_then(|r| r.split('`').next()) {
        return (
            &crate::rules::missing_key::RULE,
            format!("ขาดค่า `{field}` (missing key `{field}`)"),
            Some(format!("add `{field} = …` (เพิ่ม `{field} = …`)")),
        );
    }
    if raw.starts_with("invalid type") {
        return (&crate::rules::wrong_type::RULE, format!("ชนิดข้อมูลไม่ถูกต้อง: {raw}"), None);
    }
    let line = line_at(file_text, at);
    if line.chars().any(|c| ('๐'..='๙').contains(&c)) {
        return (
            &crate::rules::thai_digits_in_number::RULE,
            format!("ตัวเลขไทยใช้เป็นตัวเลขใน TOML ไม่ได้ (Thai digits cannot be a TOML number): {raw}"),
            Some("ใส่เครื่องหมายคำพูดครอบ เช่น score = \"๙๒.๖๙\" (quote it: score = \"๙๒.๖๙\")".into()),
        );
    }
    if let Some(d) = be_leap_day(line) {
        return d;
    }
    let help = unquoted_text(line).then(|| {
        "ข้อความและวันที่แบบไทยต้องอยู่ในเครื่องหมายคำพูด เช่น date = \"01/10/2568\" (quote text and Thai-style dates)".to_string()
    });
    (
        &crate::rules::toml_syntax::RULE,
        format!("TOML ไม่ถูกต้อง (invalid TOML): {raw}"),
        help,
    )
}

/// A TOML date `YYYY-02-29` with a BE year: TOML checks the leap year on the number as
/// written, so 2567-02-29 (29 Feb 2024) is rejected although the day exists.
fn be_leap_day(line: &str) -> Option<(&'static Rule, String, Option<String>)> {
    let value = line.split_once('=')?.1.trim();
    let date = value.get(..10)?;
    let year: i32 = date.get(..4)?.parse().ok()?;
    if date.get(4..)? != "-02-29" || year <= crate::date::BE_THRESHOLD {
        return None;
    }
    let ce = year - crate::date::BE_OFFSET;
    if crate::date::is_leap_year(ce) {
        Some((
            &crate::rules::be_leap_day::RULE,
            format!(
                "TOML ไม่รับ {date} เพราะตรวจปีอธิกสุรทินจากเลข {year} แต่ พ.ศ. {year} (ค.ศ. {ce}) มี 29 ก.พ. \
                 (TOML checks the leap year on {year}; {year} BE = {ce} CE has a 29 February)"
            ),
            Some(format!(
                "ใส่เครื่องหมายคำพูด: \"{date}\" แล้ว prongsai จะแปลงปี พ.ศ. ให้ (quote it: \"{date}\")"
            )),
        ))
    } else {
        Some((
            &crate::rules::be_leap_day::RULE,
            format!(
                "ไม่มีวันที่ 29 ก.พ. {year}: พ.ศ. {year} (ค.ศ. {ce}) ไม่ใช่ปีอธิกสุรทิน (29 February {year} BE does not exist: {ce} CE is not a leap year)"
            ),
            Some("ตรวจปีอีกครั้ง หรือใช้วันที่ 28 ก.พ. (check the year or use 28 February)".into()),
        ))
    }
}

/// A value that starts like text or a Thai-style date rather than a TOML value.
fn unquoted_text(line: &str) -> bool {
    let Some((_, value)) = line.split_once('=') else {
        return false;
    };
    let value = value.trim();
    let first = value.chars().next();
    first.is_some_and(|c| c.is_alphabetic() && !value.starts_with("true") && !value.starts_with("false"))
        || (value.contains('/') && first.is_some_and(|c| c.is_ascii_digit()))
}

fn line_at(text: &str, at: usize) -> &str {
    let mut at = at.min(text.len());
    while !text.is_char_boundary(at) {
        at -= 1;
    }
    let start = text[..at].rfind('\n').map_or(0, |i| i + 1);
    let end = text[at..].find('\n').map_or(text.len(), |i| at + i);
    &text[start..end]
}

/// Reads serde's "unknown field `x`, expected one of `a`, `b`" (or "expected `a`").
fn unknown_field(raw: &str) -> Option<(String, Vec<String>)> {
    let rest = raw.strip_prefix("unknown field `")?;
    let (field, rest) = rest.split_once('`')?;
    let expected = rest.split('`').skip(1).step_by(2).map(str::to_string).collect();
    Some((field.to_string(), expected))
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde::Deserialize;

    #[derive(Debug, Deserialize)]
    #[serde(deny_unknown_fields)]
    #[allow(dead_code)]
    struct T {
        title: Option<String>,
        score: Option<f64>,
    }

    fn diag(text: &str) -> Diagnostic {
        match toml::from_str::<T>(text) {
            Ok(_) => panic!("expected an error"),
            Err(e) => toml_error(Path::new("a.md"), text, 0, &e),
        }
    }

    #[test]
    fn unknown_keys_suggest_the_closest() {
        let d = diag("titel = \"x\"\n");
        assert_eq!(d.code, "unknown-key");
        assert!(d.help.unwrap_or_default().contains("`title`"));
        assert_eq!(d.position.map(|p| (p.line, p.column)), Some((1, 1)));
    }

    #[test]
    fn be_leap_days_are_explained() {
        #[derive(Debug, Deserialize)]
        #[allow(dead_code)]
        struct D {
            date: toml::value::Datetime,
        }
        for (text, leap) in [("date = 2567-02-29\n", true), ("date = 2566-02-29\n", false)] {
            let d = match toml::from_str::<D>(text) {
                Ok(_) => panic!("toml accepted {text}"),
                Err(e) => toml_error(Path::new("a.md"), text, 0, &e),
            };
            assert_eq!(d.code, "be-leap-day", "{text}");
            assert_eq!(d.help.unwrap_or_default().contains("\"2567-02-29\""), leap, "{text}");
        }
    }

    #[test]
    fn messages_are_one_line_and_thai_dates_get_a_quoting_hint() {
        let d = diag("title = \"x\"\nscore = 01/10/2568\n");
        assert!(!d.message.contains('\n'));
        assert!(d.help.unwrap_or_default().contains("quote"));
    }

    #[test]
    fn thai_digits_get_a_quoting_hint() {
        let d = diag("title = \"x\"\nscore = ๙๒.๖๙\n");
        assert_eq!(d.code, "thai-digits-in-number");
        assert_eq!(d.position.map(|p| p.line), Some(2));
    }
}
