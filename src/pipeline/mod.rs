//! The one pipeline `build`, `check` and `serve` run: load → assemble → check the site →
//! render every page (body rules as each body is at hand) → index → generated and static
//! files → check the links of the output. What may be reused comes from a [`Cache`]; where
//! files go is a [`Sink`]. The commands differ only in which cache and sink they pass and in
//! the [`Plan`]:
//!
//! | command | cache | sink | plan |
//! |---|---|---|---|
//! | `build` | `DiskCache` (the manifest) | `Publish` (staging folder) | [`Plan::BUILD`] |
//! | `check` | `NoCache` | `NullSink` | [`Plan::CHECK`] |
//! | `serve` | `MemoryCache` | `MemorySink` | [`Plan::SERVE`]: checks (and after the first run, the index) follow in the background ([`deferred`]) |
//!
//! To change how one page renders, read [`page`] (template and context) and
//! `site::context` (what the context holds); nothing here needs to change.

pub mod page;

use std::path::Path;
use std::sync::{Arc, Mutex};

use rayon::prelude::*;

use crate::cache::fingerprint::Prints;
use crate::cache::{Cache, Links};
use crate::check::{Outputs, RecordingSink};
use crate::config::Config;
use crate::diag::{Collected, Diagnostic};
use crate::output::{Sink, Stored};
use crate::render::templates::Templates;
use crate::search::reuse::{IndexRecord, Previous};
use crate::search::writer::{prepare, Prepared};
use crate::search::IndexWriter;
use crate::site::body::Body;
use crate::site::search_docs::{doc_of, is_indexed};
use crate::site::{BuildOptions, Site};
use crate::theme::Theme;
use crate::timings::Stages;
pub use page::{render_page, shared_context, template_for};

/// What every page is made with besides content: the config, the theme and its compiled
/// templates (or why they could not be had: reported after the content's own problems).
pub struct Inputs {
    pub config: Config,
    pub look: Result<(Theme, Templates), Vec<Diagnostic>>,
}

impl Inputs {
    /// Reads the config, finds the theme and compiles the templates of the portal at `root`.
    pub fn load(root: &Path, options: &BuildOptions) -> Result<Inputs, Vec<Diagnostic>> {
        let config = Config::load(root)?;
        let look = Theme::locate(root, &config)
            .map_err(|d| vec![d])
            .and_then(|theme| theme.templates(root, options.index_html_links).map(|t| (theme, t)));
        Ok(Inputs { config, look })
    }
}

/// What a run does beyond rendering.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Plan {
    /// Keep every warning (`check`), not only what a build prints.
    pub keep_all: bool,
    /// Render even when the site's own rules found errors (`check` reports everything).
    pub render_despite_site_errors: bool,
    /// Leave the body and link rules to [`deferred`].
    pub defer_checks: bool,
    /// Leave the search index to [`deferred`].
    pub defer_index: bool,
}

impl Plan {
    pub const BUILD: Plan = Plan {
        keep_all: false,
        render_despite_site_errors: false,
        defer_checks: false,
        defer_index: false,
    };
    pub const CHECK: Plan = Plan {
        keep_all: true,
        render_despite_site_errors: true,
        defer_checks: false,
        defer_index: false,
    };
    pub const SERVE: Plan = Plan {
        keep_all: false,
        render_despite_site_errors: false,
        defer_checks: true,
        defer_index: true,
    };
}

/// A run that got to the end without an error.
pub struct Done {
    pub site: Site,
    /// Every warning, or those a build prints.
    pub diagnostics: Collected,
    pub prints: Prints,
    /// Pages put through their template; the others were kept from the last run.
    pub rendered: usize,
    /// Pages whose search terms were counted; the others were taken from the last index.
    pub indexed: usize,
    /// Pages kept without reading their file.
    pub unread: usize,
    /// The links of each page body with any (page index, links).
    pub links: Vec<(usize, Links)>,
    /// The pages with a file whose body rules found nothing: a cache may remember their
    /// links (see [`Cache::remembered_links`]).
    pub quiet: Vec<usize>,
    /// What the search index remembers of itself, when this run made one.
    pub index: Option<IndexRecord>,
    /// The files of that index, sorted.
    pub index_files: Vec<String>,
}

