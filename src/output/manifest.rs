//! The manifest of an output folder: what the last build wrote there (hash, size and
//! modification time of every file), and what the build's cache remembers for the next one
//! (`cache::disk`, stored as the plain data it serialises). It lets the next build skip files
//! whose bytes did not change without reading them, and lets the cache vouch for the files
//! it keeps.
//!
//! The manifest exists only while it describes the folder exactly: publishing removes it
//! before the first file moves and writes the new one (temp file + rename) after the last,
//! so a build killed halfway leaves no manifest and the next build compares bytes instead.

use std::collections::BTreeMap;
use std::fs::Metadata;
use std::io;
use std::path::{Path, PathBuf};
use std::time::UNIX_EPOCH;

use serde::{Deserialize, Serialize};

use super::{KEEP, MARKER};

/// `.<name>.<suffix>` beside the output folder `out` (`public` → `.public.<suffix>`): where
/// the manifest and the staging folder live, so the output stays byte-identical build to
/// build and is deployed as is.
pub fn beside(out: &Path, suffix: &str) -> PathBuf {
    let name = out
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_else(|| "public".into());
    let parent = out
        .parent()
        .filter(|p| !p.as_os_str().is_empty())
        .unwrap_or(Path::new("."));
    parent.join(format!(".{name}.{suffix}"))
}

/// Where the manifest of `out` lives (`.public.prongsai-manifest`).
pub fn path_of(out: &Path) -> PathBuf {
    beside(out, "prongsai-manifest")
}

pub fn temp_path_of(out: &Path) -> PathBuf {
    let mut path = path_of(out).into_os_string();
    path.push(".tmp");
    PathBuf::from(path)
}

const VERSION: u32 = 4;

/// What the manifest remembers of one file: (hash of the bytes, size, modification time in
/// nanoseconds since 1970).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct FileRecord(pub u64, pub u64, pub u64);

impl FileRecord {
    pub fn hash(&self) -> u64 {
        self.0
    }

    /// Whether the file on disk still has the size and time this entry recorded.
    pub fn matches(&self, meta: &Metadata) -> bool {
        meta.is_file() && stamp(meta) == (self.1, self.2)
    }
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Manifest {
    pub version: u32,
    /// What the build remembers for the next one, as its producer serialised it
    /// (`cache::disk`); publishing keeps it as it is.
    #[serde(default)]
    pub memo: serde_json::Value,
    /// Site-relative path → entry.
    pub files: BTreeMap<String, FileRecord>,
}

impl Manifest {
    pub fn new() -> Manifest {
        Manifest {
            version: VERSION,
            ..Manifest::default()
        }
    }

    /// The manifest of `out`, or an empty one when it is missing, unreadable or of another
    /// version (the build then compares bytes on disk instead).
    pub fn read(out: &Path) -> Manifest {
        std::fs::read(path_of(out))
            .ok()
            .and_then(|bytes| serde_json::from_slice::<Manifest>(&bytes).ok())
            .filter(|m| m.version == VERSION)
            .unwrap_or_default()
    }

    /// Writes the manifest of `out` through a temporary file, so it is never half written.
    pub fn write(&self, out: &Path) -> io::Result<()> {
        let bytes = serde_json::to_vec(self).map_err(io::Error::other)?;
        let temp = temp_path_of(out);
        std::fs::write(&temp, bytes)?;
        std::fs::rename(&temp, path_of(out))
    }

    /// Removes the manifest of `out`, if any.
    pub fn remove(out: &Path) -> io::Result<()> {
        match std::fs::remove_file(path_of(out)) {
            Err(e) if e.kind() != io::ErrorKind::NotFound => Err(e),
            _ => Ok(()),
        }
    }

    /// Whether `out` holds exactly the files this manifest lists, each with the recorded size
    /// and time (kept deploy files and the marker aside). Costs one `stat` per
    /// file; reads nothing.
    pub fn describes(&self, out: &Path) -> bool {
        if self.files.is_empty() {
            return false;
        }
        let mut seen = 0usize;
        let walker = walkdir::WalkDir::new(out)
            .into_iter()
            .filter_entry(|e| e.depth() != 1 || !is_ours_to_leave(&e.file_name().to_string_lossy()));
        for entry in walker {
            let Ok(entry) = entry else {
                return false;
            };
            if entry.file_type().is_dir() {
                continue;
            }
            let Some(rel) = relative(out, entry.path()) else {
                return false;
            };
            let Ok(meta) = entry.metadata() else {
                return false;
            };
            match self.files.get(&rel) {
                Some(e) if e.matches(&meta) => seen += 1,
                _ => return false,
            }
        }
        seen == self.files.len()
    }
}

/// Top-level names of the output a build neither lists nor removes.
pub fn is_ours_to_leave(name: &str) -> bool {
    name == MARKER || KEEP.contains(&name)
}

/// `path` relative to `out`, with forward slashes.
pub fn relative(out: &Path, path: &Path) -> Option<String> {
    let rel = path.strip_prefix(out).ok()?;
    let parts: Option<Vec<&str>> = rel.components().map(|c| c.as_os_str().to_str()).collect();
    Some(parts?.join("/"))
}

/// The hash of a file's bytes.
pub fn hash_bytes(bytes: &[u8]) -> u64 {
    xxhash_rust::xxh3::xxh3_64(bytes)
}

/// (size, modification time in nanoseconds) of a file.
pub fn stamp(meta: &Metadata) -> (u64, u64) {
    let time = meta
        .modified()
        .ok()
        .and_then(|t| t.duration_since(UNIX_EPOCH).ok())
        .map_or(0, |d| u64::try_from(d.as_nanos()).unwrap_or(u64::MAX));
    (meta.len(), time)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn round_trips_and_describes_only_an_exact_folder() {
        let dir = tempfile::tempdir().expect("temp");
        let out = &dir.path().join("public");
        std::fs::create_dir_all(out.join("a")).expect("mkdir");
        std::fs::write(out.join("a/index.html"), "x").expect("write");
        std::fs::write(out.join("CNAME"), "kept").expect("write");
        let meta = std::fs::metadata(out.join("a/index.html")).expect("stat");
        let (len, time) = stamp(&meta);
        let mut m = Manifest::new();
        m.memo = serde_json::json!({ "inputs": 7 });
        m.files
            .insert("a/index.html".into(), FileRecord(hash_bytes(b"x"), len, time));
        m.write(out).expect("write manifest");
        let back = Manifest::read(out);
        assert_eq!(back, m);
        assert!(back.describes(out));
        assert!(
            dir.path().join(".public.prongsai-manifest").exists(),
            "beside the output"
        );
        std::fs::write(out.join("extra.html"), "y").expect("write");
        assert!(!back.describes(out), "an unlisted file");
        std::fs::remove_file(out.join("extra.html")).expect("rm");
        std::fs::write(out.join("a/index.html"), "longer").expect("write");
        assert!(!back.describes(out), "a changed file");
        Manifest::remove(out).expect("remove");
        assert_eq!(Manifest::read(out), Manifest::default());
    }
}
