//! `check`: the rules that find a webmaster's mistakes. Every diagnostic prongsai emits has a
//! registered code (`rules::ALL`, one file per rule under `rules/`). Checks that are part of a
//! model stage (TOML parsing, typing the front matter) stay in that stage and use the rule's
//! code; the checks that need the whole loaded site or the rendered output live in their rule
//! file and run from here, in `build` and `check` alike.

pub mod body;
pub mod book;
pub mod html;
pub mod outputs;
pub mod rules;

use std::collections::BTreeMap;
use std::path::PathBuf;

use rayon::prelude::*;

use crate::diag::{Collected, Diagnostic, Level};
use crate::site::body::{Body, Placer};
use crate::site::{Page, Site};
pub use outputs::{Outputs, RecordingSink};

/// A check rule: its code (`unknown-key`), its default level and a one-line summary, Thai
/// first with English in brackets. The rule's `//!` doc comment is its page in the book.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Rule {
    pub code: &'static str,
    pub level: Level,
    pub summary: &'static str,
}

impl Diagnostic {
    /// A diagnostic of `rule` at the rule's default level.
    pub fn new(rule: &Rule, message: impl Into<String>) -> Diagnostic {
        match rule.level {
            Level::Error => Diagnostic::error(rule.code, message),
            Level::Warning => Diagnostic::warning(rule.code, message),
        }
    }
}

/// The rules over the loaded site that need neither page bodies nor rendered output:
/// attachments, collisions of copied files, dates against the fiscal year.
pub fn site_rules(site: &Site) -> Vec<Diagnostic> {
    let mut diagnostics = Vec::new();
    rules::url_collision::check(&site.pages, &site.assets, &mut diagnostics);
    diagnostics.extend(rules::attachment_missing::check(site));
    diagnostics.extend(rules::reserved_name::check(site));
    diagnostics.extend(rules::period_outside_fiscal_year::check(site));
    diagnostics.extend(rules::date_implausible::check(site));
    diagnostics
}

/// What one page body says: Lao letters, removed HTML and links, tables, link texts. Run
/// while the page is rendered, when its body is at hand.
pub fn body_rules(site: &Site, page: &Page, body: &Body) -> Vec<Diagnostic> {
    let facts = body::BodyFacts::of(page, body);
    let mut out = rules::lao_in_thai::check(page, body);
    out.extend(rules::raw_html_removed::check(
        page,
        body,
        &facts,
        site.config.trust_html,
    ));
    out.extend(rules::unsafe_link::check(page, body, &facts));
    out.extend(rules::table_header::check(page, body, &facts));
    out.extend(rules::link_text::check(page, body, &facts));
    out.extend(rules::file_link_info::check(site, page, body, &facts));
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
            let found = rules::broken_link::check_front(site, page, outputs);
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
    let (found, counted): (Vec<_>, Vec<_>) = rules::broken_link::check(site, page, links, outputs)
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_are_unique_sorted_and_named_after_their_file() {
        let codes: Vec<&str> = rules::ALL.iter().map(|r| r.code).collect();
        let mut sorted = codes.clone();
        sorted.sort_unstable();
        sorted.dedup();
        assert_eq!(codes, sorted);
        let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("src/check/rules");
        for rule in rules::ALL {
            let file = dir.join(format!("{}.rs", rule.code.replace('-', "_")));
            let text = std::fs::read_to_string(&file).unwrap_or_default();
            assert!(
                text.starts_with(&format!("//! `{}` — ", rule.code)),
                "{} must open with its `//!` doc",
                file.display()
            );
            assert!(
                rule.summary.contains('(') && rule.summary.ends_with(')'),
                "{}",
                rule.code
            );
        }
    }

    /// Every code a `Diagnostic` is made with in `src/` (as a string literal) is a registered
    /// rule, and emitted at the rule's level.
    #[test]
    fn every_code_used_in_src_is_registered() {
        let src = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
        let mut checked = 0;
        for entry in walkdir::WalkDir::new(&src) {
            let Ok(entry) = entry else { continue };
            // This file holds the scanner's own examples.
            if entry.path().extension().is_none_or(|e| e != "rs") || entry.path().ends_with("check/mod.rs") {
                continue;
            }
            let text = std::fs::read_to_string(entry.path()).unwrap_or_default();
            for (level, code) in literal_codes(&text) {
                if code == "t" {
                    continue; // the unit test of diag.rs
                }
                let rule = rules::find(&code)
                    .unwrap_or_else(|| panic!("{}: code `{code}` is not a registered rule", entry.path().display()));
                assert_eq!(
                    rule.level,
                    level,
                    "{}: `{code}` is emitted as {level:?} but registered as {:?}",
                    entry.path().display(),
                    rule.level
                );
                checked += 1;
            }
        }
        assert!(checked > 40, "the scan found only {checked} codes");
    }

    /// `error("code"` and `warning("code"` with any white space between, in Rust source.
    fn literal_codes(text: &str) -> Vec<(Level, String)> {
        let mut out = Vec::new();
        for (needle, level) in [("error(", Level::Error), ("warning(", Level::Warning)] {
            let mut from = 0;
            while let Some(i) = text[from..].find(needle) {
                let start = from + i + needle.len();
                from = start;
                let rest = text[start..].trim_start();
                let Some(rest) = rest.strip_prefix('"') else { continue };
                let Some(end) = rest.find('"') else { continue };
                let code = &rest[..end];
                if !code.is_empty() && code.chars().all(|c| c.is_ascii_lowercase() || c == '-') {
                    out.push((level, code.to_string()));
                }
            }
        }
        out
    }

    #[test]
    fn the_scan_reads_multi_line_calls() {
        let found = literal_codes("Diagnostic::error(\n    \"unknown-kind\",\n x); f.warning(\"date\", a)");
        assert_eq!(
            found,
            vec![(Level::Error, "unknown-kind".into()), (Level::Warning, "date".into())]
        );
    }
}
