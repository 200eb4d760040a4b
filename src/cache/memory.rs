//! `serve`'s cache: every Markdown file loaded once, with its rendered body, until the
//! watcher says it changed; and the pages of the last good output, kept while their
//! fingerprint holds. The search index of the last output lends its postings the same way a
//! build's does.

use std::collections::BTreeMap;
use std::path::Path;
use std::sync::{Arc, Mutex};

use rayon::prelude::*;
use rustc_hash::FxHashMap;

use super::Cache;
use crate::config::Config;
use crate::diag::Diagnostic;
use crate::output::Stored;
use crate::search::reuse::{IndexRecord, Previous};
use crate::site::body::Body;
use crate::site::load::{collect_pages, load_page, scan_content, Content, Loaded, CONTENT_DIR};
use crate::site::{Asset, BuildOptions, Page, Site};
use crate::source::{is_litter, ContentFile};

/// Site key → bytes; keys are shared, so copies of a whole site are cheap. Fx hashing: the
/// keys are our own paths, and a rebuild hashes every one of them several times.
pub type Files = FxHashMap<Arc<str>, Arc<[u8]>>;

/// One output file held in memory: its site key and bytes.
pub type File = (Arc<str>, Arc<[u8]>);

/// One Markdown file as loaded, and its body rendered once for as long as it does not
/// change.
struct HeldFile {
    loaded: Loaded,
    body: Option<Arc<Body>>,
}

/// A search index held in memory: its files, sorted by path, and its memo.
#[derive(Default, Clone)]
pub struct Index {
    pub files: Vec<(Arc<str>, Arc<[u8]>)>,
    pub memo: IndexRecord,
}

impl Index {
    /// The bytes of the index file at `path`.
    pub fn read(&self, path: &str) -> Option<Vec<u8>> {
        let found = self.files.binary_search_by(|f| (*f.0).cmp(path)).ok()?;
        Some(self.files[found].1.to_vec())
    }
}

#[derive(Default)]
pub struct MemoryCache {
    /// Markdown files under `content/` by path relative to it; `None` until scanned.
    entries: Option<BTreeMap<String, HeldFile>>,
    assets: Vec<Asset>,
    walk_errors: Vec<Diagnostic>,
    /// Files (relative to `content/`) to read again at the next load.
    changed: Vec<String>,
    /// The shared fingerprint and the page fingerprints and bytes of the last good output.
    shared: Option<u64>,
    prints: FxHashMap<String, u64>,
    pages: Files,
    /// The shared fingerprint of the run under way.
    this_shared: Option<u64>,
    /// The pages the run under way kept.
    kept: Mutex<Vec<File>>,
    /// The last search index, and a reader over it for [`Cache::previous_index`].
    index: Option<(IndexRecord, ReadIndex)>,
}

type ReadIndex = Box<dyn Fn(&str) -> Option<Vec<u8>> + Sync>;

impl MemoryCache {
    /// Forgets everything: the next load reads every file.
    pub fn clear(&mut self) {
        *self = MemoryCache::default();
    }

    /// Files under `content/` (relative to it) that changed: read again at the next load.
    pub fn changed(&mut self, files: &[String]) {
        self.changed.extend(files.iter().cloned());
    }

    /// The rendered body of every page of `site`, from the cache (empty for the pages a
    /// build makes).
    pub fn bodies(&self, site: &Site) -> Vec<Arc<Body>> {
        let empty = Arc::new(Body::default());
        site.pages
            .iter()
            .map(|page| self.body(page).unwrap_or_else(|| empty.clone()))
            .collect()
    }

    /// Remembers the output of a good run: its page fingerprints and the bytes of its
    /// pages, from `files`.
    pub fn remember(&mut self, site: &Site, prints: &[u64], files: &Files) {
        self.shared = self.this_shared;
        self.prints.clear();
        self.pages.clear();
        for (page, print) in site.pages.iter().zip(prints) {
            let path = page.output_path();
            if let Some((key, bytes)) = files.get_key_value(path.as_str()) {
                self.pages.insert(key.clone(), bytes.clone());
            }
            self.prints.insert(path, *print);
        }
    }

