//! What the search index holds for each page: its title and plain text, plus the text of
//! the ITA fields that pages show from front matter (steps, owners, results, links), so a
//! reader finds a measure by what its table says.

use rayon::prelude::*;

use super::{Page, Site};
use crate::model::KindData;
use crate::search::SearchDoc;

/// The kinds that are listings of other pages; indexing them would only repeat their pages.
const SKIPPED: &[&str] = &[super::ita::CATALOG_KIND, SEARCH_KIND];

pub const SEARCH_KIND: &str = "search";

pub fn search_docs(site: &Site) -> Vec<SearchDoc> {
    site.pages.par_iter().filter(|p| is_indexed(p)).map(doc_of).collect()
}

/// [`search_docs`] for a build that is done with the page bodies: each page's rendered HTML
/// and plain text are released as its document is made, so the documents never exist
/// beside a full copy of the text they come from.
pub fn take_search_docs(site: &mut Site) -> Vec<SearchDoc> {
    site.pages
        .par_iter_mut()
        .filter_map(|page| {
            let doc = is_indexed(page).then(|| doc_of(page));
            let rendered = std::sync::Arc::make_mut(&mut page.rendered);
            rendered.html = String::new();
            rendered.plain = String::new();
            doc
        })
        .collect()
}

fn is_indexed(page: &Page) -> bool {
    !SKIPPED.contains(&page.kind.as_str())
}

/// The search document of one page.
fn doc_of(p: &Page) -> SearchDoc {
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
    text.push_str(&p.rendered.plain);
    SearchDoc {
        url: p.path.clone(),
        title: p.title.clone(),
        text,
    }
}
