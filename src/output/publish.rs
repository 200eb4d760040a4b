//! Publishing a build into its output folder, writing only what changed.
//!
//! While the site renders, every file is hashed and compared with what the output folder
//! already holds: a file the manifest lists with the same hash, size and time is left alone
//! without being read; a file the manifest cannot vouch for is compared byte for byte. Only
//! files whose bytes differ are written, into a staging folder beside the output. A failed
//! build removes the staging folder and the output is untouched. A successful build moves
//! each staged file into place with a rename (readers see the old or the new file, never a
//! torn one), removes the files the build no longer makes, and writes the new manifest.
//! A first build into a missing folder renames the staging folder as a whole.

use std::collections::{BTreeMap, HashSet};
use std::io::{self, Write};
use std::path::{Component, Path, PathBuf};
use std::sync::Mutex;

use super::manifest::{self, hash_bytes, is_ours_to_leave, relative, stamp, FileRecord, Manifest};
use super::{Sink, Stored, MARKER};

const MARKER_TEXT: &[u8] = b"This folder is written by prongsai; every build updates it to match its content.\n";

/// What publishing did, for the build summary.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Published {
    pub written: usize,
    pub removed: usize,
    pub unchanged: usize,
}

/// One file of the new build.
#[derive(Debug, Clone, Copy)]
struct Record {
    entry: FileRecord,
    /// Written to the staging folder (its bytes differ from the output's).
    staged: bool,
}

/// A build on its way into `out`: a `Sink` while rendering, then `commit` or `abandon`.
pub struct Publish {
    out: PathBuf,
    staging: PathBuf,
    previous: Manifest,
    /// `out` does not exist yet: everything is staged and the folder renamed at the end.
    fresh: bool,
    records: Mutex<BTreeMap<String, Record>>,
    /// Folders of the staging folder made so far.
    dirs: Mutex<HashSet<PathBuf>>,
}

impl Publish {
    /// Prepares publishing into `out`: removes what a killed build may have left beside it
    /// and reads the manifest of the previous build.
    pub fn create(out: &Path) -> io::Result<Publish> {
        let staging = manifest::beside(out, "prongsai-staging");
        if let Some(parent) = staging.parent() {
            std::fs::create_dir_all(parent)?;
        }
        // `.public.old` is what builds before the manifest left when killed mid-swap.
        for leftover in [staging.clone(), staging.with_extension("old")] {
            if leftover.exists() {
                std::fs::remove_dir_all(&leftover)?;
            }
        }
        let half_written = manifest::temp_path_of(out);
        if half_written.exists() {
            std::fs::remove_file(&half_written)?;
        }
        std::fs::create_dir_all(&staging)?;
        if out.exists() && !out.is_dir() {
            std::fs::remove_file(out)?;
        }
        let fresh = !out.exists();
        Ok(Publish {
            previous: if fresh {
                Manifest::default()
            } else {
                Manifest::read(out)
            },
            out: out.to_path_buf(),
            staging,
            fresh,
            records: Mutex::new(BTreeMap::new()),
            dirs: Mutex::new(HashSet::new()),
        })
    }

    /// Whether the output already holds `bytes` at `path`.
    fn on_disk(&self, path: &str, hash: u64, bytes: &[u8]) -> Option<FileRecord> {
        if self.fresh {
            return None;
        }
        let target = self.out.join(path);
        let meta = std::fs::symlink_metadata(&target).ok()?;
        if !meta.is_file() || meta.len() != bytes.len() as u64 {
            return None;
        }
        let (len, time) = stamp(&meta);
        let vouched = self
            .previous
            .files
            .get(path)
            .is_some_and(|e| e.hash() == hash && e.matches(&meta));
        if vouched || std::fs::read(&target).is_ok_and(|old| old == bytes) {
            Some(FileRecord(hash, len, time))
        } else {
            None
        }
    }

    fn stage(&self, path: &str, bytes: &[u8], hash: u64) -> io::Result<FileRecord> {
        let target = self.staging.join(safe_relative(path)?);
        if let Some(parent) = target.parent() {
            self.make_dir(parent)?;
        }
        let mut file = std::fs::File::create(&target)?;
        file.write_all(bytes)?;
        let (len, time) = stamp(&file.metadata()?);
        Ok(FileRecord(hash, len, time))
    }

    /// `create_dir_all`, once per folder: thousands of search files share three folders.
    fn make_dir(&self, dir: &Path) -> io::Result<()> {
        if self.dirs.lock().is_ok_and(|dirs| dirs.contains(dir)) {
            return Ok(());
        }
        std::fs::create_dir_all(dir)?;
        if let Ok(mut dirs) = self.dirs.lock() {
            dirs.insert(dir.to_path_buf());
        }
        Ok(())
    }

    fn record(&self, path: &str, record: Record) -> io::Result<()> {
        self.records
            .lock()
            .map_err(|_| io::Error::other("poisoned"))?
            .insert(path.to_string(), record);
        Ok(())
    }

    /// The manifest of the previous build (empty when there is none to trust).
    pub fn previous(&self) -> &Manifest {
        &self.previous
    }

    /// The bytes the previous build wrote at `path`, when the file still has the size, time
    /// and hash the manifest recorded.
    pub fn read_as_written(&self, path: &str) -> Option<Vec<u8>> {
        let (entry, target) = self.as_written(path)?;
        std::fs::read(&target)
            .ok()
            .filter(|bytes| hash_bytes(bytes) == entry.hash())
    }

