//! The ITA model of a site: catalogs in force, and per fiscal year its measures, analyses,
//! plans, reports, memos and O-item pages, with the checks that need the whole year
//! (duplicate numbers, unknown items, published figures that disagree with the computation).
//! It also adds each year's generated O-item catalog page.

use std::collections::BTreeMap;
use std::path::PathBuf;

use super::{Page, Site};
use crate::diag::Diagnostic;
use crate::ita::catalog::Catalogs;
use crate::ita::item_id::ItemId;
use crate::ita::score::round2;
use crate::ita::verdict::Verdict;
use crate::model::KindData;
use crate::model::PageKind;

#[derive(Debug, Default)]
pub struct ItaModel {
    pub catalogs: Catalogs,
    pub years: BTreeMap<i32, Year>,
}

#[derive(Debug, Clone, Default)]
pub struct Year {
    pub fiscal_year: i32,
    /// The framework whose catalog the year uses.
    pub framework: i32,
    /// The framework the year asked for when no catalog of it exists yet and the newest
    /// catalog (`framework`) stands in for it (2570 before NACC publishes its list).
    pub provisional_for: Option<i32>,
    /// The fiscal-year section page.
    pub section: usize,
    /// Measures sorted by number.
    pub measures: Vec<usize>,
    pub analyses: Vec<usize>,
    pub plans: Vec<usize>,
    /// Reports sorted by round.
    pub reports: Vec<usize>,
    pub memos: Vec<usize>,
    pub o_items: BTreeMap<ItemId, usize>,
    /// The O-item catalog page (generated unless the portal has its own `oit/_index.md`).
    pub catalog_page: Option<usize>,
}

pub fn build(site: &mut Site, diagnostics: &mut Vec<Diagnostic>) -> ItaModel {
    let mut model = ItaModel {
        catalogs: load_catalogs(site, diagnostics),
        years: BTreeMap::new(),
    };
    for (i, page) in site.pages.iter().enumerate() {
        if !page.is_section || page.front.fiscal_year.is_none() {
            continue;
        }
        let Some(fiscal_year) = page.fiscal_year else { continue };
        let framework = match &page.front.framework {
            Some(raw) => match crate::model::values::integer(raw.get_ref()) {
                Ok(fw) => fw as i32,
                Err(message) => {
                    diagnostics.push(at(
                        page,
                        raw.span().start,
                        Diagnostic::new(&crate::rules::framework::RULE, format!("`framework`: {message}")),
                    ));
                    fiscal_year
                }
            },
            None => fiscal_year,
        };
        let newest = model.catalogs.years().last();
        let mut provisional_for = None;
        let framework = match newest {
            // The next years only: a year far ahead is more likely a typo (catalog-missing).
            Some(newest)
                if model.catalogs.get(framework).is_none() && framework > newest && framework <= newest + 2 =>
            {
                diagnostics.push(super::ita_migration::provisional(page, framework, newest));
                provisional_for = Some(framework);
                newest
            }
            _ => framework,
        };
        if model.catalogs.get(framework).is_none() {
            let years: Vec<String> = model.catalogs.years().map(|y| y.to_string()).collect();
            diagnostics.push(
                Diagnostic::new(
                    &crate::rules::catalog_missing::RULE,
                    format!("ไม่มีรายการ O-item ของกรอบปี {framework} (no O-item catalog for framework {framework})"),
                )
                .in_file(&page.file)
                .with_help(format!(
                    "add catalogs/{framework}.toml, or set framework to one of {} (เพิ่มไฟล์ catalogs/{framework}.toml)",
                    years.join(", ")
                )),
            );
        }
        if model.years.contains_key(&fiscal_year) {
            diagnostics.push(
                at(
                    page,
                    page.front.fiscal_year.as_ref().map_or(0, |v| v.span().start),
                    Diagnostic::new(
                        &crate::rules::fiscal_year_twice::RULE,
                        format!(
                            "ปีงบประมาณ {fiscal_year} ประกาศไว้แล้วใน {} (fiscal year {fiscal_year} is already declared by {})",
                            site.pages[model.years[&fiscal_year].section].file.display(),
                            site.pages[model.years[&fiscal_year].section].file.display()
                        ),
                    ),
                )
                .with_help("keep one section per fiscal year (หนึ่งปีงบประมาณมีหมวดเดียว)"),
            );
            continue;
        }
        model.years.insert(
            fiscal_year,
            Year {
                fiscal_year,
                framework,
                provisional_for,
                section: i,
                ..Year::default()
            },
        );
    }

    for (i, page) in site.pages.iter().enumerate() {
        if matches!(page.data, KindData::Page) {
            continue;
        }
        let year = page.fiscal_year.and_then(|fy| model.years.get_mut(&fy));
        let Some(year) = year else {
            diagnostics.push(
                Diagnostic::new(
                    &crate::rules::outside_fiscal_year::RULE,
                    format!(
                        "หน้าชนิด `{}` ต้องอยู่ในหมวดปีงบประมาณ (a `{}` page must be inside a fiscal-year section)",
                        page.kind, page.kind
                    ),
                )
                .in_file(&page.file)
                .with_help(
                    "move it under a folder whose _index.md has fiscal_year = 2564 (ย้ายไฟล์ไปไว้ในโฟลเดอร์ปีงบประมาณ)",
                ),
            );
            continue;
        };
        match &page.data {
            KindData::Measure(_) => year.measures.push(i),
            KindData::Analysis { .. } => year.analyses.push(i),
            KindData::Plan { .. } => year.plans.push(i),
            KindData::Report { .. } => year.reports.push(i),
            KindData::Memo(_) => year.memos.push(i),
            KindData::OItem(o) => {
                if let Some(&other) = year.o_items.get(&o.item) {
                    diagnostics.push(
                        at(
                            page,
                            page.front.item.as_ref().map_or(0, |v| v.span().start),
                            Diagnostic::new(
                                &crate::rules::duplicate_item::RULE,
                                format!(
                                    "ข้อ {} มีสองหน้าในปีเดียวกัน: {} (item {} has two pages this year, also {})",
                                    o.item,
                                    site.pages[other].file.display(),
                                    o.item,
                                    site.pages[other].file.display()
                                ),
                            ),
                        )
                        .with_help("keep one page per item and link the other documents from it (หนึ่งข้อมีหน้าเดียว)"),
                    );
                } else {
                    year.o_items.insert(o.item, i);
                }
            }
            KindData::Page => {}
        }
    }
    for year in model.years.values_mut() {
        year.measures.sort_by_key(|&i| (measure_number(&site.pages[i]), i));
        year.reports.sort_by_key(|&i| (report_round(&site.pages[i]), i));
        check_year(site, &model.catalogs, year, diagnostics);
    }
    for year in model.years.values() {
        for &i in &year.analyses {
            check_analysis(&site.pages[i], &model.catalogs, diagnostics);
        }
    }
    super::ita_migration::check(site, &model, diagnostics);
    add_catalog_pages(site, &mut model);
    model
}