/// Runs the pipeline over the portal at `root`. On any error the problems are returned and
/// the caller must not publish what the sink holds.
pub fn run(
    root: &Path,
    inputs: &Inputs,
    options: &BuildOptions,
    cache: &mut dyn Cache,
    sink: &dyn Sink,
    plan: Plan,
    clock: &mut Stages,
) -> Result<Done, Collected> {
    let content = cache.load(root, &inputs.config, options);
    clock.lap("load");
    let site = Site::assemble(root, inputs.config.clone(), options.clone(), content);
    clock.lap("assemble");
    let mut diagnostics = if plan.keep_all {
        Collected::all()
    } else {
        Collected::printed()
    };
    diagnostics.extend(site.diagnostics.iter().cloned());
    // pages with load errors are missing from the site, so links to them would look broken:
    // nothing is rendered then
    let loaded_clean = !diagnostics.has_errors();
    diagnostics.extend(crate::check::site_rules(&site));
    clock.lap("site rules");
    let renders = loaded_clean && (plan.render_despite_site_errors || !diagnostics.has_errors());
    let (theme, templates) = match (&inputs.look, renders) {
        (Ok((theme, templates)), true) => (theme, templates),
        (look, _) => {
            if let Err(errors) = look {
                diagnostics.extend(errors.iter().cloned());
            }
            if plan.keep_all {
                diagnostics.extend(crate::check::all_body_rules(&site));
            }
            return Err(diagnostics);
        }
    };
    let prints = Prints::of(&site, |i| template_for(&site, i, templates));
    cache.begin(prints.shared);
    clock.lap("page prints");
    let cache: &dyn Cache = cache;
    let recorder = RecordingSink::new(sink);
    let pages = render_pages(&site, templates, cache, &recorder, &prints, plan, clock)?;
    let mut done = Done {
        diagnostics,
        prints,
        rendered: pages.rendered,
        indexed: pages.indexed,
        unread: pages.unread,
        quiet: pages.quiet,
        links: Vec::new(),
        index: pages.index,
        index_files: pages.index_files,
        site,
    };
    let mut rendering = pages.diagnostics;
    let home_body = match done.site.home() {
        Some(home) => body_of(&done.site, home, cache),
        None => Ok(Arc::new(Body::default())),
    };
    match home_body {
        Ok(home_body) => rendering.extend(put_generated(&done.site, templates, &home_body, &recorder)),
        Err(d) => rendering.push(d),
    }
    clock.lap("generated");
    rendering.extend(copy_static(&done.site, theme, &recorder));
    clock.lap("static");
    // links are checked against a complete output only
    let complete = !rendering.iter().any(Diagnostic::is_error);
    done.diagnostics.extend(rendering);
    if !plan.defer_checks && complete {
        let outputs = recorder.into_outputs();
        crate::check::output_rules(&done.site, &pages.links, &outputs, &mut done.diagnostics);
    }
    done.links = pages.links;
    clock.lap("output rules");
    if done.diagnostics.has_errors() {
        return Err(done.diagnostics);
    }
    Ok(done)
}

/// The body of page `i`: from the cache, else read from its file again.
fn body_of(site: &Site, i: usize, cache: &dyn Cache) -> Result<Arc<Body>, Diagnostic> {
    match cache.body(&site.pages[i]) {
        Some(body) => Ok(body),
        None => Body::reload(site, i).map(Arc::new),
    }
}

/// What rendering the pages gave.
#[derive(Default)]
struct Pages {
    diagnostics: Vec<Diagnostic>,
    /// The links of each page body, for the output rules, which need every file written.
    links: Vec<(usize, Links)>,
    quiet: Vec<usize>,
    rendered: usize,
    indexed: usize,
    unread: usize,
    index: Option<IndexRecord>,
    index_files: Vec<String>,
}

