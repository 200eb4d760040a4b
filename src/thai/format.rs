//! How dates and numbers are shown: Thai month names, BE years, optional Thai digits.
//!
//! No date crate formats Thai report dates correctly (chrono prints CE years, ICU4X is heavy;
//! see research/thai-text.md §4.4), and the rules are a few tables, so they live here. The
//! month tables are also the parser's vocabulary (`thai::dates`).

use std::fmt;
use std::str::FromStr;

use crate::date::{days_in_month, Date};
use crate::thai::dates::When;
use crate::thai::digits::to_thai_digits;

/// Full Thai month names, January first.
pub const MONTHS_TH: [&str; 12] = [
    "มกราคม",
    "กุมภาพันธ์",
    "มีนาคม",
    "เมษายน",
    "พฤษภาคม",
    "มิถุนายน",
    "กรกฎาคม",
    "สิงหาคม",
    "กันยายน",
    "ตุลาคม",
    "พฤศจิกายน",
    "ธันวาคม",
];

/// Standard Thai month abbreviations, with their dots.
pub const MONTHS_ABBR_TH: [&str; 12] = [
    "ม.ค.",
    "ก.พ.",
    "มี.ค.",
    "เม.ย.",
    "พ.ค.",
    "มิ.ย.",
    "ก.ค.",
    "ส.ค.",
    "ก.ย.",
    "ต.ค.",
    "พ.ย.",
    "ธ.ค.",
];

pub const MONTHS_EN: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];

/// Full Thai month name for 1–12.
pub fn month_name_th(month: u8) -> Option<&'static str> {
    month_index(month).map(|i| MONTHS_TH[i])
}

/// Thai abbreviation for 1–12 ("ม.ค." … "ธ.ค.").
pub fn month_abbr_th(month: u8) -> Option<&'static str> {
    month_index(month).map(|i| MONTHS_ABBR_TH[i])
}

/// English month name for 1–12.
pub fn month_name_en(month: u8) -> Option<&'static str> {
    month_index(month).map(|i| MONTHS_EN[i])
}

/// English three-letter abbreviation ("Jan" … "Dec").
pub fn month_abbr_en(month: u8) -> Option<&'static str> {
    month_name_en(month).and_then(|name| name.get(..3))
}

fn month_index(month: u8) -> Option<usize> {
    (1..=12).contains(&month).then(|| usize::from(month) - 1)
}

/// Display language of a portal or page.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub enum Lang {
    #[default]
    Th,
    En,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct UnknownLang(pub String);

impl fmt::Display for UnknownLang {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "unknown language {:?}: use \"th\" or \"en\"", self.0)
    }
}

impl std::error::Error for UnknownLang {}

/// Accepts "th" and "en", in any case, with an optional region ("th-TH", "en_US").
impl FromStr for Lang {
    type Err = UnknownLang;

