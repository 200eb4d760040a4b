//! Rebuilding for `serve`: the pipeline (`pipeline::run`) into memory with a
//! [`MemoryCache`], so after Markdown edits only the changed files are read again and only
//! the pages whose fingerprint moved are rendered again. Config, template, theme or asset
//! changes start from an empty cache. The checks and, once there is an index to reuse, the
//! search index are left to a background job ([`SearchJob`]), so pages reach the browser
//! first. The result is byte-identical to a build (tested over random edit sequences).

use std::path::{Path, PathBuf};
use std::sync::Arc;

pub use crate::cache::memory::Files;
use crate::cache::memory::{Index, MemoryCache};
use crate::check::Outputs;
use crate::diag::{Collected, Diagnostic};
use crate::output::MemorySink;
use crate::pipeline::{self, Inputs, Plan};
use crate::search::reuse::Previous;
use crate::site::body::Body;
use crate::site::{BuildOptions, Site};
use crate::theme::Theme;
use crate::timings::Stages;

/// A successful rebuild.
#[derive(Debug)]
pub struct Outcome {
    pub files: Files,
    pub warnings: Vec<Diagnostic>,
    pub pages: usize,
    /// Pages rendered this time.
    pub rendered: usize,
    /// Output paths whose bytes changed.
    pub changed: Vec<String>,
}

/// What one rebuild leaves to be done off the rebuild thread: the checks `build` runs over
/// the rendered pages, and its search index unless the rebuild made it itself.
pub struct SearchJob {
    pub generation: u64,
    site: Site,
    /// The body of each page of `site`.
    bodies: Vec<Arc<Body>>,
    /// The index in use, whose postings the pages it indexed alike are taken from; `None`
    /// when the rebuild made its index itself.
    previous: Option<Index>,
    /// The rebuild's output, for the link checks.
    files: Files,
}

/// What a [`SearchJob`] gives.
pub struct Background {
    /// The new search index, if the job made one.
    pub index: Option<Index>,
    /// The problems the body and link rules found, as `build` would print them.
    pub checks: Collected,
}

impl SearchJob {
    pub fn run(self) -> Background {
        let outputs = Outputs::of_files(self.files.iter().map(|(path, bytes)| (&**path, bytes)));
        let read = |path: &str| self.previous.as_ref().and_then(|p| p.read(path));
        let previous = self
            .previous
            .as_ref()
            .map(|p| Previous::load(&p.memo, crate::engine::id(), &read));
        let (checks, index) = pipeline::deferred(&self.site, |i| &self.bodies[i], &outputs, previous);
        Background {
            index: index.map(|(files, memo)| Index {
                files: files.into_iter().map(|(k, v)| (Arc::from(k), Arc::from(v))).collect(),
                memo,
            }),
            checks,
        }
    }
}

pub struct Rebuilder {
    root: PathBuf,
    options: BuildOptions,
    inputs: Option<Inputs>,
    cache: MemoryCache,
    /// The last good output, and its search index.
    files: Files,
    search: Index,
    defer_search: bool,
    search_generation: u64,
    /// The site of the newest rebuild whose background work is not taken yet, and whether
    /// its index is still to be made.
    pending: Option<(Site, bool)>,
}

impl Rebuilder {
    pub fn new(root: &Path, options: BuildOptions) -> Rebuilder {
        Rebuilder {
            root: root.to_path_buf(),
            options,
            inputs: None,
            cache: MemoryCache::default(),
            files: Files::default(),
            search: Index::default(),
            defer_search: false,
            search_generation: 0,
            pending: None,
        }
    }

    /// Reads and renders everything.
    pub fn full(&mut self) -> Result<Outcome, Vec<Diagnostic>> {
        self.inputs = None;
        self.cache.clear();
        self.search = Index::default();
        let inputs = Inputs::load(&self.root, &self.options)?;
        if let Err(errors) = &inputs.look {
            return Err(errors.clone());
        }
        self.inputs = Some(inputs);
        self.render()
    }

    /// Reads the changed Markdown files again (`content`-relative paths) and renders what
    /// depends on them. Falls back to a full build when nothing is cached yet.
    pub fn content_changed(&mut self, changed: &[String]) -> Result<Outcome, Vec<Diagnostic>> {
        if self.inputs.is_none() {
            return self.full();
        }
        self.cache.changed(changed);
        self.render()
    }

