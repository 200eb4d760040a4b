//! What can be wrong with a written date, in Thai and English.
//!
//! Every variant says what is wrong and how to fix it, because the reader is the municipal
//! officer who typed the date, not a programmer. Dates inside messages keep the BE year the
//! officer wrote (English: "29 Feb 2566 (2023)").

use std::fmt;

use crate::date::{days_in_month, Date, BE_OFFSET};
use crate::thai::dates::When;
use crate::thai::format::{month_abbr_en, month_abbr_th, month_name_en, month_name_th};

/// Why a text could not be read as a date.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum DateError {
    Empty,
    TooLong {
        chars: usize,
    },
    NoDate {
        text: String,
    },
    /// A month-like word that is no month: "1๓.ค." has lost the ต of ต.ค.
    UnknownMonth {
        found: String,
        candidates: Vec<&'static str>,
    },
    BadDay {
        found: String,
    },
    BadMonthNumber {
        found: String,
    },
    BadYear {
        found: String,
    },
    /// 31 April, or 29 February in a year that is not a leap year.
    ImpossibleDay {
        day: u8,
        month: u8,
        ce_year: i32,
    },
    MissingYear {
        text: String,
    },
    MissingMonth {
        text: String,
    },
    YearOnly {
        be_year: i32,
    },
    BadQuarter {
        found: String,
    },
    IncompleteRange {
        text: String,
    },
    Unrecognised {
        text: String,
    },
    /// `parse_date_value` wants one day but the text is a range, a month, ….
    NotASingleDay {
        found: When,
    },
}

/// Something readable but suspicious; the parsed value is still returned.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum DateWarning {
    /// "1๓": Thai and ASCII digits in one number, often a sign of OCR or typing damage.
    MixedDigits { found: String },
    /// The end of a range is before its start. `likely_end_year_be` is the end year that
    /// would make the range run forward (the usual slip: the start year copied to the end).
    EndBeforeStart {
        start: Date,
        end: Date,
        whole_months: bool,
        likely_end_year_be: Option<i32>,
    },
    /// "วันจันทร์ที่ …" on a date that is not a Monday.
    WeekdayMismatch {
        written: String,
        actual: String,
        date: Date,
    },
}

impl DateError {
    pub fn message_en(&self) -> String {
        const EXAMPLE: &str = "๒๖ เมษายน ๒๕๖๔";
        match self {
            DateError::Empty => format!("the date is empty; write a date such as {EXAMPLE}"),
            DateError::TooLong { chars } => {
                format!("this text is too long to be a date ({chars} characters); put only the date here")
            }
            DateError::NoDate { text } => {
                format!("no date found in \"{text}\"; write e.g. {EXAMPLE} or 2021-04-26")
            }
            DateError::UnknownMonth { found, candidates } => {
                let hint = if candidates.is_empty() {
                    String::new()
                } else {
                    format!(" (did you mean {}?)", candidates.join(", "))
                };
                format!(
                    "\"{found}\" is not a month name{hint}; write the month in full (ตุลาคม) or \
                     abbreviated with its dots (ต.ค.)"
                )
            }
            DateError::BadDay { found } => {
                format!("\"{found}\" is not a day of the month; use 1 to 31")
            }
            DateError::BadMonthNumber { found } => {
                format!("\"{found}\" is not a month number; use 1 to 12")
            }
            DateError::BadYear { found } => {
                format!("\"{found}\" is not a year; write the BE year with 4 digits (2564) or 2 digits (64)")
            }
            DateError::ImpossibleDay { day, month, ce_year } => impossible_day_en(*day, *month, *ce_year),
            DateError::MissingYear { text } => {
                format!("no year in \"{text}\"; add the BE year, e.g. {EXAMPLE}")
            }
            DateError::MissingMonth { text } => {
                format!("no month in \"{text}\"; add the month, e.g. ๑-๓๑ ต.ค. ๒๕๖๖")
            }
            DateError::YearOnly { be_year } => format!(
                "a year alone ({be_year}) is not a date; for a fiscal year write \
                 ปีงบประมาณ พ.ศ. {be_year}, otherwise add a day and month"
            ),
            DateError::BadQuarter { found } => format!(
                "\"{found}\" is not a quarter; a fiscal year has quarters 1 to 4 \
                 (ไตรมาสที่ ๑ = October to December)"
            ),
            DateError::IncompleteRange { text } => format!(
                "the range in \"{text}\" is missing its start or its end; write both, e.g. \
                 ๑ ต.ค. ๒๕๖๖ - ๓๑ มี.ค. ๒๕๖๗"
            ),
            DateError::Unrecognised { text } => format!(
                "cannot read \"{text}\" as a date; write e.g. {EXAMPLE}, ๒๖ เม.ย. ๖๔, ๒๖/๔/๖๔ \
                 or 2021-04-26"
            ),
            DateError::NotASingleDay { found } => format!(
                "expected a single day but found {}; write one date such as {EXAMPLE}",
                when_kind_en(found)
            ),
        }
    }

