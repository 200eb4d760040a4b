//! The O-item catalogs: which items an ITA framework year asks for, grouped by indicator and
//! sub-indicator, with each item's data-year rule and how sure the research is about it.
//!
//! The catalogs of 2563–2569 are embedded from `catalogs/ita-catalog-<year>.toml` (facts and
//! sources in `ita/ita-domain.md` §1 and `ita/framework-2569.md`). The list changes every year,
//! so a portal may ship its own `catalogs/<framework>.toml` in the same schema (written by
//! hand or by `prongsai catalog import`); [`Catalogs::add_override`] replaces or adds that
//! year. Unknown keys are errors, so a typo in an override is caught, not ignored. A catalog
//! may say in `[mapping]` how its items come from an earlier year's (renumbered, merged, new,
//! removed); `ita::migration` reads it.

use std::collections::{BTreeMap, HashSet};
use std::fmt;
use std::ops::Range;

use serde::Deserialize;

pub use crate::ita::data_year::DataYear;
use crate::ita::item_id::ItemId;

/// The shipped catalogs as (file name, text), embedded at compile time from `catalogs/`.
macro_rules! builtin_catalogs {
    ($($year:literal),*) => {
        [$((
            concat!("ita-catalog-", $year, ".toml"),
            include_str!(concat!(env!("CARGO_MANIFEST_DIR"), "/catalogs/ita-catalog-", $year, ".toml")),
        )),*]
    };
}

const BUILTIN: [(&str, &str); 7] = builtin_catalogs!("2563", "2564", "2565", "2566", "2567", "2568", "2569");

/// How sure the research is (framework as a whole, or one item's id, title and placement).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Confidence {
    Low,
    MediumLow,
    Medium,
    MediumHigh,
    High,
}

impl Confidence {
    pub fn as_str(self) -> &'static str {
        match self {
            Confidence::Low => "low",
            Confidence::MediumLow => "medium-low",
            Confidence::Medium => "medium",
            Confidence::MediumHigh => "medium-high",
            Confidence::High => "high",
        }
    }

    /// How readers see it: Thai, for the notices on pages.
    pub fn label_th(self) -> &'static str {
        match self {
            Confidence::Low => "ต่ำ",
            Confidence::MediumLow => "ค่อนข้างต่ำ",
            Confidence::Medium => "ปานกลาง",
            Confidence::MediumHigh => "ค่อนข้างสูง",
            Confidence::High => "สูง",
        }
    }

    /// `low` and `medium-low` count as not confirmed.
    pub fn is_low(self) -> bool {
        self <= Confidence::MediumLow
    }
}

/// How far the research got with a framework year.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum FrameworkStatus {
    /// Read from sources of that year.
    Established,
    /// Assumed equal to a neighbouring year, with supporting hints.
    EstablishedByInference,
    /// Rebuilt from the years before and after.
    Reconstructed,
    /// Only some items are known.
    Partial,
}

/// The `[framework]` table.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Framework {
    /// The framework (ITA) year, BE.
    pub year: i32,
    pub status: FrameworkStatus,
    pub confidence: Confidence,
    /// Number of items, when the list is complete.
    #[serde(default)]
    pub item_count: Option<u32>,
    /// Number of items known so far, when the list is partial (2568).
    #[serde(default)]
    pub item_count_known: Option<u32>,
    /// Ids whose existence or place is not confirmed. Entries that are not plain ids (such as
    /// "O27 and later (if any)") are notes and match no item.
    #[serde(default)]
    pub unconfirmed_ids: Vec<String>,
    #[serde(default)]
    pub notes: Vec<String>,
    #[serde(default)]
    pub sources: Vec<String>,
}

/// One `[[indicators]]` entry (9 or 10; 0 = not confirmed).
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct IndicatorEntry {
    pub number: u8,
    pub title_th: String,
}

/// One `[[sub_indicators]]` entry; an id containing `?` is a placeholder for an unknown one.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SubIndicator {
    pub id: String,
    pub indicator: u8,
    pub title_th: String,
}

