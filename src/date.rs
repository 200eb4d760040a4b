//! A calendar date in the common era, the one date type of prongsai.
//!
//! Portals write dates in the Buddhist Era (BE = CE + 543), as TOML dates or as Thai text;
//! everything is converted to this type on the way in and shown in BE on the way out. We keep
//! our own small type instead of a date crate because all we need is validation, ordering and
//! ISO 8601 output, and BE leap days (29 Feb 2567 = 29 Feb 2024) must be checked on the CE year.

use std::fmt;

/// Offset between Buddhist-Era and common-era years.
pub const BE_OFFSET: i32 = 543;

/// Years above this are taken as Buddhist-Era years (SPEC §3).
pub const BE_THRESHOLD: i32 = 2400;

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Date {
    /// Common-era year.
    pub year: i32,
    /// 1–12.
    pub month: u8,
    /// 1–31.
    pub day: u8,
}

impl Date {
    /// A valid common-era date, or `None`.
    pub fn new(year: i32, month: u8, day: u8) -> Option<Date> {
        if !(1..=12).contains(&month) || day == 0 || day > days_in_month(year, month) {
            return None;
        }
        Some(Date { year, month, day })
    }

    /// A date whose year may be BE (above 2400) or CE; BE years are converted.
    pub fn from_any_era(year: i32, month: u8, day: u8) -> Option<Date> {
        Date::new(ce_year(year), month, day)
    }

    /// The Buddhist-Era year of this date.
    pub fn be_year(&self) -> i32 {
        self.year + BE_OFFSET
    }

    /// Days since 1970-01-01 (negative before), for durations and feeds.
    pub fn days_since_epoch(&self) -> i64 {
        // Howard Hinnant's days_from_civil.
        let y = i64::from(self.year) - i64::from(self.month <= 2);
        let era = y.div_euclid(400);
        let yoe = y - era * 400;
        let m = i64::from(self.month);
        let doy = (153 * (if m > 2 { m - 3 } else { m + 9 }) + 2) / 5 + i64::from(self.day) - 1;
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
        era * 146_097 + doe - 719_468
    }

    /// The date `days` after 1970-01-01.
    pub fn from_days_since_epoch(days: i64) -> Date {
        let z = days + 719_468;
        let era = z.div_euclid(146_097);
        let doe = z - era * 146_097;
        let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
        let mp = (5 * doy + 2) / 153;
        let day = (doy - (153 * mp + 2) / 5 + 1) as u8;
        let month = if mp < 10 { mp + 3 } else { mp - 9 } as u8;
        let year = (yoe + era * 400 + i64::from(month <= 2)) as i32;
        Date { year, month, day }
    }
}

/// ISO 8601 (`2021-04-26`), the form used in data files.
impl fmt::Display for Date {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}-{:02}-{:02}", self.year, self.month, self.day)
    }
}

/// Converts a BE year (above 2400) to CE; CE years pass through.
pub fn ce_year(year: i32) -> i32 {
    if year > BE_THRESHOLD {
        year - BE_OFFSET
    } else {
        year
    }
}

pub fn is_leap_year(ce_year: i32) -> bool {
    (ce_year % 4 == 0 && ce_year % 100 != 0) || ce_year % 400 == 0
}

pub fn days_in_month(ce_year: i32, month: u8) -> u8 {
    match month {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if is_leap_year(ce_year) => 29,
        2 => 28,
        _ => 0,
    }
}

/// Dates serialize as ISO 8601 strings, the form of the open-data files.
impl serde::Serialize for Date {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_str(self)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn be_years_convert_and_leap_days_follow_the_ce_year() {
        assert_eq!(Date::from_any_era(2564, 4, 26), Date::new(2021, 4, 26));
        assert!(Date::from_any_era(2567, 2, 29).is_some());
        assert!(Date::from_any_era(2566, 2, 29).is_none());
        assert_eq!(Date::new(2021, 4, 26).map(|d| d.be_year()), Some(2564));
    }

    #[test]
    fn epoch_days_round_trip() {
        for days in [-800_000, -1, 0, 1, 18_742, 60_000] {
            assert_eq!(Date::from_days_since_epoch(days).days_since_epoch(), days);
        }
        assert_eq!(Date::from_days_since_epoch(0).to_string(), "1970-01-01");
    }
}
