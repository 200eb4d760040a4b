//! What the search index holds for each page: its title and plain text, plus the text of
//! the ITA fields that pages show from front matter (steps, owners, results, links), so a
//! reader finds a measure by what its table says.

use rayon::prelude::*;

use super::body::Body;
use super::{Page, Site};
use crate::model::KindData;
use crate::model::PageKind;
use crate::search::SearchDoc;

/// The documents of every indexed page; `body(i)` is the body of page `i`.
pub fn search_docs<'a>(site: &Site, body: impl Fn(usize) -> &'a Body + Sync) -> Vec<SearchDoc> {
    (0..site.pages.len())
        .into_par_iter()
        .filter(|&i| is_indexed(&site.pages[i]))
        .map(|i| doc_of(&site.pages[i], body(i)))
        .collect()
}

pub fn is_indexed(page: &Page) -> bool {
    // listings of other pages: indexing them would only repeat their pages
    !matches!(page.kind, PageKind::OitCatalog | PageKind::Search)
}

/// The search document of one page.
pub fn doc_of(p: &Page, body: &Body) -> SearchDoc {
    let mut text = String::new();
    if let Some(d) = &p.description {
        text.push_str(d);
        text.push('\n');
    }
    match &p.data {
        KindData::Measure(m) => {
            for part in m.steps.iter().chain(&m.owners).chain(&m.period).chain(&m.reporting) {
                text.push_str(part);
                text.push('\n');
            }
            for progress in &m.progress {
                for part in [&progress.result, &progress.outcome, &progress.suggestion]
                    .into_iter()
                    .flatten()
                {
                    text.push_str(part);
                    text.push('\n');
                }
            }
        }
        KindData::OItem(o) => {
            text.push_str(&o.item.to_string());
            text.push('\n');
            for link in &o.links {
                text.push_str(&link.title);
                text.push('\n');
            }
        }
        KindData::Analysis { analysis, .. } => {
            for f in &analysis.findings {
                text.push_str(&f.text);
                text.push('\n');
            }
        }
        _ => {}
    }
    text.push_str(&body.rendered.plain);
    SearchDoc {
        url: p.path.clone(),
        title: p.title.clone(),
        text,
    }
}
