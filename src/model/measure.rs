//! `measure`: one measure (มาตรการ/แนวทาง) of a fiscal year's plan, with its progress per
//! round. Statuses are accepted in English or in the Thai phrases reports use.

use serde::{Deserialize, Serialize};

use super::fields::Fields;
use super::front::RawFront;
use crate::date::Date;
use crate::ita::item_id::ItemId;
use crate::ita::status::Status;

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Measure {
    pub number: i64,
    pub indicators: Vec<u8>,
    pub items: Vec<ItemId>,
    pub owners: Vec<String>,
    pub steps: Vec<String>,
    pub period: Option<String>,
    pub start: Option<Date>,
    pub end: Option<Date>,
    pub reporting: Option<String>,
    pub progress: Vec<Progress>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Progress {
    pub round: u8,
    pub status: Status,
    /// Markdown.
    pub result: Option<String>,
    pub outcome: Option<String>,
    pub suggestion: Option<String>,
    pub date: Option<Date>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct ProgressRaw {
    round: toml::Value,
    status: String,
    result: Option<String>,
    outcome: Option<String>,
    suggestion: Option<String>,
    date: Option<toml::Value>,
}

/// The keys of a `[[progress]]` entry, for the reference (`model::schema`).
pub fn progress_keys() -> Vec<&'static str> {
    super::schema::fields_of::<ProgressRaw>()
}

pub fn parse(front: &RawFront, fields: &mut Fields) -> Option<Measure> {
    let number_raw = fields.require("number", &front.number, "number = 1");
    let number = number_raw.and_then(|_| fields.integer("number", &front.number));
    if let (Some(raw), Some(n)) = (number_raw, number) {
        if n < 1 {
            fields.report(
                &crate::rules::measure_number::RULE,
                raw,
                format!("เลขมาตรการ {n} ต้องมากกว่า 0 (a measure number is 1 or more)"),
                None,
            );
        }
    }
    let mut indicators = Vec::new();
    for n in fields.integers("indicators", &front.indicators) {
        match u8::try_from(n).ok().filter(|n| (1..=10).contains(n)) {
            Some(n) => indicators.push(n),
            None => {
                if let Some(raw) = &front.indicators {
                    fields.report(
                        &crate::rules::indicator::RULE,
                        raw,
                        format!("ตัวชี้วัด {n} ไม่มี: ITA มีตัวชี้วัด 1–10 (ITA indicators are 1–10)"),
                        None,
                    );
                }
            }
        }
    }
    let items = fields.item_ids("items", &front.items);
    let start = fields.date("start", &front.start);
    let end = fields.date("end", &front.end);
    if let (Some(s), Some(e), Some(raw)) = (start, end, &front.end) {
        if e < s {
            fields.report(
                &crate::rules::date_order::RULE,
                raw,
                format!("วันสิ้นสุด {e} อยู่ก่อนวันเริ่มต้น {s} (the end is before the start)"),
                Some("check the years: BE = CE + 543"),
            );
        }
    }
    let mut progress = Vec::new();
    if let Some(raw) = &front.progress {
        let entries: Vec<ProgressRaw> = fields.nested("progress", raw).unwrap_or_default();
        for entry in entries {
            let round = match crate::model::values::integer(&entry.round) {
                Ok(r @ 1..=2) => r as u8,
                _ => {
                    fields.report(
                        &crate::rules::round::RULE,
                        raw,
                        format!(
                            "`progress.round` ต้องเป็น 1 หรือ 2 (round is 1 = six months or 2 = full year), found {}",
                            entry.round
                        ),
                        None,
                    );
                    continue;
                }
            };
            let status = match Status::parse(&entry.status) {
                Ok(s) => s,
                Err(e) => {
                    fields.report(
                        &crate::rules::status::RULE,
                        raw,
                        e.message_th(),
                        Some("done | in-progress | not-started | cancelled"),
                    );
                    continue;
                }
            };
            if progress.iter().any(|p: &Progress| p.round == round) {
                fields.report(
                    &crate::rules::duplicate_round::RULE,
                    raw,
                    format!("มีผลรอบที่ {round} ซ้ำ (round {round} is given twice)"),
                    None,
                );
            }
            let date = entry
                .date
                .as_ref()
                .and_then(|d| fields.date_value("progress.date", raw, d));
            progress.push(Progress {
                round,
                status,
                result: entry.result,
                outcome: entry.outcome,
                suggestion: entry.suggestion,
                date,
            });
        }
    }
    Some(Measure {
        number: number?,
        indicators,
        items,
        owners: fields.strings("owners", &front.owners),
        steps: fields.strings("steps", &front.steps),
        period: fields.string("period", &front.period),
        start,
        end,
        reporting: fields.string("reporting", &front.reporting),
        progress,
    })
}

impl Measure {
    pub fn progress_for(&self, round: u8) -> Option<&Progress> {
        self.progress.iter().find(|p| p.round == round)
    }
}
