//! Reads the dates municipal staff copy from their documents into front matter and tables.
//!
//! The seeds write one day a dozen ways ("๒๖ เมษายน ๒๕๖๔", "26 เม.ย. 64", "๒๖/๔/๖๔", "๒๖ เม ๖๔"),
//! plus ranges, whole months, quarters, fiscal years and schedules ("รายไตรมาส"); see
//! ita-domain.md §4, "Date spellings found in the seeds". [`parse_thai_date`] accepts all of
//! them and says what is wrong with the rest; [`parse_date_value`] is the strict one-day form
//! used for `date =` in front matter.
//!
//! Choices: 2-digit years are BE (64 → 2564); 4-digit years above 2400 are BE, others CE. A
//! range's missing year or month is taken from the other end ("๑-๓๑ ต.ค. ๒๕๖๖",
//! "เดือนตุลาคม-พฤศจิกายน ๒๕๖๓"), stepping back a year when the start month comes after the end
//! month ("ต.ค.- มี.ค. ๖๔" starts in 2563). A deadline ("ก่อนวันที่ ๓๐ เมษายน ๒๕๖๔") is read
//! as the deadline day itself; the caller keeps the original text for its wording.

mod error;
mod lex;
#[cfg(test)]
mod tests;

pub use error::{DateError, DateWarning};

use crate::date::{ce_year, Date, BE_OFFSET};
use crate::thai::digits::to_ascii_digits;
use crate::thai::format::{last_day_of_month, MONTHS_ABBR_TH};
use lex::{Era, Tok};

/// Longer texts are not a date; refusing them keeps the parser cheap on any input.
const MAX_CHARS: usize = 300;

/// What a written date means. Years are CE unless the field name says BE.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum When {
    Day(Date),
    /// A whole month ("กันยายน ๒๕๖๕").
    Month {
        year: i32,
        month: u8,
    },
    Range {
        start: Date,
        end: Date,
    },
    MonthRange {
        start_year: i32,
        start_month: u8,
        end_year: i32,
        end_month: u8,
    },
    /// Quarter 1–4 of a fiscal year (Q1 = October–December).
    Quarter {
        quarter: u8,
        fiscal_year_be: Option<i32>,
    },
    FiscalYear(i32),
    /// A schedule such as "รายไตรมาส" or "ทุกสิ้นเดือน", kept as written.
    Recurrence(String),
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Parsed {
    pub when: When,
    pub warnings: Vec<DateWarning>,
}

impl When {
    /// First and last day covered, when known (not for recurrences or a quarter of no year).
    pub fn span(&self) -> Option<(Date, Date)> {
        match *self {
            When::Day(d) => Some((d, d)),
            When::Month { year, month } => Some((Date::new(year, month, 1)?, last_day_of_month(year, month)?)),
            When::Range { start, end } => Some((start, end)),
            When::MonthRange {
                start_year,
                start_month,
                end_year,
                end_month,
            } => Some((
                Date::new(start_year, start_month, 1)?,
                last_day_of_month(end_year, end_month)?,
            )),
            When::Quarter {
                quarter,
                fiscal_year_be: Some(fy),
            } => {
                // Q1 starts in October of the previous CE year.
                let first_month = (quarter.checked_sub(1)? * 3 + 9) % 12 + 1;
                let year = fy - BE_OFFSET - i32::from(first_month >= 10);
                Some((
                    Date::new(year, first_month, 1)?,
                    last_day_of_month(year, first_month + 2)?,
                ))
            }
            When::FiscalYear(fy) => {
                let end_year = fy - BE_OFFSET;
                Some((Date::new(end_year - 1, 10, 1)?, Date::new(end_year, 9, 30)?))
            }
            When::Quarter {
                fiscal_year_be: None, ..
            }
            | When::Recurrence(_) => None,
        }
    }
}

