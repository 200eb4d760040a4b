//! When a portal's year moves on: the O-item pages of a year whose framework renumbered its
//! items (2569 after 2568) that still carry the earlier year's numbering — copied from the
//! earlier year's folder, or titled with the earlier title — and the items new that year, as
//! `year-migration` warnings saying what to renumber, merge or write (or to run
//! `prongsai catalog migrate`). Also the `catalog-provisional` warning of a year whose list
//! NACC has not published yet.

use std::collections::BTreeMap;

use super::ita::{ItaModel, Year};
use super::{Page, Site};
use crate::diag::Diagnostic;
use crate::ita::catalog::Catalog;
use crate::ita::item_id::ItemId;
use crate::ita::migration::{Fate, Migration, MERGE_TODO};
use crate::model::KindData;
use crate::rules::{catalog as catalog_rule, catalog_provisional, year_migration};

/// The warning of a year section whose framework has no catalog yet, `newest` standing in.
pub fn provisional(page: &Page, requested: i32, newest: i32) -> Diagnostic {
    let d = Diagnostic::new(
        &catalog_provisional::RULE,
        format!(
            "สำนักงาน ป.ป.ช. ยังไม่ประกาศรายการข้อ OIT ของกรอบปี {requested} ใช้รายการของกรอบปี {newest} ไปพลางก่อน \
             ทุกหน้าที่ใช้รายการนี้แสดงคำเตือน (NACC has not published the {requested} item list; the {newest} list \
             stands in and every page that uses it says so)"
        ),
    )
    .in_file(&page.file)
    .with_help(format!(
        "เมื่อประกาศแล้ว: prongsai catalog import <ตาราง> --year {requested} แล้ว prongsai catalog migrate --from {newest} --to {requested} \
         (when it is published, import the table, then migrate; see the book: a new ITA year)"
    ));
    match &page.front.fiscal_year {
        Some(raw) => d.at_offset(&page.front_text, page.front_offset + raw.span().start),
        None => d,
    }
}

/// `year-migration` warnings for every year, and `catalog` errors for a portal mapping that
/// names items its earlier year does not have.
pub fn check(site: &Site, model: &ItaModel, diagnostics: &mut Vec<Diagnostic>) {
    let mut bodies = Bodies::default();
    for year in model.years.values() {
        for &i in year.o_items.values() {
            if bodies.get(site, i).contains(MERGE_TODO) {
                diagnostics.push(
                    Diagnostic::new(
                        &year_migration::RULE,
                        "หน้านี้รวมจากหลายข้อโดย prongsai catalog migrate และยังมีข้อความ TODO \
                         (this page was merged by `prongsai catalog migrate` and still has its TODO)",
                    )
                    .in_file(&site.pages[i].file)
                    .with_help("เรียบเรียงเนื้อหาให้เป็นข้อเดียว รวม links และ files แล้วลบย่อหน้า TODO (edit it into one item, merge links and files, then delete the TODO)"),
                );
            }
        }
        let Some(catalog) = model.catalogs.get(year.framework) else {
            continue;
        };
        let Some(mapping) = &catalog.mapping else { continue };
        let migration = match Migration::between(&model.catalogs, mapping.from_year, catalog.year()) {
            Ok(m) => m,
            Err(e) => {
                if !catalog.source_name.starts_with("ita-catalog-") {
                    diagnostics.push(Diagnostic::new(&catalog_rule::RULE, e.0).in_file(&catalog.source_name));
                }
                continue;
            }
        };
        let Some(earlier) = model.catalogs.get(mapping.from_year) else {
            continue;
        };
        check_year(
            site,
            model,
            year,
            catalog,
            earlier,
            &migration,
            &mut bodies,
            diagnostics,
        );
    }
}

