//! Writing the site to disk, the only output IO. A build goes into a staging folder beside
//! the output and is swapped in at the end, so a failed build leaves the previous output as
//! it was. Dangerous output folders are refused.

use std::collections::BTreeMap;
use std::io;
use std::path::{Component, Path, PathBuf};
use std::sync::Mutex;

use crate::diag::Diagnostic;

/// The marker prongsai leaves in every output folder it writes; a non-empty folder without
/// it is not ours to replace (unless `--force`).
pub const MARKER: &str = ".prongsai-output";

/// Files in an existing output that a build keeps (deploy settings users add by hand).
pub const KEEP: &[&str] = &[".git", "CNAME", ".nojekyll"];

/// Where rendered files go.
pub trait Sink: Sync {
    /// Writes `bytes` at the site-relative `path`.
    fn put(&self, path: &str, bytes: &[u8]) -> io::Result<()>;
    /// Copies the file at `source` to the site-relative `path`.
    fn copy(&self, path: &str, source: &Path) -> io::Result<()>;
}

/// A site in memory, for `serve` and tests.
#[derive(Debug, Default)]
pub struct MemorySink {
    pub files: Mutex<BTreeMap<String, Vec<u8>>>,
}

impl Sink for MemorySink {
    fn put(&self, path: &str, bytes: &[u8]) -> io::Result<()> {
        self.files
            .lock()
            .map_err(|_| io::Error::other("poisoned"))?
            .insert(path.to_string(), bytes.to_vec());
        Ok(())
    }
    fn copy(&self, path: &str, source: &Path) -> io::Result<()> {
        let bytes = std::fs::read(source)?;
        self.put(path, &bytes)
    }
}

impl MemorySink {
    pub fn into_files(self) -> BTreeMap<String, Vec<u8>> {
        self.files.into_inner().unwrap_or_default()
    }
}

/// Writes into a folder.
pub struct DiskSink {
    pub dir: PathBuf,
}

impl DiskSink {
    fn target(&self, path: &str) -> io::Result<PathBuf> {
        let rel = Path::new(path);
        if rel.components().any(|c| !matches!(c, Component::Normal(_))) {
            return Err(io::Error::new(
                io::ErrorKind::InvalidInput,
                format!("unsafe output path {path}"),
            ));
        }
        let target = self.dir.join(rel);
        if let Some(parent) = target.parent() {
            std::fs::create_dir_all(parent)?;
        }
        Ok(target)
    }
}

impl Sink for DiskSink {
    fn put(&self, path: &str, bytes: &[u8]) -> io::Result<()> {
        std::fs::write(self.target(path)?, bytes)
    }
    fn copy(&self, path: &str, source: &Path) -> io::Result<()> {
        std::fs::copy(source, self.target(path)?).map(|_| ())
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
        Err(
            Diagnostic::error("output-refused", format!("ไม่เขียนทับโฟลเดอร์ {} ({why})", out.display()))
                .with_help("choose another folder with --output-dir, e.g. public (เลือกโฟลเดอร์อื่น เช่น public)"),
        )
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
            return Err(Diagnostic::error(
                "output-refused",
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

/// A staging folder beside `out`, swapped in by `commit` or removed by `abandon`.
pub struct Staging {
    pub dir: PathBuf,
    out: PathBuf,
}

impl Staging {
    pub fn create(out: &Path) -> io::Result<Staging> {
        let name = out
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_else(|| "public".into());
        let parent = out
            .parent()
            .filter(|p| !p.as_os_str().is_empty())
            .unwrap_or(Path::new("."));
        std::fs::create_dir_all(parent)?;
        let dir = parent.join(format!(".{name}.prongsai-staging"));
        if dir.exists() {
            std::fs::remove_dir_all(&dir)?;
        }
        std::fs::create_dir_all(&dir)?;
        Ok(Staging {
            dir,
            out: out.to_path_buf(),
        })
    }

    pub fn sink(&self) -> DiskSink {
        DiskSink { dir: self.dir.clone() }
    }

    /// Moves the kept files of the old output across, then swaps the folders.
    pub fn commit(self) -> io::Result<()> {
        std::fs::write(
            self.dir.join(MARKER),
            b"This folder is written by prongsai; it is replaced on every build.\n",
        )?;
        if self.out.is_dir() {
            for keep in KEEP {
                let old = self.out.join(keep);
                let new = self.dir.join(keep);
                if old.exists() && !new.exists() {
                    std::fs::rename(&old, &new)?;
                }
            }
            let backup = self.dir.with_extension("old");
            if backup.exists() {
                std::fs::remove_dir_all(&backup)?;
            }
            std::fs::rename(&self.out, &backup)?;
            if let Err(e) = std::fs::rename(&self.dir, &self.out) {
                let _ = std::fs::rename(&backup, &self.out);
                return Err(e);
            }
            std::fs::remove_dir_all(&backup)?;
        } else {
            if self.out.exists() {
                std::fs::remove_file(&self.out)?;
            }
            std::fs::rename(&self.dir, &self.out)?;
        }
        Ok(())
    }

    pub fn abandon(self) {
        let _ = std::fs::remove_dir_all(&self.dir);
    }
}
