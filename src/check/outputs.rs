//! What a build wrote, for the link rules: every output path, and the `id`s of every HTML
//! page. A `RecordingSink` wraps the real sink (staging folder or memory), so `build` and
//! `check` see the same files without reading anything back from disk.

use std::collections::{HashMap, HashSet};
use std::io;
use std::path::Path;
use std::sync::Mutex;

use unicode_normalization::UnicodeNormalization;

use super::html;
use crate::output::Sink;

/// The written files (NFC paths) and the ids of each HTML file.
#[derive(Debug, Default)]
pub struct Outputs {
    pub files: HashSet<String>,
    /// Lower-cased NFC path → the path as written, for "differs only by case" hints.
    pub folded: HashMap<String, String>,
    pub ids: HashMap<String, HashSet<String>>,
}

impl Outputs {
    pub fn add(&mut self, path: &str, bytes: Option<&[u8]>) {
        self.insert(Output::of(path, bytes));
    }

    fn insert(&mut self, output: Output) {
        if let Some(ids) = output.ids {
            self.ids.insert(output.path.clone(), ids);
        }
        self.folded.insert(output.path.to_lowercase(), output.path.clone());
        self.files.insert(output.path);
    }

    pub fn contains(&self, path: &str) -> bool {
        self.files.contains(path)
    }
}

/// A sink that records what passes through it.
/// What is recorded of one written file, worked out before the shared record is locked.
struct Output {
    path: String,
    ids: Option<HashSet<String>>,
}

impl Output {
    fn of(path: &str, bytes: Option<&[u8]>) -> Output {
        let path: String = path.nfc().collect();
        let ids = bytes
            .filter(|_| path.ends_with(".html"))
            .map(|bytes| match std::str::from_utf8(bytes) {
                Ok(html) => html::ids(html),
                Err(_) => html::ids(&String::from_utf8_lossy(bytes)),
            });
        Output { path, ids }
    }
}

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

    fn record(&self, path: &str, bytes: Option<&[u8]>) {
        let output = Output::of(path, bytes);
        if let Ok(mut outputs) = self.outputs.lock() {
            outputs.insert(output);
        }
    }
}

impl Sink for RecordingSink<'_> {
    fn put(&self, path: &str, bytes: &[u8]) -> io::Result<()> {
        self.inner.put(path, bytes)?;
        self.record(path, Some(bytes));
        Ok(())
    }

    fn copy(&self, path: &str, source: &Path) -> io::Result<()> {
        self.inner.copy(path, source)?;
        self.record(path, None);
        Ok(())
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
        assert!(outputs.ids["2564/plan/index.html"].contains("ผล"));
        assert!(!outputs.ids.contains_key("feed.xml"));
        assert_eq!(memory.into_files().len(), 2);
    }
}
