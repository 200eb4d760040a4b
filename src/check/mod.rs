//! `check`: the rules that need the whole loaded site or a page's body and rendered output
//! (links, attachments, collisions, the body rules), run from the pipeline in one place
//! (`site_rules`, `body_rules`, `output_rules`). Every rule is registered in `crate::rules`
//! (one file per rule: its code, level and book page); the checks that belong to a model
//! stage (TOML parsing, typing the front matter) stay in that stage and name their rule
//! from there.

pub mod attachment_missing;
pub mod attachment_outside;
pub mod body;
pub mod book;
pub mod broken_link;
pub mod date_implausible;
pub mod file_link_info;
pub mod html;
pub mod lao_in_thai;
pub mod link_text;
pub mod outputs;
pub mod period_outside_fiscal_year;
pub mod periodic_gap;
pub mod raw_html_removed;
pub mod reserved_name;
pub mod table_header;
pub mod unsafe_link;
pub mod url_collision;

use std::collections::BTreeMap;
use std::path::PathBuf;

use rayon::prelude::*;

use crate::diag::{Collected, Diagnostic};
use crate::site::body::{Body, Placer};
use crate::site::{Page, Site};
pub use outputs::{Outputs, RecordingSink};

/// The rules over the loaded site that need neither page bodies nor rendered output:
/// attachments, collisions of copied files, dates against the fiscal year.
pub fn site_rules(site: &Site) -> Vec<Diagnostic> {
    let mut diagnostics = Vec::new();
    url_collision::check(&site.pages, &site.assets, &mut diagnostics);
    diagnostics.extend(attachment_missing::check(site));
    diagnostics.extend(reserved_name::check(site));
    diagnostics.extend(period_outside_fiscal_year::check(site));
    diagnostics.extend(periodic_gap::check(site));
    diagnostics.extend(date_implausible::check(site));
    diagnostics
}

/// What one page body says: Lao letters, removed HTML and links, tables, link texts. Run
/// while the page is rendered, when its body is at hand.
pub fn body_rules(site: &Site, page: &Page, body: &Body) -> Vec<Diagnostic> {
    let facts = body::BodyFacts::of(page, body);
    let mut out = lao_in_thai::check(page, body);
    out.extend(raw_html_removed::check(page, body, &facts, site.config.trust_html));
    out.extend(unsafe_link::check(page, body, &facts));
    out.extend(table_header::check(page, body, &facts));
    out.extend(link_text::check(page, body, &facts));
    out.extend(file_link_info::check(site, page, body, &facts));
    out
}

/// The rules `build` runs over pages once they are rendered, for a site whose bodies and
/// output are in memory (`serve`): the body rules of every page with a file, then the links
/// of every body and o-item against `outputs`. Keeps what `build` would print.
pub fn rendered_rules<'a>(site: &Site, body: impl Fn(usize) -> &'a Body + Sync, outputs: &Outputs) -> Collected {
    let per_page: Vec<Vec<Diagnostic>> = (0..site.pages.len())
        .into_par_iter()
        .filter(|&i| site.pages[i].source_hash.is_some())
        .map(|i| body_rules(site, &site.pages[i], body(i)))
        .collect();
    let mut found = Collected::printed();
    found.extend(per_page.into_iter().flatten());
    let links: Vec<(usize, &[(String, usize)])> = (0..site.pages.len())
        .map(|i| (i, body(i).rendered.links.as_slice()))
        .filter(|(_, links)| !links.is_empty())
        .collect();
    output_rules(site, &links, outputs, &mut found);
    found
}

/// [`body_rules`] of every page, each body read again and dropped after: for `check` of a
/// site that is not rendered.
pub fn all_body_rules(site: &Site) -> Vec<Diagnostic> {
    let per_page: Vec<Vec<Diagnostic>> = (0..site.pages.len())
        .into_par_iter()
        .filter(|&i| site.pages[i].source_hash.is_some())
        .map(|i| match Body::reload(site, i) {
            Ok(body) => body_rules(site, &site.pages[i], &body),
            Err(d) => vec![d],
        })
        .collect();
    per_page.into_iter().flatten().collect()
}

/// The rules over the rendered output: every internal link and anchor of every page body,
/// and of every o-item's `links`, resolves to a written file and an id in it. `links` are those of each page body (page
/// index, destination and offset), kept from rendering; a page's file is read again only to
/// place its problems, and decoded only around them. The problems go into `into` a few
/// hundred pages at a time, so a build that keeps only what it prints never holds them all.
pub fn output_rules<L: AsRef<[(String, usize)]> + Sync>(
    site: &Site,
    links: &[(usize, L)],
    outputs: &Outputs,
    into: &mut Collected,
) {
    for pages in links.chunks(512) {
        let cutoffs = into.cutoffs();
        let per_page: Vec<(Vec<Diagnostic>, Vec<&'static str>)> = pages
            .par_iter()
            .map(|(i, links)| page_output_rules(site, &site.pages[*i], links.as_ref(), outputs, &cutoffs))
            .collect();
        for (found, counted) in per_page {
            into.extend(found);
            for code in counted {
                into.count(code);
            }
        }
    }
    let front: Vec<Diagnostic> = site
        .pages
        .par_iter()
        .filter(|p| matches!(p.data, crate::model::KindData::OItem(_)))
        .flat_map_iter(|page| {
            let found = broken_link::check_front(site, page, outputs);
            found.into_iter().map(|(at, d)| {
                d.in_file(&page.file)
                    .at_offset(&page.front_text, at.min(page.front_text.len()))
            })
        })
        .collect();
    into.extend(front);
}

/// The problems of one page's links, placed in its file, and the codes of the warnings that
/// sort after what `cutoffs` says is printed (counted, not placed: placing reads the file).
fn page_output_rules(
    site: &Site,
    page: &Page,
    links: &[(String, usize)],
    outputs: &Outputs,
    cutoffs: &BTreeMap<&'static str, Option<PathBuf>>,
) -> (Vec<Diagnostic>, Vec<&'static str>) {
    let (found, counted): (Vec<_>, Vec<_>) = broken_link::check(site, page, links, outputs)
        .into_iter()
        .map(|(at, d)| (at, d.in_file(&page.file)))
        .partition(|(_, d)| d.is_error() || cutoffs.get(d.code).is_none_or(|last| d.file <= *last));
    let counted = counted.into_iter().map(|(_, d)| d.code).collect();
    if found.is_empty() {
        return (Vec::new(), counted);
    }
    let placer = Placer::of(&site.root, page);
    (found.into_iter().map(|(at, d)| placer.place(d, at)).collect(), counted)
}
