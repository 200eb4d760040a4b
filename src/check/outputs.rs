//! What a build wrote, for the link rules: every output path, and the `id`s of every HTML
//! page. A `RecordingSink` wraps the real sink (staging folder or memory), so `build` and
//! `check` see the same files. When the sink keeps its files on disk (`build`), a page's ids
//! are read back from its file the first time a link asks for them, so that the ids of pages
//! nobody links into are neither found nor held; otherwise they are found as it is written.

use std::collections::{HashMap, HashSet};
use std::io;
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex, OnceLock};

use unicode_normalization::UnicodeNormalization;

use super::html;
use crate::output::{Sink, Stored};

/// The written files (NFC paths) and the ids of each HTML file.
#[derive(Debug, Default)]
pub struct Outputs {
    pub files: HashSet<String>,
    /// Lower-cased NFC path → the path as written, for "differs only by case" hints; made
    /// when the first broken link asks.
    folded: OnceLock<HashMap<String, String>>,
    ids: HashMap<String, Ids>,
}

/// The ids of one HTML file: found when it was written, or to be read from where it lies
/// (on disk or in memory) when a link first asks.
#[derive(Debug)]
enum Ids {
    Known(HashSet<String>),
    OnDisk(PathBuf, OnceLock<HashSet<String>>),
    InMemory(Arc<[u8]>, OnceLock<HashSet<String>>),
}

impl Ids {
    fn get(&self) -> &HashSet<String> {
        match self {
            Ids::Known(ids) => ids,
            Ids::OnDisk(file, ids) => ids.get_or_init(|| match std::fs::read(file) {
                Ok(bytes) => ids_of(&bytes),
                Err(_) => HashSet::new(),
            }),
            Ids::InMemory(bytes, ids) => ids.get_or_init(|| ids_of(bytes)),
        }
    }
}

fn ids_of(bytes: &[u8]) -> HashSet<String> {
    match std::str::from_utf8(bytes) {
        Ok(html) => html::ids(html),
        Err(_) => html::ids(&String::from_utf8_lossy(bytes)),
    }
}

impl Outputs {
    /// The outputs of a site held in memory (`serve`): the ids of a page are found when a
    /// link first asks for them.
    pub fn of_files<'a>(files: impl IntoIterator<Item = (&'a str, &'a Arc<[u8]>)>) -> Outputs {
        let mut outputs = Outputs::default();
        for (path, bytes) in files {
            let path: String = path.nfc().collect();
            let ids = path
                .ends_with(".html")
                .then(|| Ids::InMemory(bytes.clone(), OnceLock::new()));
            outputs.insert(Recorded { path, ids });
        }
        outputs
    }

    fn insert(&mut self, output: Recorded) {
        if let Some(ids) = output.ids {
            self.ids.insert(output.path.clone(), ids);
        }
        self.files.insert(output.path);
    }

    pub fn contains(&self, path: &str) -> bool {
        self.files.contains(path)
    }

    /// The written path whose lower case is `lower`, if any (the first in sorted order when
    /// several are).
    pub fn same_but_case(&self, lower: &str) -> Option<&str> {
        let folded = self.folded.get_or_init(|| {
            let mut folded: HashMap<String, String> = HashMap::new();
            for path in &self.files {
                let entry = folded.entry(path.to_lowercase()).or_insert_with(|| path.clone());
                if path < entry {
                    entry.clone_from(path);
                }
            }
            folded
        });
        folded.get(lower).map(String::as_str)
    }

    /// The ids of the HTML file at `path`, if it is one.
    pub fn ids(&self, path: &str) -> Option<&HashSet<String>> {
        self.ids.get(path).map(Ids::get)
    }
}

/// What is recorded of one written file, worked out before the shared record is locked.
struct Recorded {
    path: String,
    ids: Option<Ids>,
}

