//! `attachment-outside` — ไฟล์หรือลิงก์ชี้ออกนอกพอร์ทัล (A file or link points outside the portal)
//!
//! ไฟล์แนบและลิงก์ต้องอยู่ในพอร์ทัล `../../SECRET.txt`, `/etc/passwd` หรือ `C:\x`
//! อาจเผยแพร่ไฟล์ที่ไม่ควรเผยแพร่ หรือได้ลิงก์เสีย ไม่มีการคัดลอกไฟล์ดังกล่าว
//! (ลิงก์สัญลักษณ์ที่ชี้ออกนอกพอร์ทัลดู `symlink-outside`)
//!
//! Attachments and links stay inside the portal. `../../SECRET.txt`, `/etc/passwd` or `C:\x`
//! could publish a private file or give a dead link; nothing outside is copied. (A symbolic
//! link pointing outside is `symlink-outside`.)
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

use crate::diag::Diagnostic;
use crate::site::Page;

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