impl SubIndicator {
    pub fn is_confirmed(&self) -> bool {
        self.indicator != 0 && !self.id.contains('?')
    }
}

/// One `[[items]]` entry.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Item {
    pub id: ItemId,
    /// The official Thai title.
    pub title_th: String,
    /// 9 or 10; 0 = not confirmed.
    pub indicator: u8,
    /// "9.1" … "10.2"; "9.?", "10.?" or "?" = not confirmed.
    pub sub_indicator: String,
    #[serde(default)]
    pub sub_indicator_title: String,
    /// Informal heading inside the sub-indicator; may be empty.
    #[serde(default)]
    pub group_th: String,
    pub data_year: DataYear,
    pub confidence: Confidence,
    /// Short paraphrased requirements (English), best effort.
    #[serde(default)]
    pub required: Vec<String>,
    /// `"monthly"` or `"quarterly"` when the evidence is one file per period (2569 O11);
    /// `None` for one document.
    #[serde(default)]
    pub cadence: Option<String>,
    /// Set on load when the framework lists this id in `unconfirmed_ids`.
    #[serde(skip)]
    listed_unconfirmed: bool,
}

impl Item {
    /// False when the research is not sure of this item: low confidence, listed in
    /// `unconfirmed_ids`, indicator 0, or a sub-indicator containing `?`.
    pub fn is_confirmed(&self) -> bool {
        !self.confidence.is_low()
            && !self.listed_unconfirmed
            && self.indicator != 0
            && !self.sub_indicator.contains('?')
    }
}

/// What happened to an item between two framework years (`change` in `[[mapping.items]]`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Change {
    /// Same content, another number.
    Renumbered,
    /// Several items became one.
    Merged,
    /// The content asked for changed (with or without a new number).
    Changed,
    /// Only the title's wording changed.
    Reworded,
    New,
    Removed,
}

impl Change {
    pub fn label_th(self) -> &'static str {
        match self {
            Change::Renumbered => "เปลี่ยนเลขข้อ",
            Change::Merged => "รวมข้อ",
            Change::Changed => "เนื้อหาเปลี่ยน",
            Change::Reworded => "ชื่อข้อเปลี่ยน",
            Change::New => "ข้อใหม่",
            Change::Removed => "ยกเลิก",
        }
    }

    pub fn as_str(self) -> &'static str {
        match self {
            Change::Renumbered => "renumbered",
            Change::Merged => "merged",
            Change::Changed => "changed",
            Change::Reworded => "reworded",
            Change::New => "new",
            Change::Removed => "removed",
        }
    }
}

/// The `[mapping]` table: how the items of this year come from those of `from_year`.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Mapping {
    pub from_year: i32,
    pub confidence: Confidence,
    #[serde(default)]
    pub notes: Vec<String>,
    #[serde(default)]
    pub sources: Vec<String>,
    #[serde(default)]
    pub items: Vec<MappingItem>,
}

/// One `[[mapping.items]]` entry: `from` ids of `from_year` become `to` (none: removed);
/// `from = []` is a new item. Ids of `from_year` not listed keep their number.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct MappingItem {
    #[serde(default)]
    pub from: Vec<ItemId>,
    #[serde(default)]
    pub to: Option<ItemId>,
    pub change: Change,
    /// Thai first, English in brackets.
    #[serde(default)]
    pub note: Option<String>,
}

/// The O-item catalog of one framework year.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Catalog {
    pub framework: Framework,
    #[serde(default)]
    pub indicators: Vec<IndicatorEntry>,
    #[serde(default)]
    pub sub_indicators: Vec<SubIndicator>,
    #[serde(default)]
    pub items: Vec<Item>,
    /// How this year's items come from an earlier year's.
    #[serde(default)]
    pub mapping: Option<Mapping>,
    /// Where the catalog came from: the shipped file name or the portal's path.
    #[serde(skip)]
    pub source_name: String,
}