/// Reads any date expression found in the seeds. Never panics.
pub fn parse_thai_date(text: &str) -> Result<Parsed, DateError> {
    let prepared = lex::prepare(text);
    let chars = prepared.chars().count();
    if chars == 0 {
        return Err(DateError::Empty);
    }
    if chars > MAX_CHARS {
        return Err(DateError::TooLong { chars });
    }
    if let Some(day) = iso_date(&prepared) {
        return Ok(Parsed {
            when: When::Day(day?),
            warnings: Vec::new(),
        });
    }
    if is_recurrence(&prepared) {
        return Ok(Parsed {
            when: When::Recurrence(text.trim().to_string()),
            warnings: Vec::new(),
        });
    }
    let toks = lex::lex(&prepared);
    let mut warnings: Vec<DateWarning> = toks
        .iter()
        .filter_map(|t| match t {
            Tok::Num { text, mixed: true, .. } => Some(DateWarning::MixedDigits { found: text.clone() }),
            _ => None,
        })
        .collect();
    let when = match quarter(&toks)? {
        Some(q) => q,
        None => structured(&prepared, &toks, &mut warnings)?,
    };
    if let When::Day(date) = when {
        warnings.extend(weekday_mismatch(&toks, date));
    }
    Ok(Parsed { when, warnings })
}

/// Reads exactly one day: ISO ("2021-04-26", "2567-02-29" with a BE year), "26/4/64", or a
/// Thai spelling. Ranges, months and the like are an error.
pub fn parse_date_value(text: &str) -> Result<Date, DateError> {
    match parse_thai_date(text)?.when {
        When::Day(date) => Ok(date),
        found => Err(DateError::NotASingleDay { found }),
    }
}

/// A date in the checked form of `date.rs`, or the reason it does not exist.
fn make_date(day: u8, month: u8, ce_year: i32) -> Result<Date, DateError> {
    Date::new(ce_year, month, day).ok_or(DateError::ImpossibleDay { day, month, ce_year })
}

/// `yyyy-mm-dd` with a CE or BE year; `None` when the text has another shape.
fn iso_date(text: &str) -> Option<Result<Date, DateError>> {
    let ascii = to_ascii_digits(text);
    let parts: Vec<&str> = ascii.split('-').collect();
    let [y, m, d] = parts[..] else { return None };
    let all_digits = |s: &str| !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit());
    if y.len() != 4 || !(1..=2).contains(&m.len()) || !(1..=2).contains(&d.len()) {
        return None;
    }
    if !(all_digits(y) && all_digits(m) && all_digits(d)) {
        return None;
    }
    let (year, month, day) = (y.parse::<i32>().ok()?, m.parse::<u8>().ok()?, d.parse::<u8>().ok()?);
    if !(1..=12).contains(&month) {
        return Some(Err(DateError::BadMonthNumber { found: m.to_string() }));
    }
    if !(1..=31).contains(&day) {
        return Some(Err(DateError::BadDay { found: d.to_string() }));
    }
    Some(make_date(day, month, ce_year(year)))
}

/// Schedules: "รายไตรมาส", "ทุกสิ้นเดือน", "เดือนละ ๑ ครั้ง", "ทุกครั้งที่มีการจัดซื้อ …".
fn is_recurrence(text: &str) -> bool {
    const MARKERS: [&str; 17] = [
        "รายวัน",
        "รายสัปดาห์",
        "รายเดือน",
        "รายไตรมาส",
        "รายครึ่งปี",
        "รายปี",
        "ทุกวัน",
        "ทุกสัปดาห์",
        "ทุกเดือน",
        "ทุกสิ้นเดือน",
        "ทุกไตรมาส",
        "ทุกปี",
        "ทุกครั้ง",
        "วันละ",
        "สัปดาห์ละ",
        "เดือนละ",
        "ปีละ",
    ];
    const MARKERS_EN: [&str; 6] = ["every", "daily", "weekly", "monthly", "quarterly", "yearly"];
    let lower = text.to_lowercase();
    MARKERS.iter().any(|m| text.contains(m)) || MARKERS_EN.iter().any(|m| lower.contains(m))
}

