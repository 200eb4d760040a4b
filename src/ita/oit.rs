//! Indicators 9 and 10 (the OIT) computed from O-items (ita-domain.md §2.3).
//!
//! Each item scores 100 or 0; a sub-indicator scores the share of its items passed × 100; an
//! indicator is the plain mean of its sub-indicators (an item-count average does not reproduce
//! the published numbers). The same computation serves two uses: an `analysis` page's
//! `oit_failed` list (what the assessors rejected) and the `oit/` page's projection (published
//! items counted as passed).
//!
//! Unconfirmed placement (2568): a sub-indicator whose id contains `?` is a placeholder. If an
//! indicator has confirmed sub-indicators, only those count and the placeholders' items are left
//! out; if it has only placeholders, they are averaged as if they were real sub-indicators, so
//! there is still an estimate. Items of indicator 0 (indicator unknown) count nowhere. Either
//! case makes the result inexact ([`OitComputation::exact`] is false) so pages can say so.
//! Low-confidence items inside confirmed sub-indicators (2565) count normally.

use std::collections::BTreeSet;
use std::fmt;

use crate::ita::catalog::Catalog;
use crate::ita::item_id::ItemId;
use crate::ita::score::mean;

/// The two OIT indicators.
pub const OIT_INDICATORS: [u8; 2] = [9, 10];

/// One sub-indicator's items and result.
#[derive(Debug, Clone, PartialEq)]
pub struct SubIndicatorScore {
    /// "9.1" … "10.2" (or a placeholder such as "9.?").
    pub id: String,
    pub indicator: u8,
    pub title_th: String,
    /// False for a placeholder sub-indicator.
    pub confirmed: bool,
    /// Whether this sub-indicator entered its indicator's mean.
    pub counted: bool,
    /// Each item in catalog order with whether it passed.
    pub items: Vec<(ItemId, bool)>,
    pub passed: usize,
    pub total: usize,
}

impl SubIndicatorScore {
    /// Share of items passed × 100; `None` for a sub-indicator without items.
    pub fn score(&self) -> Option<f64> {
        // Item counts are tiny, so the conversions are exact.
        (self.total > 0).then(|| self.passed as f64 / self.total as f64 * 100.0)
    }
}

/// The OIT of one framework year computed from items.
#[derive(Debug, Clone, PartialEq)]
pub struct OitComputation {
    /// The framework year of the catalog used.
    pub framework: i32,
    /// Every sub-indicator of indicators 9 and 10, in catalog order.
    pub sub_indicators: Vec<SubIndicatorScore>,
    /// Items whose indicator is unknown, left out of the computation.
    pub unplaced: Vec<ItemId>,
    /// False when placeholders were averaged, left out, or items were unplaced.
    pub exact: bool,
}

impl OitComputation {
    /// The unrounded score of indicator 9 or 10; `None` when it has no items.
    pub fn indicator(&self, indicator: u8) -> Option<f64> {
        let of_indicator = || {
            self.sub_indicators
                .iter()
                .filter(move |sub| sub.indicator == indicator && sub.counted)
        };
        let scores: Vec<f64> = of_indicator().filter_map(SubIndicatorScore::score).collect();
        mean(&scores)
    }

    /// The OIT tool mean, when both indicators have a score.
    pub fn oit(&self) -> Option<f64> {
        Some((self.indicator(9)? + self.indicator(10)?) / 2.0)
    }

    /// Items passed and items counted, over both indicators.
    pub fn passed_and_total(&self) -> (usize, usize) {
        self.sub_indicators
            .iter()
            .filter(|sub| sub.counted)
            .fold((0, 0), |(p, t), sub| (p + sub.passed, t + sub.total))
    }
}

/// Ids in `oit_failed` that the framework's catalog does not have.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OitError {
    pub framework: i32,
    pub unknown: Vec<ItemId>,
}

impl OitError {
    fn list(&self) -> String {
        self.unknown
            .iter()
            .map(ItemId::to_string)
            .collect::<Vec<_>>()
            .join(", ")
    }

    pub fn message_th(&self) -> String {
        format!(
            "ไม่มีข้อ {} ในบัญชีรายการ ITA ปี {} (ตรวจสอบหมายเลขข้อกับกรอบการประเมินของปีที่ประเมิน)",
            self.list(),
            self.framework
        )
    }

