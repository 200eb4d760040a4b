//! The check of [`crate::rules::attachment_outside`]: what it finds and where.

use crate::diag::Diagnostic;
use crate::rules::attachment_outside::RULE;
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
