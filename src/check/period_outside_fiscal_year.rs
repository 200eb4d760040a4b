//! The check of [`crate::rules::period_outside_fiscal_year`]: what it finds and where.

use crate::date::Date;
use crate::diag::Diagnostic;
use crate::model::KindData;
use crate::rules::period_outside_fiscal_year::RULE;
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
