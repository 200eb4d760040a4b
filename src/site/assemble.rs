//! Assembling loaded pages into a site: sections and their pages, fiscal years, ordering,
//! previous/next, and the checks that need the whole site (kinds, URL collisions).

use std::collections::HashMap;
use std::path::PathBuf;

use super::{Page, Site};
use crate::diag::{did_you_mean, Diagnostic};
use crate::model::front::KIND_KEYS;
use crate::model::values;
use crate::model::PageKind;

pub fn assemble(site: &mut Site, diagnostics: &mut Vec<Diagnostic>) {
    if site.home().is_none() {
        site.pages.push(implicit_home(&site.config.title));
    }
    if !site.pages.iter().any(|p| p.path == "search/") {
        let mut search = implicit_home(crate::i18n::get(&site.config.language, "search"));
        search.is_section = false;
        search.kind = PageKind::Search;
        search.dir = String::new();
        search.path = "search/".to_string();
        search.weight = i64::MAX;
        site.pages.push(search);
    }
    // Stable order whatever the load order: by path, sections first.
    site.pages
        .sort_by(|a, b| (&a.path, !a.is_section, &a.file).cmp(&(&b.path, !b.is_section, &b.file)));
    check_kinds(&site.pages, diagnostics);

    let sections: HashMap<String, usize> = site
        .pages
        .iter()
        .enumerate()
        .filter(|(_, p)| p.is_section)
        .map(|(i, p)| (p.dir.clone(), i))
        .collect();
    for i in 0..site.pages.len() {
        let page = &site.pages[i];
        let mut dir = page.dir.clone();
        let parent = loop {
            if !page.is_section || dir != page.dir {
                if let Some(&s) = sections.get(&dir) {
                    if s != i {
                        break Some(s);
                    }
                }
            }
            if dir.is_empty() {
                break None;
            }
            dir = dir.rfind('/').map_or_else(String::new, |j| dir[..j].to_string());
        };
        site.pages[i].parent = parent;
    }
    for i in 0..site.pages.len() {
        if let Some(parent) = site.pages[i].parent {
            if site.pages[i].is_section {
                site.pages[parent].subsections.push(i);
            } else {
                site.pages[parent].pages.push(i);
            }
        }
    }
    assign_fiscal_years(site, diagnostics);
    order_children(site);
}

pub fn implicit_home(title: &str) -> Page {
    Page {
        file: PathBuf::from("content/_index.md"),
        front_text: "".into(),
        source_hash: None,
        front: Default::default(),
        front_offset: 0,
        body_offset: 0,
        kind: PageKind::Page,
        is_section: true,
        dir: String::new(),
        path: String::new(),
        title: title.to_string(),
        description: None,
        date: None,
        updated: None,
        weight: 0,
        draft: false,
        parent: None,
        pages: Vec::new(),
        subsections: Vec::new(),
        prev: None,
        next: None,
        fiscal_year: None,
        data: crate::model::KindData::Page,
        warnings: Vec::new(),
    }
}

fn check_kinds(pages: &[Page], diagnostics: &mut Vec<Diagnostic>) {
    for page in pages {
        if let Some(kind) = &page.front.kind {
            let written = kind.get_ref().trim();
            if PageKind::parse(written).is_none() {
                let kinds = PageKind::written_names().collect::<Vec<_>>().join(", ");
                let help = match did_you_mean(written, PageKind::written_names()) {
                    Some(best) => format!("did you mean `{best}`? (หรือหมายถึง `{best}`) — kinds: {kinds}"),
                    None => format!("kinds: {kinds}"),
                };
                diagnostics.push(
                    Diagnostic::new(
                        &crate::rules::unknown_kind::RULE,
                        format!("ไม่รู้จักชนิดหน้า `{written}` (unknown kind)"),
                    )
                    .in_file(&page.file)
                    .at_offset(&page.front_text, page.front_offset + kind.span().start)
                    .with_help(help),
                );
                continue;
            }
        }
        let kind = if page.is_section { "section" } else { page.kind.as_str() };
        for (key, span) in page.front.set_kind_keys() {
            let allowed = KIND_KEYS
                .iter()
                .find(|(k, _)| *k == key)
                .map_or(&[][..], |(_, kinds)| *kinds);
            if !allowed.contains(&kind) {
                diagnostics.push(
                    Diagnostic::new(
                        &crate::rules::key_not_for_kind::RULE,
                        format!("`{key}` ใช้กับหน้าชนิด `{kind}` ไม่ได้ (`{key}` is not a key of kind `{kind}`)"),
                    )
                    .in_file(&page.file)
                    .at_offset(&page.front_text, page.front_offset + span.start)
                    .with_help(format!(
                        "`{key}` belongs to: {} (ใช้กับ {})",
                        allowed.join(", "),
                        allowed.join(", ")
                    )),
                );
            }
        }
    }
}

