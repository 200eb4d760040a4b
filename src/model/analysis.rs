//! `analysis`: the analysis of last year's ITA result (วิเคราะห์ผลการประเมิน): the ten
//! indicator scores, the published total and grade, the failed O-items and the findings.

use serde::{Deserialize, Serialize};

use super::fields::Fields;
use super::front::RawFront;
use crate::ita::item_id::ItemId;
use crate::ita::score::IndicatorScores;

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Analysis {
    pub assessed_year: i32,
    #[serde(skip)]
    pub scores: IndicatorScores,
    pub published_total: Option<f64>,
    pub published_grade: Option<String>,
    pub oit_failed: Option<Vec<ItemId>>,
    pub findings: Vec<Finding>,
}

#[derive(Debug, Clone, PartialEq, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Finding {
    #[serde(default)]
    pub indicator: Option<u8>,
    pub text: String,
}

pub fn parse(front: &RawFront, fields: &mut Fields) -> Option<Analysis> {
    let year_raw = fields.require("assessed_year", &front.assessed_year, "assessed_year = 2563")?;
    let assessed_year = fields.integer("assessed_year", &front.assessed_year)?;
    if !(2500..=2700).contains(&assessed_year) {
        fields.report(
            &crate::rules::assessed_year::RULE,
            year_raw,
            format!("ปีที่ประเมิน {assessed_year} ต้องเป็นปี พ.ศ. (the assessed year is a BE year such as 2563)"),
            None,
        );
        return None;
    }
    let mut scores = IndicatorScores::default();
    if let Some(raw) = &front.scores {
        match raw.get_ref() {
            toml::Value::Table(table) => {
                for (key, value) in table {
                    let number = crate::thai::digits::parse_integer(key)
                        .and_then(|n| u8::try_from(n).ok())
                        .filter(|n| (1..=10).contains(n));
                    let Some(number) = number else {
                        fields.report(
                            &crate::rules::indicator::RULE,
                            raw,
                            format!("`scores.{key}`: ตัวชี้วัดต้องเป็น 1–10 (indicators are 1–10)"),
                            None,
                        );
                        continue;
                    };
                    if let Some(score) = fields.score(&format!("scores.{key}"), raw, value) {
                        scores.set(number, score);
                    }
                }
            }
            other => fields.report(
                &crate::rules::wrong_type::RULE,
                raw,
                format!(
                    "`scores` ต้องเป็นตาราง [scores] (must be a table, found {})",
                    other.type_str()
                ),
                Some("[scores]\n1 = 87.89"),
            ),
        }
    }
    let published_total = front
        .published_total
        .as_ref()
        .and_then(|raw| fields.score("published_total", raw, raw.get_ref()));
    let published_grade = fields.string("published_grade", &front.published_grade);
    let oit_failed = front
        .oit_failed
        .as_ref()
        .map(|_| fields.item_ids("oit_failed", &front.oit_failed));
    let findings = match &front.findings {
        Some(raw) => fields.nested::<Vec<Finding>>("findings", raw).unwrap_or_default(),
        None => Vec::new(),
    };
    Some(Analysis {
        assessed_year: assessed_year as i32,
        scores,
        published_total,
        published_grade,
        oit_failed,
        findings,
    })
}
