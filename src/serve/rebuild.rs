//! Rebuilding for `serve`: a full build in memory at start and after config, template,
//! theme or asset changes; after Markdown edits only the changed files are read again and
//! only the pages whose context fingerprint moved are rendered again. The generated files
//! (lists, open data, search) are made from the whole site each time. The result is
//! byte-identical to a full build (tested over random edit sequences).

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use rayon::prelude::*;
use rustc_hash::FxHashMap;

use crate::check::Outputs;
use crate::config::Config;
use crate::diag::{self, Collected, Diagnostic};
use crate::output::MemorySink;
use crate::render::templates::Templates;
use crate::search::reuse::{Memo, Previous};
use crate::search::SearchDoc;
use crate::site::body::Body;
use crate::site::fingerprint::fingerprints;
use crate::site::load::{collect_pages, load_page, scan_content, Loaded, CONTENT_DIR};
use crate::site::render::{copy_static, render_generated, render_page, shared_context, template_for};
use crate::site::search_docs::search_docs;
use crate::site::{Asset, BuildOptions, Site};
use crate::source::inputs::engine;
use crate::source::{is_litter, ContentFile};
use crate::theme::Theme;
use crate::timings::Stages;

/// Site key → bytes; keys are shared, so copies of a whole site are cheap. Fx hashing: the
/// keys are our own paths, and a rebuild hashes every one of them several times.
pub type Files = FxHashMap<Arc<str>, Arc<[u8]>>;

/// A page's output path, bytes, and whether it was rendered this time.
type RenderedPage = (Arc<str>, Arc<[u8]>, bool);

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

/// What stays valid between rebuilds while config, theme and assets do not change.
struct Inputs {
    config: Config,
    theme: Theme,
    templates: Templates,
    /// Markdown files under `content/` by path relative to it.
    entries: BTreeMap<String, Entry>,
    assets: Vec<Asset>,
    walk_errors: Vec<Diagnostic>,
}

struct Entry {
    loaded: Loaded,
    /// The page's body, rendered once for as long as the file does not change.
    body: Option<Arc<Body>>,
}

/// What one rebuild leaves to be done off the rebuild thread: its search index (the
/// documents are extracted there too, from the site the rebuild assembled), unless the
/// rebuild made it itself, and the checks `build` runs over the rendered pages.
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
        let index = self
            .previous
            .as_ref()
            .map(|previous| index_files(search_docs(&self.site, |i| &self.bodies[i]), previous));
        let outputs = Outputs::of_files(self.files.iter().map(|(path, bytes)| (&**path, bytes)));
        let checks = crate::check::rendered_rules(&self.site, |i| &self.bodies[i], &outputs);
        Background { index, checks }
    }
}

/// A search index: its files, sorted by path, and what the next index needs to reuse it.
#[derive(Default, Clone)]
pub struct Index {
    files: Vec<(Arc<str>, Arc<[u8]>)>,
    memo: Memo,
}

/// The last good output and what it was made from.
#[derive(Default)]
struct Output {
    fingerprints: FxHashMap<String, u64>,
    pages: Files,
    generated: Vec<(Arc<str>, Arc<[u8]>)>,
    search: Index,
    statics: Vec<(Arc<str>, Arc<[u8]>)>,
    files: Files,
}

pub struct Rebuilder {
    root: PathBuf,
    options: BuildOptions,
    inputs: Option<Inputs>,
    output: Output,
    defer_search: bool,
    search_generation: u64,
    /// The site, bodies and whether the index is still to be made, of the newest rebuild
    /// whose background work is not taken yet.
    pending: Option<(Site, Vec<Arc<Body>>, bool)>,
}

impl Rebuilder {
    pub fn new(root: &Path, options: BuildOptions) -> Rebuilder {
        Rebuilder {
            root: root.to_path_buf(),
            options,
            inputs: None,
            output: Output::default(),
            defer_search: false,
            search_generation: 0,
            pending: None,
        }
    }

