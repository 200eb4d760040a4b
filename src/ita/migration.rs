//! From one framework year's items to another's: what becomes of each item of the earlier
//! year (same number, renumbered, merged with others, removed) and which items are new.
//!
//! NACC renumbers and merges items between years (2568 → 2569 renumbered 15 of 26), so a
//! catalog may carry a `[mapping]` from an earlier year (`ita::catalog::Mapping`). This module
//! turns one mapping, or a chain of them (2568 → 2569 → 2570), into a [`Migration`] that
//! `check` (rule `year-migration`), `prongsai catalog diff` and `prongsai catalog migrate`
//! share. Pure: catalogs in, plan out.

use std::collections::{BTreeMap, BTreeSet};
use std::fmt;

use super::catalog::{Catalog, Catalogs, Change, Confidence};
use super::item_id::ItemId;

/// The first words of the note `prongsai catalog migrate` puts in a page it merged; `check`
/// warns (`year-migration`) while it is there.
pub const MERGE_TODO: &str = "TODO (prongsai catalog migrate)";

/// What becomes of one item of the earlier year.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Fate {
    /// The same number in the later year.
    Same,
    /// Another number, alone.
    Renumbered(ItemId),
    /// One of several items that became `into`; `with` are the others, ascending.
    Merged { into: ItemId, with: Vec<ItemId> },
    /// No item of the later year continues it.
    Removed,
}

