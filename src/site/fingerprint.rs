//! A fingerprint of everything a page's template context holds, computed without building
//! the context: two builds give a page the same fingerprint only if its context would be the
//! same, so `serve` re-renders just the pages whose fingerprint moved.
//!
//! `build` keeps them in the output's manifest, so the next build renders only the pages
//! whose fingerprint moved too.
//!
//! This mirrors [`Site::context`](super::Site::context) field by field; a field added there
//! must be added here (the incremental-rebuild property tests in `tests/integration/serve.rs`
//! and `tests/integration/incremental.rs` fail otherwise). Site-wide inputs (config,
//! templates, theme, the shared context) are not part of it: a change to them rebuilds
//! everything.

use std::hash::{DefaultHasher, Hash, Hasher};
use std::io::Write;

use rayon::prelude::*;
use rustc_hash::FxHashMap;

use super::Site;

/// What other pages' contexts show of a page (`PageSummary`).
fn summary_hash(site: &Site, i: usize) -> u64 {
    let p = &site.pages[i];
    let mut h = DefaultHasher::new();
    (
        &p.title,
        &p.path,
        &p.description,
        &p.kind,
        p.date,
        p.fiscal_year,
        p.weight,
    )
        .hash(&mut h);
    h.finish()
}

/// Fingerprints of every page, keyed by output path.
pub fn fingerprints(site: &Site, template: impl Fn(usize) -> String + Sync) -> FxHashMap<String, u64> {
    page_prints(site, template)
        .into_iter()
        .zip(&site.pages)
        .map(|(print, p)| (p.output_path(), print))
        .collect()
}

/// The fingerprint of what every page's context shares (`Site::shared_context`: config,
/// navigation, years, interface strings).
pub fn shared_print(site: &Site) -> u64 {
    let mut h = DefaultHasher::new();
    let _ = serde_json::to_writer(HashWriter(&mut h), &site.shared_context());
    h.finish()
}

/// Fingerprints of every page, by page index. A page with a file counts the hash of its
/// text (everything loading and rendering derive from it: body HTML, table of contents,
/// front matter, typed data); the pages a build makes count their front text and title.
pub fn page_prints(site: &Site, template: impl Fn(usize) -> String + Sync) -> Vec<u64> {
    let summaries: Vec<u64> = (0..site.pages.len())
        .into_par_iter()
        .map(|i| summary_hash(site, i))
        .collect();
    let nav: Vec<u64> = match site.home() {
        Some(home) => {
            let h = &site.pages[home];
            h.subsections.iter().chain(&h.pages).map(|&i| summaries[i]).collect()
        }
        None => Vec::new(),
    };
    site.pages
        .par_iter()
        .enumerate()
        .map(|(i, p)| {
            let mut h = DefaultHasher::new();
            template(i).hash(&mut h);
            match p.source_hash {
                Some(t) => t.hash(&mut h),
                None => (&p.front_text, &p.title).hash(&mut h),
            }
            // page: summary plus what only the page itself shows
            summaries[i].hash(&mut h);
            (p.updated, p.is_section, &p.file).hash(&mut h);
            // section, children, breadcrumbs, navigation, previous and next
            let related = |list: &[usize], h: &mut DefaultHasher| {
                list.len().hash(h);
                for &j in list {
                    summaries[j].hash(h);
                }
            };
            related(p.parent.as_slice(), &mut h);
            related(&p.pages, &mut h);
            related(&p.subsections, &mut h);
            let mut chain = Vec::new();
            let mut current = p.parent;
            while let Some(j) = current {
                chain.push(j);
                current = site.pages[j].parent;
            }
            related(&chain, &mut h);
            nav.hash(&mut h);
            related(p.prev.as_slice(), &mut h);
            related(p.next.as_slice(), &mut h);
            // the ITA view, which reads other pages of the year
            let ita = site.ita_view(i);
            if !ita.is_null() {
                let _ = serde_json::to_writer(HashWriter(&mut h), &ita);
            }
            h.finish()
        })
        .collect()
}

struct HashWriter<'a>(&'a mut DefaultHasher);

impl Write for HashWriter<'_> {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        self.0.write(buf);
        Ok(buf.len())
    }
    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}
