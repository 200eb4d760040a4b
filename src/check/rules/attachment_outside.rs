//! `attachment-outside` — ไฟล์หรือลิงก์ชี้ออกนอกพอร์ทัล (A file or link points outside the portal)
//!
//! ไฟล์แนบและลิงก์ต้องอยู่ในพอร์ทัล `../../SECRET.txt`, `/etc/passwd`, `C:\x` หรือลิงก์สัญลักษณ์
//! (symlink) ที่ชี้ออกไปข้างนอก อาจเผยแพร่ไฟล์ที่ไม่ควรเผยแพร่ หรือได้ลิงก์เสีย ไม่มีการคัดลอกไฟล์ดังกล่าว
//!
//! Attachments and links stay inside the portal. `../../SECRET.txt`, `/etc/passwd`, `C:\x` or a
//! symlink pointing outside could publish a private file or give a dead link; nothing outside is
//! copied.
//!
//! ผิด (wrong):
//!
//! ```toml
//! files = ["../../SECRET.txt"]
//! ```
//!
//! ถูก (right):
//!
//! ```toml
//! files = ["o43-report.pdf"]  # copy the file next to the page
//! ```

use crate::check::Rule;
use crate::diag::Level;

pub const RULE: Rule = Rule {
    code: "attachment-outside",
    level: Level::Error,
    summary: "ไฟล์หรือลิงก์ชี้ออกนอกพอร์ทัล (A file or link points outside the portal)",
};

use std::path::Path;

use crate::diag::Diagnostic;
use crate::site::{Page, Site};

/// Why a `files` entry or a link target is not a path inside the portal, if it is not.
pub fn outside_reason(entry: &str) -> Option<String> {
    let bytes = entry.as_bytes();
    if entry.starts_with('/') || entry.starts_with('\\') {
        return Some("เป็นพาธเต็มของเครื่อง (an absolute path)".into());
    }
    if bytes.len() >= 2 && bytes[0].is_ascii_alphabetic() && bytes[1] == b':' {
        return Some("เป็นไดรฟ์ของ Windows (a Windows drive path)".into());
    }
    if entry.contains('\\') {
        return Some("ใช้ \\ แทน / (uses \\ instead of /)".into());
    }
    if entry.starts_with('~') {
        return Some("ชี้ไปโฟลเดอร์บ้าน (points into a home folder)".into());
    }
    if entry.split('/').any(|s| s == "..") {
        return Some("ออกไปนอกโฟลเดอร์ของหน้าด้วย .. (leaves the page's folder with ..)".into());
    }
    None
}

/// The diagnostic for a `files` entry outside the portal.
pub fn file_entry(page: &Page, at: usize, entry: &str, why: &str) -> Diagnostic {
    Diagnostic::new(
        &RULE,
        format!("ไฟล์แนบ `{entry}` อยู่นอกพอร์ทัล: {why} (attachment `{entry}` is outside the portal)"),
    )
    .in_file(&page.file)
    .at_offset(&page.front_text, at)
    .with_help("copy the file next to the page and list it by name, e.g. files = [\"o43-report.pdf\"] (คัดลอกไฟล์มาไว้ข้างไฟล์หน้าแล้วใส่เฉพาะชื่อไฟล์)")
}

/// Files under `content/` that are symbolic links to something outside `content/` (the
/// portal's `SECRET.txt`, `/etc/passwd`): they would publish a file that was never meant to
/// be published. Folder links outside are already skipped by the walk.
pub fn check_assets(site: &Site) -> Vec<Diagnostic> {
    let content = site.root.join(crate::site::load::CONTENT_DIR);
    let Ok(real_content) = std::fs::canonicalize(&content) else {
        return Vec::new();
    };
    let mut out = Vec::new();
    let sources = site
        .assets
        .iter()
        .map(|a| (a.source.clone(), format!("content/{}", a.path)))
        .chain(
            site.pages
                .iter()
                .filter(|p| p.source_hash.is_some())
                .map(|p| (site.root.join(&p.file), crate::diag::display_path(&p.file))),
        );
    for (source, shown) in sources {
        if !is_link_below(&content, &source) {
            continue;
        }
        match std::fs::canonicalize(&source) {
            Ok(real) if real.starts_with(&real_content) => {}
            _ => out.push(
                Diagnostic::new(
                    &RULE,
                    format!("{shown} เป็นลิงก์สัญลักษณ์ที่ชี้ออกนอก content/ จะไม่ถูกคัดลอก (a symlink pointing outside content/; it is not copied)"),
                )
                .in_file(shown)
                .with_help("copy the real file into content/ instead of linking to it (คัดลอกไฟล์จริงมาไว้ใน content/ แทนลิงก์สัญลักษณ์)"),
            ),
        }
    }
    out
}

/// Whether `path` or one of its folders below `content` is a symbolic link.
fn is_link_below(content: &Path, path: &Path) -> bool {
    let mut current = Some(path);
    while let Some(p) = current {
        if p == content {
            return false;
        }
        if p.symlink_metadata().is_ok_and(|m| m.file_type().is_symlink()) {
            return true;
        }
        current = p.parent();
    }
    false
}
