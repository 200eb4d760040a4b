//! The Thai fiscal calendar (ita-domain.md §4).
//!
//! Fiscal year N (ปีงบประมาณ, BE) runs from 1 October of BE year N−1 to 30 September of N, so
//! FY 2565 = 1 Oct 2021 – 30 Sep 2022 (CE). Reports come in two rounds: round 1, the six-month
//! report (รอบ ๖ เดือน), covers October–March and is due in April; round 2, the annual report
//! (รอบ ๑๒ เดือน / ประจำปี), covers the whole year. Quarters start in October.
//!
//! Round names: we write "รอบ ๖ เดือน (ตุลาคม – มีนาคม)" and "รอบ ๑๒ เดือน (ประจำปี)" because
//! those are the phrases the seeds use (seed 000 "รอบ ๖ เดือน (เดือนตุลาคม ๖๓ – เดือนมีนาคม
//! ๖๔)", seed 001 "ประจำปี"); the months in parentheses make round 1 unambiguous and
//! "ประจำปี" tells readers round 2 is the full year, not April–September.

use crate::date::{Date, BE_OFFSET};

/// The fiscal year (BE) a date falls in.
pub fn fiscal_year_of(date: Date) -> i32 {
    date.be_year() + i32::from(date.month >= 10)
}

/// First and last day (CE dates) of fiscal year `be`.
pub fn fiscal_year_bounds(be: i32) -> (Date, Date) {
    let end_year = be - BE_OFFSET;
    (
        Date {
            year: end_year - 1,
            month: 10,
            day: 1,
        },
        Date {
            year: end_year,
            month: 9,
            day: 30,
        },
    )
}

/// The round whose report first covers the date: 1 for October–March, 2 for April–September.
pub fn round_of(date: Date) -> u8 {
    if (4..=9).contains(&date.month) {
        2
    } else {
        1
    }
}

/// The period a round's report covers in fiscal year `be`: round 1 = 1 Oct – 31 Mar, round 2 =
/// the whole fiscal year (the annual report). `None` for another round number.
pub fn round_bounds(be: i32, round: u8) -> Option<(Date, Date)> {
    let (start, end) = fiscal_year_bounds(be);
    match round {
        1 => Some((
            start,
            Date {
                year: end.year,
                month: 3,
                day: 31,
            },
        )),
        2 => Some((start, end)),
        _ => None,
    }
}

/// The half-year a round adds: round 1 = 1 Oct – 31 Mar, round 2 = 1 Apr – 30 Sep.
pub fn half_bounds(be: i32, round: u8) -> Option<(Date, Date)> {
    let (_, end) = fiscal_year_bounds(be);
    match round {
        1 => round_bounds(be, 1),
        2 => Some((
            Date {
                year: end.year,
                month: 4,
                day: 1,
            },
            end,
        )),
        _ => None,
    }
}

/// The fiscal quarter 1–4 (Q1 = October–December).
pub fn quarter_of(date: Date) -> u8 {
    match date.month {
        10..=12 => 1,
        1..=3 => 2,
        4..=6 => 3,
        _ => 4,
    }
}

/// The twelve months of fiscal year `be` as (CE year, month), October first; for items that need
/// one entry per month (monthly procurement summaries).
pub fn months_of_fiscal_year(be: i32) -> [(i32, u8); 12] {
    let end_year = be - BE_OFFSET;
    let mut months = [(0, 0); 12];
    for (slot, offset) in months.iter_mut().zip(0u8..) {
        let month = (9 + offset) % 12 + 1;
        let year = if month >= 10 { end_year - 1 } else { end_year };
        *slot = (year, month);
    }
    months
}

/// The Thai name of a round, with Thai digits.
pub fn round_name_th(round: u8) -> Option<&'static str> {
    match round {
        1 => Some("รอบ ๖ เดือน (ตุลาคม – มีนาคม)"),
        2 => Some("รอบ ๑๒ เดือน (ประจำปี)"),
        _ => None,
    }
}

/// The Thai name of a round, with Arabic digits (for portals with `thai_digits = false`).
pub fn round_name_th_ascii(round: u8) -> Option<&'static str> {
    match round {
        1 => Some("รอบ 6 เดือน (ตุลาคม – มีนาคม)"),
        2 => Some("รอบ 12 เดือน (ประจำปี)"),
        _ => None,
    }
}

/// The English name of a round.
pub fn round_name_en(round: u8) -> Option<&'static str> {
    match round {
        1 => Some("Six-month round (October – March)"),
        2 => Some("Annual round (12 months)"),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn date(y: i32, m: u8, d: u8) -> Date {
        Date::new(y, m, d).unwrap_or_else(|| panic!("bad test date {y}-{m}-{d}"))
    }

    #[test]
    fn fiscal_year_boundaries() {
        assert_eq!(fiscal_year_of(date(2020, 10, 1)), 2564);
        assert_eq!(fiscal_year_of(date(2020, 9, 30)), 2563);
        assert_eq!(fiscal_year_of(date(2021, 4, 26)), 2564);
        assert_eq!(fiscal_year_of(date(2024, 10, 1)), 2568);
        assert_eq!(fiscal_year_bounds(2565), (date(2021, 10, 1), date(2022, 9, 30)));
        for be in [2563, 2564, 2567] {
            let (start, end) = fiscal_year_bounds(be);
            assert_eq!(fiscal_year_of(start), be);
            assert_eq!(fiscal_year_of(end), be);
            assert_eq!(
                Date::from_days_since_epoch(end.days_since_epoch() + 1),
                fiscal_year_bounds(be + 1).0
            );
        }
    }

    #[test]
    fn rounds_and_quarters() {
        assert_eq!(round_of(date(2020, 10, 1)), 1);
        assert_eq!(round_of(date(2021, 3, 31)), 1);
        assert_eq!(round_of(date(2021, 4, 1)), 2);
        assert_eq!(round_of(date(2021, 9, 30)), 2);
        assert_eq!(round_bounds(2564, 1), Some((date(2020, 10, 1), date(2021, 3, 31))));
        assert_eq!(round_bounds(2564, 2), Some((date(2020, 10, 1), date(2021, 9, 30))));
        assert_eq!(half_bounds(2564, 2), Some((date(2021, 4, 1), date(2021, 9, 30))));
        assert_eq!(round_bounds(2564, 3), None);
        assert_eq!(half_bounds(2564, 0), None);
        assert_eq!(quarter_of(date(2020, 12, 31)), 1);
        assert_eq!(quarter_of(date(2021, 1, 1)), 2);
        assert_eq!(quarter_of(date(2021, 6, 30)), 3);
        assert_eq!(quarter_of(date(2021, 7, 1)), 4);
    }

    #[test]
    fn months_start_in_october() {
        let months = months_of_fiscal_year(2564);
        assert_eq!(months[0], (2020, 10));
        assert_eq!(months[2], (2020, 12));
        assert_eq!(months[3], (2021, 1));
        assert_eq!(months[11], (2021, 9));
    }

    #[test]
    fn round_names() {
        assert_eq!(round_name_th(1), Some("รอบ ๖ เดือน (ตุลาคม – มีนาคม)"));
        assert_eq!(round_name_th_ascii(2), Some("รอบ 12 เดือน (ประจำปี)"));
        assert_eq!(round_name_en(1), Some("Six-month round (October – March)"));
        assert_eq!(round_name_th(0), None);
        assert_eq!(round_name_en(3), None);
    }
}