/// `/old/page.html` → `old/page.html`, `/old/` → `old/`, `old` → `old/`.
pub fn normalize_alias(alias: &str) -> String {
    let trimmed = alias.trim().trim_start_matches('/');
    if trimmed.ends_with('/') || trimmed.ends_with(".html") || trimmed.ends_with(".htm") {
        trimmed.to_string()
    } else {
        format!("{trimmed}/")
    }
}

fn assign_fiscal_years(site: &mut Site, diagnostics: &mut Vec<Diagnostic>) {
    // Parents come before children in path order, so one pass suffices.
    let order: Vec<usize> = {
        let mut o: Vec<usize> = (0..site.pages.len()).collect();
        o.sort_by_cached_key(|&i| site.pages[i].path.matches('/').count());
        o
    };
    for i in order {
        let inherited = site.pages[i].parent.and_then(|p| site.pages[p].fiscal_year);
        let page = &site.pages[i];
        let own = match (&page.front.fiscal_year, page.is_section) {
            (Some(raw), true) => match values::integer(raw.get_ref()) {
                Ok(year) if (2400..=2700).contains(&year) => Some(year as i32),
                Ok(year) => {
                    diagnostics.push(
                        Diagnostic::new(
                            &crate::rules::fiscal_year::RULE,
                            format!("ปีงบประมาณ {year} ต้องเป็นปี พ.ศ. (a fiscal year is a BE year such as 2564)"),
                        )
                        .in_file(&page.file)
                        .at_offset(&page.front_text, page.front_offset + raw.span().start)
                        .with_help(format!(
                            "BE = CE + 543: did you mean {}? (พ.ศ. = ค.ศ. + 543)",
                            year + 543
                        )),
                    );
                    None
                }
                Err(message) => {
                    diagnostics.push(
                        Diagnostic::new(&crate::rules::fiscal_year::RULE, format!("`fiscal_year`: {message}"))
                            .in_file(&page.file)
                            .at_offset(&page.front_text, page.front_offset + raw.span().start),
                    );
                    None
                }
            },
            _ => None,
        };
        site.pages[i].fiscal_year = own.or(inherited);
    }
}

fn order_children(site: &mut Site) {
    for i in 0..site.pages.len() {
        let sort_by = site.pages[i]
            .front
            .sort_by
            .as_ref()
            .map(|s| s.get_ref().as_str())
            .unwrap_or("weight");
        let pages = &site.pages;
        let key = |&a: &usize, &b: &usize| {
            let (pa, pb) = (&pages[a], &pages[b]);
            let primary = match sort_by {
                "date" => pb.date.cmp(&pa.date),
                "title" => pa.title.cmp(&pb.title),
                _ => pa.weight.cmp(&pb.weight),
            };
            primary.then_with(|| pa.path.cmp(&pb.path))
        };
        let mut children = pages[i].pages.clone();
        children.sort_by(key);
        let mut subsections = pages[i].subsections.clone();
        subsections.sort_by(key);
        site.pages[i].pages = children;
        site.pages[i].subsections = subsections;
    }
}

/// Previous/next links follow each section's final page order; run after every stage that
/// moves or reorders pages (the ITA stage puts O-item pages under the catalog page).
pub fn link_siblings(site: &mut Site) {
    for i in 0..site.pages.len() {
        let children = site.pages[i].pages.clone();
        for (n, &child) in children.iter().enumerate() {
            site.pages[child].prev = n.checked_sub(1).map(|m| children[m]);
            site.pages[child].next = children.get(n + 1).copied();
        }
    }
}