#[allow(clippy::too_many_arguments)]
fn check_year(
    site: &Site,
    model: &ItaModel,
    year: &Year,
    catalog: &Catalog,
    earlier: &Catalog,
    migration: &Migration,
    bodies: &mut Bodies,
    diagnostics: &mut Vec<Diagnostic>,
) {
    let (from, to) = (migration.from_year, migration.to_year);
    // The o-item pages of the years that use the earlier framework, by id.
    let earlier_pages: Vec<(ItemId, usize)> = model
        .years
        .values()
        .filter(|y| y.framework == from && y.provisional_for.is_none())
        .flat_map(|y| y.o_items.iter().map(|(&id, &i)| (id, i)))
        .collect();
    let mut flagged: BTreeMap<ItemId, usize> = BTreeMap::new();
    for (&id, &i) in &year.o_items {
        let Some(step) = migration.step(id) else { continue };
        if step.fate == Fate::Same {
            continue;
        }
        let page = &site.pages[i];
        let copied = earlier_pages
            .iter()
            .filter(|(other_id, _)| *other_id == id)
            .any(|&(_, other)| same_content(site, bodies, i, other));
        let old_title = earlier.item(id).map_or("", |item| item.title_th.as_str());
        let new_title = catalog.item(id).map_or("", |item| item.title_th.as_str());
        let titled_old = page.front.title.as_ref().is_some_and(|t| {
            let t = t.get_ref();
            !old_title.is_empty() && old_title != new_title && t.contains(old_title) && !t.contains(new_title)
        });
        if !(copied || titled_old) {
            continue;
        }
        flagged.insert(id, i);
        let why = if copied {
            format!("เนื้อหาเหมือนหน้าข้อ {id} ของกรอบปี {from} (same content as the {from} page of {id})")
        } else {
            format!("ชื่อหน้าเป็นชื่อข้อ {id} ของกรอบปี {from} (the title is {from}'s {id})")
        };
        let title_of = |n: ItemId| catalog.item(n).map_or(String::new(), |item| item.title_th.clone());
        let (message, help) = match &step.fate {
            Fate::Renumbered(z) => (
                format!(
                    "ข้อ {id} ยังใช้เลขข้อของกรอบปี {from}: ข้อ {id} ของปี {from} คือข้อ {z} “{}” ในกรอบปี {to} \
                     (still numbered as {from}: {from} {id} is {to} {z}); {why}",
                    title_of(*z)
                ),
                format!("เปลี่ยนเป็น item = \"{z}\" และเปลี่ยนชื่อไฟล์ (set item = \"{z}\" and rename the file)"),
            ),
            Fate::Merged { into, with } => {
                let others: Vec<String> = with.iter().map(ItemId::to_string).collect();
                (
                    format!(
                        "ข้อ {id} ของปี {from} รวมกับข้อ {} เป็นข้อ {into} “{}” ในกรอบปี {to} \
                         ({from} {id} and {} merge into {to} {into}); {why}",
                        others.join(", "),
                        title_of(*into),
                        others.join(", ")
                    ),
                    format!(
                        "รวมหน้าเหล่านี้เป็นหน้าเดียว item = \"{into}\" (merge these pages into one page with item = \"{into}\")"
                    ),
                )
            }
            Fate::Removed => (
                format!(
                    "ข้อ {id} “{old_title}” ของปี {from} ไม่มีในกรอบปี {to} (item {id} of {from} is not in {to}); {why}"
                ),
                "ย้ายเนื้อหาที่ยังใช้ไปไว้ในข้ออื่น แล้วลบหรือย้ายหน้านี้ออก (move what is still needed to another item, then retire this page)".to_string(),
            ),
            Fate::Same => continue,
        };
        let mut d = Diagnostic::new(&year_migration::RULE, message)
            .in_file(&page.file)
            .with_help(format!(
                "{help}; หรือให้ prongsai ทำให้: prongsai catalog migrate --from {from} --to {to} --year {} \
                 (or let prongsai do it: dry run first, then --apply)",
                year.fiscal_year
            ));
        if let Some(raw) = &page.front.item {
            d = d.at_offset(&page.front_text, page.front_offset + raw.span().start);
        }
        diagnostics.push(d);
    }
    if flagged.is_empty() {
        return;
    }
    // The year moved on: its new items need pages of their own (a page at that number, if
    // flagged above, still holds the earlier year's content).
    let to_write: Vec<String> = migration
        .new_items
        .iter()
        .filter(|n| !year.o_items.contains_key(&n.id) || flagged.contains_key(&n.id))
        .map(|n| {
            format!(
                "{} “{}”",
                n.id,
                catalog.item(n.id).map_or("", |item| item.title_th.as_str())
            )
        })
        .collect();
    if !to_write.is_empty() {
        diagnostics.push(
            Diagnostic::new(
                &year_migration::RULE,
                format!(
                    "ข้อใหม่ของกรอบปี {to} ที่ต้องเขียนหน้าใหม่ (new in {to}, pages to write): {}",
                    to_write.join(", ")
                ),
            )
            .in_file(&site.pages[year.section].file)
            .with_help("สร้างหน้า kind = \"o-item\" ของแต่ละข้อ (write an o-item page for each)"),
        );
    }
}

/// The same non-empty body, or the same explicit title, in two pages.
fn same_content(site: &Site, bodies: &mut Bodies, a: usize, b: usize) -> bool {
    let title = |i: usize| {
        site.pages[i]
            .front
            .title
            .as_ref()
            .map(|t| t.get_ref().trim().to_string())
    };
    if let (Some(x), Some(y)) = (title(a), title(b)) {
        if !x.is_empty() && x == y {
            return true;
        }
    }
    let x = normalise(&bodies.get(site, a));
    !x.is_empty() && x == normalise(&bodies.get(site, b))
}

fn normalise(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// O-item bodies read once each (the pages keep only their front matter).
#[derive(Default)]
struct Bodies(BTreeMap<usize, String>);

impl Bodies {
    fn get(&mut self, site: &Site, i: usize) -> String {
        if let Some(text) = self.0.get(&i) {
            return text.clone();
        }
        let page = &site.pages[i];
        if !matches!(page.data, KindData::OItem(_)) {
            return String::new();
        }
        let text = std::fs::read(site.root.join(&page.file))
            .ok()
            .and_then(|bytes| crate::source::decode(&bytes).ok())
            .and_then(|text| text.get(page.body_offset..).map(str::to_string))
            .unwrap_or_default();
        self.0.insert(i, text.clone());
        text
    }
}
