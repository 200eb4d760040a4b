//! The content model: the front matter as written (`front`), typed values made from it
//! (`values`, `fields`), and one module per ITA page kind.

pub mod analysis;
pub mod fields;
pub mod front;
pub mod kind;
pub mod measure;
pub mod memo;
pub mod o_item;
pub mod schema;
pub mod values;

use serde::Serialize;

pub use kind::PageKind;

/// The typed data of a page, by kind.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(tag = "kind", rename_all = "kebab-case")]
pub enum KindData {
    Page,
    OItem(o_item::OItem),
    Measure(measure::Measure),
    Analysis {
        analysis: analysis::Analysis,
        memo: Option<memo::Memo>,
    },
    Plan {
        memo: Option<memo::Memo>,
    },
    Report {
        round: u8,
        memo: Option<memo::Memo>,
    },
    Memo(memo::Memo),
}

/// Types a page's front matter according to its kind; problems go to `fields`.
pub fn type_page(kind: kind::PageKind, front: &front::RawFront, fields: &mut fields::Fields) -> KindData {
    match kind.as_str() {
        "o-item" => o_item::parse(front, fields).map_or(KindData::Page, KindData::OItem),
        "measure" => measure::parse(front, fields).map_or(KindData::Page, KindData::Measure),
        "analysis" => match analysis::parse(front, fields) {
            Some(analysis) => KindData::Analysis {
                analysis,
                memo: memo::cover(front, fields),
            },
            None => KindData::Page,
        },
        "plan" => KindData::Plan {
            memo: memo::cover(front, fields),
        },
        "report" => {
            let raw = fields.require("round", &front.round, "round = 1");
            let round = raw.and_then(|_| fields.integer("round", &front.round));
            match (raw, round) {
                (Some(_), Some(r @ 1..=2)) => KindData::Report {
                    round: r as u8,
                    memo: memo::cover(front, fields),
                },
                (Some(raw), Some(r)) => {
                    fields.report(
                        &crate::rules::round::RULE,
                        raw,
                        format!("รอบ {r} ไม่มี: 1 = รอบ ๖ เดือน, 2 = ประจำปี (round is 1 or 2)"),
                        None,
                    );
                    KindData::Page
                }
                _ => KindData::Page,
            }
        }
        "memo" => KindData::Memo(memo::from_page(front, fields)),
        _ => KindData::Page,
    }
}
