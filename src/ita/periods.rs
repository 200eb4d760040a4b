//! Periodic evidence: an O-item whose catalog entry has a `cadence` (2569 O11, the monthly
//! procurement summaries) is published as one file or link per month or quarter of the
//! fiscal year. Webmasters already name those files and links by their period
//! ("สขร.1 ตุลาคม 2568.pdf", "สรุปผลการจัดซื้อจัดจ้าง ไตรมาสที่ 1"), so the period of each piece
//! of evidence is read from its name and title: a Thai or English month name (full or
//! abbreviated) with its year (BE or CE, four or two digits, Thai or Arabic digits),
//! `2568-10`, or a quarter (`ไตรมาส 1`, `Q1`). Which periods are present, missing and past
//! follows from the fiscal year and a clock that comes in from outside.

use crate::date::Date;
use crate::thai::digits::to_ascii_digits;
use crate::thai::format::{month_abbr_en, month_abbr_th, month_name_en, month_name_th};

/// How often an item's evidence comes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Cadence {
    Monthly,
    Quarterly,
}

impl Cadence {
    /// The cadence a catalog names, if it is one prongsai knows.
    pub fn parse(text: &str) -> Option<Cadence> {
        match text.trim() {
            "monthly" => Some(Cadence::Monthly),
            "quarterly" => Some(Cadence::Quarterly),
            _ => None,
        }
    }
}

/// One month or quarter of a fiscal year.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Period {
    /// (CE year, month 1–12).
    Month(i32, u8),
    /// Quarter 1–4 of the fiscal year (Q1 = October–December).
    Quarter(u8),
}

/// The periods of fiscal year `be` for `cadence`, in order.
pub fn periods_of(be: i32, cadence: Cadence) -> Vec<Period> {
    match cadence {
        Cadence::Monthly => super::fiscal::months_of_fiscal_year(be)
            .iter()
            .map(|&(year, month)| Period::Month(year, month))
            .collect(),
        Cadence::Quarterly => (1..=4).map(Period::Quarter).collect(),
    }
}

/// The last day of `period` in fiscal year `be`: after it, the period is past.
pub fn last_day(be: i32, period: Period) -> Option<Date> {
    match period {
        Period::Month(year, month) => crate::thai::format::last_day_of_month(year, month),
        Period::Quarter(q) => {
            let months = super::fiscal::months_of_fiscal_year(be);
            let (year, month) = *months.get(usize::from(q).checked_mul(3)?.checked_sub(1)?)?;
            crate::thai::format::last_day_of_month(year, month)
        }
    }
}

/// The periods of fiscal year `be` that `text` (a file name or a link title) names.
pub fn found_in(text: &str, be: i32, cadence: Cadence) -> Vec<Period> {
    let text = to_ascii_digits(text).to_lowercase();
    let mut found = Vec::new();
    match cadence {
        Cadence::Monthly => {
            for (year, month) in months_named(&text) {
                found.push(Period::Month(year, month));
            }
        }
        Cadence::Quarterly => found.extend(quarters_named(&text).into_iter().map(Period::Quarter)),
    }
    let of_year = periods_of(be, cadence);
    found.retain(|p| of_year.contains(p));
    found.sort();
    found.dedup();
    found
}

/// Every (CE year, month) `text` names: a month name followed by a year, or `yyyy-mm`.
fn months_named(text: &str) -> Vec<(i32, u8)> {
    let mut out = Vec::new();
    for month in 1..=12u8 {
        let names = [
            month_name_th(month),
            month_abbr_th(month),
            month_abbr_th(month).map(|a| a.trim_end_matches('.')),
            month_name_en(month),
            month_abbr_en(month),
        ];
        for name in names.into_iter().flatten() {
            let name = name.to_lowercase();
            for (at, _) in text.match_indices(&name) {
                if let Some(year) = year_after(&text[at + name.len()..]) {
                    out.push((year, month));
                }
            }
        }
    }
    // 2568-10, 2568_10, 2025-10
    let bytes = text.as_bytes();
    for i in 0..bytes.len().saturating_sub(6) {
        let year_digits = &bytes[i..i + 4];
        let starts = i == 0 || !bytes[i - 1].is_ascii_digit();
        if starts
            && year_digits.iter().all(u8::is_ascii_digit)
            && matches!(bytes[i + 4], b'-' | b'_' | b'.')
            && bytes[i + 5].is_ascii_digit()
            && bytes[i + 6].is_ascii_digit()
            && bytes.get(i + 7).is_none_or(|b| !b.is_ascii_digit())
        {
            let year: i32 = text[i..i + 4].parse().unwrap_or(0);
            let month: u8 = text[i + 5..i + 7].parse().unwrap_or(0);
            if (1..=12).contains(&month) {
                out.push((crate::date::ce_year(year), month));
            }
        }
    }
    out
}