    /// The previous build's entry for `path` and where the file lies, when it still has the
    /// size and time that build recorded.
    fn as_written(&self, path: &str) -> Option<(FileRecord, PathBuf)> {
        if self.fresh {
            return None;
        }
        let entry = *self.previous.files.get(path)?;
        let target = self.out.join(safe_relative(path).ok()?);
        entry
            .matches(&std::fs::symlink_metadata(&target).ok()?)
            .then_some((entry, target))
    }

    /// Keeps the file the previous build wrote at `path`, unread, when it is still as that
    /// build wrote it: returns where it lies, or `None` when the caller must `put` it.
    pub fn keep(&self, path: &str) -> Option<PathBuf> {
        let (entry, target) = self.as_written(path)?;
        self.record(path, Record { entry, staged: false }).ok()?;
        Some(target)
    }

    /// Moves the changed files into place, removes stale ones and writes the manifest: the
    /// list of files, and `memo`, what the build remembers for the next one (its producer's
    /// plain data, kept as it is given).
    pub fn commit(self, memo: serde_json::Value) -> io::Result<Published> {
        let records = self.records.into_inner().map_err(|_| io::Error::other("poisoned"))?;
        let mut manifest = Manifest::new();
        manifest.memo = memo;
        let mut published = Published::default();
        for (path, record) in &records {
            if record.staged {
                published.written += 1;
            } else {
                published.unchanged += 1;
            }
            manifest.files.insert(path.clone(), record.entry);
        }
        if self.fresh {
            std::fs::write(self.staging.join(MARKER), MARKER_TEXT)?;
            std::fs::rename(&self.staging, &self.out)?;
            manifest.write(&self.out)?;
            return Ok(published);
        }
        // From here until the new manifest is written the folder may be a mix of old and new
        // files; without a manifest the next build compares bytes and repairs it.
        Manifest::remove(&self.out)?;
        for (path, record) in &records {
            if record.staged {
                let rel = safe_relative(path)?;
                make_room(&self.out, &rel)?;
                std::fs::rename(self.staging.join(&rel), self.out.join(&rel))?;
            }
        }
        published.removed = remove_stale(&self.out, &records)?;
        if !self.out.join(MARKER).exists() {
            std::fs::write(self.out.join(MARKER), MARKER_TEXT)?;
        }
        manifest.write(&self.out)?;
        std::fs::remove_dir_all(&self.staging)?;
        Ok(published)
    }

    /// Drops the build: only the staging folder is removed; the output is untouched.
    pub fn abandon(self) {
        let _ = std::fs::remove_dir_all(&self.staging);
    }
}

impl Sink for Publish {
    fn put(&self, path: &str, bytes: &[u8]) -> io::Result<Stored> {
        let rel = safe_relative(path)?;
        let hash = hash_bytes(bytes);
        let (record, lies) = match self.on_disk(path, hash, bytes) {
            Some(entry) => (Record { entry, staged: false }, self.out.join(rel)),
            None => (
                Record {
                    entry: self.stage(path, bytes, hash)?,
                    staged: true,
                },
                self.staging.join(rel),
            ),
        };
        self.record(path, record)?;
        Ok(Stored::OnDisk(lies))
    }

    fn copy(&self, path: &str, source: &Path) -> io::Result<Stored> {
        let bytes = std::fs::read(source)?;
        self.put(path, &bytes)
    }
}

/// A site-relative output path, refused if it could leave the output folder.
pub fn safe_relative(path: &str) -> io::Result<PathBuf> {
    let rel = Path::new(path);
    if path.is_empty() || rel.components().any(|c| !matches!(c, Component::Normal(_))) {
        return Err(io::Error::new(
            io::ErrorKind::InvalidInput,
            format!("unsafe output path {path}"),
        ));
    }
    Ok(rel.to_path_buf())
}

/// Clears the way for a file at `out/rel`: a file where a folder must be, or a folder where
/// the file goes (the previous build made a page where this one makes a file).
fn make_room(out: &Path, rel: &Path) -> io::Result<()> {
    let mut dir = out.to_path_buf();
    if let Some(parent) = rel.parent() {
        for part in parent.components() {
            dir.push(part);
            match std::fs::symlink_metadata(&dir) {
                Ok(meta) if meta.is_dir() => {}
                Ok(_) => {
                    std::fs::remove_file(&dir)?;
                    std::fs::create_dir(&dir)?;
                }
                Err(_) => std::fs::create_dir(&dir)?,
            }
        }
    }
    let target = out.join(rel);
    if std::fs::symlink_metadata(&target).is_ok_and(|m| m.is_dir()) {
        std::fs::remove_dir_all(&target)?;
    }
    Ok(())
}

/// Removes every file of `out` the new build did not make (kept deploy files and the marker
/// aside), then the folders left empty. Returns how many files went.
fn remove_stale(out: &Path, records: &BTreeMap<String, Record>) -> io::Result<usize> {
    let mut removed = 0;
    let mut dirs = Vec::new();
    let walker = walkdir::WalkDir::new(out)
        .into_iter()
        .filter_entry(|e| e.depth() != 1 || !is_ours_to_leave(&e.file_name().to_string_lossy()));
    for entry in walker {
        let entry = entry.map_err(io::Error::other)?;
        if entry.depth() == 0 {
            continue;
        }
        if entry.file_type().is_dir() {
            dirs.push(entry.into_path());
            continue;
        }
        let listed = relative(out, entry.path()).is_some_and(|rel| records.contains_key(&rel));
        if !listed {
            std::fs::remove_file(entry.path())?;
            removed += 1;
        }
    }
    // Deepest first; a folder that is not empty still holds files of this build.
    for dir in dirs.iter().rev() {
        let _ = std::fs::remove_dir(dir);
    }
    Ok(removed)
}