    pub fn message_th(&self) -> String {
        const EXAMPLE: &str = "๒๖ เมษายน ๒๕๖๔";
        match self {
            DateError::Empty => format!("ไม่ได้ใส่วันที่ ให้เขียนวันที่ เช่น {EXAMPLE}"),
            DateError::TooLong { chars } => {
                format!("ข้อความยาวเกินกว่าจะเป็นวันที่ ({chars} ตัวอักษร) ให้ใส่เฉพาะวันที่")
            }
            DateError::NoDate { text } => {
                format!("ไม่พบวันที่ใน \"{text}\" ให้เขียน เช่น {EXAMPLE} หรือ 2021-04-26")
            }
            DateError::UnknownMonth { found, candidates } => {
                let hint = if candidates.is_empty() {
                    String::new()
                } else {
                    format!(" (อาจหมายถึง {})", candidates.join(", "))
                };
                format!(
                    "\"{found}\" ไม่ใช่ชื่อเดือน{hint} ให้เขียนชื่อเดือนเต็ม (ตุลาคม) \
                     หรือตัวย่อพร้อมจุด (ต.ค.)"
                )
            }
            DateError::BadDay { found } => {
                format!("\"{found}\" ไม่ใช่วันที่ของเดือน ต้องอยู่ระหว่าง ๑ ถึง ๓๑")
            }
            DateError::BadMonthNumber { found } => {
                format!("\"{found}\" ไม่ใช่เลขเดือน ต้องอยู่ระหว่าง ๑ ถึง ๑๒")
            }
            DateError::BadYear { found } => {
                format!("\"{found}\" ไม่ใช่ปี ให้เขียนปี พ.ศ. ๔ หลัก (๒๕๖๔) หรือ ๒ หลัก (๖๔)")
            }
            DateError::ImpossibleDay { day, month, ce_year } => impossible_day_th(*day, *month, *ce_year),
            DateError::MissingYear { text } => {
                format!("ไม่มีปีใน \"{text}\" ให้เติมปี พ.ศ. เช่น {EXAMPLE}")
            }
            DateError::MissingMonth { text } => {
                format!("ไม่มีเดือนใน \"{text}\" ให้เติมเดือน เช่น ๑-๓๑ ต.ค. ๒๕๖๖")
            }
            DateError::YearOnly { be_year } => format!(
                "ปี {be_year} อย่างเดียวไม่ใช่วันที่ ถ้าหมายถึงปีงบประมาณให้เขียน \
                 ปีงบประมาณ พ.ศ. {be_year} มิฉะนั้นให้เติมวันและเดือน"
            ),
            DateError::BadQuarter { found } => format!(
                "\"{found}\" ไม่ใช่ไตรมาส ปีงบประมาณมีไตรมาสที่ ๑ ถึง ๔ \
                 (ไตรมาสที่ ๑ = ต.ค. ถึง ธ.ค.)"
            ),
            DateError::IncompleteRange { text } => format!(
                "ช่วงวันที่ใน \"{text}\" ขาดวันเริ่มต้นหรือวันสิ้นสุด ให้เขียนทั้งสองวัน \
                 เช่น ๑ ต.ค. ๒๕๖๖ - ๓๑ มี.ค. ๒๕๖๗"
            ),
            DateError::Unrecognised { text } => format!(
                "อ่าน \"{text}\" เป็นวันที่ไม่ได้ ให้เขียน เช่น {EXAMPLE}, ๒๖ เม.ย. ๖๔, \
                 ๒๖/๔/๖๔ หรือ 2021-04-26"
            ),
            DateError::NotASingleDay { found } => format!(
                "ต้องการวันที่เพียงวันเดียว แต่พบ{} ให้เขียนวันที่เดียว เช่น {EXAMPLE}",
                when_kind_th(found)
            ),
        }
    }
}