/// Renders every page into `sink`, one batch at a time in URL order (the order of the
/// search index's page ids): each page's body is taken (from the cache or its file), checked
/// by the body rules, rendered, written and added to the index, then dropped, so memory
/// never holds all the bodies of a site read from disk. A page the cache keeps is not put
/// through its template; if the cache also remembers its links and its search fragment, its
/// file is not read at all.
fn render_pages(
    site: &Site,
    templates: &Templates,
    cache: &dyn Cache,
    sink: &RecordingSink,
    prints: &Prints,
    plan: Plan,
    clock: &mut Stages,
) -> Result<Pages, Collected> {
    let shared = shared_context(site).map_err(|d| Collected::from(vec![d]))?;
    let mut order: Vec<usize> = (0..site.pages.len()).collect();
    order.par_sort_unstable_by(|&a, &b| site.pages[a].path.cmp(&site.pages[b].path));
    let errors = Mutex::new(Vec::new());
    let written = Mutex::new(Vec::new());
    let put = |path: String, bytes: Vec<u8>| {
        if let Err(e) = sink.put(&path, &bytes) {
            if let Ok(mut errors) = errors.lock() {
                errors.push(io_error(&path, e));
            }
        }
        if let Ok(mut written) = written.lock() {
            written.push(path);
        }
    };
    let mut index = (!plan.defer_index).then(|| IndexWriter::reusing(&put, cache.previous_index()));
    let mut out = Pages::default();
    let work = Work {
        site,
        templates,
        cache,
        sink,
        prints,
        body_rules: !plan.defer_checks,
    };
    for batch in order.chunks(crate::search::BATCH) {
        let previous = index.as_ref().and_then(IndexWriter::previous);
        let indexing = index.is_some();
        let done: Vec<DonePage> = batch
            .par_iter()
            .map_init(
                || shared.clone(),
                |context, &i| {
                    work.kept_unread(i, previous, indexing)
                        .unwrap_or_else(|| work.render(i, context, previous, indexing))
                },
            )
            .collect();
        let mut prepared = Vec::with_capacity(done.len());
        for page in done {
            out.unread += usize::from(page.unread);
            out.rendered += usize::from(!page.kept);
            let quiet = work.body_rules && page.diagnostics.is_empty() && site.pages[page.index].source_hash.is_some();
            out.diagnostics.extend(page.diagnostics);
            if quiet {
                out.quiet.push(page.index);
            }
            if !page.links.is_empty() {
                out.links.push((page.index, page.links));
            }
            prepared.extend(page.search);
        }
        if let Some(index) = index.as_mut() {
            index.add(&prepared);
        }
    }
    clock.lap("pages");
    if let Some(index) = index {
        out.indexed = index.counted();
        out.index = Some(index.finish());
    }
    clock.lap("search index");
    out.index_files = written.into_inner().unwrap_or_default();
    out.index_files.sort_unstable();
    out.diagnostics.extend(errors.into_inner().unwrap_or_default());
    Ok(out)
}

/// What every page of a run is rendered with.
struct Work<'a> {
    site: &'a Site,
    templates: &'a Templates,
    cache: &'a dyn Cache,
    sink: &'a RecordingSink<'a>,
    prints: &'a Prints,
    /// The body rules run, and the links are gathered for the output rules, in this run
    /// (not deferred).
    body_rules: bool,
}

/// One page rendered (or kept) and written: what is kept of it.
struct DonePage {
    index: usize,
    kept: bool,
    /// Kept without reading its file.
    unread: bool,
    diagnostics: Vec<Diagnostic>,
    links: Links,
    search: Option<Prepared>,
}