    pub fn message_en(&self) -> String {
        format!(
            "item(s) {} are not in the ITA {} catalog (check the ids against the assessed year's framework)",
            self.list(),
            self.framework
        )
    }
}

impl fmt::Display for OitError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message_en())
    }
}

impl std::error::Error for OitError {}

/// Indicators 9 and 10 from the items the assessors did not accept; every other item passed.
/// Ids not in the catalog are an error (all of them are listed).
pub fn oit_from_failed(catalog: &Catalog, failed: &[ItemId]) -> Result<OitComputation, OitError> {
    let mut unknown: Vec<ItemId> = failed
        .iter()
        .copied()
        .filter(|&id| catalog.item(id).is_none())
        .collect();
    if !unknown.is_empty() {
        unknown.sort_unstable();
        unknown.dedup();
        return Err(OitError {
            framework: catalog.year(),
            unknown,
        });
    }
    let failed: BTreeSet<ItemId> = failed.iter().copied().collect();
    Ok(compute(catalog, |id| !failed.contains(&id)))
}

/// The OIT the portal would earn if every published item passed and every other item failed.
/// Published ids not in the catalog are ignored here (the o-item page check reports them).
pub fn projected_oit(catalog: &Catalog, published: &BTreeSet<ItemId>) -> OitComputation {
    compute(catalog, |id| published.contains(&id))
}

