//! The check of [`crate::rules::date_implausible`]: what it finds and where.

use crate::date::Date;
use crate::diag::Diagnostic;
use crate::model::front::Raw;
use crate::model::KindData;
use crate::rules::date_implausible::RULE;
use crate::site::{Page, Site};

/// Common-era years an ITA document can carry.
pub const PLAUSIBLE: std::ops::RangeInclusive<i32> = 1990..=2100;

pub fn check(site: &Site) -> Vec<Diagnostic> {
    let mut out = Vec::new();
    for page in &site.pages {
        let mut dates: Vec<(&str, Date, &Raw)> = Vec::new();
        if let Some(d) = page.date {
            dates.push(("date", d, &page.front.date));
        }
        if let Some(d) = page.updated {
            dates.push(("updated", d, &page.front.updated));
        }
        if let KindData::Measure(m) = &page.data {
            if let Some(d) = m.start {
                dates.push(("start", d, &page.front.start));
            }
            if let Some(d) = m.end {
                dates.push(("end", d, &page.front.end));
            }
            for p in &m.progress {
                if let Some(d) = p.date {
                    dates.push(("progress.date", d, &page.front.progress));
                }
            }
        }
        for (key, date, raw) in dates {
            if !PLAUSIBLE.contains(&date.year) {
                out.push(implausible(page, key, date, raw));
            }
        }
    }
    out
}

fn implausible(page: &Page, key: &str, date: Date, raw: &Raw) -> Diagnostic {
    let at = raw
        .as_ref()
        .map_or(page.front_offset, |r| page.front_offset + r.span().start);
    let help = if date.year < *PLAUSIBLE.start() && date.year + crate::date::BE_OFFSET >= *PLAUSIBLE.start() {
        format!(
            "write the BE year {} or the CE year {} (เขียนปี พ.ศ. {} หรือ ค.ศ. {})",
            date.year + 2 * crate::date::BE_OFFSET,
            date.year + crate::date::BE_OFFSET,
            date.year + 2 * crate::date::BE_OFFSET,
            date.year + crate::date::BE_OFFSET
        )
    } else {
        "BE years are above 2400 (2564), CE years below (2021) (ปี พ.ศ. มากกว่า 2400 ปี ค.ศ. น้อยกว่า)".to_string()
    };
    Diagnostic::new(
        &RULE,
        format!(
            "`{key}` เป็นปี ค.ศ. {} (พ.ศ. {}) ซึ่งไม่น่าใช่ (`{key}` falls in CE {}, BE {}: probably a BE/CE mix-up)",
            date.year,
            date.be_year(),
            date.year,
            date.be_year()
        ),
    )
    .in_file(&page.file)
    .at_offset(&page.front_text, at)
    .with_help(help)
}