    /// Runs the pipeline over the cache and makes its output what is served.
    fn render(&mut self) -> Result<Outcome, Vec<Diagnostic>> {
        let Some(inputs) = self.inputs.as_ref() else {
            return Err(Vec::new());
        };
        let mut clock = Stages::start();
        let sink = MemorySink::default();
        let reuse_index = self.defer_search && !self.search.files.is_empty();
        let plan = Plan {
            defer_index: reuse_index,
            ..Plan::SERVE
        };
        let run = pipeline::run(
            &self.root,
            inputs,
            &self.options,
            &mut self.cache,
            &sink,
            plan,
            &mut clock,
        );
        let kept = self.cache.take_kept();
        let done = run.map_err(Collected::into_sorted)?;
        let mut files: Files = sink
            .into_files()
            .into_iter()
            .map(|(k, v)| (Arc::from(k), v))
            .chain(kept)
            .collect();
        if reuse_index {
            files.extend(self.search.files.iter().cloned());
        } else {
            self.search = Index {
                files: done
                    .index_files
                    .iter()
                    .filter_map(|path| files.get_key_value(path.as_str()))
                    .map(|(k, v)| (k.clone(), v.clone()))
                    .collect(),
                memo: done.index.clone().unwrap_or_default(),
            };
            self.cache.remember_index(&self.search);
        }
        self.cache.remember(&done.site, &done.prints.pages, &files);
        clock.lap("compose");
        let changed = changed_paths(&self.files, &files);
        self.files = files;
        self.search_generation += 1;
        let (pages, rendered) = (done.site.pages.len(), done.rendered);
        self.pending = self.defer_search.then_some((done.site, reuse_index));
        clock.report();
        Ok(Outcome {
            files: self.files.clone(),
            warnings: done.diagnostics.into_sorted(),
            pages,
            rendered,
            changed,
        })
    }

    /// The theme of the inputs in use (its link policy judges requests again).
    pub fn theme(&self) -> Option<&Theme> {
        self.inputs
            .as_ref()
            .and_then(|i| i.look.as_ref().ok())
            .map(|(theme, _)| theme)
    }

    /// With deferred search, a rebuild reuses the previous search files and leaves the
    /// index to [`Rebuilder::take_search_job`] and [`Rebuilder::apply_search`], so pages
    /// reach the browser before the index is rebuilt.
    pub fn defer_search(&mut self, on: bool) {
        self.defer_search = on;
    }

    /// The background work of the newest rebuild, if it is still to be done.
    pub fn take_search_job(&mut self) -> Option<SearchJob> {
        self.pending.take().map(|(site, index)| SearchJob {
            generation: self.search_generation,
            bodies: self.cache.bodies(&site),
            site,
            previous: index.then(|| self.search.clone()),
            files: self.files.clone(),
        })
    }

    /// Whether `generation` is the newest rebuild's.
    pub fn is_current(&self, generation: u64) -> bool {
        generation == self.search_generation
    }

    /// Puts in the index made for rebuild `generation`; `None` when a newer rebuild
    /// came in the meantime (its own job will follow). Returns the whole site otherwise.
    pub fn apply_search(&mut self, generation: u64, index: Index) -> Option<(Files, Vec<String>)> {
        if generation != self.search_generation {
            return None;
        }
        let mut files = self.files.clone();
        for (path, _) in &self.search.files {
            files.remove(path);
        }
        files.extend(index.files.iter().cloned());
        self.search = index;
        self.cache.remember_index(&self.search);
        let changed = changed_paths(&self.files, &files);
        self.files = files;
        Some((self.files.clone(), changed))
    }
}

fn changed_paths(old: &Files, new: &Files) -> Vec<String> {
    let mut changed: Vec<String> = new
        .iter()
        .filter(|(k, v)| old.get(*k).is_none_or(|o| !Arc::ptr_eq(o, v) && o != *v))
        .map(|(k, _)| k.to_string())
        .chain(old.keys().filter(|k| !new.contains_key(*k)).map(|k| k.to_string()))
        .collect();
    changed.sort();
    changed
}