fn compute(catalog: &Catalog, passed: impl Fn(ItemId) -> bool) -> OitComputation {
    let mut sub_indicators = Vec::new();
    let mut exact = true;
    for indicator in OIT_INDICATORS {
        let mut subs: Vec<SubIndicatorScore> = catalog
            .sub_indicators_of(indicator)
            .map(|sub| {
                let items: Vec<(ItemId, bool)> = catalog
                    .items_in_sub_indicator(&sub.id)
                    .map(|item| (item.id, passed(item.id)))
                    .collect();
                SubIndicatorScore {
                    id: sub.id.clone(),
                    indicator,
                    title_th: sub.title_th.clone(),
                    confirmed: sub.is_confirmed(),
                    counted: false,
                    passed: items.iter().filter(|(_, ok)| *ok).count(),
                    total: items.len(),
                    items,
                }
            })
            .collect();
        let has_confirmed = subs.iter().any(|s| s.confirmed && s.total > 0);
        for sub in &mut subs {
            sub.counted = sub.total > 0 && (sub.confirmed || !has_confirmed);
            if sub.total > 0 && !sub.confirmed {
                exact = false;
            }
        }
        sub_indicators.extend(subs);
    }
    let unplaced: Vec<ItemId> = catalog
        .items
        .iter()
        .filter(|item| !OIT_INDICATORS.contains(&item.indicator))
        .map(|item| item.id)
        .collect();
    if !unplaced.is_empty() {
        exact = false;
    }
    OitComputation {
        framework: catalog.year(),
        sub_indicators,
        unplaced,
        exact,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ita::catalog::Catalogs;
    use crate::ita::score::round2;

    fn ids(numbers: &[u16]) -> Vec<ItemId> {
        numbers.iter().map(|&n| ItemId(n)).collect()
    }

    /// The O-items seed 000 (Surat Thani City Municipality, ITA 2563) lost, read from its memo
    /// (ita-domain.md §2.3): O2 executive contacts, O8 Q&A behind a login; O13 staff manual,
    /// O15 service statistics 2563, O16 satisfaction survey 2562; O24 annual procurement report
    /// 2562; O26 HR-policy actions, O27 HR criteria, O28 HR annual report 2562; O31 complaint
    /// statistics 2563, O32 comment channel behind a login; two items of 10.1, which the memo
    /// does not name (O36/O37, the risk assessment and its management, inferred from the plan's
    /// measure 6 "จัดทำแผนบริหารจัดการความเสี่ยงเพื่อป้องกันการทุจริต"); O42 and O43.
    pub(crate) const SEED_000_FAILED: [u16; 15] = [2, 8, 13, 15, 16, 24, 26, 27, 28, 31, 32, 36, 37, 42, 43];

    #[test]
    fn seed_000_indicators_from_failed_items() {
        let catalogs = Catalogs::builtin();
        let Some(catalog) = catalogs.get(2563) else {
            panic!("no 2563 catalog");
        };
        let Ok(oit) = oit_from_failed(catalog, &ids(&SEED_000_FAILED)) else {
            panic!("seed 000 ids not in the 2563 catalog");
        };
        assert_eq!(oit.indicator(9).map(round2), Some(62.20));
        assert_eq!(oit.indicator(10).map(round2), Some(37.50));
        assert_eq!(oit.oit().map(round2), Some(49.85));
        assert!(oit.exact);
        let per_sub: Vec<(&str, usize, usize)> = oit
            .sub_indicators
            .iter()
            .map(|s| (s.id.as_str(), s.passed, s.total))
            .collect();
        assert_eq!(
            per_sub,
            vec![
                ("9.1", 7, 9),
                ("9.2", 5, 8),
                ("9.3", 6, 7),
                ("9.4", 1, 4),
                ("9.5", 3, 5),
                ("10.1", 6, 8),
                ("10.2", 0, 2),
            ]
        );
        assert_eq!(oit.passed_and_total(), (28, 43));
    }

    #[test]
    fn seed_004_and_phichit_values() {
        let catalogs = Catalogs::builtin();
        let Some(c2563) = catalogs.get(2563) else {
            panic!("no 2563 catalog");
        };
        // Seed 004: indicator 10 = 6.25 only as 10.1 = 1/8 and 10.2 = 0/2; one of the six
        // combinations giving indicator 9 = 49.89 (4/9, 2/8, 7/7, 0/4, 4/5).
        let failed = ids(&[
            5, 6, 7, 8, 9, 12, 13, 14, 15, 16, 17, 25, 26, 27, 28, 33, 35, 36, 37, 38, 39, 40, 41, 42, 43,
        ]);
        let oit = oit_from_failed(c2563, &failed);
        assert_eq!(oit.as_ref().ok().and_then(|o| o.indicator(10)), Some(6.25));
        assert_eq!(oit.ok().and_then(|o| o.indicator(9)).map(round2), Some(49.89));
        // Phichit 2564: one item of 9.2 missing → 97.50; one of 10.1 → 93.75.
        let Some(c2564) = catalogs.get(2564) else {
            panic!("no 2564 catalog");
        };
        let oit = oit_from_failed(c2564, &ids(&[10, 34]));
        assert_eq!(oit.as_ref().ok().and_then(|o| o.indicator(9)), Some(97.5));
        assert_eq!(oit.ok().and_then(|o| o.indicator(10)), Some(93.75));
    }

    #[test]
    fn unknown_ids_are_errors() {
        let catalogs = Catalogs::builtin();
        let Some(catalog) = catalogs.get(2563) else {
            panic!("no 2563 catalog");
        };
        let error = oit_from_failed(catalog, &ids(&[2, 44, 50, 44])).err();
        assert_eq!(error.as_ref().map(|e| e.unknown.clone()), Some(ids(&[44, 50])));
        assert!(error.is_some_and(|e| e.message_th().contains("O44, O50")));
        // Nothing failed: 100 / 100.
        let all = oit_from_failed(catalog, &[]);
        assert_eq!(all.ok().and_then(|o| o.oit()), Some(100.0));
    }

    #[test]
    fn projection_counts_published_items() {
        let catalogs = Catalogs::builtin();
        let Some(catalog) = catalogs.get(2566) else {
            panic!("no 2566 catalog");
        };
        let published: BTreeSet<ItemId> = (1..=43).filter(|n| *n != 10).map(ItemId).collect();
        let oit = projected_oit(catalog, &published);
        // 9.1 has ten items in 2566.
        assert_eq!(oit.indicator(9), Some((90.0 + 400.0) / 5.0));
        assert_eq!(oit.indicator(10), Some(100.0));
        assert!(oit.exact);
        let none = projected_oit(catalog, &BTreeSet::new());
        assert_eq!(none.oit(), Some(0.0));
    }

    #[test]
    fn partial_2568_catalog_gives_an_inexact_estimate() {
        let catalogs = Catalogs::builtin();
        let Some(catalog) = catalogs.get(2568) else {
            panic!("no 2568 catalog");
        };
        let oit = oit_from_failed(catalog, &ids(&[1, 20]));
        let Ok(oit) = oit else {
            panic!("2568 ids rejected");
        };
        assert!(!oit.exact);
        assert_eq!(oit.unplaced, ids(&[20]));
        // Indicator 9 has 16 items under the "9.?" placeholder (O1-O16, O5-O7 included); O1 failed.
        assert_eq!(oit.indicator(9), Some(15.0 / 16.0 * 100.0));
        assert_eq!(oit.indicator(10), Some(100.0));
    }
}
