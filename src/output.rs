//! Writing the site to disk, the only output IO. A build writes only the files whose bytes
//! changed, through a staging folder beside the output (`publish`), so a failed build leaves
//! the previous output as it was; a manifest of what was written (`manifest`) spares the next
//! build reading unchanged files. Dangerous output folders are refused.

pub mod manifest;
pub mod publish;

use std::collections::BTreeMap;
use std::io;
use std::path::{Component, Path, PathBuf};
use std::sync::{Arc, Mutex};

use crate::diag::Diagnostic;

/// The marker prongsai leaves in every output folder it writes; a non-empty folder without
/// it is not ours to replace (unless `--force`).
pub const MARKER: &str = ".prongsai-output";

/// Files in an existing output that a build keeps (deploy settings users add by hand).
pub const KEEP: &[&str] = &[".git", "CNAME", ".nojekyll"];

/// Where a sink left a file it was given, so that it can be read back later (the link rules
/// read a page's `id`s only when a link asks for them).
#[derive(Debug, Clone)]
pub enum Stored {
    /// In a file on disk (the staging folder, or the output when unchanged).
    OnDisk(PathBuf),
    /// In memory (`serve`).
    InMemory(Arc<[u8]>),
    /// Nowhere: the bytes are gone once `put` returns (`check`).
    Nowhere,
}

/// Where rendered files go.
pub trait Sink: Sync {
    /// Writes `bytes` at the site-relative `path`.
    fn put(&self, path: &str, bytes: &[u8]) -> io::Result<Stored>;
    /// Copies the file at `source` to the site-relative `path`.
    fn copy(&self, path: &str, source: &Path) -> io::Result<Stored>;
}

/// A sink that keeps nothing: `check` renders the site only to see what it would write.
#[derive(Debug, Default)]
pub struct NullSink;

impl Sink for NullSink {
    fn put(&self, _path: &str, _bytes: &[u8]) -> io::Result<Stored> {
        Ok(Stored::Nowhere)
    }
    fn copy(&self, _path: &str, _source: &Path) -> io::Result<Stored> {
        Ok(Stored::Nowhere)
    }
}

/// A site in memory, for `serve` and tests.
#[derive(Debug, Default)]
pub struct MemorySink {
    pub files: Mutex<BTreeMap<String, Arc<[u8]>>>,
}

impl Sink for MemorySink {
    fn put(&self, path: &str, bytes: &[u8]) -> io::Result<Stored> {
        let bytes: Arc<[u8]> = Arc::from(bytes);
        self.files
            .lock()
            .map_err(|_| io::Error::other("poisoned"))?
            .insert(path.to_string(), bytes.clone());
        Ok(Stored::InMemory(bytes))
    }
    fn copy(&self, path: &str, source: &Path) -> io::Result<Stored> {
        let bytes = std::fs::read(source)?;
        self.put(path, &bytes)
    }
}

impl MemorySink {
    pub fn into_files(self) -> BTreeMap<String, Arc<[u8]>> {
        self.files.into_inner().unwrap_or_default()
    }
}

/// Refuses output folders a build must never replace: `/`, the home folder, the portal
/// root or any folder above it, `content/` or anything inside it, and a non-empty folder
/// prongsai did not write (unless `force`).
pub fn check_output_dir(root: &Path, out: &Path, force: bool) -> Result<(), Diagnostic> {
    let abs = |p: &Path| -> PathBuf {
        let p = if p.is_absolute() {
            p.to_path_buf()
        } else {
            std::env::current_dir().unwrap_or_default().join(p)
        };
        normalize(&p)
    };
    let root_abs = std::fs::canonicalize(root).unwrap_or_else(|_| abs(root));
    let out_abs = canonical_prefix(&abs(out));
    let content = root_abs.join("content");
    let home = std::env::var_os("HOME").map(PathBuf::from).map(|h| abs(&h));
    let refuse = |why: &str| {
        Err(Diagnostic::new(
            &crate::rules::output_refused::RULE,
            format!("ไม่เขียนทับโฟลเดอร์ {} ({why})", out.display()),
        )
        .with_help("choose another folder with --output-dir, e.g. public (เลือกโฟลเดอร์อื่น เช่น public)"))
    };
    if out_abs.parent().is_none() {
        return refuse("it is the file-system root / เป็นรากของระบบไฟล์");
    }
    if home.as_deref() == Some(out_abs.as_path()) {
        return refuse("it is your home folder / เป็นโฟลเดอร์บ้านของผู้ใช้");
    }
    if root_abs.starts_with(&out_abs) {
        return refuse("it contains the portal / มีพอร์ทัลอยู่ข้างใน");
    }
    if out_abs.starts_with(&content) {
        return refuse("it is inside content/ / อยู่ใน content/");
    }
    for keep in ["static", "templates", "themes", "catalogs"] {
        if out_abs.starts_with(root_abs.join(keep)) {
            return refuse("it is a source folder of the portal / เป็นโฟลเดอร์ต้นฉบับของพอร์ทัล");
        }
    }
    if !force && out_abs.is_dir() && !out_abs.join(MARKER).exists() {
        let non_empty = std::fs::read_dir(&out_abs)
            .map(|mut d| d.any(|e| e.is_ok_and(|e| !KEEP.iter().any(|k| e.file_name() == *k))))
            .unwrap_or(false);
        if non_empty {
            return Err(Diagnostic::new(
                &crate::rules::output_refused::RULE,
                format!(
                    "โฟลเดอร์ {} มีไฟล์อื่นอยู่ที่ prongsai ไม่ได้สร้าง (the folder is not empty and was not written by prongsai)",
                    out.display()
                ),
            )
            .with_help("use --force to replace it, or choose an empty folder (ใช้ --force หากต้องการแทนที่)"));
        }
    }
    Ok(())
}

/// Resolves `.` and `..` without touching the disk.
fn normalize(path: &Path) -> PathBuf {
    let mut out = PathBuf::new();
    for c in path.components() {
        match c {
            Component::ParentDir => {
                out.pop();
            }
            Component::CurDir => {}
            other => out.push(other.as_os_str()),
        }
    }
    out
}

/// Canonicalizes the longest existing prefix (symlinks resolved), keeping the rest.
fn canonical_prefix(path: &Path) -> PathBuf {
    let mut existing = path.to_path_buf();
    let mut rest = Vec::new();
    while !existing.exists() {
        match (existing.file_name().map(|n| n.to_os_string()), existing.parent()) {
            (Some(name), Some(parent)) => {
                rest.push(name);
                existing = parent.to_path_buf();
            }
            _ => return path.to_path_buf(),
        }
    }
    let mut out = std::fs::canonicalize(&existing).unwrap_or(existing);
    for name in rest.into_iter().rev() {
        out.push(name);
    }
    out
}