fn at(page: &Page, offset: usize, d: Diagnostic) -> Diagnostic {
    d.in_file(&page.file)
        .at_offset(&page.front_text, page.front_offset + offset)
}

/// An O-item id (of an o-item page or a measure's `items`) missing from the year's catalog.
fn unknown_item(page: &Page, span: usize, id: ItemId, framework: i32) -> Diagnostic {
    at(
        page,
        span,
        Diagnostic::new(
            &crate::rules::unknown_item::RULE,
            format!("ไม่มีข้อ {id} ในกรอบปี {framework} (item {id} is not in the {framework} catalog)"),
        ),
    )
    .with_help("check the item number against this year's framework, or set `framework` on the year section")
}

fn measure_number(page: &Page) -> i64 {
    match &page.data {
        KindData::Measure(m) => m.number,
        _ => 0,
    }
}

pub fn report_round(page: &Page) -> u8 {
    match &page.data {
        KindData::Report { round, .. } => *round,
        _ => 0,
    }
}

fn load_catalogs(site: &Site, diagnostics: &mut Vec<Diagnostic>) -> Catalogs {
    let mut catalogs = Catalogs::builtin();
    let dir = site.root.join("catalogs");
    let Ok(entries) = std::fs::read_dir(&dir) else {
        return catalogs;
    };
    let mut files: Vec<PathBuf> = entries
        .filter_map(Result::ok)
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|e| e == "toml"))
        .collect();
    files.sort();
    let links = site.config.symlinks(&site.root);
    for path in files {
        if let Err(refused) = links.check_path(&path) {
            diagnostics.push(refused);
            continue;
        }
        let shown = PathBuf::from("catalogs").join(path.file_name().unwrap_or_default());
        let text = match std::fs::read(&path).map(|b| crate::source::decode(&b)) {
            Ok(Ok(text)) => text,
            Ok(Err(e)) => {
                diagnostics.push(
                    Diagnostic::new(&crate::rules::encoding::RULE, e.to_string())
                        .in_file(&shown)
                        .with_help(e.help()),
                );
                continue;
            }
            Err(e) => {
                diagnostics.push(Diagnostic::new(&crate::rules::io::RULE, e.to_string()).in_file(&shown));
                continue;
            }
        };
        match catalogs.add_override(&text, &shown.to_string_lossy()) {
            Ok(year) => {
                let stem = path
                    .file_stem()
                    .map(|s| s.to_string_lossy().into_owned())
                    .unwrap_or_default();
                if !stem.ends_with(&year.to_string()) {
                    diagnostics.push(
                        Diagnostic::new(
                            &crate::rules::catalog_name::RULE,
                            format!("ไฟล์ชื่อ {stem} แต่ประกาศปี {year} (the file declares framework {year})"),
                        )
                        .in_file(&shown),
                    );
                }
            }
            Err(e) => {
                let mut d = Diagnostic::new(&crate::rules::catalog::RULE, e.message_th()).in_file(&shown);
                if let Some(span) = &e.span {
                    d = d.at_offset(&text, span.start);
                }
                diagnostics.push(d);
            }
        }
    }
    catalogs
}

