//! `period-outside-fiscal-year` — ช่วงเวลาของมาตรการอยู่นอกปีงบประมาณ (A measure's dates lie outside its fiscal year)
//!
//! ปีงบประมาณ พ.ศ. N เริ่ม 1 ต.ค. N−1 ถึง 30 ก.ย. N มาตรการที่ `start` หรือ `end` อยู่นอกช่วงนี้
//! มักพิมพ์ปีผิด ผู้ประเมินจะเห็นว่ามาตรการไม่ได้ทำในปีที่ประเมิน
//!
//! Fiscal year N (BE) runs 1 Oct N−1 to 30 Sep N. A measure whose `start` or `end` falls
//! outside it usually has a mistyped year, and assessors read it as not done in the year.
//!
//! ผิด (wrong):
//!
//! ```toml
//! # in content/2564/measures/01.md
//! start = 2565-10-01
//! ```
//!
//! ถูก (right):
//!
//! ```toml
//! start = 2563-10-01
//! ```

use crate::check::Rule;
use crate::diag::Level;

pub const RULE: Rule = Rule {
    code: "period-outside-fiscal-year",
    level: Level::Warning,
    summary: "ช่วงเวลาของมาตรการอยู่นอกปีงบประมาณ (A measure's dates lie outside its fiscal year)",
};

use crate::date::Date;
use crate::diag::Diagnostic;
use crate::model::KindData;
use crate::site::Site;

/// The first and last day of fiscal year `be_year`: 1 Oct of the year before to 30 Sep.
pub fn bounds(be_year: i32) -> Option<(Date, Date)> {
    let ce = be_year - crate::date::BE_OFFSET;
    Some((Date::new(ce - 1, 10, 1)?, Date::new(ce, 9, 30)?))
}

pub fn check(site: &Site) -> Vec<Diagnostic> {
    let mut out = Vec::new();
    for page in &site.pages {
        let (KindData::Measure(m), Some(fy)) = (&page.data, page.fiscal_year) else {
            continue;
        };
        let Some((first, last)) = bounds(fy) else { continue };
        for (key, date, raw) in [("start", m.start, &page.front.start), ("end", m.end, &page.front.end)] {
            let (Some(date), Some(raw)) = (date, raw) else { continue };
            if date < first || date > last {
                out.push(
                    Diagnostic::new(
                        &RULE,
                        format!(
                            "`{key}` = {} อยู่นอกปีงบประมาณ พ.ศ. {fy} ({} ถึง {}) (`{key}` is outside fiscal year {fy})",
                            be(date),
                            be(first),
                            be(last)
                        ),
                    )
                    .in_file(&page.file)
                    .at_offset(&page.front_text, page.front_offset + raw.span().start)
                    .with_help(format!(
                        "fiscal year {fy} runs {} to {}; check the year (ปีงบประมาณ {fy} เริ่ม {} ถึง {})",
                        be(first),
                        be(last),
                        be(first),
                        be(last)
                    )),
                );
            }
        }
    }
    out
}

/// `2563-10-01` with the BE year, as users write it.
fn be(date: Date) -> String {
    format!("{}-{:02}-{:02}", date.be_year(), date.month, date.day)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fiscal_year_2564_runs_october_to_september() {
        assert_eq!(
            bounds(2564),
            Some((
                Date {
                    year: 2020,
                    month: 10,
                    day: 1
                },
                Date {
                    year: 2021,
                    month: 9,
                    day: 30
                }
            ))
        );
    }
}