/// The year written right after a month name (spaces, dots, `พ.ศ.` between): four digits,
/// or two for a BE year (`ต.ค.68`).
fn year_after(rest: &str) -> Option<i32> {
    let rest = rest.trim_start_matches(|c: char| c.is_whitespace() || matches!(c, '.' | '-' | '_' | ','));
    let rest = rest.strip_prefix("พ.ศ.").unwrap_or(rest).trim_start();
    let digits: String = rest.chars().take_while(char::is_ascii_digit).collect();
    match digits.len() {
        4 => digits.parse().ok().map(crate::date::ce_year),
        2 => digits.parse::<i32>().ok().map(|yy| crate::date::ce_year(2500 + yy)),
        _ => None,
    }
}

/// Every quarter 1–4 `text` names: `ไตรมาส 1`, `ไตรมาสที่ 1`, `q1`, `quarter 1`.
fn quarters_named(text: &str) -> Vec<u8> {
    let mut out = Vec::new();
    for marker in ["ไตรมาสที่", "ไตรมาส", "quarter", "q"] {
        for (at, _) in text.match_indices(marker) {
            if marker == "q" && text[..at].chars().next_back().is_some_and(char::is_alphanumeric) {
                continue; // a q inside a word
            }
            let rest = text[at + marker.len()..].trim_start();
            let mut chars = rest.chars();
            if let (Some(d @ '1'..='4'), next) = (chars.next(), chars.next()) {
                if next.is_none_or(|c| !c.is_ascii_digit()) {
                    out.push(d as u8 - b'0');
                }
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn months(text: &str) -> Vec<Period> {
        found_in(text, 2569, Cadence::Monthly)
    }

    #[test]
    fn months_as_webmasters_name_them() {
        let oct = vec![Period::Month(2025, 10)];
        for text in [
            "สขร.1 ตุลาคม 2568.pdf",
            "สรุปผลการจัดซื้อจัดจ้าง ประจำเดือนตุลาคม พ.ศ. ๒๕๖๘",
            "สขร1-ต.ค.68.pdf",
            "o11-2568-10.pdf",
            "October 2025 summary",
            "oct_2025.xlsx",
        ] {
            assert_eq!(months(text), oct, "{text}");
        }
        assert_eq!(
            months("มกราคม 2569 และ กุมภาพันธ์ 2569"),
            vec![Period::Month(2026, 1), Period::Month(2026, 2)]
        );
        // another fiscal year, no year, or no month: nothing
        for text in ["ตุลาคม 2567", "ตุลาคม", "แผนการจัดซื้อจัดจ้าง 2569", "2568-13.pdf", "12568-10"]
        {
            assert_eq!(months(text), vec![], "{text}");
        }
    }

    #[test]
    fn quarters() {
        let q = |t: &str| found_in(t, 2569, Cadence::Quarterly);
        assert_eq!(q("รายงาน ไตรมาสที่ 1"), vec![Period::Quarter(1)]);
        assert_eq!(q("ไตรมาส ๒ ปี 2569"), vec![Period::Quarter(2)]);
        assert_eq!(q("Q3-2569.pdf"), vec![Period::Quarter(3)]);
        assert_eq!(q("faq 1"), vec![]);
        assert_eq!(q("ไตรมาส 5"), vec![]);
    }

    #[test]
    fn fiscal_year_periods_and_their_last_days() {
        let months = periods_of(2569, Cadence::Monthly);
        assert_eq!(months.first(), Some(&Period::Month(2025, 10)));
        assert_eq!(months.last(), Some(&Period::Month(2026, 9)));
        assert_eq!(last_day(2569, Period::Month(2026, 2)), Date::new(2026, 2, 28));
        assert_eq!(last_day(2569, Period::Quarter(1)), Date::new(2025, 12, 31));
        assert_eq!(last_day(2569, Period::Quarter(4)), Date::new(2026, 9, 30));
        assert_eq!(Cadence::parse("monthly"), Some(Cadence::Monthly));
        assert_eq!(Cadence::parse("weekly"), None);
    }
}