fn check_year(site: &mut Site, catalogs: &Catalogs, year: &Year, diagnostics: &mut Vec<Diagnostic>) {
    // Duplicate measure numbers, both files named.
    for pair in year.measures.windows(2) {
        let (a, b) = (&site.pages[pair[0]], &site.pages[pair[1]]);
        if measure_number(a) == measure_number(b) {
            let span = b.front.number.as_ref().map_or(0, |n| n.span().start);
            diagnostics.push(
                at(
                    b,
                    span,
                    Diagnostic::new(
                        &crate::rules::duplicate_measure::RULE,
                        format!(
                            "มาตรการที่ {} ซ้ำกับ {} (measure number {} is also used by {})",
                            measure_number(b),
                            a.file.display(),
                            measure_number(b),
                            a.file.display()
                        ),
                    ),
                )
                .with_help("give each measure of the year its own number (ให้เลขมาตรการไม่ซ้ำกันในปีเดียวกัน)"),
            );
        }
    }
    let catalog = catalogs.get(year.framework);
    // O-item ids against the year's catalog; default titles from it.
    for (&id, &i) in &year.o_items {
        let page = &site.pages[i];
        match catalog.and_then(|c| c.item(id)) {
            Some(item) if site.pages[i].title.is_empty() => {
                site.pages[i].title = format!("{id} {}", item.title_th);
            }
            Some(_) => {}
            None if catalog.is_some() => {
                let span = page.front.item.as_ref().map_or(0, |v| v.span().start);
                diagnostics.push(unknown_item(page, span, id, year.framework));
            }
            None => {}
        }
    }
    for &i in &year.measures {
        let page = &site.pages[i];
        if let (KindData::Measure(m), Some(catalog)) = (&page.data, catalog) {
            for id in &m.items {
                if catalog.item(*id).is_none() {
                    let span = page.front.items.as_ref().map_or(0, |v| v.span().start);
                    diagnostics.push(unknown_item(page, span, *id, year.framework));
                }
            }
        }
    }
    // A report round with measures that have no entry.
    for &r in &year.reports {
        let round = report_round(&site.pages[r]);
        let missing: Vec<String> = year
            .measures
            .iter()
            .filter(|&&m| matches!(&site.pages[m].data, KindData::Measure(x) if x.progress_for(round).is_none()))
            .map(|&m| measure_number(&site.pages[m]).to_string())
            .collect();
        if !missing.is_empty() {
            let page = &site.pages[r];
            diagnostics.push(
                Diagnostic::new(&crate::rules::report_missing_entry::RULE, format!("มาตรการที่ {} ยังไม่มีผลรอบที่ {round} จะแสดงเป็น \"ยังไม่รายงาน\" (measures {} have no round-{round} entry and are shown as not reported)", missing.join(", "), missing.join(", ")))
                    .in_file(&page.file)
                    .with_help(format!("add [[progress]] round = {round} to those measures (เพิ่ม [[progress]] round = {round})")),
            );
        }
    }
}

