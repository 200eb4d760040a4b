//! Watching the portal's sources: file-system events (or polling, for network disks and
//! WSL), batched until the disk has been quiet for a moment, editor litter dropped, and
//! sorted into what a rebuild needs to know.

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};
use std::sync::mpsc::{self, Receiver, RecvTimeoutError};
use std::time::{Duration, Instant};

use notify::{Config, EventKind, PollWatcher, RecommendedWatcher, RecursiveMode, Watcher};

use crate::config::CONFIG_FILE;
use crate::diag::Diagnostic;
use crate::source::is_litter;

/// Folders of a portal whose changes matter; everything else (the output, `target/`,
/// `.git/`) is not watched at all.
pub const SOURCE_DIRS: &[&str] = &["content", "static", "templates", "themes", "catalogs"];
/// A batch ends after this much quiet…
const QUIET: Duration = Duration::from_millis(10);
/// …or this long after its first event, whichever comes first.
const MAX_BATCH: Duration = Duration::from_millis(400);

/// What changed in one batch.
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub struct Changes {
    /// Files under `content/`, relative to it, `/`-separated (created, changed or removed).
    pub content: BTreeSet<String>,
    /// Anything else: config, templates, themes, catalogs, static files, or a folder event
    /// under `content/` whose files are unknown. Needs a full rebuild.
    pub full: bool,
}

impl Changes {
    pub fn is_empty(&self) -> bool {
        self.content.is_empty() && !self.full
    }
}

/// A running watcher and the channel its events arrive on.
pub struct SourceWatcher {
    root: PathBuf,
    watcher: Box<dyn Watcher + Send>,
    events: Receiver<notify::Result<notify::Event>>,
}

impl SourceWatcher {
    pub fn start(root: &Path, poll: bool) -> Result<SourceWatcher, Diagnostic> {
        let root = std::fs::canonicalize(root).unwrap_or_else(|_| root.to_path_buf());
        let (tx, events) = mpsc::channel();
        let handler = move |e| {
            let _ = tx.send(e);
        };
        let mut watcher: Box<dyn Watcher + Send> = if poll {
            let config = Config::default().with_poll_interval(Duration::from_millis(500));
            Box::new(PollWatcher::new(handler, config).map_err(watch_error)?)
        } else {
            Box::new(RecommendedWatcher::new(handler, Config::default()).map_err(watch_error)?)
        };
        watcher.watch(&root, RecursiveMode::NonRecursive).map_err(watch_error)?;
        let mut this = SourceWatcher { root, watcher, events };
        for dir in SOURCE_DIRS {
            this.watch_dir(dir)?;
        }
        Ok(this)
    }

    fn watch_dir(&mut self, dir: &str) -> Result<(), Diagnostic> {
        let path = self.root.join(dir);
        if path.is_dir() {
            self.watcher
                .watch(&path, RecursiveMode::Recursive)
                .map_err(watch_error)?;
        }
        Ok(())
    }

    /// Blocks until a batch of relevant changes arrives (or `timeout` passes: `None`).
    pub fn next_batch(&mut self, timeout: Duration) -> Result<Option<Changes>, Diagnostic> {
        let first = match self.events.recv_timeout(timeout) {
            Ok(e) => e,
            Err(RecvTimeoutError::Timeout) => return Ok(None),
            Err(RecvTimeoutError::Disconnected) => {
                return Err(Diagnostic::new(
                    &crate::rules::serve_watch::RULE,
                    "ตัวเฝ้าไฟล์หยุดทำงาน (the file watcher stopped)",
                ))
            }
        };
        let mut batch = vec![first];
        let started = Instant::now();
        while started.elapsed() < MAX_BATCH {
            match self.events.recv_timeout(QUIET) {
                Ok(e) => batch.push(e),
                Err(_) => break,
            }
        }
        let mut changes = Changes::default();
        let mut new_dirs = Vec::new();
        for event in batch {
            let event = event.map_err(watch_error)?;
            if matches!(event.kind, EventKind::Access(_)) {
                continue;
            }
            for path in &event.paths {
                if let Some(dir) = classify(&self.root, path, &mut changes) {
                    new_dirs.push(dir);
                }
            }
        }
        for dir in new_dirs {
            self.watch_dir(dir)?;
        }
        Ok(if changes.is_empty() { None } else { Some(changes) })
    }
}