    /// Reads and renders everything.
    pub fn full(&mut self) -> Result<Outcome, Vec<Diagnostic>> {
        self.inputs = None;
        let config = Config::load(&self.root)?;
        let theme = Theme::locate(&self.root, &config.theme).map_err(|d| vec![d])?;
        let templates = theme.templates(&self.root, self.options.index_html_links)?;
        let (markdown, assets, walk_errors) = scan_content(&self.root);
        let entries = markdown
            .par_iter()
            .map(|f| (f.relative.clone(), load_entry(&self.root, f, &config, &self.options)))
            .collect::<Vec<_>>()
            .into_iter()
            .collect();
        self.inputs = Some(Inputs {
            config,
            theme,
            templates,
            entries,
            assets,
            walk_errors,
        });
        self.output.fingerprints.clear();
        self.output.statics.clear();
        self.output.search = Index::default();
        self.render()
    }

    /// Reads the changed Markdown files again (`content`-relative paths) and renders what
    /// depends on them. Falls back to a full build when nothing is cached yet.
    pub fn content_changed(&mut self, changed: &[String]) -> Result<Outcome, Vec<Diagnostic>> {
        let Some(inputs) = self.inputs.as_mut() else {
            return self.full();
        };
        let content = self.root.join(CONTENT_DIR);
        for rel in changed {
            let path = content.join(rel);
            let readable = path.is_file() && !rel.split('/').any(is_litter) && rel.ends_with(".md");
            if readable {
                let file = ContentFile {
                    path,
                    relative: rel.clone(),
                };
                let entry = load_entry(&self.root, &file, &inputs.config, &self.options);
                inputs.entries.insert(rel.clone(), entry);
            } else {
                inputs.entries.remove(rel);
            }
        }
        self.render()
    }

    /// Assembles the cached pages and renders what changed since the last good output.
    fn render(&mut self) -> Result<Outcome, Vec<Diagnostic>> {
        let Some(inputs) = self.inputs.as_ref() else {
            return Err(Vec::new());
        };
        let mut clock = Stages::start();
        let (pages, mut diagnostics) = collect_pages(inputs.entries.values().map(|e| &e.loaded));
        clock.lap("collect");
        diagnostics.extend(inputs.walk_errors.iter().cloned());
        let site = Site::assemble(
            &self.root,
            inputs.config.clone(),
            self.options.clone(),
            pages,
            inputs.assets.clone(),
            diagnostics,
        );
        clock.lap("assemble");
        let mut diagnostics = site.diagnostics.clone();
        if diag::has_errors(&diagnostics) {
            diag::sort(&mut diagnostics);
            return Err(diagnostics);
        }
        let bodies = bodies_of(&site, &inputs.entries);
        let templates = &inputs.templates;
        let new_prints = fingerprints(&site, |i| template_for(&site, i, templates));
        clock.lap("fingerprints");

        // pages: reuse the bytes of every page whose fingerprint did not move
        let old = &self.output;
        let shared = shared_context(&site).map_err(|d| vec![d])?;
        let results: Vec<Result<RenderedPage, Diagnostic>> = (0..site.pages.len())
            .into_par_iter()
            .map_init(
                || shared.clone(),
                |context, i| {
                    let out = site.pages[i].output_path();
                    let same = old
                        .fingerprints
                        .get(&out)
                        .is_some_and(|f| new_prints.get(&out) == Some(f));
                    match (same, old.pages.get_key_value(out.as_str())) {
                        (true, Some((key, bytes))) => Ok((key.clone(), bytes.clone(), false)),
                        _ => render_page(&site, i, &bodies[i], templates, context)
                            .map(|(out, html)| (Arc::from(out), html.into_bytes().into(), true)),
                    }
                },
            )
            .collect();
        let mut pages = Files::with_capacity_and_hasher(results.len(), Default::default());
        let mut rendered = 0;
        for result in results {
            match result {
                Ok((out, bytes, fresh)) => {
                    rendered += usize::from(fresh);
                    pages.insert(out, bytes);
                }
                Err(d) => diagnostics.push(d),
            }
        }
        clock.lap("pages");
        let sink = MemorySink::default();
        diagnostics.extend(render_generated(&site, templates, &sink));
        let generated: Vec<(Arc<str>, Arc<[u8]>)> = sink
            .into_files()
            .into_iter()
            .map(|(k, v)| (Arc::from(k), Arc::from(v)))
            .collect();
        clock.lap("generated");
        let statics = if self.output.statics.is_empty() {
            let sink = MemorySink::default();
            diagnostics.extend(copy_static(&site, &inputs.theme, &sink));
            sink.into_files()
                .into_iter()
                .map(|(k, v)| (Arc::from(k), Arc::from(v)))
                .collect()
        } else {
            std::mem::take(&mut self.output.statics)
        };
        diag::sort(&mut diagnostics);
        if diag::has_errors(&diagnostics) {
            self.output.statics = statics;
            return Err(diagnostics);
        }
        self.search_generation += 1;
        let page_count = site.pages.len();
        let search = if self.defer_search && !self.output.search.files.is_empty() {
            self.pending = Some((site, bodies, true));
            std::mem::take(&mut self.output.search)
        } else {
            let search = index_files(search_docs(&site, |i| &bodies[i]), &self.output.search);
            self.pending = self.defer_search.then_some((site, bodies, false));
            search
        };
        clock.lap("search");

        let previous = std::mem::take(&mut self.output.files);
        self.output = Output {
            fingerprints: new_prints,
            pages,
            generated,
            search,
            statics,
            files: Files::default(),
        };
        self.output.compose();
        let changed = changed_paths(&previous, &self.output.files);
        clock.lap("compare");
        clock.report();
        Ok(Outcome {
            files: self.output.files.clone(),
            warnings: diagnostics,
            pages: page_count,
            rendered,
            changed,
        })
    }