    /// The search index the next run reuses.
    pub fn remember_index(&mut self, index: &Index) {
        let held = index.clone();
        self.index = Some((index.memo.clone(), Box::new(move |path| held.read(path))));
    }

    /// The pages the last run kept, taken.
    pub fn take_kept(&mut self) -> Vec<File> {
        std::mem::take(self.kept.get_mut().map_or(&mut Vec::new(), |k| k))
    }
}

impl Cache for MemoryCache {
    fn load(&mut self, root: &Path, config: &Config, options: &BuildOptions) -> Content {
        let symlinks = config.symlinks(root);
        let entries = match &mut self.entries {
            Some(entries) => {
                let content = root.join(CONTENT_DIR);
                for rel in std::mem::take(&mut self.changed) {
                    let path = content.join(&rel);
                    let readable = path.is_file() && !rel.split('/').any(is_litter) && rel.ends_with(".md");
                    // a link made while serve runs is judged as the first walk judged every file
                    if let Err(refused) = symlinks.check_path(&path) {
                        let entry = HeldFile {
                            loaded: Err(vec![refused]),
                            body: None,
                        };
                        entries.insert(rel, entry);
                    } else if readable {
                        let file = ContentFile {
                            path,
                            relative: rel.clone(),
                        };
                        entries.insert(rel, load_entry(root, &file, config, options));
                    } else {
                        entries.remove(&rel);
                    }
                }
                entries
            }
            None => {
                let (markdown, assets, walk_errors) = scan_content(root, &symlinks);
                let loaded: Vec<(String, HeldFile)> = markdown
                    .par_iter()
                    .map(|f| (f.relative.clone(), load_entry(root, f, config, options)))
                    .collect();
                self.assets = assets;
                self.walk_errors = walk_errors;
                self.changed.clear();
                self.entries.insert(loaded.into_iter().collect())
            }
        };
        let (pages, mut diagnostics) = collect_pages(entries.values().map(|e| &e.loaded));
        diagnostics.extend(self.walk_errors.iter().cloned());
        Content {
            pages,
            assets: self.assets.clone(),
            diagnostics,
        }
    }

    fn body(&self, page: &Page) -> Option<Arc<Body>> {
        page.source_hash?;
        // a page the build makes may carry the file of its section, for messages
        let rel = page.file.strip_prefix(CONTENT_DIR).ok()?;
        let entry = self.entries.as_ref()?.get(&crate::diag::display_path(rel))?;
        entry.body.clone()
    }

    fn begin(&mut self, shared_print: u64) {
        self.this_shared = Some(shared_print);
        if let Ok(kept) = self.kept.get_mut() {
            kept.clear();
        }
    }

    fn keep(&self, path: &str, print: u64) -> Option<Stored> {
        if self.shared.is_none() || self.shared != self.this_shared || self.prints.get(path) != Some(&print) {
            return None;
        }
        let (key, bytes) = self.pages.get_key_value(path)?;
        self.kept.lock().ok()?.push((key.clone(), bytes.clone()));
        Some(Stored::InMemory(bytes.clone()))
    }

    fn previous_index(&self) -> Option<Previous<'_>> {
        let (memo, read) = self.index.as_ref()?;
        Previous::load(memo, crate::engine::id(), &**read)
    }
}

fn load_entry(root: &Path, file: &ContentFile, config: &Config, options: &BuildOptions) -> HeldFile {
    match load_page(root, file, options) {
        Ok(Some((page, text))) => HeldFile {
            body: Some(Arc::new(Body::render(text, page.body_offset, config.trust_html))),
            loaded: Ok(Some(page)),
        },
        loaded => HeldFile {
            loaded: loaded.map(|_| None),
            body: None,
        },
    }
}