/// Files the watcher reports that a build never reads: editor litter.
fn ignored(path: &Path) -> bool {
    path.file_name()
        .map(|n| is_litter(&n.to_string_lossy()))
        .unwrap_or(true)
}

/// Sorts one changed path into `changes`; returns a source folder that appeared at the
/// top of the portal and must now be watched.
fn classify(root: &Path, path: &Path, changes: &mut Changes) -> Option<&'static str> {
    let rel = path.strip_prefix(root).ok()?;
    let mut parts = rel.components();
    let top = parts.next()?.as_os_str().to_string_lossy().into_owned();
    if ignored(path) {
        return None;
    }
    let rest: Vec<String> = parts.map(|c| c.as_os_str().to_string_lossy().into_owned()).collect();
    if rest.is_empty() {
        // a change at the top of the portal
        if top == CONFIG_FILE {
            changes.full = true;
        }
        if let Some(dir) = SOURCE_DIRS.iter().find(|d| **d == top) {
            changes.full = true;
            return Some(dir);
        }
        return None;
    }
    if top == "content" {
        let file = rest.join("/");
        if path.extension().is_some_and(|e| e == "md") {
            changes.content.insert(file);
        } else {
            // an asset or a folder (a renamed folder moves every page inside it)
            changes.full = true;
        }
    } else if SOURCE_DIRS.contains(&top.as_str()) {
        changes.full = true;
    }
    None
}

fn watch_error(e: notify::Error) -> Diagnostic {
    let d = Diagnostic::new(
        &crate::rules::serve_watch::RULE,
        format!("เฝ้าดูไฟล์ไม่ได้ (cannot watch files): {e}"),
    );
    let too_many_instances = matches!(&e.kind, notify::ErrorKind::Io(io) if io.raw_os_error() == Some(24));
    if matches!(e.kind, notify::ErrorKind::MaxFilesWatch) {
        d.with_help(
            "the system's limit on watched folders is reached: raise it with \
             `sudo sysctl fs.inotify.max_user_watches=524288`, or run `prongsai serve --poll` \
             (ถึงขีดจำกัดจำนวนโฟลเดอร์ที่เฝ้าดูได้ เพิ่มด้วย sysctl หรือใช้ --poll)",
        )
    } else if too_many_instances {
        d.with_help(
            "too many programs are watching files (editors, other previews): raise the limit with \
             `sudo sysctl fs.inotify.max_user_instances=1024`, or run `prongsai serve --poll` \
             (มีโปรแกรมเฝ้าดูไฟล์มากเกินขีดจำกัด เพิ่มด้วย sysctl หรือใช้ --poll)",
        )
    } else {
        d.with_help("on network disks or WSL use `prongsai serve --poll` (ใช้ --poll บนดิสก์เครือข่ายหรือ WSL)")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn changes(paths: &[&str]) -> Changes {
        let root = Path::new("/portal");
        let mut c = Changes::default();
        for p in paths {
            classify(root, &root.join(p), &mut c);
        }
        c
    }

    #[test]
    fn sorts_paths() {
        let c = changes(&[
            "content/2564/plan.md",
            "content/รายงาน.md",
            "content/.plan.md.swp",
            "content/4913",
        ]);
        assert_eq!(
            c.content.iter().map(String::as_str).collect::<Vec<_>>(),
            ["2564/plan.md", "รายงาน.md"]
        );
        assert!(!c.full);
        assert!(changes(&["prongsai.toml"]).full);
        assert!(changes(&["templates/page.html"]).full);
        assert!(changes(&["content/2564/o1.pdf"]).full);
        assert!(changes(&["content/2564"]).full);
        assert!(changes(&["public/index.html", "README.md"]).is_empty());
        assert!(changes(&["content/.#plan.md", "content/plan.md~", "content/#plan.md#"]).is_empty());
    }
}
