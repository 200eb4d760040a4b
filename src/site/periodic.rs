//! The periods of an O-item with periodic evidence (its catalog entry has a `cadence`):
//! which months or quarters of the page's fiscal year its files and links name, and which
//! of the missing ones are already past. The page shows them; `periodic-gap` warns.

use serde::Serialize;

use super::Site;
use crate::date::Date;
use crate::ita::periods::{self, Cadence, Period};
use crate::model::KindData;
use crate::thai::format::{month_abbr_en, month_abbr_th};

/// One period of the fiscal year, as the page shows it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct PeriodState {
    /// `ต.ค. 2568`, `ไตรมาส 1` (or in English).
    pub label: String,
    /// A file or link of the page names this period.
    pub present: bool,
    /// The period ended before this month (so it is due).
    pub past: bool,
}

impl Site {
    /// The periods of O-item page `index` when its catalog item has a cadence.
    pub fn periods_of(&self, index: usize) -> Option<Vec<PeriodState>> {
        let page = &self.pages[index];
        let KindData::OItem(o) = &page.data else { return None };
        let be = page.fiscal_year?;
        let year = self.year_of(index)?;
        let item = self.ita.catalogs.get(year.framework)?.item(o.item)?;
        let cadence = Cadence::parse(item.cadence.as_deref()?)?;
        let names = o
            .files
            .iter()
            .map(String::as_str)
            .chain(o.links.iter().map(|l| l.title.as_str()));
        let mut found: Vec<Period> = names.flat_map(|n| periods::found_in(n, be, cadence)).collect();
        found.sort();
        found.dedup();
        let en = self.config.language == "en";
        let states = periods::periods_of(be, cadence)
            .into_iter()
            .map(|period| PeriodState {
                label: label(period, en, self.config.thai_digits),
                present: found.contains(&period),
                past: is_past(be, period, self.options.this_month),
            })
            .collect();
        Some(states)
    }
}

/// Whether `period` ended before `this_month` (the first day of the month the build runs in).
fn is_past(be: i32, period: Period, this_month: Option<Date>) -> bool {
    match (periods::last_day(be, period), this_month) {
        (Some(last), Some(now)) => last < now,
        _ => false,
    }
}

fn label(period: Period, en: bool, thai_digits: bool) -> String {
    let text = match period {
        Period::Month(year, month) if en => format!("{} {year}", month_abbr_en(month).unwrap_or("")),
        Period::Month(year, month) => format!("{} {}", month_abbr_th(month).unwrap_or(""), year + 543),
        Period::Quarter(q) if en => format!("Q{q}"),
        Period::Quarter(q) => format!("ไตรมาส {q}"),
    };
    if thai_digits {
        crate::thai::digits::to_thai_digits(&text)
    } else {
        text
    }
}
