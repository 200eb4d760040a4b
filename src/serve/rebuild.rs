//! Rebuilding for `serve`: a full build in memory at start and after config, template,
//! theme or asset changes; after Markdown edits only the changed files are read again and
//! only the pages whose context fingerprint moved are rendered again. The generated files
//! (lists, open data, search) are made from the whole site each time. The result is
//! byte-identical to a full build (tested over random edit sequences).

use std::collections::{BTreeMap, HashMap};
use std::path::{Path, PathBuf};
use std::sync::Arc;

use rayon::prelude::*;

use crate::config::Config;
use crate::diag::{self, Diagnostic};
use crate::output::MemorySink;
use crate::render::templates::Templates;
use crate::site::fingerprint::{fingerprints, text_hash};
use crate::site::load::{collect_pages, load_assets, load_page, Loaded, CONTENT_DIR};
use crate::site::render::{copy_static, render_generated, render_page, template_for};
use crate::site::{Asset, BuildOptions, Site};
use crate::source::{is_litter, walk_content, ContentFile};
use crate::theme::Theme;

pub type Files = HashMap<String, Arc<[u8]>>;

/// A page's output path, bytes, and whether it was rendered this time.
type RenderedPage = (String, Arc<[u8]>, bool);

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
    hash: u64,
}

/// The last good output and what it was made from.
#[derive(Default)]
struct Output {
    fingerprints: HashMap<String, u64>,
    pages: Files,
    statics: Vec<(String, Arc<[u8]>)>,
    files: Files,
}

pub struct Rebuilder {
    root: PathBuf,
    options: BuildOptions,
    inputs: Option<Inputs>,
    output: Output,
}

impl Rebuilder {
    pub fn new(root: &Path, options: BuildOptions) -> Rebuilder {
        Rebuilder {
            root: root.to_path_buf(),
            options,
            inputs: None,
            output: Output::default(),
        }
    }

    /// Reads and renders everything.
    pub fn full(&mut self) -> Result<Outcome, Vec<Diagnostic>> {
        self.inputs = None;
        let config = Config::load(&self.root)?;
        let theme = Theme::locate(&self.root, &config.theme).map_err(|d| vec![d])?;
        let templates = theme.templates(&self.root, self.options.index_html_links)?;
        let content = self.root.join(CONTENT_DIR);
        let mut walk_errors = Vec::new();
        let (files, errors) = if content.is_dir() {
            walk_content(&content)
        } else {
            (Vec::new(), Vec::new())
        };
        for (path, error) in errors {
            let shown = path.strip_prefix(&self.root).unwrap_or(&path).to_path_buf();
            walk_errors.push(Diagnostic::error("io", format!("อ่านไม่ได้ (cannot read): {error}")).in_file(shown));
        }
        let (markdown, others): (Vec<ContentFile>, Vec<ContentFile>) =
            files.into_iter().partition(ContentFile::is_markdown);
        let entries = markdown
            .par_iter()
            .map(|f| (f.relative.clone(), self.load(f, &config)))
            .collect::<Vec<_>>()
            .into_iter()
            .collect();
        self.inputs = Some(Inputs {
            config,
            theme,
            templates,
            entries,
            assets: load_assets(others),
            walk_errors,
        });
        self.output.fingerprints.clear();
        self.output.statics.clear();
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

    fn load(&self, file: &ContentFile, config: &Config) -> Entry {
        load_entry(&self.root, file, config, &self.options)
    }

    /// Assembles the cached pages and renders what changed since the last good output.
    fn render(&mut self) -> Result<Outcome, Vec<Diagnostic>> {
        let Some(inputs) = self.inputs.as_ref() else {
            return Err(Vec::new());
        };
        let (pages, mut diagnostics) = collect_pages(inputs.entries.values().map(|e| &e.loaded));
        diagnostics.extend(inputs.walk_errors.iter().cloned());
        if inputs.entries.is_empty() && !self.root.join(CONTENT_DIR).is_dir() {
            diagnostics.push(
                Diagnostic::error("content-missing", "ไม่พบโฟลเดอร์ content/ (no content/ folder)").in_file(CONTENT_DIR),
            );
        }
        let site = Site::assemble(
            &self.root,
            inputs.config.clone(),
            self.options.clone(),
            pages,
            inputs.assets.clone(),
            diagnostics,
        );
        let mut diagnostics = site.diagnostics.clone();
        if diag::has_errors(&diagnostics) {
            diag::sort(&mut diagnostics);
            return Err(diagnostics);
        }
        let texts: HashMap<PathBuf, u64> = inputs
            .entries
            .iter()
            .map(|(rel, e)| (PathBuf::from(CONTENT_DIR).join(rel), e.hash))
            .collect();
        let templates = &inputs.templates;
        let new_prints = fingerprints(&site, &texts, |i| template_for(&site, i, templates));

        // pages: reuse the bytes of every page whose fingerprint did not move
        let old = &self.output;
        let results: Vec<Result<RenderedPage, Diagnostic>> = (0..site.pages.len())
            .into_par_iter()
            .map(|i| {
                let out = format!("{}index.html", site.pages[i].path);
                let same = old
                    .fingerprints
                    .get(&out)
                    .is_some_and(|f| new_prints.get(&out) == Some(f));
                match (same, old.pages.get(&out)) {
                    (true, Some(bytes)) => Ok((out, bytes.clone(), false)),
                    _ => render_page(&site, i, templates).map(|(out, html)| (out, html.into_bytes().into(), true)),
                }
            })
            .collect();
        let mut pages = Files::with_capacity(results.len());
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
        let generated = MemorySink::default();
        diagnostics.extend(render_generated(&site, templates, &generated));
        let statics = if self.output.statics.is_empty() {
            let sink = MemorySink::default();
            diagnostics.extend(copy_static(&site, &inputs.theme, &sink));
            sink.into_files().into_iter().map(|(k, v)| (k, Arc::from(v))).collect()
        } else {
            std::mem::take(&mut self.output.statics)
        };
        diag::sort(&mut diagnostics);
        if diag::has_errors(&diagnostics) {
            self.output.statics = statics;
            return Err(diagnostics);
        }

        // the same layering as a build: pages, then generated files, then static files
        let mut files = pages.clone();
        for (path, bytes) in generated.into_files() {
            files.insert(path, bytes.into());
        }
        for (path, bytes) in &statics {
            files.insert(path.clone(), bytes.clone());
        }
        let mut changed: Vec<String> = files
            .iter()
            .filter(|(k, v)| self.output.files.get(*k).is_none_or(|old| old != *v))
            .map(|(k, _)| k.clone())
            .chain(self.output.files.keys().filter(|k| !files.contains_key(*k)).cloned())
            .collect();
        changed.sort();
        self.output = Output {
            fingerprints: new_prints,
            pages,
            statics,
            files: files.clone(),
        };
        Ok(Outcome {
            files,
            warnings: diagnostics,
            pages: site.pages.len(),
            rendered,
            changed,
        })
    }
}

fn load_entry(root: &Path, file: &ContentFile, config: &Config, options: &BuildOptions) -> Entry {
    let loaded = load_page(root, file, config, options);
    let hash = match &loaded {
        Ok(Some(page)) => text_hash(&page.text),
        _ => 0,
    };
    Entry { loaded, hash }
}
