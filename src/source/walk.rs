//! A sorted walk of `content/` that skips what editors and operating systems leave behind,
//! so a half-saved file or a lock file never becomes a page.

use std::path::{Path, PathBuf};

use walkdir::WalkDir;

use super::symlinks::Symlinks;
use crate::diag::Diagnostic;

/// One file found under `content/`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ContentFile {
    /// Absolute (or root-joined) path on disk.
    pub path: PathBuf,
    /// Path relative to `content/`, with `/` separators.
    pub relative: String,
}

impl ContentFile {
    pub fn is_markdown(&self) -> bool {
        self.relative.ends_with(".md")
    }
}

/// Files and folders that are never content: editor backups, swap and lock files, OS litter,
/// and anything hidden.
pub fn is_litter(name: &str) -> bool {
    name.starts_with('.')
        || name.starts_with("~$")
        || name.ends_with('~')
        || name.ends_with(".swp")
        || name.ends_with(".swo")
        || name.ends_with(".swx")
        || name.ends_with(".tmp")
        || name.ends_with(".bak")
        || name == "4913"
        || name == "Thumbs.db"
        || name == "desktop.ini"
        || (name.starts_with('#') && name.ends_with('#'))
}

/// Why a file whose name is not UTF-8 is left out (URLs and links are text).
const NOT_UTF8: &str = "ชื่อไฟล์หรือโฟลเดอร์ไม่ใช่ UTF-8 จึงใช้เป็น URL ไม่ได้ ตั้งชื่อใหม่ \
                        (the file or folder name is not valid UTF-8, so it cannot be a URL; rename it)";

/// Every file under `dir`, sorted by path, litter skipped. What could not be read (an
/// unreadable folder, a name that is not UTF-8) and every symbolic link [`Symlinks`] refuses
/// are returned beside the files as diagnostics, so the caller can report them and go on.
///
/// Symlinks are followed only where [`Symlinks`] allows it; a refused link is never entered or
/// read, so nothing outside the portal is ever read or published. `dir` itself (or a folder above
/// it) may be a link, judged the same way.
pub fn walk_content(dir: &Path, links: &Symlinks) -> (Vec<ContentFile>, Vec<Diagnostic>) {
    let mut files = Vec::new();
    let mut errors = Vec::new();
    if let Err(d) = links.check_path(dir) {
        return (files, vec![d]);
    }
    let mut refused: Vec<Diagnostic> = Vec::new();
    let walker = WalkDir::new(dir)
        .follow_links(true)
        .sort_by_file_name()
        .into_iter()
        .filter_entry(|e| {
            if e.depth() == 0 {
                return true;
            }
            if is_litter(&e.file_name().to_string_lossy()) {
                return false;
            }
            match links.check_entry(e.path()) {
                Ok(()) => true,
                Err(d) => {
                    refused.push(d);
                    false
                }
            }
        });
    for entry in walker {
        match entry {
            Ok(entry) if entry.file_type().is_file() => {
                let Ok(rel) = entry.path().strip_prefix(dir) else {
                    continue;
                };
                if rel.to_str().is_none() {
                    errors.push(cannot_read(links, entry.path(), NOT_UTF8));
                    continue;
                }
                let relative = rel
                    .components()
                    .map(|c| c.as_os_str().to_string_lossy())
                    .collect::<Vec<_>>()
                    .join("/");
                files.push(ContentFile {
                    path: entry.path().to_path_buf(),
                    relative,
                });
            }
            Ok(_) => {}
            Err(e) => {
                let path = e.path().map(Path::to_path_buf).unwrap_or_else(|| dir.to_path_buf());
                // a dangling link or a chain of links that never ends cannot be followed to
                // an entry at all: the link is named, not a read error
                if let Err(d) = links.check_entry(&path) {
                    errors.push(d);
                } else if e.loop_ancestor().is_some() {
                    errors.push(links.loop_diagnostic(&path));
                } else {
                    errors.push(cannot_read(links, &path, &e.to_string()));
                }
            }
        }
    }
    errors.append(&mut refused);
    (files, errors)
}

/// An `io` error for `path`, named relative to the portal root.
fn cannot_read(links: &Symlinks, path: &Path, why: &str) -> Diagnostic {
    Diagnostic::new(&crate::rules::io::RULE, format!("อ่านไม่ได้ (cannot read): {why}")).in_file(links.shown(path))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn editor_litter_is_recognised() {
        for name in [
            ".#a.md",
            "a.md~",
            ".a.md.swp",
            "a.swp",
            "4913",
            "~$report.docx",
            ".DS_Store",
            "Thumbs.db",
            "#a.md#",
        ] {
            assert!(is_litter(name), "{name}");
        }
        for name in ["a.md", "รายงาน.md", "_index.md", "o43.pdf"] {
            assert!(!is_litter(name), "{name}");
        }
    }

    #[cfg(unix)]
    #[test]
    fn a_name_that_is_not_utf8_is_an_error_not_a_lossy_file() {
        use std::os::unix::ffi::OsStrExt;
        let dir = tempfile::tempdir().expect("temp");
        let bad = dir.path().join(std::ffi::OsStr::from_bytes(b"bad\xff.md"));
        if std::fs::write(&bad, "x").is_err() {
            return; // a file system that refuses such names cannot hold one either
        }
        std::fs::write(dir.path().join("good.md"), "x").expect("write");
        let (files, errors) = walk_content(dir.path(), &Symlinks::new(dir.path(), &[]));
        assert_eq!(
            files.iter().map(|f| f.relative.as_str()).collect::<Vec<_>>(),
            ["good.md"]
        );
        assert_eq!(errors.len(), 1);
        // named in messages as best it can be shown
        assert_eq!(errors[0].file.as_deref(), Some(Path::new("bad\u{FFFD}.md")));
        assert!(errors[0].message.contains("not valid UTF-8"), "{}", errors[0].message);
    }
}