fn check_analysis(page: &Page, catalogs: &Catalogs, diagnostics: &mut Vec<Diagnostic>) {
    let KindData::Analysis { analysis, .. } = &page.data else {
        return;
    };
    let total = analysis.scores.total();
    if let (Some(published), Some(total)) = (analysis.published_total, total) {
        if (round2(published) - round2(total)).abs() > 0.005 {
            let span = page.front.published_total.as_ref().map_or(0, |v| v.span().start);
            diagnostics.push(at(
                page,
                span,
                Diagnostic::new(&crate::rules::published_total::RULE, format!("คะแนนรวมที่ประกาศ {published:.2} ไม่ตรงกับที่คำนวณได้ {:.2} (published total {published:.2}, computed {:.2})", round2(total), round2(total))),
            ).with_help("check the ten indicator scores in [scores] (ตรวจคะแนนตัวชี้วัดใน [scores])"));
        }
    }
    if let (Some(grade), Some(raw)) = (&analysis.published_grade, &page.front.published_grade) {
        match (Verdict::parse(grade), total) {
            (Ok(verdict), Some(total)) if !verdict.agrees_with_total(round2(total)) => {
                let expected = Verdict::for_year(analysis.assessed_year, round2(total));
                diagnostics.push(at(
                    page,
                    raw.span().start,
                    Diagnostic::new(&crate::rules::published_grade::RULE, format!("ผลที่ประกาศ \"{grade}\" ไม่ตรงกับคะแนนที่คำนวณได้ {:.2} ({}) (published grade disagrees with the computed total)", round2(total), expected.label_th())),
                ));
            }
            (Err(e), _) => diagnostics.push(at(
                page,
                raw.span().start,
                Diagnostic::new(&crate::rules::grade_unknown::RULE, e.message_th()),
            )),
            _ => {}
        }
    }
    if let (Some(failed), Some(catalog)) = (&analysis.oit_failed, catalogs.get(analysis.assessed_year)) {
        let raw_span = page.front.oit_failed.as_ref().map_or(0, |v| v.span().start);
        match crate::ita::oit::oit_from_failed(catalog, failed) {
            Ok(computed) => {
                for indicator in [9u8, 10] {
                    if let (Some(given), Some(value)) = (analysis.scores.get(indicator), computed.indicator(indicator))
                    {
                        if (round2(given) - round2(value)).abs() > 0.005 {
                            diagnostics.push(at(
                                page,
                                raw_span,
                                Diagnostic::new(&crate::rules::indicator_mismatch::RULE, format!("ตัวชี้วัดที่ {indicator} ให้ไว้ {given:.2} แต่คำนวณจาก oit_failed ได้ {:.2} (indicator {indicator}: given {given:.2}, computed from oit_failed {:.2})", round2(value), round2(value))),
                            ));
                        }
                    }
                }
            }
            Err(e) => diagnostics.push(at(
                page,
                raw_span,
                Diagnostic::new(&crate::rules::unknown_item::RULE, e.message_th()),
            )),
        }
    }
}

/// Adds `<year>/oit/`, the O-item catalog page of each year, unless the portal has its own
/// section there (then that section shows the catalog). O-item pages of the year sit under it.
fn add_catalog_pages(site: &mut Site, model: &mut ItaModel) {
    for year in model.years.values_mut() {
        let section_path = site.pages[year.section].path.clone();
        let path = format!("{section_path}oit/");
        let existing = site.pages.iter().position(|p| p.path == path);
        let index = match existing {
            Some(i) if site.pages[i].is_section && site.pages[i].kind == PageKind::Page => {
                site.pages[i].kind = PageKind::OitCatalog;
                i
            }
            Some(_) => continue,
            None => {
                let lang = site.config.language.as_str();
                let title = if lang == "en" {
                    format!("OIT items, framework {}", year.framework)
                } else {
                    format!("รายการข้อมูลสาธารณะ (OIT) ปีงบประมาณ พ.ศ. {}", year.fiscal_year)
                };
                let title = if site.config.thai_digits {
                    crate::thai::digits::to_thai_digits(&title)
                } else {
                    title
                };
                let mut page = super::assemble::implicit_home(&title);
                page.file = site.pages[year.section].file.clone();
                page.is_section = false;
                page.kind = PageKind::OitCatalog;
                page.dir = format!("{}oit", section_path);
                page.path = path;
                page.parent = Some(year.section);
                page.fiscal_year = Some(year.fiscal_year);
                page.weight = i64::MAX;
                site.pages.push(page);
                let i = site.pages.len() - 1;
                site.pages[year.section].subsections.push(i);
                i
            }
        };
        year.catalog_page = Some(index);
        // O-item pages move under the catalog page (breadcrumbs: year → catalog → item).
        for &item_page in year.o_items.values() {
            if site.pages[item_page].parent == Some(year.section) {
                site.pages[year.section].pages.retain(|&p| p != item_page);
                site.pages[item_page].parent = Some(index);
                site.pages[index].pages.push(item_page);
            }
        }
        let pages = &site.pages;
        let mut children = pages[index].pages.clone();
        children.sort_by_key(|&p| match &pages[p].data {
            KindData::OItem(o) => (o.item.number(), p),
            _ => (u16::MAX, p),
        });
        site.pages[index].pages = children;
    }
}