impl Catalog {
    /// Parses and checks one catalog file.
    pub fn parse(text: &str, source_name: &str) -> Result<Catalog, CatalogError> {
        let mut catalog: Catalog = toml::from_str(text).map_err(|e| CatalogError {
            source_name: source_name.to_string(),
            message: e.message().to_string(),
            span: e.span(),
        })?;
        catalog.source_name = source_name.to_string();
        let unconfirmed: HashSet<ItemId> = catalog
            .framework
            .unconfirmed_ids
            .iter()
            .filter_map(|text| ItemId::parse(text).ok())
            .collect();
        for item in &mut catalog.items {
            item.listed_unconfirmed = unconfirmed.contains(&item.id);
        }
        catalog.check(text)?;
        Ok(catalog)
    }

    /// Consistency rules serde cannot express; the first broken rule is reported with the span
    /// of the offending id where we can find it.
    fn check(&self, text: &str) -> Result<(), CatalogError> {
        let error = |message: String, needle: Option<String>| CatalogError {
            source_name: self.source_name.clone(),
            message,
            span: needle.and_then(|n| find_span(text, &n)),
        };
        let mut seen = HashSet::new();
        for item in &self.items {
            let id_line = format!("id = \"{}\"", item.id);
            if !seen.insert(item.id) {
                return Err(error(
                    format!("ข้อ {} ซ้ำกันในบัญชีรายการ (item {} is listed twice)", item.id, item.id),
                    Some(id_line),
                ));
            }
            match self.sub_indicators.iter().find(|s| s.id == item.sub_indicator) {
                None => {
                    return Err(error(
                        format!(
                            "ข้อ {} อ้างถึงตัวชี้วัดย่อย “{}” ที่ไม่ได้ประกาศใน [[sub_indicators]] \
                             (item {} names sub-indicator “{}”, which is not declared)",
                            item.id, item.sub_indicator, item.id, item.sub_indicator
                        ),
                        Some(id_line),
                    ))
                }
                Some(sub) if sub.indicator != item.indicator => {
                    return Err(error(
                        format!(
                            "ข้อ {} อยู่ในตัวชี้วัดที่ {} แต่ตัวชี้วัดย่อย {} อยู่ในตัวชี้วัดที่ {} \
                             (item {} has indicator {} but sub-indicator {} belongs to {})",
                            item.id,
                            item.indicator,
                            sub.id,
                            sub.indicator,
                            item.id,
                            item.indicator,
                            sub.id,
                            sub.indicator
                        ),
                        Some(id_line),
                    ))
                }
                Some(_) => {}
            }
        }
        if let Some(mapping) = &self.mapping {
            self.check_mapping(mapping)
                .map_err(|(message, needle)| error(message, Some(needle)))?;
        }
        if let Some(count) = self.framework.item_count {
            if usize::try_from(count).ok() != Some(self.items.len()) {
                return Err(error(
                    format!(
                        "item_count = {count} แต่มี {} ข้อ (item_count is {count} but {} items are listed)",
                        self.items.len(),
                        self.items.len()
                    ),
                    Some("item_count".to_string()),
                ));
            }
        }
        Ok(())
    }