/// "ไตรมาสที่ ๒", "ภายในไตรมาสที่ ๓ ปีงบประมาณ ๒๕๖๔"; `None` when no quarter is mentioned.
fn quarter(toks: &[Tok]) -> Result<Option<When>, DateError> {
    let Some(at) = toks
        .iter()
        .position(|t| matches!(t, Tok::Word(w) if w.contains("ไตรมาส")))
    else {
        return Ok(None);
    };
    let word = match &toks[at] {
        Tok::Word(w) => w.as_str(),
        _ => "",
    };
    let (quarter, number_at) = if word.contains("แรก") {
        (1, None)
    } else if word.contains("สุดท้าย") {
        (4, None)
    } else {
        match toks.get(at + 1) {
            Some(Tok::Num { value, len, text, .. }) => {
                if *len > 1 || !(1..=4).contains(value) {
                    return Err(DateError::BadQuarter { found: text.clone() });
                }
                (*value as u8, Some(at + 1))
            }
            _ => {
                return Err(DateError::BadQuarter {
                    found: word.to_string(),
                })
            }
        }
    };
    let fiscal_year_be = toks.iter().enumerate().find_map(|(i, t)| match t {
        Tok::Num { value, len, .. } if Some(i) != number_at => match len {
            2 => Some(2500 + *value as i32),
            4 => Some(ce_year(*value as i32) + BE_OFFSET),
            _ => None,
        },
        _ => None,
    });
    Ok(Some(When::Quarter {
        quarter,
        fiscal_year_be,
    }))
}

/// One end of a range, or the whole date, with what was written of it.
#[derive(Debug, Clone, Copy, Default)]
struct Partial {
    day: Option<u8>,
    month: Option<u8>,
    /// CE.
    year: Option<i32>,
}

/// Parses day/month/year expressions and ranges of them.
fn structured(text: &str, toks: &[Tok], warnings: &mut Vec<DateWarning>) -> Result<When, DateError> {
    if !toks.iter().any(|t| matches!(t, Tok::Num { .. } | Tok::Month(_))) {
        if let Some(found) = broken_abbreviation(toks) {
            return Err(unknown_month(found));
        }
        return Err(DateError::NoDate { text: text.to_string() });
    }
    let mut segments: Vec<Vec<&Tok>> = Vec::new();
    let mut current: Vec<&Tok> = Vec::new();
    for (i, tok) in toks.iter().enumerate() {
        match tok {
            // "… เวลา ๑๐.๐๐ น.": a time of day follows; the date is complete.
            Tok::Word(w) if w.starts_with("เวลา") => break,
            Tok::Sep => segments.push(std::mem::take(&mut current)),
            Tok::Word(w) if !looks_like_abbreviation(w) => {}
            Tok::Num { .. } if is_quantity(toks, i) => {}
            _ => current.push(tok),
        }
    }
    segments.push(current);
    if segments.len() > 2 {
        // "ต.ค. - ธ.ค. - มี.ค." or "2021-04 - 05": not one date.
        segments.retain(|s| !s.is_empty());
        if segments.len() != 2 {
            return Err(DateError::Unrecognised { text: text.to_string() });
        }
    }
    if segments.iter().any(|s| s.is_empty()) {
        return Err(DateError::IncompleteRange { text: text.to_string() });
    }
    let parts = segments
        .iter()
        .map(|s| partial(s, text))
        .collect::<Result<Vec<Partial>, DateError>>()?;
    match parts[..] {
        [one] => single(one, text),
        [start, end] => range(start, end, text, warnings),
        _ => Err(DateError::Unrecognised { text: text.to_string() }),
    }
}

/// A number used as a count ("รอบ ๖ เดือน (เดือนตุลาคม …)", "ภายใน ๕ วัน"), not as a day:
/// directly followed by a unit word that is not itself followed by a month name. Four-digit
/// numbers are always years, and "วันจันทร์" after a date is a weekday, not "days".
fn is_quantity(toks: &[Tok], i: usize) -> bool {
    const UNITS: [&str; 6] = ["เดือน", "วัน", "ปี", "ครั้ง", "สัปดาห์", "ไตรมาส"];
    let Some(Tok::Num { len, .. }) = toks.get(i) else {
        return false;
    };
    let unit = match toks.get(i + 1) {
        Some(Tok::Word(w)) => UNITS.iter().any(|u| w.starts_with(u)) && weekday_of(w).is_none(),
        _ => false,
    };
    *len != 4 && unit && !matches!(toks.get(i + 2), Some(Tok::Month(_)))
}

/// A short dotted Thai word in a date ("1๓.ค.") is a month abbreviation that lost a letter.
fn looks_like_abbreviation(word: &str) -> bool {
    const NOISE: [&str; 3] = ["ลว.", "น.", "ฯ."];
    word.contains('.') && word.chars().count() <= 6 && word.chars().any(lex::is_thai_letter) && !NOISE.contains(&word)
}

fn broken_abbreviation<'a>(toks: impl IntoIterator<Item = &'a Tok>) -> Option<&'a str> {
    toks.into_iter().find_map(|t| match t {
        Tok::Word(w) if looks_like_abbreviation(w) => Some(w.as_str()),
        _ => None,
    })
}

