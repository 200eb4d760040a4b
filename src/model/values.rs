//! Converting raw TOML values of the front matter into typed values: dates (TOML dates with
//! BE years, ISO strings, Thai spellings) and numbers (Thai digits inside strings).

use crate::date::Date;

/// A single day from a TOML date or a string. BE years (above 2400) are converted.
pub fn date(value: &toml::Value) -> Result<Date, String> {
    match value {
        toml::Value::Datetime(dt) => {
            let Some(d) = dt.date else {
                return Err("ต้องมีวันที่ ไม่ใช่เวลาอย่างเดียว (a date is needed, not only a time)".into());
            };
            Date::from_any_era(i32::from(d.year), d.month, d.day)
                .ok_or_else(|| format!("ไม่มีวันที่ {}-{:02}-{:02} (no such day)", d.year, d.month, d.day))
        }
        toml::Value::String(s) => crate::thai::dates::parse_date_value(s).map_err(|e| e.to_string()),
        other => Err(format!(
            "ต้องเป็นวันที่ ได้ {} (expected a date, found {})",
            other.type_str(),
            other.type_str()
        )),
    }
}

/// A number from a TOML number or a string with Thai or ASCII digits (`"๙๒.๖๙"`).
pub fn number(value: &toml::Value) -> Result<f64, String> {
    match value {
        toml::Value::Float(f) if f.is_finite() => Ok(*f),
        toml::Value::Float(_) => Err("ต้องเป็นตัวเลขจริง ไม่ใช่ nan/inf (nan and inf are not scores)".into()),
        toml::Value::Integer(i) => Ok(*i as f64),
        toml::Value::String(s) => {
            crate::thai::digits::parse_number(s).ok_or_else(|| format!("\"{s}\" ไม่ใช่ตัวเลข (is not a number)"))
        }
        other => Err(format!("ต้องเป็นตัวเลข (expected a number, found {})", other.type_str())),
    }
}

/// An integer from a TOML integer or a string of Thai or ASCII digits.
pub fn integer(value: &toml::Value) -> Result<i64, String> {
    match value {
        toml::Value::Integer(i) => Ok(*i),
        toml::Value::String(s) => {
            crate::thai::digits::parse_integer(s).ok_or_else(|| format!("\"{s}\" ไม่ใช่จำนวนเต็ม (is not a whole number)"))
        }
        other => Err(format!(
            "ต้องเป็นจำนวนเต็ม (expected a whole number, found {})",
            other.type_str()
        )),
    }
}

/// The longest file name most file systems store (ext4, APFS, NTFS: 255 bytes or units).
pub const NAME_MAX: usize = 255;

/// Why `slug` (trimmed) cannot name a page, if it cannot.
pub fn slug_problem(slug: &str) -> Option<String> {
    if slug.is_empty() || slug.contains('/') || slug == "." || slug == ".." {
        return Some("slug ต้องเป็นชื่อเดียว ไม่มี / (a slug is one path segment)".into());
    }
    let bytes = slug.len();
    (bytes > NAME_MAX).then(|| {
        format!(
            "slug ยาว {bytes} ไบต์ เกิน {NAME_MAX} ไบต์ที่ระบบไฟล์รับเป็นชื่อโฟลเดอร์ได้ อักษรไทยตัวละ 3 ไบต์ \
             (the slug is {bytes} bytes long; file systems allow {NAME_MAX} bytes in a name, a Thai letter takes 3)"
        )
    })
}

#[cfg(test)]
mod slug_tests {
    use super::slug_problem as problem;

    #[test]
    fn slugs() {
        for bad in ["", "a/b", ".", "..", &"ก".repeat(86)] {
            assert!(problem(bad).is_some(), "{bad}");
        }
        for good in ["plan", "แผน-2564", &"ก".repeat(85), &"a".repeat(255)] {
            assert!(problem(good).is_none(), "{good}");
        }
    }
}