    /// With deferred search, a rebuild reuses the previous search files and leaves the
    /// index to [`Rebuilder::take_search_job`] and [`Rebuilder::apply_search`], so pages
    /// reach the browser before the index is rebuilt.
    pub fn defer_search(&mut self, on: bool) {
        self.defer_search = on;
    }

    /// The background work of the newest rebuild, if it is still to be done.
    pub fn take_search_job(&mut self) -> Option<SearchJob> {
        self.pending.take().map(|(site, bodies, index)| SearchJob {
            generation: self.search_generation,
            site,
            bodies,
            previous: index.then(|| self.output.search.clone()),
            files: self.output.files.clone(),
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
        let previous = std::mem::take(&mut self.output.files);
        self.output.search = index;
        self.output.compose();
        let changed = changed_paths(&previous, &self.output.files);
        Some((self.output.files.clone(), changed))
    }
}

impl Output {
    /// The same layering as a build: pages, generated files, the search index, static files.
    fn compose(&mut self) {
        let mut files = self.pages.clone();
        for (path, bytes) in self.generated.iter().chain(&self.search.files).chain(&self.statics) {
            files.insert(path.clone(), bytes.clone());
        }
        self.files = files;
    }
}

/// The search index of `docs`; the documents are given up, so the index is made without a
/// copy of their text. The pages `previous` indexed alike are not counted again.
fn index_files(docs: Vec<SearchDoc>, previous: &Index) -> Index {
    let read = |path: &str| {
        let found = previous.files.binary_search_by(|f| (*f.0).cmp(path)).ok()?;
        Some(previous.files[found].1.to_vec())
    };
    let previous = Previous::load(&previous.memo, engine(), &read);
    let (files, memo) = crate::search::index_reusing(docs, previous);
    Index {
        files: files.into_iter().map(|(k, v)| (Arc::from(k), Arc::from(v))).collect(),
        memo,
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

fn load_entry(root: &Path, file: &ContentFile, config: &Config, options: &BuildOptions) -> Entry {
    match load_page(root, file, options) {
        Ok(Some((page, text))) => Entry {
            body: Some(Arc::new(Body::render(text, page.body_offset, config.trust_html))),
            loaded: Ok(Some(page)),
        },
        loaded => Entry {
            loaded: loaded.map(|_| None),
            body: None,
        },
    }
}

/// The body of each page of `site`, from the cache (empty for the pages a build makes).
fn bodies_of(site: &Site, entries: &BTreeMap<String, Entry>) -> Vec<Arc<Body>> {
    let empty = Arc::new(Body::default());
    site.pages
        .iter()
        .map(|page| {
            // a page the build makes may carry the file of its section, for messages
            page.source_hash
                .and_then(|_| page.file.strip_prefix(CONTENT_DIR).ok())
                .and_then(|rel| entries.get(&crate::diag::display_path(rel)))
                .and_then(|e| e.body.clone())
                .unwrap_or_else(|| empty.clone())
        })
        .collect()
}
