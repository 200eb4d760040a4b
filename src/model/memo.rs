//! `memo`: an official memo (บันทึกข้อความ), and the `[memo]` cover of plans, reports and
//! analyses. Header fields in the order of the memo form, then the signature chain.

use serde::{Deserialize, Serialize};

use super::fields::Fields;
use super::front::RawFront;
use crate::date::Date;

#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct Memo {
    /// ส่วนราชการ
    pub agency: Option<String>,
    /// ที่
    #[serde(rename = "ref")]
    pub reference: Option<String>,
    /// วันที่
    pub date: Option<Date>,
    /// เรื่อง
    pub subject: Option<String>,
    /// เรียน
    pub to: Option<String>,
    pub signatures: Vec<Signature>,
}

/// One signature in the endorsement chain, drafter first. Dates stay as written (often a
/// handwritten "๒๖ เม ๖๔").
#[derive(Debug, Clone, PartialEq, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Signature {
    pub name: String,
    #[serde(default)]
    pub position: Option<String>,
    #[serde(default)]
    pub note: Option<String>,
    #[serde(default)]
    pub date: Option<toml::Value>,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
struct CoverRaw {
    agency: Option<String>,
    #[serde(rename = "ref")]
    reference: Option<String>,
    date: Option<toml::Value>,
    subject: Option<String>,
    to: Option<String>,
    #[serde(default)]
    signatures: Vec<Signature>,
}

/// A `memo` page: the memo keys at the top level.
pub fn from_page(front: &RawFront, fields: &mut Fields) -> Memo {
    let mut memo = Memo {
        agency: fields.string("agency", &front.agency),
        reference: fields.string("ref", &front.reference),
        date: fields.date("date", &front.date),
        subject: fields.string("subject", &front.subject),
        to: fields.string("to", &front.to),
        signatures: Vec::new(),
    };
    if let Some(raw) = &front.signatures {
        memo.signatures = fields.nested::<Vec<Signature>>("signatures", raw).unwrap_or_default();
    }
    check_signature_dates(&memo.signatures, front.signatures.as_deref(), fields);
    memo
}

/// The `[memo]` cover of a plan, report or analysis.
/// The keys of a `[memo]` cover, for the reference (`model::schema`).
pub fn cover_keys() -> Vec<&'static str> {
    super::schema::fields_of::<CoverRaw>()
}

pub fn cover(front: &RawFront, fields: &mut Fields) -> Option<Memo> {
    let raw = front.memo.as_ref()?;
    let cover: CoverRaw = fields.nested("memo", raw)?;
    let date = cover.date.as_ref().and_then(|d| fields.date_value("memo.date", raw, d));
    check_signature_dates(&cover.signatures, Some(raw), fields);
    Some(Memo {
        agency: cover.agency,
        reference: cover.reference,
        date,
        subject: cover.subject,
        to: cover.to,
        signatures: cover.signatures,
    })
}

/// Signature dates may be handwritten forms; a value that is no date at all is reported.
fn check_signature_dates(signatures: &[Signature], anchor: Option<&toml::Spanned<toml::Value>>, fields: &mut Fields) {
    let Some(anchor) = anchor else { return };
    for s in signatures {
        if let Some(toml::Value::String(text)) = &s.date {
            if crate::thai::dates::parse_thai_date(text).is_err() {
                fields.report(
                    &crate::rules::signature_date::RULE,
                    anchor,
                    format!("วันที่ของลายมือชื่อ \"{text}\" อ่านไม่ได้ (the signature date is not a date)"),
                    Some("write it as \"๒๖ เม.ย. ๖๔\" or 2564-04-26"),
                );
            }
        }
    }
}

impl Signature {
    /// The date as shown: a TOML date in BE, a string as written.
    pub fn date_text(&self, language: &str, thai_digits: bool) -> Option<String> {
        match &self.date {
            // A TOML date (`date = 2564-04-27`) arrives here as its ISO text, because the
            // signature table is deserialized through serde: show it like every other date.
            Some(toml::Value::String(s)) if is_iso_date(s) => crate::thai::dates::parse_date_value(s)
                .ok()
                .map(|d| crate::thai::format::display_date(d, language, thai_digits))
                .or_else(|| Some(s.clone())),
            Some(toml::Value::String(s)) => Some(s.clone()),
            Some(other) => crate::model::values::date(other)
                .ok()
                .map(|d| crate::thai::format::display_date(d, language, thai_digits)),
            None => None,
        }
    }
}

/// `2564-04-27` / `2021-04-27`: the text of a TOML date, never a handwritten form.
fn is_iso_date(s: &str) -> bool {
    let b = s.as_bytes();
    b.len() == 10
        && b[4] == b'-'
        && b[7] == b'-'
        && b.iter()
            .enumerate()
            .all(|(i, c)| i == 4 || i == 7 || c.is_ascii_digit())
}