impl Fate {
    /// The item of the later year it continues in, if any.
    pub fn target(&self, from: ItemId) -> Option<ItemId> {
        match self {
            Fate::Same => Some(from),
            Fate::Renumbered(to) | Fate::Merged { into: to, .. } => Some(*to),
            Fate::Removed => None,
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Step {
    pub from: ItemId,
    pub fate: Fate,
    /// What the mapping says happened to the content, when it says.
    pub change: Option<Change>,
    /// The mapping's notes on the way, Thai first.
    pub notes: Vec<String>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NewItem {
    pub id: ItemId,
    pub notes: Vec<String>,
}

/// The plan from `from_year`'s items to `to_year`'s.
#[derive(Debug, Clone, PartialEq)]
pub struct Migration {
    pub from_year: i32,
    pub to_year: i32,
    /// The years passed through, `from_year` first and `to_year` last.
    pub chain: Vec<i32>,
    /// One step per item of `from_year`, ascending.
    pub steps: Vec<Step>,
    /// Items of `to_year` that continue none of `from_year`.
    pub new_items: Vec<NewItem>,
    /// The lowest confidence of the mappings used.
    pub confidence: Confidence,
}

/// Why no plan could be made; Thai first, English in brackets.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MigrationError(pub String);

impl fmt::Display for MigrationError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::error::Error for MigrationError {}

impl Migration {
    /// The plan from `from` to `to` (`from < to`), through the `[mapping]` of `to` and, when
    /// that starts later than `from`, the mappings before it.
    pub fn between(catalogs: &Catalogs, from: i32, to: i32) -> Result<Migration, MigrationError> {
        if from >= to {
            return Err(MigrationError(format!(
                "ปีต้นทาง {from} ต้องมาก่อนปีปลายทาง {to} (--from must be an earlier year than --to)"
            )));
        }
        let catalog = |year: i32| {
            catalogs.get(year).ok_or_else(|| {
                let years: Vec<String> = catalogs.years().map(|y| y.to_string()).collect();
                MigrationError(format!(
                    "ไม่มีรายการ O-item ของกรอบปี {year} (no catalog for framework {year}; available: {}); \
                     นำเข้าด้วย `prongsai catalog import <ไฟล์> --year {year}` (import it with `prongsai catalog import`)",
                    years.join(", ")
                ))
            })
        };
        let first = catalog(from)?;
        // Walk back from `to` along the mappings until `from`.
        let mut chain = vec![to];
        let mut year = to;
        while year != from {
            let later = catalog(year)?;
            let Some(mapping) = &later.mapping else {
                return Err(MigrationError(format!(
                    "รายการปี {year} ({}) ไม่มี [mapping] บอกว่าข้อมาจากปีก่อนอย่างไร \
                     (the {year} catalog has no [mapping] from an earlier year); \
                     เพิ่ม [mapping] from_year = … ในไฟล์นั้น (add one, see the book: a new ITA year)",
                    later.source_name
                )));
            };
            if mapping.from_year < from {
                return Err(MigrationError(format!(
                    "รายการปี {year} เทียบกับปี {} ซึ่งก่อนปี {from} (the {year} mapping starts at {}, before {from})",
                    mapping.from_year, mapping.from_year
                )));
            }
            year = mapping.from_year;
            chain.push(year);
        }
        chain.reverse();

        // Each item of `from` followed through every step.
        let mut targets: BTreeMap<ItemId, Option<ItemId>> = first.items.iter().map(|i| (i.id, Some(i.id))).collect();
        let mut changes: BTreeMap<ItemId, Option<Change>> = BTreeMap::new();
        let mut notes: BTreeMap<ItemId, Vec<String>> = BTreeMap::new();
        let mut new_items: Vec<NewItem> = Vec::new();
        let mut confidence = Confidence::High;
        for pair in chain.windows(2) {
            let (earlier, later) = (catalog(pair[0])?, catalog(pair[1])?);
            let step = one_step(earlier, later)?;
            confidence = confidence.min(step.confidence);
            for (from_id, target) in targets.iter_mut() {
                let Some(current) = *target else { continue };
                let (next, change, note) = step.map.get(&current).cloned().unwrap_or((None, None, None));
                *target = next;
                if change.is_some() {
                    changes.insert(*from_id, change);
                }
                notes.entry(*from_id).or_default().extend(note);
            }
            // Items new at an earlier step may themselves move on.
            new_items.retain_mut(|item| match step.map.get(&item.id).cloned() {
                Some((Some(next), _, note)) => {
                    item.id = next;
                    item.notes.extend(note);
                    true
                }
                Some((None, _, _)) => false,
                None => true,
            });
            new_items.extend(step.new_items);
        }
        let mut by_target: BTreeMap<ItemId, Vec<ItemId>> = BTreeMap::new();
        for (from_id, target) in &targets {
            if let Some(t) = target {
                by_target.entry(*t).or_default().push(*from_id);
            }
        }
        let steps = targets
            .iter()
            .map(|(&from_id, target)| {
                let fate = match target {
                    None => Fate::Removed,
                    Some(t) if by_target.get(t).is_some_and(|s| s.len() > 1) => Fate::Merged {
                        into: *t,
                        with: by_target[t].iter().copied().filter(|&x| x != from_id).collect(),
                    },
                    Some(t) if *t == from_id => Fate::Same,
                    Some(t) => Fate::Renumbered(*t),
                };
                Step {
                    from: from_id,
                    fate,
                    change: changes.get(&from_id).copied().flatten(),
                    notes: notes.remove(&from_id).unwrap_or_default(),
                }
            })
            .collect();
        let reached: BTreeSet<ItemId> = by_target.keys().copied().collect();
        new_items.retain(|n| !reached.contains(&n.id));
        let last = catalog(to)?;
        for item in &last.items {
            if !reached.contains(&item.id) && !new_items.iter().any(|n| n.id == item.id) {
                new_items.push(NewItem {
                    id: item.id,
                    notes: Vec::new(),
                });
            }
        }
        new_items.sort_by_key(|n| n.id);
        Ok(Migration {
            from_year: from,
            to_year: to,
            chain,
            steps,
            new_items,
            confidence,
        })
    }

    /// The step of one item of `from_year`.
    pub fn step(&self, from: ItemId) -> Option<&Step> {
        self.steps.iter().find(|s| s.from == from)
    }

    /// True when nothing moves: every item keeps its number and none is new.
    pub fn is_identity(&self) -> bool {
        self.new_items.is_empty() && self.steps.iter().all(|s| s.fate == Fate::Same)
    }
}

/// Where one id of the earlier year goes in one mapping: (target, change, note).
type Hop = (Option<ItemId>, Option<Change>, Option<String>);

/// One mapping: each id of the earlier year → its hop.
struct OneStep {
    map: BTreeMap<ItemId, Hop>,
    new_items: Vec<NewItem>,
    confidence: Confidence,
}

fn one_step(earlier: &Catalog, later: &Catalog) -> Result<OneStep, MigrationError> {
    let Some(mapping) = &later.mapping else {
        return Err(MigrationError(format!(
            "รายการปี {} ไม่มี [mapping] (the {} catalog has no [mapping])",
            later.year(),
            later.year()
        )));
    };
    let mut map = BTreeMap::new();
    let mut targets = BTreeSet::new();
    let mut new_items = Vec::new();
    for entry in &mapping.items {
        for id in &entry.from {
            if earlier.item(*id).is_none() {
                return Err(MigrationError(format!(
                    "{}: [[mapping.items]] from = \"{id}\" ไม่มีในรายการปี {} (item {id} is not in the {} catalog)",
                    later.source_name,
                    earlier.year(),
                    earlier.year()
                )));
            }
            map.insert(*id, (entry.to, Some(entry.change), entry.note.clone()));
        }
        if let Some(to) = entry.to {
            targets.insert(to);
            if entry.from.is_empty() {
                new_items.push(NewItem {
                    id: to,
                    notes: entry.note.iter().cloned().collect(),
                });
            }
        }
    }
    // Ids not listed keep their number, unless that number now belongs to another item.
    for item in &earlier.items {
        if map.contains_key(&item.id) {
            continue;
        }
        if targets.contains(&item.id) {
            return Err(MigrationError(format!(
                "{}: ข้อ {} ของปี {} ไม่อยู่ใน [[mapping.items]] แต่เลข {} ของปี {} มาจากข้ออื่น \
                 (item {} of {} is not mapped, and {} of {} continues another item: add an entry for it)",
                later.source_name,
                item.id,
                earlier.year(),
                item.id,
                later.year(),
                item.id,
                earlier.year(),
                item.id,
                later.year()
            )));
        }
        let target = later.item(item.id).map(|_| item.id);
        map.insert(item.id, (target, None, None));
    }
    Ok(OneStep {
        map,
        new_items,
        confidence: mapping.confidence,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn id(n: u16) -> ItemId {
        ItemId(n)
    }

    #[test]
    fn from_2568_to_2569_as_the_research_note_says() {
        let catalogs = Catalogs::builtin();
        let m = Migration::between(&catalogs, 2568, 2569);
        let Ok(m) = m else {
            panic!("{m:?}");
        };
        let fate = |n: u16| m.step(id(n)).map(|s| s.fate.clone());
        assert_eq!(fate(1), Some(Fate::Same));
        assert_eq!(fate(10), Some(Fate::Same));
        assert_eq!(fate(11), Some(Fate::Removed));
        assert_eq!(fate(12), Some(Fate::Renumbered(id(11))));
        assert_eq!(fate(20), Some(Fate::Renumbered(id(19))));
        assert_eq!(
            fate(21),
            Some(Fate::Merged {
                into: id(20),
                with: vec![id(22)]
            })
        );
        assert_eq!(fate(26), Some(Fate::Renumbered(id(24))));
        let new: Vec<ItemId> = m.new_items.iter().map(|n| n.id).collect();
        assert_eq!(new, vec![id(25), id(26)]);
        // framework-2569.md §3.2: 15 of 26 renumbered (O12-O26, the merge included).
        let moved = m
            .steps
            .iter()
            .filter(|s| matches!(s.fate, Fate::Renumbered(_) | Fate::Merged { .. }))
            .count();
        assert_eq!(moved, 15);
        assert_eq!(m.confidence, Confidence::MediumLow);
        assert!(!m.is_identity());
    }

    const NEXT: &str = r#"
[framework]
year = 2570
status = "partial"
confidence = "low"

[[sub_indicators]]
id = "?"
indicator = 0
title_th = "?"

[[items]]
id = "O1"
title_th = "หนึ่ง"
indicator = 0
sub_indicator = "?"
data_year = "standing"
confidence = "low"

[[items]]
id = "O2"
title_th = "สอง"
indicator = 0
sub_indicator = "?"
data_year = "standing"
confidence = "low"

[mapping]
from_year = 2569
confidence = "low"

[[mapping.items]]
from = ["O19", "O20"]
to = "O2"
change = "merged"

[[mapping.items]]
from = ["O2"]
change = "removed"
"#;

    #[test]
    fn chains_compose_and_unlisted_ids_keep_or_lose_their_number() {
        let mut catalogs = Catalogs::builtin();
        assert_eq!(catalogs.add_override(NEXT, "catalogs/2570.toml"), Ok(2570));
        let m = Migration::between(&catalogs, 2568, 2570);
        let Ok(m) = m else {
            panic!("{m:?}");
        };
        assert_eq!(m.chain, vec![2568, 2569, 2570]);
        let fate = |n: u16| m.step(id(n)).map(|s| s.fate.clone());
        // 2568 O20 → 2569 O19 → 2570 O2, with 2568 O21 + O22 → 2569 O20 → 2570 O2.
        assert_eq!(
            fate(20),
            Some(Fate::Merged {
                into: id(2),
                with: vec![id(21), id(22)]
            })
        );
        assert_eq!(fate(1), Some(Fate::Same));
        assert_eq!(fate(2), Some(Fate::Removed));
        // 2569 O3 is not listed and 2570 has no O3.
        assert_eq!(fate(3), Some(Fate::Removed));
        assert!(m.new_items.is_empty());
        assert_eq!(m.confidence, Confidence::Low);
    }

    #[test]
    fn errors_name_the_year_and_what_to_do() {
        let catalogs = Catalogs::builtin();
        let no_mapping = Migration::between(&catalogs, 2567, 2568).err();
        assert!(no_mapping.is_some_and(|e| e.0.contains("[mapping]")));
        let missing = Migration::between(&catalogs, 2569, 2571).err();
        assert!(missing.is_some_and(|e| e.0.contains("catalog import")));
        assert!(Migration::between(&catalogs, 2569, 2568).is_err());
        let mut bad = Catalogs::builtin();
        let unknown = NEXT.replace("from = [\"O2\"]", "from = [\"O44\"]");
        assert_eq!(bad.add_override(&unknown, "catalogs/2570.toml"), Ok(2570));
        let error = Migration::between(&bad, 2569, 2570).err();
        assert!(error.is_some_and(|e| e.0.contains("O44") && e.0.contains("catalogs/2570.toml")));
        let mut unlisted = Catalogs::builtin();
        let text = NEXT.replace("[[mapping.items]]\nfrom = [\"O2\"]\nchange = \"removed\"\n", "");
        assert_eq!(unlisted.add_override(&text, "catalogs/2570.toml"), Ok(2570));
        let error = Migration::between(&unlisted, 2569, 2570).err();
        assert!(
            error.is_some_and(|e| e.0.contains("O2")),
            "an unlisted id whose number is taken"
        );
    }
}
