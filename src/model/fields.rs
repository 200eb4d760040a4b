//! Typed reading of raw front-matter values, with diagnostics that point at the value in the
//! user's file. Every kind module reads its keys through a `Fields`.

use std::path::Path;

use toml::Spanned;

use super::values;
use crate::date::Date;
use crate::diag::{Diagnostic, Rule};
use crate::ita::item_id::ItemId;

/// The file a page's front matter came from, for diagnostics.
pub struct Fields<'a> {
    pub file: &'a Path,
    pub text: &'a str,
    pub offset: usize,
    pub diagnostics: Vec<Diagnostic>,
}

impl<'a> Fields<'a> {
    pub fn new(file: &'a Path, text: &'a str, offset: usize) -> Fields<'a> {
        Fields {
            file,
            text,
            offset,
            diagnostics: Vec::new(),
        }
    }

    /// A diagnostic of `rule` at `value`.
    pub fn report(&mut self, rule: &Rule, value: &Spanned<toml::Value>, message: String, help: Option<&str>) {
        self.push(Diagnostic::new(rule, message), value.span().start, help);
    }

    fn push(&mut self, d: Diagnostic, at: usize, help: Option<&str>) {
        let mut d = d.in_file(self.file).at_offset(self.text, self.offset + at);
        if let Some(help) = help {
            d = d.with_help(help);
        }
        self.diagnostics.push(d);
    }

    /// A required key: an error naming it when missing, at the start of the front matter.
    pub fn require<'v>(
        &mut self,
        key: &str,
        value: &'v crate::model::front::Raw,
        example: &str,
    ) -> Option<&'v Spanned<toml::Value>> {
        if value.is_none() {
            let d = Diagnostic::new(
                &crate::rules::missing_key::RULE,
                format!("ขาดค่า `{key}` (missing key `{key}`)"),
            )
            .in_file(self.file)
            .at_offset(self.text, self.offset)
            .with_help(format!("add {example} (เพิ่ม {example})"));
            self.diagnostics.push(d);
        }
        value.as_deref()
    }

    pub fn string(&mut self, key: &str, value: &crate::model::front::Raw) -> Option<String> {
        let v = value.as_ref()?;
        match v.get_ref() {
            toml::Value::String(s) => Some(s.trim().to_string()),
            other => {
                self.report(
                    &crate::rules::wrong_type::RULE,
                    v,
                    format!("`{key}` ต้องเป็นข้อความ (must be text, found {})", other.type_str()),
                    Some("quote it: key = \"…\""),
                );
                None
            }
        }
    }

    /// A list of strings; a single string is accepted as a one-element list.
    pub fn strings(&mut self, key: &str, value: &crate::model::front::Raw) -> Vec<String> {
        let Some(v) = value.as_ref() else { return Vec::new() };
        match v.get_ref() {
            toml::Value::String(s) => vec![s.trim().to_string()],
            toml::Value::Array(items) => {
                let mut out = Vec::new();
                for item in items {
                    match item {
                        toml::Value::String(s) => out.push(s.trim().to_string()),
                        other => self.report(
                            &crate::rules::wrong_type::RULE,
                            v,
                            format!(
                                "`{key}` ต้องเป็นรายการข้อความ (must be a list of text, found {})",
                                other.type_str()
                            ),
                            Some("e.g. [\"…\", \"…\"]"),
                        ),
                    }
                }
                out
            }
            other => {
                self.report(
                    &crate::rules::wrong_type::RULE,
                    v,
                    format!(
                        "`{key}` ต้องเป็นรายการข้อความ (must be a list of text, found {})",
                        other.type_str()
                    ),
                    Some("e.g. [\"…\", \"…\"]"),
                );
                Vec::new()
            }
        }
    }

    pub fn integer(&mut self, key: &str, value: &crate::model::front::Raw) -> Option<i64> {
        let v = value.as_ref()?;
        match values::integer(v.get_ref()) {
            Ok(i) => Some(i),
            Err(message) => {
                self.report(&crate::rules::wrong_type::RULE, v, format!("`{key}`: {message}"), None);
                None
            }
        }
    }

    pub fn integers(&mut self, key: &str, value: &crate::model::front::Raw) -> Vec<i64> {
        let Some(v) = value.as_ref() else { return Vec::new() };
        let items = match v.get_ref() {
            toml::Value::Array(items) => items.clone(),
            single => vec![single.clone()],
        };
        let mut out = Vec::new();
        for item in &items {
            match values::integer(item) {
                Ok(i) => out.push(i),
                Err(message) => self.report(&crate::rules::wrong_type::RULE, v, format!("`{key}`: {message}"), None),
            }
        }
        out
    }

    pub fn date(&mut self, key: &str, value: &crate::model::front::Raw) -> Option<Date> {
        let v = value.as_ref()?;
        self.date_value(key, v, v.get_ref())
    }

    /// A date inside a nested value; errors point at `anchor`.
    pub fn date_value(&mut self, key: &str, anchor: &Spanned<toml::Value>, value: &toml::Value) -> Option<Date> {
        match values::date(value) {
            Ok(d) => Some(d),
            Err(message) => {
                self.report(
                    &crate::rules::date::RULE,
                    anchor,
                    format!("`{key}`: {message}"),
                    Some("write a date as 2564-04-26 or \"๒๖ เมษายน ๒๕๖๔\""),
                );
                None
            }
        }
    }

    /// A score 0–100 (numbers or strings with Thai digits).
    pub fn score(&mut self, key: &str, anchor: &Spanned<toml::Value>, value: &toml::Value) -> Option<f64> {
        match values::number(value) {
            Ok(x) if (0.0..=100.0).contains(&x) => Some(x),
            Ok(x) => {
                self.report(
                    &crate::rules::score_range::RULE,
                    anchor,
                    format!("`{key}` = {x} อยู่นอกช่วง 0–100 (a score is between 0 and 100)"),
                    None,
                );
                None
            }
            Err(message) => {
                self.report(&crate::rules::score::RULE, anchor, format!("`{key}`: {message}"), None);
                None
            }
        }
    }

    /// O-item ids (`O43`, `o43`, `O๔๓`).
    pub fn item_ids(&mut self, key: &str, value: &crate::model::front::Raw) -> Vec<ItemId> {
        let mut out = Vec::new();
        let Some(v) = value.as_ref() else { return out };
        for text in self.strings(key, value) {
            match ItemId::parse_detailed(&text) {
                Ok(parsed) => {
                    if let (Some(th), Some(en)) = (parsed.warning_th(), parsed.warning_en()) {
                        self.report(
                            &crate::rules::item_id_zero::RULE,
                            v,
                            format!("{th} ({en})"),
                            Some("write the letter O: \"O43\""),
                        );
                    }
                    out.push(parsed.id);
                }
                Err(e) => self.report(
                    &crate::rules::item_id::RULE,
                    v,
                    format!("`{key}`: {}", e.message_th()),
                    Some("write an item id like \"O43\""),
                ),
            }
        }
        out
    }

    /// A nested table or array deserialized into `T` (unknown keys are errors); problems
    /// point at the key that holds it.
    pub fn nested<T: serde::de::DeserializeOwned>(&mut self, key: &str, value: &Spanned<toml::Value>) -> Option<T> {
        match value.get_ref().clone().try_into::<T>() {
            Ok(t) => Some(t),
            Err(e) => {
                let raw = e.message().trim().to_string();
                let help = raw
                    .strip_prefix("unknown field `")
                    .and_then(|rest| rest.split_once('`'))
                    .and_then(|(field, rest)| {
                        let expected: Vec<&str> = rest.split('`').skip(1).step_by(2).collect();
                        crate::diag::did_you_mean(field, expected)
                            .map(|best| format!("did you mean `{best}`? (หรือหมายถึง `{best}`)"))
                    });
                self.report(
                    &crate::rules::wrong_type::RULE,
                    value,
                    format!("`{key}`: {raw}"),
                    help.as_deref(),
                );
                None
            }
        }
    }
}