impl DateWarning {
    pub fn message_en(&self) -> String {
        match self {
            DateWarning::MixedDigits { found } => format!(
                "\"{found}\" mixes Thai and ASCII digits; check that it was not mistyped or \
                 damaged by OCR"
            ),
            DateWarning::EndBeforeStart {
                start,
                end,
                whole_months,
                likely_end_year_be,
            } => {
                let hint = likely_end_year_be
                    .map(|y| format!("; the end year is probably {y}"))
                    .unwrap_or_default();
                format!(
                    "the end ({}) is before the start ({}); swap them or fix the year{hint}",
                    label_en(*end, *whole_months),
                    label_en(*start, *whole_months)
                )
            }
            DateWarning::WeekdayMismatch { written, actual, date } => format!(
                "the text says วัน{written} but {} is a วัน{actual}; check the weekday or the date",
                label_en(*date, false)
            ),
        }
    }

    pub fn message_th(&self) -> String {
        match self {
            DateWarning::MixedDigits { found } => {
                format!("\"{found}\" ใช้เลขไทยปนเลขอารบิก ตรวจสอบว่าพิมพ์ถูกต้อง")
            }
            DateWarning::EndBeforeStart {
                start,
                end,
                whole_months,
                likely_end_year_be,
            } => {
                let hint = likely_end_year_be
                    .map(|y| format!(" ปีของวันสิ้นสุดน่าจะเป็น {y}"))
                    .unwrap_or_default();
                format!(
                    "วันสิ้นสุด ({}) อยู่ก่อนวันเริ่มต้น ({}) ให้สลับกันหรือแก้ปี{hint}",
                    label_th(*end, *whole_months),
                    label_th(*start, *whole_months)
                )
            }
            DateWarning::WeekdayMismatch { written, actual, date } => format!(
                "ข้อความระบุวัน{written} แต่ {} ตรงกับวัน{actual} ตรวจสอบวันหรือวันที่",
                label_th(*date, false)
            ),
        }
    }
}

impl fmt::Display for DateError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message_en())
    }
}

impl std::error::Error for DateError {}

impl fmt::Display for DateWarning {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message_en())
    }
}

fn impossible_day_en(day: u8, month: u8, ce_year: i32) -> String {
    let be = ce_year + BE_OFFSET;
    let abbr = month_abbr_en(month).unwrap_or("?");
    if month == 2 && day == 29 {
        format!(
            "29 Feb {be} does not exist: {be} ({ce_year}) is not a leap year; \
             check the year or use 28 Feb"
        )
    } else {
        format!(
            "{day} {abbr} {be} does not exist: {} {be} has {} days",
            month_name_en(month).unwrap_or("?"),
            days_in_month(ce_year, month)
        )
    }
}

fn impossible_day_th(day: u8, month: u8, ce_year: i32) -> String {
    let be = ce_year + BE_OFFSET;
    let abbr = month_abbr_th(month).unwrap_or("?");
    if month == 2 && day == 29 {
        format!(
            "ไม่มีวันที่ 29 ก.พ. {be}: ปี {be} (ค.ศ. {ce_year}) ไม่ใช่ปีอธิกสุรทิน \
             เดือนกุมภาพันธ์มี 28 วัน ตรวจสอบปีหรือใช้วันที่ 28 ก.พ."
        )
    } else {
        format!(
            "ไม่มีวันที่ {day} {abbr} {be}: เดือน{} {be} มี {} วัน",
            month_name_th(month).unwrap_or("?"),
            days_in_month(ce_year, month)
        )
    }
}

/// "30 Sep 2566" (English words, the BE year the author wrote), or "Sep 2566".
fn label_en(date: Date, month_only: bool) -> String {
    let month = month_abbr_en(date.month).unwrap_or("?");
    if month_only {
        format!("{month} {}", date.be_year())
    } else {
        format!("{} {month} {}", date.day, date.be_year())
    }
}

fn label_th(date: Date, month_only: bool) -> String {
    let month = month_abbr_th(date.month).unwrap_or("?");
    if month_only {
        format!("{month} {}", date.be_year())
    } else {
        format!("{} {month} {}", date.day, date.be_year())
    }
}

fn when_kind_en(when: &When) -> &'static str {
    match when {
        When::Day(_) => "a day",
        When::Month { .. } => "a whole month",
        When::Range { .. } => "a date range",
        When::MonthRange { .. } => "a range of months",
        When::Quarter { .. } => "a quarter",
        When::FiscalYear(_) => "a fiscal year",
        When::Recurrence(_) => "a recurring schedule",
    }
}

fn when_kind_th(when: &When) -> &'static str {
    match when {
        When::Day(_) => "วันที่",
        When::Month { .. } => "ทั้งเดือน",
        When::Range { .. } => "ช่วงวันที่",
        When::MonthRange { .. } => "ช่วงเดือน",
        When::Quarter { .. } => "ไตรมาส",
        When::FiscalYear(_) => "ปีงบประมาณ",
        When::Recurrence(_) => "กำหนดการที่ทำซ้ำ",
    }
}
