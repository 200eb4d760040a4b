//! Every cache the pipeline consults, behind one interface. The driver (`pipeline`) asks a
//! [`Cache`] what it may reuse and does the same work whatever the answers; which cache it is
//! given decides how much is reused:
//!
//! | cache | command | keeps between runs |
//! |---|---|---|
//! | [`NoCache`] | `check` | nothing: every file is read and every page rendered |
//! | [`disk::DiskCache`] | `build` | in the output's manifest: page fingerprints, the body links of quiet pages, the search index's memo, the printed warnings |
//! | [`memory::MemoryCache`] | `serve` | in memory: every loaded page and its rendered body, the last output, the search index |
//!
//! Fingerprints (`fingerprint`) say whether a page would render the same; `inputs` says
//! whether anything a build reads changed at all.

pub mod disk;
pub mod fingerprint;
pub mod hash_ser;
pub mod inputs;
pub mod memory;

use std::path::Path;
use std::sync::Arc;

use crate::config::Config;
use crate::output::Stored;
use crate::search::reuse::Previous;
use crate::site::body::Body;
use crate::site::load::{load_content, Content};
use crate::site::{BuildOptions, Page};

/// The destination and byte offset in the body of each link of a page's body.
pub type Links = Vec<(String, usize)>;

/// What the pipeline may reuse from an earlier run. Every answer has a safe default: reuse
/// nothing.
pub trait Cache: Sync {
    /// The pages and assets under `content/` with what loading found. A cache that holds
    /// loaded files reads again only the ones that changed.
    fn load(&mut self, root: &Path, config: &Config, options: &BuildOptions) -> Content {
        load_content(root, &config.symlinks(root), options)
    }

    /// The rendered body of `page`, when the cache holds it for the page's text; the
    /// pipeline reads the file again otherwise.
    fn body(&self, page: &Page) -> Option<Arc<Body>> {
        let _ = page;
        None
    }

    /// Called once per run, before any page is rendered, with what every page shares.
    fn begin(&mut self, shared_print: u64) {
        let _ = shared_print;
    }

    /// Keeps the output of the page written at `path` as the last run left it, when that
    /// run rendered it from the same context (`print`, and the shared print given to
    /// [`Cache::begin`]): where it lies, or `None` when the page must be rendered.
    fn keep(&self, path: &str, print: u64) -> Option<Stored> {
        let _ = (path, print);
        None
    }

    /// The body links of the page written at `path`, when the last run read the page and
    /// its body rules found nothing: such a page, kept, need not be read at all.
    fn remembered_links(&self, path: &str) -> Option<&Links> {
        let _ = path;
        None
    }

    /// The last run's search index, whose postings the pages indexed alike are taken from.
    fn previous_index(&self) -> Option<Previous<'_>> {
        None
    }
}

/// Reuses nothing (`check`).
#[derive(Debug, Default)]
pub struct NoCache;

impl Cache for NoCache {}