/// The month abbreviations that end like the damaged one (".ค." → ม.ค., มี.ค., …).
fn unknown_month(found: &str) -> DateError {
    let tail = found.trim_start_matches('.');
    let candidates = MONTHS_ABBR_TH
        .iter()
        .copied()
        .filter(|abbr| !tail.is_empty() && (abbr.ends_with(tail) || abbr.starts_with(tail)))
        .collect();
    DateError::UnknownMonth {
        found: found.to_string(),
        candidates,
    }
}

/// Reads one side of a range (or the whole date) from its tokens.
fn partial(toks: &[&Tok], text: &str) -> Result<Partial, DateError> {
    if let Some(found) = broken_abbreviation(toks.iter().copied()) {
        return Err(unknown_month(found));
    }
    let era = toks.iter().find_map(|t| match t {
        Tok::Era(e) => Some(*e),
        _ => None,
    });
    let core: Vec<&Tok> = toks.iter().copied().filter(|t| !matches!(t, Tok::Era(_))).collect();
    let num = |t: &Tok| match t {
        Tok::Num { value, len, text, .. } => Some((*value, *len, text.clone())),
        _ => None,
    };
    let unrecognised = || DateError::Unrecognised { text: text.to_string() };
    let mut p = Partial::default();
    match core[..] {
        [d, Tok::Slash, m, Tok::Slash, y] => {
            let (d, m, y) = (
                num(d).ok_or_else(unrecognised)?,
                num(m).ok_or_else(unrecognised)?,
                num(y).ok_or_else(unrecognised)?,
            );
            p.day = Some(day(d)?);
            p.month = Some(month_number(m)?);
            p.year = Some(year(y, era)?);
        }
        [d, Tok::Month(m), y] if num(d).is_some() && num(y).is_some() => {
            p.day = num(d).map(day).transpose()?;
            p.month = Some(*m);
            p.year = num(y).map(|y| year(y, era)).transpose()?;
        }
        // English order: "April 26, 2021".
        [Tok::Month(m), d, y] if matches!(num(d), Some((_, 1..=2, _))) && matches!(num(y), Some((_, 4, _))) => {
            p.day = num(d).map(day).transpose()?;
            p.month = Some(*m);
            p.year = num(y).map(|y| year(y, era)).transpose()?;
        }
        [d, Tok::Month(m)] if num(d).is_some() => {
            p.day = num(d).map(day).transpose()?;
            p.month = Some(*m);
        }
        [Tok::Month(m), y] if num(y).is_some() => {
            p.month = Some(*m);
            p.year = num(y).map(|y| year(y, era)).transpose()?;
        }
        [Tok::Month(m)] => p.month = Some(*m),
        [n] => match num(n).ok_or_else(unrecognised)? {
            y @ (_, 4, _) => p.year = Some(year(y, era)?),
            d => p.day = Some(day(d)?),
        },
        _ => return Err(unrecognised()),
    }
    Ok(p)
}

fn day((value, len, text): (u32, usize, String)) -> Result<u8, DateError> {
    match u8::try_from(value) {
        Ok(d @ 1..=31) if len <= 2 => Ok(d),
        _ => Err(DateError::BadDay { found: text }),
    }
}

fn month_number((value, len, text): (u32, usize, String)) -> Result<u8, DateError> {
    match u8::try_from(value) {
        Ok(m @ 1..=12) if len <= 2 => Ok(m),
        _ => Err(DateError::BadMonthNumber { found: text }),
    }
}

/// A written year as CE: 2 digits are BE ("64" → 2564, or 2064 after "ค.ศ."), 4 digits are BE
/// above 2400 and CE otherwise.
fn year((value, len, text): (u32, usize, String), era: Option<Era>) -> Result<i32, DateError> {
    let value = i32::try_from(value).map_err(|_| DateError::BadYear { found: text.clone() })?;
    match (len, era) {
        (2, Some(Era::Ce)) => Ok(2000 + value),
        (2, _) => Ok(2500 + value - BE_OFFSET),
        (4, _) => Ok(ce_year(value)),
        _ => Err(DateError::BadYear { found: text }),
    }
}