    fn from_str(s: &str) -> Result<Lang, UnknownLang> {
        let primary = s.trim().split(['-', '_']).next().unwrap_or("");
        match primary.to_ascii_lowercase().as_str() {
            "th" => Ok(Lang::Th),
            "en" => Ok(Lang::En),
            _ => Err(UnknownLang(s.to_string())),
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum DateStyle {
    /// "26 เมษายน 2564" / "26 April 2021" (the memo form).
    Full,
    /// "26 เม.ย. 2564" / "26 Apr 2021" (tables).
    Abbr,
    /// "2021-04-26", the data form: always CE, whatever the language.
    Iso,
}

/// Formats a date. Thai always shows the BE year, English the CE year.
pub fn format_date(date: Date, style: DateStyle, lang: Lang, thai_digits: bool) -> String {
    let text = match style {
        DateStyle::Iso => date.to_string(),
        _ => format!(
            "{} {}",
            date.day,
            format_month(date.year, date.month, style, lang, false)
        ),
    };
    digits(text, thai_digits)
}

/// Formats a month of a year: "เมษายน 2564", "เม.ย. 2564", "April 2021", "2021-04".
pub fn format_month(ce_year: i32, month: u8, style: DateStyle, lang: Lang, thai_digits: bool) -> String {
    let name = match (style, lang) {
        (DateStyle::Iso, _) => None,
        (DateStyle::Full, Lang::Th) => month_name_th(month),
        (DateStyle::Abbr, Lang::Th) => month_abbr_th(month),
        (DateStyle::Full, Lang::En) => month_name_en(month),
        (DateStyle::Abbr, Lang::En) => month_abbr_en(month),
    };
    let text = match (name, lang) {
        (None, _) => format!("{ce_year:04}-{month:02}"),
        (Some(name), Lang::Th) => format!("{name} {}", ce_year + crate::date::BE_OFFSET),
        (Some(name), Lang::En) => format!("{name} {ce_year}"),
    };
    digits(text, thai_digits)
}

/// Formats a parsed date expression for display, e.g. "1 ต.ค. 2566 – 31 มี.ค. 2567",
/// "ไตรมาสที่ 2 ปีงบประมาณ พ.ศ. 2564". Recurrences are shown as written.
pub fn format_when(when: &When, style: DateStyle, lang: Lang, thai_digits: bool) -> String {
    let date = |d: Date| format_date(d, style, lang, false);
    let month = |y: i32, m: u8| format_month(y, m, style, lang, false);
    let text = match (when, lang) {
        (When::Day(d), _) => date(*d),
        (When::Month { year, month: m }, _) => month(*year, *m),
        (When::Range { start, end }, _) => format!("{} – {}", date(*start), date(*end)),
        (
            When::MonthRange {
                start_year,
                start_month,
                end_year,
                end_month,
            },
            _,
        ) => {
            format!(
                "{} – {}",
                month(*start_year, *start_month),
                month(*end_year, *end_month)
            )
        }
        (
            When::Quarter {
                quarter,
                fiscal_year_be: None,
            },
            Lang::Th,
        ) => format!("ไตรมาสที่ {quarter}"),
        (
            When::Quarter {
                quarter,
                fiscal_year_be: Some(fy),
            },
            Lang::Th,
        ) => {
            format!("ไตรมาสที่ {quarter} ปีงบประมาณ พ.ศ. {fy}")
        }
        (
            When::Quarter {
                quarter,
                fiscal_year_be: None,
            },
            Lang::En,
        ) => format!("Q{quarter}"),
        (
            When::Quarter {
                quarter,
                fiscal_year_be: Some(fy),
            },
            Lang::En,
        ) => {
            format!("Q{quarter} of fiscal year {}", fy - crate::date::BE_OFFSET)
        }
        (When::FiscalYear(fy), Lang::Th) => format!("ปีงบประมาณ พ.ศ. {fy}"),
        (When::FiscalYear(fy), Lang::En) => format!("fiscal year {}", fy - crate::date::BE_OFFSET),
        (When::Recurrence(text), _) => return text.clone(),
    };
    digits(text, thai_digits)
}

/// The last day of a month, for turning month ranges into day ranges.
pub fn last_day_of_month(ce_year: i32, month: u8) -> Option<Date> {
    Date::new(ce_year, month, days_in_month(ce_year, month))
}

/// Formats a number with a fixed number of decimals and no thousands separators:
/// `format_number(92.9, 2, true)` → "๙๒.๙๐".
pub fn format_number(value: f64, decimals: usize, thai_digits: bool) -> String {
    digits(format!("{value:.decimals$}"), thai_digits)
}

/// Like [`format_number`] with thousands commas: 1300132 → "1,300,132".
pub fn format_number_grouped(value: f64, decimals: usize, thai_digits: bool) -> String {
    let plain = format!("{value:.decimals$}");
    let (sign, rest) = match plain.strip_prefix('-') {
        Some(rest) => ("-", rest),
        None => ("", plain.as_str()),
    };
    let (int_part, frac_part) = match rest.split_once('.') {
        Some((i, f)) => (i, Some(f)),
        None => (rest, None),
    };
    if !int_part.bytes().all(|b| b.is_ascii_digit()) {
        // "inf" or "NaN": nothing to group.
        return digits(plain, thai_digits);
    }
    let mut out = String::from(sign);
    for (i, c) in int_part.chars().enumerate() {
        if i > 0 && (int_part.len() - i) % 3 == 0 {
            out.push(',');
        }
        out.push(c);
    }
    if let Some(frac) = frac_part {
        out.push('.');
        out.push_str(frac);
    }
    digits(out, thai_digits)
}

fn digits(text: String, thai_digits: bool) -> String {
    if thai_digits {
        to_thai_digits(&text)
    } else {
        text
    }
}

/// A date as pages show it: the full form in the site's language (`"th"`, `"en"`).
pub fn display_date(date: Date, language: &str, thai_digits: bool) -> String {
    format_date(date, DateStyle::Full, language.parse().unwrap_or_default(), thai_digits)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(y: i32, m: u8, day: u8) -> Date {
        Date::new(y, m, day).unwrap_or(Date {
            year: 0,
            month: 1,
            day: 1,
        })
    }

    #[test]
    fn dates_in_each_style() {
        let date = d(2021, 4, 26);
        let cases = [
            (DateStyle::Full, Lang::Th, false, "26 เมษายน 2564"),
            (DateStyle::Full, Lang::Th, true, "๒๖ เมษายน ๒๕๖๔"),
            (DateStyle::Abbr, Lang::Th, false, "26 เม.ย. 2564"),
            (DateStyle::Abbr, Lang::Th, true, "๒๖ เม.ย. ๒๕๖๔"),
            (DateStyle::Full, Lang::En, false, "26 April 2021"),
            (DateStyle::Abbr, Lang::En, false, "26 Apr 2021"),
            (DateStyle::Iso, Lang::Th, false, "2021-04-26"),
            (DateStyle::Iso, Lang::En, true, "๒๐๒๑-๐๔-๒๖"),
        ];
        for (style, lang, thai, want) in cases {
            assert_eq!(format_date(date, style, lang, thai), want);
        }
        assert_eq!(
            format_date(d(2024, 2, 29), DateStyle::Abbr, Lang::Th, false),
            "29 ก.พ. 2567"
        );
    }

    #[test]
    fn month_tables() {
        assert_eq!(month_name_th(1), Some("มกราคม"));
        assert_eq!(month_abbr_th(12), Some("ธ.ค."));
        assert_eq!(month_abbr_en(9), Some("Sep"));
        assert_eq!(month_name_th(0), None);
        assert_eq!(month_name_en(13), None);
    }

    #[test]
    fn whens() {
        let range = When::Range {
            start: d(2023, 10, 1),
            end: d(2024, 3, 31),
        };
        assert_eq!(
            format_when(&range, DateStyle::Abbr, Lang::Th, true),
            "๑ ต.ค. ๒๕๖๖ – ๓๑ มี.ค. ๒๕๖๗"
        );
        let q = When::Quarter {
            quarter: 2,
            fiscal_year_be: Some(2564),
        };
        assert_eq!(
            format_when(&q, DateStyle::Full, Lang::Th, false),
            "ไตรมาสที่ 2 ปีงบประมาณ พ.ศ. 2564"
        );
        let months = When::MonthRange {
            start_year: 2020,
            start_month: 10,
            end_year: 2021,
            end_month: 3,
        };
        assert_eq!(
            format_when(&months, DateStyle::Full, Lang::Th, true),
            "ตุลาคม ๒๕๖๓ – มีนาคม ๒๕๖๔"
        );
    }

    #[test]
    fn numbers() {
        assert_eq!(format_number(92.9, 2, true), "๙๒.๙๐");
        assert_eq!(format_number(86.784, 2, false), "86.78");
        assert_eq!(format_number_grouped(1_300_132.0, 0, false), "1,300,132");
        assert_eq!(format_number_grouped(-1234.5, 1, true), "-๑,๒๓๔.๕");
        assert_eq!(format_number_grouped(999.0, 0, false), "999");
        assert_eq!(format_number_grouped(f64::NAN, 2, false), "NaN");
    }

    #[test]
    fn languages() {
        assert_eq!("th".parse::<Lang>(), Ok(Lang::Th));
        assert_eq!("EN-us".parse::<Lang>(), Ok(Lang::En));
        assert!("lo".parse::<Lang>().is_err());
    }
}