    /// The mapping's own rules: an earlier year, targets in this catalog, each id of the
    /// earlier year and each target used once, `new` and `removed` shaped as they say.
    /// The ids of the earlier year are checked against its catalog by `ita::migration`.
    fn check_mapping(&self, mapping: &Mapping) -> Result<(), (String, String)> {
        if mapping.from_year >= self.year() {
            return Err((
                format!(
                    "[mapping] from_year = {} ต้องเป็นปีก่อน {} ([mapping] from_year must be before {})",
                    mapping.from_year,
                    self.year(),
                    self.year()
                ),
                "from_year".to_string(),
            ));
        }
        let mut from_seen = HashSet::new();
        let mut to_seen = HashSet::new();
        for entry in &mapping.items {
            let shown = |id: &ItemId| format!("\"{id}\"");
            for id in &entry.from {
                if !from_seen.insert(*id) {
                    return Err((
                        format!(
                            "[[mapping.items]]: ข้อ {id} ของปี {} ปรากฏใน from มากกว่าหนึ่งครั้ง (item {id} of {} is mapped twice)",
                            mapping.from_year, mapping.from_year
                        ),
                        shown(id),
                    ));
                }
            }
            match entry.to {
                Some(to) => {
                    if self.item(to).is_none() {
                        return Err((
                            format!("[[mapping.items]]: to = \"{to}\" ไม่มีในรายการปีนี้ (to = {to} is not an item of this catalog)"),
                            format!("to = \"{to}\""),
                        ));
                    }
                    if !to_seen.insert(to) {
                        return Err((
                            format!("[[mapping.items]]: to = \"{to}\" ใช้มากกว่าหนึ่งครั้ง ให้รวมไว้ใน from เดียว (list every source of {to} in one entry)"),
                            format!("to = \"{to}\""),
                        ));
                    }
                    if entry.from.is_empty() != (entry.change == Change::New) {
                        return Err((
                            format!("[[mapping.items]] to = \"{to}\": change = \"new\" คู่กับ from = [] เท่านั้น (a new item has from = [] and change = \"new\")"),
                            format!("to = \"{to}\""),
                        ));
                    }
                    if (entry.from.len() > 1) != (entry.change == Change::Merged) {
                        return Err((
                            format!("[[mapping.items]] to = \"{to}\": change = \"merged\" คู่กับ from หลายข้อเท่านั้น (merged means several from ids)"),
                            format!("to = \"{to}\""),
                        ));
                    }
                }
                None => {
                    if entry.change != Change::Removed || entry.from.is_empty() {
                        return Err((
                            "[[mapping.items]]: รายการที่ไม่มี to ต้องเป็น change = \"removed\" และมี from (an entry without `to` is a removal of its from ids)".to_string(),
                            "[[mapping.items]]".to_string(),
                        ));
                    }
                }
            }
        }
        Ok(())
    }

    /// The framework year (BE).
    pub fn year(&self) -> i32 {
        self.framework.year
    }

    pub fn item(&self, id: ItemId) -> Option<&Item> {
        self.items.iter().find(|item| item.id == id)
    }

    /// The items of one sub-indicator ("9.1"), in catalog order.
    pub fn items_in_sub_indicator<'a>(&'a self, sub_indicator: &'a str) -> impl Iterator<Item = &'a Item> + 'a {
        self.items
            .iter()
            .filter(move |item| item.sub_indicator == sub_indicator)
    }

    /// The sub-indicators of one indicator (9 or 10), in catalog order.
    pub fn sub_indicators_of(&self, indicator: u8) -> impl Iterator<Item = &SubIndicator> + '_ {
        self.sub_indicators.iter().filter(move |sub| sub.indicator == indicator)
    }

    /// The catalog's Thai title of an indicator, if it declares one.
    pub fn indicator_title_th(&self, indicator: u8) -> Option<&str> {
        self.indicators
            .iter()
            .find(|entry| entry.number == indicator)
            .map(|entry| entry.title_th.as_str())
    }

    /// True when the list is partial or not established from that year's sources.
    pub fn is_provisional(&self) -> bool {
        self.framework.status != FrameworkStatus::Established || self.framework.confidence.is_low()
    }
}

/// The byte span of the first occurrence of `needle`, for error positions.
fn find_span(text: &str, needle: &str) -> Option<Range<usize>> {
    text.find(needle).map(|start| start..start + needle.len())
}

/// A catalog file that could not be used.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CatalogError {
    /// The file name as given to [`Catalogs::add_override`].
    pub source_name: String,
    /// What is wrong: the TOML parser's message, or a bilingual consistency message.
    pub message: String,
    /// Byte range in the file, when known.
    pub span: Option<Range<usize>>,
}