fn single(p: Partial, text: &str) -> Result<When, DateError> {
    let fiscal = ["งบประมาณ", "ปีงบ", "fiscal", "FY"].iter().any(|w| text.contains(w));
    match (p.day, p.month, p.year) {
        (Some(d), Some(m), Some(y)) => Ok(When::Day(make_date(d, m, y)?)),
        (None, Some(month), Some(year)) => Ok(When::Month { year, month }),
        (None, None, Some(y)) if fiscal => Ok(When::FiscalYear(y + BE_OFFSET)),
        (None, None, Some(y)) => Err(DateError::YearOnly { be_year: y + BE_OFFSET }),
        (_, Some(_), None) => Err(DateError::MissingYear { text: text.to_string() }),
        (_, None, _) => Err(DateError::MissingMonth { text: text.to_string() }),
    }
}

/// Completes each end of a range from the other and checks its direction.
fn range(s: Partial, e: Partial, text: &str, warnings: &mut Vec<DateWarning>) -> Result<When, DateError> {
    let missing_month = || DateError::MissingMonth { text: text.to_string() };
    let end_month = e.month.or(s.month).ok_or_else(missing_month)?;
    let start_month = s.month.unwrap_or(end_month);
    // (month, day) orders the two ends within one year; a missing day sorts as "whole month".
    let start_key = (start_month, s.day.unwrap_or(1));
    let end_key = (end_month, e.day.unwrap_or(31));
    let (start_year, end_year) = match (s.year, e.year) {
        (Some(sy), Some(ey)) => (sy, ey),
        (None, Some(ey)) => (if start_key > end_key { ey - 1 } else { ey }, ey),
        (Some(sy), None) => (sy, if end_key < start_key { sy + 1 } else { sy }),
        (None, None) => return Err(DateError::MissingYear { text: text.to_string() }),
    };
    if s.day.is_none() && e.day.is_none() {
        let when = When::MonthRange {
            start_year,
            start_month,
            end_year,
            end_month,
        };
        if (end_year, end_month) < (start_year, start_month) {
            let start = Date::new(start_year, start_month, 1);
            let end = Date::new(end_year, end_month, 1);
            if let (Some(start), Some(end)) = (start, end) {
                warnings.push(end_before_start(start, end, true));
            }
        }
        return Ok(when);
    }
    let start = make_date(s.day.unwrap_or(1), start_month, start_year)?;
    let end = match e.day {
        Some(d) => make_date(d, end_month, end_year)?,
        None => last_day_of_month(end_year, end_month).ok_or_else(missing_month)?,
    };
    if end < start {
        warnings.push(end_before_start(start, end, false));
    }
    Ok(When::Range { start, end })
}

fn end_before_start(start: Date, end: Date, whole_months: bool) -> DateWarning {
    let next = end.year + 1;
    let fixed = Date::new(next, end.month, end.day).or_else(|| Date::new(next, end.month, 28));
    let likely_end_year_be = fixed
        .filter(|f| *f >= start && f.year == start.year + 1)
        .map(|f| f.be_year());
    DateWarning::EndBeforeStart {
        start,
        end,
        whole_months,
        likely_end_year_be,
    }
}

/// Weekday names, Sunday first (1970-01-01, day 0 of the epoch, was a Thursday: index 4).
const WEEKDAYS: [&str; 7] = ["อาทิตย์", "จันทร์", "อังคาร", "พุธ", "พฤหัส", "ศุกร์", "เสาร์"];

/// The weekday named by a word such as "วันจันทร์ที่".
fn weekday_of(word: &str) -> Option<usize> {
    let rest = word.strip_prefix("วัน")?;
    WEEKDAYS.iter().position(|d| rest.starts_with(d))
}

/// "วันจันทร์ที่ ๘ มีนาคม ๒๕๖๔": checks the weekday against the date.
fn weekday_mismatch(toks: &[Tok], date: Date) -> Option<DateWarning> {
    let written = toks.iter().find_map(|t| match t {
        Tok::Word(w) => weekday_of(w),
        _ => None,
    })?;
    let actual = usize::try_from((date.days_since_epoch() + 4).rem_euclid(7)).ok()?;
    let name = |i: usize| match WEEKDAYS[i] {
        "พฤหัส" => "พฤหัสบดี".to_string(),
        d => d.to_string(),
    };
    (written != actual).then(|| DateWarning::WeekdayMismatch {
        written: name(written),
        actual: name(actual),
        date,
    })
}