impl Recorded {
    /// A file put or copied (`bytes` when put), recorded where the sink stored it: the ids
    /// of an HTML page are read back from there when a link asks, or found now when the
    /// sink keeps nothing.
    fn of(path: &str, bytes: Option<&[u8]>, stored: &Stored) -> Recorded {
        let path: String = path.nfc().collect();
        let ids = path.ends_with(".html").then_some(()).and_then(|()| match stored {
            Stored::OnDisk(file) => Some(Ids::OnDisk(file.clone(), OnceLock::new())),
            Stored::InMemory(bytes) => Some(Ids::InMemory(bytes.clone(), OnceLock::new())),
            Stored::Nowhere => bytes.map(|bytes| Ids::Known(ids_of(bytes))),
        });
        Recorded { path, ids }
    }
}

/// A sink that records what passes through it, and the files kept from the last build
/// ([`RecordingSink::kept`]), for the link rules.
pub struct RecordingSink<'a> {
    inner: &'a dyn Sink,
    outputs: Mutex<Outputs>,
}

impl<'a> RecordingSink<'a> {
    pub fn new(inner: &'a dyn Sink) -> RecordingSink<'a> {
        RecordingSink {
            inner,
            outputs: Mutex::new(Outputs::default()),
        }
    }

    pub fn into_outputs(self) -> Outputs {
        self.outputs.into_inner().unwrap_or_default()
    }

    /// Records a file the cache kept as the last build left it, where it lies.
    pub fn kept(&self, path: &str, stored: &Stored) {
        self.record(Recorded::of(path, None, stored));
    }

    fn record(&self, output: Recorded) {
        if let Ok(mut outputs) = self.outputs.lock() {
            outputs.insert(output);
        }
    }
}

impl Sink for RecordingSink<'_> {
    fn put(&self, path: &str, bytes: &[u8]) -> io::Result<Stored> {
        let stored = self.inner.put(path, bytes)?;
        self.record(Recorded::of(path, Some(bytes), &stored));
        Ok(stored)
    }

    fn copy(&self, path: &str, source: &Path) -> io::Result<Stored> {
        let stored = self.inner.copy(path, source)?;
        self.record(Recorded::of(path, None, &stored));
        Ok(stored)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::output::MemorySink;

    #[test]
    fn records_paths_and_ids() {
        let memory = MemorySink::default();
        let sink = RecordingSink::new(&memory);
        assert!(sink
            .put("2564/plan/index.html", "<h2 id=\"ผล\">ผล</h2>".as_bytes())
            .is_ok());
        assert!(sink.put("feed.xml", b"<x id=\"no\"/>").is_ok());
        let outputs = sink.into_outputs();
        assert!(outputs.contains("2564/plan/index.html") && outputs.contains("feed.xml"));
        assert!(matches!(
            outputs.ids.get("2564/plan/index.html"),
            Some(Ids::InMemory(..))
        ));
        assert!(outputs
            .ids("2564/plan/index.html")
            .is_some_and(|ids| ids.contains("ผล")));
        assert!(outputs.ids("feed.xml").is_none());
        assert_eq!(memory.into_files().len(), 2);
        let nothing = crate::output::NullSink;
        let sink = RecordingSink::new(&nothing);
        assert!(sink.put("a/index.html", b"<p id=\"y\">").is_ok());
        assert!(matches!(
            sink.into_outputs().ids.get("a/index.html"),
            Some(Ids::Known(..))
        ));
    }

    #[test]
    fn ids_of_files_on_disk_are_read_back_when_asked() {
        let dir = tempfile::tempdir().expect("temp");
        let out = dir.path().join("public");
        let publish = crate::output::publish::Publish::create(&out).expect("publish");
        let sink = RecordingSink::new(&publish);
        assert!(sink.put("a/index.html", b"<h2 id=\"x\">x</h2>").is_ok());
        let outputs = sink.into_outputs();
        assert!(matches!(outputs.ids.get("a/index.html"), Some(Ids::OnDisk(..))));
        assert!(outputs.ids("a/index.html").is_some_and(|ids| ids.contains("x")));
        publish.abandon();
    }
}