impl CatalogError {
    /// 1-based line and column (in characters) of the error in `text`, when the span is known.
    pub fn line_col(&self, text: &str) -> Option<(usize, usize)> {
        let start = self.span.as_ref()?.start;
        let before = text.get(..start)?;
        let line = before.matches('\n').count() + 1;
        let line_start = before.rfind('\n').map_or(0, |i| i + 1);
        let column = before.get(line_start..)?.chars().count() + 1;
        Some((line, column))
    }

    pub fn message_th(&self) -> String {
        format!("อ่านบัญชีรายการข้อ OIT “{}” ไม่ได้: {}", self.source_name, self.message)
    }

    pub fn message_en(&self) -> String {
        format!(
            "cannot read the OIT item catalog “{}”: {}",
            self.source_name, self.message
        )
    }
}

impl fmt::Display for CatalogError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message_en())
    }
}

impl std::error::Error for CatalogError {}

/// The catalogs in force, by framework year (BE).
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Catalogs {
    by_year: BTreeMap<i32, Catalog>,
}

impl Catalogs {
    /// The catalogs shipped with prongsai (2563–2568).
    /// Parsed once per process: `serve` assembles the site again on every edit.
    pub fn builtin() -> Catalogs {
        static PARSED: std::sync::OnceLock<Catalogs> = std::sync::OnceLock::new();
        PARSED
            .get_or_init(|| {
                let mut catalogs = Catalogs::default();
                for (name, text) in BUILTIN {
                    // The shipped files are fixed at compile time and parsed by a test
                    // (`every_shipped_catalog_parses`), so a failure here is a build defect,
                    // not input.
                    let catalog =
                        Catalog::parse(text, name).unwrap_or_else(|e| panic!("shipped catalog {name} is broken: {e}"));
                    catalogs.by_year.insert(catalog.year(), catalog);
                }
                catalogs
            })
            .clone()
    }

    /// Adds a portal's catalog (`catalogs/<framework>.toml`), replacing the year it declares in
    /// `[framework] year`; returns that year. The caller should check it against the file name.
    pub fn add_override(&mut self, text: &str, source_name: &str) -> Result<i32, CatalogError> {
        let catalog = Catalog::parse(text, source_name)?;
        let year = catalog.year();
        self.by_year.insert(year, catalog);
        Ok(year)
    }

    pub fn get(&self, year: i32) -> Option<&Catalog> {
        self.by_year.get(&year)
    }