impl Work<'_> {
    /// Keeps page `i` as the cache has it, when its output path is where it was written.
    fn keep(&self, i: usize) -> Option<Stored> {
        let path = self.site.pages[i].output_path();
        let stored = self.cache.keep(&path, self.prints.pages[i])?;
        self.sink.kept(&path, &stored);
        Some(stored)
    }

    fn render(&self, i: usize, context: &mut tera::Context, previous: Option<&Previous>, indexing: bool) -> DonePage {
        let page = &self.site.pages[i];
        let mut done = DonePage {
            index: i,
            kept: false,
            unread: false,
            diagnostics: Vec::new(),
            links: Vec::new(),
            search: None,
        };
        let body = match body_of(self.site, i, self.cache) {
            Ok(body) => body,
            Err(d) => {
                done.diagnostics.push(d);
                return done;
            }
        };
        if self.body_rules && page.source_hash.is_some() {
            done.diagnostics = crate::check::body_rules(self.site, page, &body);
        }
        done.kept = self.keep(i).is_some();
        if !done.kept {
            let out = page.output_path();
            match render_page(self.site, i, &body, self.templates, context) {
                Ok(html) => done
                    .diagnostics
                    .extend(self.sink.put(&out, html.as_bytes()).err().map(|e| io_error(&out, e))),
                Err(d) => done.diagnostics.push(d),
            }
        }
        done.search = (indexing && is_indexed(page)).then(|| prepare(&doc_of(page, &body), previous));
        // a body read for this page alone gives its links up; one a cache holds lends a copy,
        // when the links are checked in this run (deferred checks read the cached bodies)
        if self.body_rules {
            done.links = match Arc::try_unwrap(body) {
                Ok(body) => body.rendered.links,
                Err(shared) => shared.rendered.links.clone(),
            };
        }
        done
    }

    /// Page `i` kept as the last run left it without reading its file: its context is the
    /// same, its body rules found nothing last time, its links are remembered, its search
    /// fragment is in the last index's text chunks, and the cache still has its output.
    /// `None` when any of that is missing (the page is then read as usual).
    fn kept_unread(&self, i: usize, previous: Option<&Previous>, indexing: bool) -> Option<DonePage> {
        let page = &self.site.pages[i];
        page.source_hash?;
        let links = self.cache.remembered_links(&page.output_path())?;
        let search = match indexing && is_indexed(page) {
            true => Some(Prepared::kept(previous?, &page.path)?),
            false => None,
        };
        self.keep(i)?;
        Some(DonePage {
            index: i,
            kept: true,
            unread: true,
            diagnostics: Vec::new(),
            links: links.clone(),
            search,
        })
    }
}

/// The files made from the whole site but the search index: the generated files (sitemap, feed, 404, aliases) and the open data.
fn put_generated(site: &Site, templates: &Templates, home_body: &Body, sink: &dyn Sink) -> Vec<Diagnostic> {
    let (mut files, mut diagnostics) = crate::site::generated::render(site, templates, home_body);
    files.extend(crate::site::open_data::files(site));
    diagnostics.extend(
        files
            .into_iter()
            .filter_map(|(path, bytes)| sink.put(&path, &bytes).err().map(|e| io_error(&path, e))),
    );
    diagnostics
}

/// Content assets, the theme's static files and the portal's `static/` folder.
fn copy_static(site: &Site, theme: &Theme, sink: &dyn Sink) -> Vec<Diagnostic> {
    let mut diagnostics = Vec::new();
    for asset in &site.assets {
        if let Err(e) = sink.copy(&asset.path, &asset.source) {
            diagnostics.push(io_error(&asset.path, e));
        }
    }
    let (theme_files, refused) = theme.static_files();
    diagnostics.extend(refused);
    for (path, bytes) in theme_files {
        if let Err(e) = sink.put(&path, &bytes) {
            diagnostics.push(io_error(&path, e));
        }
    }
    let portal_static = site.root.join("static");
    // a `static` that is itself a link is judged by the walk too
    if portal_static.symlink_metadata().is_ok() {
        let (files, refused) = crate::source::walk_content(&portal_static, theme.symlinks());
        diagnostics.extend(refused);
        for file in files {
            if let Err(e) = sink.copy(&file.relative, &file.path) {
                diagnostics.push(io_error(&file.relative, e));
            }
        }
    }
    diagnostics
}

/// The work [`Plan::SERVE`] leaves for later, done off the rebuild thread: the body and link
/// rules over the output `files`, and the search index when `previous` is given (the pages
/// it indexed alike are not counted again). `body(i)` is the body of page `i`.
pub fn deferred<'a>(
    site: &Site,
    body: impl Fn(usize) -> &'a Body + Sync,
    files: &Outputs,
    previous: Option<Option<Previous>>,
) -> (Collected, Option<IndexFiles>) {
    let checks = crate::check::rendered_rules(site, &body, files);
    let index = previous
        .map(|previous| crate::search::index_reusing(crate::site::search_docs::search_docs(site, &body), previous));
    (checks, index)
}

/// A search index made in the background: its files (path, bytes) and its memo.
pub type IndexFiles = (Vec<(String, Vec<u8>)>, IndexRecord);

fn io_error(path: &str, e: std::io::Error) -> Diagnostic {
    Diagnostic::new(
        &crate::rules::io::RULE,
        format!("เขียน {path} ไม่ได้ (cannot write {path}): {e}"),
    )
}
