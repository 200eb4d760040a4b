//! `build`'s cache: what the last build remembered in its output's manifest ([`BuildRecord`]),
//! trusted only for files the output still holds as that build wrote them (`Publish`).
//!
//! - No input changed and the output is as written: the build is skipped ([`up_to_date`]).
//! - Under the same site-wide inputs and shared context, a page whose fingerprint did not
//!   move is kept without rendering; if its body rules found nothing last time, without
//!   reading its file either (its links are remembered).
//! - The search index lends the postings of every page whose fragment did not change.

use std::collections::HashMap;
use std::path::Path;

use serde::{Deserialize, Serialize};

use super::fingerprint::Prints;
use super::inputs::InputPrints;
use super::{Cache, Links};
use crate::output::manifest::Manifest;
use crate::output::publish::Publish;
use crate::output::Stored;
use crate::search::reuse::{IndexRecord, Previous};
use crate::site::Site;

/// What a build remembers for the next one, stored in the output's manifest.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct BuildRecord {
    /// The fingerprint of every input of the build, when it was known.
    pub inputs: Option<u64>,
    /// The fingerprint of what every page shares: site-wide inputs and the shared context.
    /// The page fingerprints hold only under the same one.
    pub shared: Option<u64>,
    /// Page output path → fingerprint of its context (`cache::fingerprint`).
    pub prints: HashMap<String, u64>,
    pub pages: usize,
    /// What the search index remembers of its pages.
    pub search: Option<crate::search::reuse::IndexRecord>,
    /// The body links of each page (by output path) whose body rules found nothing.
    pub bodies: HashMap<String, Links>,
    /// The warnings of the build, as printed, replayed when a build is skipped.
    pub warnings: Vec<String>,
}

impl BuildRecord {
    /// The memo of the manifest `manifest`; empty when it has none or one of another shape.
    pub fn of(manifest: &Manifest) -> BuildRecord {
        BuildRecord::deserialize(&manifest.memo).unwrap_or_default()
    }
}

/// A build skipped because nothing changed: what the last one printed.
#[derive(Debug, Clone)]
pub struct Replay {
    pub pages: usize,
    pub warnings: Vec<String>,
}

/// The skipped build, when the inputs are those of the last build and the output folder is
/// exactly as that build left it.
pub fn up_to_date(out: &Path, inputs: Option<InputPrints>) -> Option<Replay> {
    let inputs = inputs?;
    if !out.is_dir() {
        return None;
    }
    let manifest = Manifest::read(out);
    let memo = BuildRecord::of(&manifest);
    if memo.inputs != Some(inputs.all) || !manifest.describes(out) {
        return None;
    }
    Some(Replay {
        pages: memo.pages,
        warnings: memo.warnings,
    })
}

type Read<'p> = Box<dyn Fn(&str) -> Option<Vec<u8>> + Sync + 'p>;

/// The cache of a build publishing through `publish`.
pub struct DiskCache<'p> {
    publish: &'p Publish,
    previous: BuildRecord,
    inputs: Option<InputPrints>,
    /// The shared fingerprint of this build, once known.
    shared: Option<u64>,
    read: Read<'p>,
}

impl<'p> DiskCache<'p> {
    /// The cache of the last build whose output `publish` replaces; `inputs` are the
    /// fingerprints of this build's inputs (`None` when they could not be read: nothing is
    /// then kept).
    pub fn open(publish: &'p Publish, inputs: Option<InputPrints>) -> DiskCache<'p> {
        DiskCache {
            publish,
            previous: BuildRecord::of(publish.previous()),
            inputs,
            shared: None,
            read: Box::new(move |path| publish.read_as_written(path)),
        }
    }

    /// What the next build may reuse of a build of `site` (what `pipeline::run` gave: the
    /// page fingerprints, the body links, the pages whose body rules found nothing, the
    /// search index's record and the warnings as printed), for the manifest
    /// ([`Publish::commit`]).
    pub fn memo(self, site: &Site, done: Remember<'_>) -> serde_json::Value {
        let memo = BuildRecord {
            inputs: self.inputs.map(|i| i.all),
            shared: self.shared,
            prints: site
                .pages
                .iter()
                .map(|p| p.output_path())
                .zip(done.prints.pages.iter().copied())
                .collect(),
            pages: site.pages.len(),
            search: done.index.clone(),
            bodies: {
                let mut links: HashMap<usize, &Links> = done.links.iter().map(|(i, l)| (*i, l)).collect();
                done.quiet
                    .iter()
                    .map(|i| {
                        (
                            site.pages[*i].output_path(),
                            links.remove(i).cloned().unwrap_or_default(),
                        )
                    })
                    .collect()
            },
            warnings: done.warnings,
        };
        serde_json::to_value(memo).unwrap_or_default()
    }
}

/// What a build gives its disk cache to remember, by page index of its site.
pub struct Remember<'a> {
    pub prints: &'a Prints,
    pub links: &'a [(usize, Links)],
    pub quiet: &'a [usize],
    pub index: Option<IndexRecord>,
    pub warnings: Vec<String>,
}

impl Cache for DiskCache<'_> {
    fn begin(&mut self, shared_print: u64) {
        self.shared = self.inputs.map(|i| {
            let mut bytes = i.site_wide.to_le_bytes().to_vec();
            bytes.extend(shared_print.to_le_bytes());
            super::fingerprint::hash(&bytes)
        });
    }

    fn keep(&self, path: &str, print: u64) -> Option<Stored> {
        let same = self.shared.is_some() && self.previous.shared == self.shared;
        if !same || self.previous.prints.get(path) != Some(&print) {
            return None;
        }
        self.publish.keep(path).map(Stored::OnDisk)
    }

    fn remembered_links(&self, path: &str) -> Option<&Links> {
        self.previous.bodies.get(path)
    }

    fn previous_index(&self) -> Option<Previous<'_>> {
        let memo = self.previous.search.as_ref()?;
        Previous::load(memo, crate::engine::id(), &*self.read)
    }
}