    /// The framework years available, ascending.
    pub fn years(&self) -> impl Iterator<Item = i32> + '_ {
        self.by_year.keys().copied()
    }

    pub fn iter(&self) -> impl Iterator<Item = &Catalog> {
        self.by_year.values()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_shipped_catalog_parses() {
        for (name, text) in BUILTIN {
            let catalog = Catalog::parse(text, name);
            assert!(catalog.is_ok(), "{name}: {:?}", catalog.err());
        }
        let catalogs = Catalogs::builtin();
        assert_eq!(
            catalogs.years().collect::<Vec<_>>(),
            vec![2563, 2564, 2565, 2566, 2567, 2568, 2569]
        );
        for year in 2563..=2567 {
            let catalog = catalogs.get(year);
            assert_eq!(catalog.map(|c| c.items.len()), Some(43), "{year}");
            // The plan and its report are O42/O43 in every year 2563–2567 (ita-domain.md §0.4).
            let o42 = catalog.and_then(|c| c.item(ItemId(42)));
            assert_eq!(o42.map(|i| i.sub_indicator.as_str()), Some("10.2"));
            assert!(o42.is_some_and(|i| i.title_th.starts_with("มาตรการส่งเสริมคุณธรรม")));
        }
        // 2568 completed with O5-O7 (framework-2569.md §3.1); 2569 renumbered, also 26 items.
        assert_eq!(catalogs.get(2568).map(|c| c.items.len()), Some(26));
        assert_eq!(catalogs.get(2569).map(|c| c.items.len()), Some(26));
    }

    #[test]
    fn structure_of_2563_matches_the_domain_note() {
        let catalogs = Catalogs::builtin();
        let Some(c) = catalogs.get(2563) else {
            panic!("no 2563 catalog");
        };
        let counts: Vec<(String, usize)> = c
            .sub_indicators
            .iter()
            .map(|s| (s.id.clone(), c.items_in_sub_indicator(&s.id).count()))
            .collect();
        let expected = [
            ("9.1", 9),
            ("9.2", 8),
            ("9.3", 7),
            ("9.4", 4),
            ("9.5", 5),
            ("10.1", 8),
            ("10.2", 2),
        ];
        let expected: Vec<(String, usize)> = expected.iter().map(|(s, n)| (s.to_string(), *n)).collect();
        assert_eq!(counts, expected);
        assert_eq!(c.sub_indicators_of(10).count(), 2);
        assert_eq!(c.indicator_title_th(9), Some("การเปิดเผยข้อมูล"));
        assert_eq!(c.item(ItemId(16)).map(|i| i.data_year), Some(DataYear::Previous));
        assert_eq!(DataYear::Previous.fiscal_year_for(2563), Some(2562));
        assert!(!c.is_provisional());
    }

    #[test]
    fn unconfirmed_items() {
        let catalogs = Catalogs::builtin();
        let confirmed = |year: i32, n: u16| {
            catalogs
                .get(year)
                .and_then(|c| c.item(ItemId(n)))
                .map(Item::is_confirmed)
        };
        assert_eq!(confirmed(2563, 43), Some(true));
        // 2565: O29 and the ethics items are low confidence.
        assert_eq!(confirmed(2565, 29), Some(false));
        assert_eq!(confirmed(2565, 40), Some(false));
        // 2568: sub-indicators unknown; O20's indicator unknown.
        assert_eq!(confirmed(2568, 1), Some(false));
        assert_eq!(confirmed(2568, 20), Some(false));
        assert_eq!(confirmed(2568, 5), Some(false));
        // 2569 is one secondary source: nothing in it is confirmed, and the year says so.
        assert!((1..=26).all(|n| confirmed(2569, n) == Some(false)));
        assert!(catalogs.get(2569).is_some_and(Catalog::is_provisional));
        let o11 = catalogs.get(2569).and_then(|c| c.item(ItemId(11)));
        assert_eq!(o11.and_then(|i| i.cadence.as_deref()), Some("monthly"));
        assert_eq!(o11.map(|i| i.data_year), Some(DataYear::CurrentToDate));
        assert!(catalogs.get(2568).is_some_and(Catalog::is_provisional));
    }

    const SMALL: &str = r#"
[framework]
year = 2569
status = "partial"
confidence = "low"
unconfirmed_ids = ["O2"]

[[sub_indicators]]
id = "9.1"
indicator = 9
title_th = "ข้อมูลพื้นฐาน"

[[items]]
id = "O1"
title_th = "โครงสร้าง"
indicator = 9
sub_indicator = "9.1"
data_year = "standing"
confidence = "high"

[[items]]
id = "o๒"
title_th = "ข้อมูลผู้บริหาร"
indicator = 9
sub_indicator = "9.1"
data_year = "standing"
confidence = "high"
"#;

    #[test]
    fn overrides_add_and_replace_years() {
        let mut catalogs = Catalogs::builtin();
        assert_eq!(catalogs.add_override(SMALL, "catalogs/2569.toml"), Ok(2569));
        let c = catalogs.get(2569);
        assert_eq!(c.map(|c| c.source_name.as_str()), Some("catalogs/2569.toml"));
        assert_eq!(c.and_then(|c| c.item(ItemId(1))).map(Item::is_confirmed), Some(true));
        assert_eq!(c.and_then(|c| c.item(ItemId(2))).map(Item::is_confirmed), Some(false));
        let replaced = SMALL.replace("year = 2569", "year = 2563");
        assert_eq!(catalogs.add_override(&replaced, "catalogs/2563.toml"), Ok(2563));
        assert_eq!(catalogs.get(2563).map(|c| c.items.len()), Some(2));
    }

    #[test]
    fn override_errors_carry_message_and_position() {
        let mut catalogs = Catalogs::default();
        let typo = SMALL.replace(
            "data_year = \"standing\"\nconfidence = \"high\"\n\n[[items]]\nid = \"o๒\"",
            "data_yaer = \"standing\"\nconfidence = \"high\"\n\n[[items]]\nid = \"o๒\"",
        );
        let error = catalogs.add_override(&typo, "catalogs/2569.toml").err();
        let Some(error) = error else {
            panic!("typo accepted");
        };
        assert!(error.message.contains("data_yaer"), "{}", error.message);
        assert_eq!(error.line_col(&typo).map(|(line, _)| line), Some(18));
        assert!(error.message_th().contains("catalogs/2569.toml"));

        let bad_id = SMALL.replace("id = \"O1\"", "id = \"X1\"");
        let error = catalogs.add_override(&bad_id, "c.toml").err();
        assert!(error.as_ref().is_some_and(|e| e.message.contains("X1")));
        assert_eq!(error.and_then(|e| e.line_col(&bad_id)).map(|p| p.0), Some(14));

        let duplicate = SMALL.replace("id = \"o๒\"", "id = \"O1\"");
        let error = catalogs.add_override(&duplicate, "c.toml").err();
        assert!(error.as_ref().is_some_and(|e| e.message.contains("O1")));
        assert!(error.is_some_and(|e| e.span.is_some()));

        let undeclared = SMALL.replace("sub_indicator = \"9.1\"", "sub_indicator = \"9.9\"");
        let error = catalogs.add_override(&undeclared, "c.toml").err();
        assert!(error.is_some_and(|e| e.message.contains("9.9")));

        assert!(catalogs.add_override("", "empty.toml").is_err());
        assert!(catalogs.add_override("[framework", "broken.toml").is_err());
        assert_eq!(catalogs.years().count(), 0);
    }

    #[test]
    fn mapping_rules_are_checked() {
        let with_mapping =
            |entries: &str| format!("{SMALL}\n[mapping]\nfrom_year = 2568\nconfidence = \"low\"\n{entries}");
        let good = with_mapping("[[mapping.items]]\nfrom = [\"O3\"]\nto = \"O2\"\nchange = \"renumbered\"\n");
        let parsed = Catalog::parse(&good, "c.toml");
        assert!(parsed.as_ref().is_ok_and(|c| c.mapping.is_some()), "{parsed:?}");
        for (entries, needle) in [
            ("[[mapping.items]]\nfrom = [\"O3\"]\nto = \"O9\"\nchange = \"renumbered\"\n", "O9"),
            ("[[mapping.items]]\nfrom = [\"O3\"]\nto = \"O2\"\nchange = \"renumbered\"\n[[mapping.items]]\nfrom = [\"O3\"]\nto = \"O1\"\nchange = \"renumbered\"\n", "O3"),
            ("[[mapping.items]]\nfrom = [\"O3\", \"O4\"]\nto = \"O2\"\nchange = \"renumbered\"\n", "merged"),
            ("[[mapping.items]]\nfrom = []\nto = \"O2\"\nchange = \"renumbered\"\n", "new"),
            ("[[mapping.items]]\nfrom = [\"O3\"]\nchange = \"renumbered\"\n", "removed"),
            ("[[mapping.items]]\nfrom = [\"O3\"]\nto = \"O2\"\nchange = \"moved\"\n", "moved"),
        ] {
            let error = Catalog::parse(&with_mapping(entries), "c.toml").err();
            assert!(error.as_ref().is_some_and(|e| e.message.contains(needle)), "{entries}: {error:?}");
        }
        let later = good.replace("from_year = 2568", "from_year = 2569");
        assert!(Catalog::parse(&later, "c.toml").is_err());
    }

    #[test]
    fn truncated_files_never_panic() {
        let mut catalogs = Catalogs::default();
        for (end, _) in SMALL.char_indices() {
            let text = &SMALL[..end];
            if let Err(error) = catalogs.add_override(text, "cut.toml") {
                let _ = error.line_col(text);
            }
        }
    }
}
