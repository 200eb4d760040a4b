//! The check of [`crate::rules::reserved_name`]: what it finds and where.

use crate::diag::Diagnostic;
use crate::rules::reserved_name::RULE;
use crate::site::Site;

const RESERVED: &[&str] = &["con", "prn", "aux", "nul", "conin$", "conout$"];

/// Why one path segment cannot be a Windows file name, if it cannot.
pub fn problem(segment: &str) -> Option<String> {
    if segment.is_empty() {
        return None;
    }
    let base = segment
        .split('.')
        .next()
        .unwrap_or(segment)
        .trim_end()
        .to_ascii_lowercase();
    let numbered = ["com", "lpt"].iter().any(|p| {
        base.strip_prefix(p)
            .is_some_and(|n| n.len() == 1 && n.as_bytes()[0].is_ascii_digit())
    });
    if RESERVED.contains(&base.as_str()) || numbered {
        return Some(format!(
            "`{segment}` เป็นชื่อที่ Windows สงวนไว้ (a reserved name on Windows)"
        ));
    }
    if let Some(c) = segment.chars().find(|c| "<>:\"|?*".contains(*c) || c.is_control()) {
        return Some(format!(
            "`{segment}` มีอักขระ `{c}` ที่ Windows ไม่ยอมรับ (contains `{c}`, not allowed on Windows)"
        ));
    }
    if segment.ends_with('.') || segment.ends_with(' ') {
        return Some(format!("`{segment}` ลงท้ายด้วยจุดหรือช่องว่าง (ends with a dot or a space)"));
    }
    None
}

/// Page URLs and copied files whose names a Windows server cannot store.
pub fn check(site: &Site) -> Vec<Diagnostic> {
    let mut out = Vec::new();
    for page in site.pages.iter().filter(|p| p.source_hash.is_some()) {
        if let Some(why) = page.path.split('/').find_map(problem) {
            let at = page
                .front
                .slug
                .as_ref()
                .map_or(0, |s| page.front_offset + s.span().start);
            let mut d = Diagnostic::new(&RULE, format!("URL /{} ใช้บน Windows ไม่ได้: {why}", page.path))
                .in_file(&page.file)
                .with_help("rename the file or set another `slug` (เปลี่ยนชื่อไฟล์หรือกำหนด slug ใหม่)");
            if at > 0 {
                d = d.at_offset(&page.front_text, at);
            }
            out.push(d);
        }
    }
    for asset in &site.assets {
        if let Some(why) = asset.path.split('/').find_map(problem) {
            out.push(
                Diagnostic::new(&RULE, format!("ชื่อไฟล์ใช้บน Windows ไม่ได้: {why}"))
                    .in_file(format!("content/{}", asset.path))
                    .with_help("rename the file (เปลี่ยนชื่อไฟล์)"),
            );
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn windows_names() {
        for bad in [
            "CON", "aux.pdf", "nul", "com1", "LPT9.txt", "a:b", "what?", "dot.", "space ",
        ] {
            assert!(problem(bad).is_some(), "{bad}");
        }
        for good in ["console", "com10", "o43.pdf", "รายงาน", "2564"] {
            assert!(problem(good).is_none(), "{good}");
        }
    }
}
