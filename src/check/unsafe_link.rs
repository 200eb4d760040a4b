//! The check of [`crate::rules::unsafe_link`]: what it finds and where.

use crate::check::body::BodyFacts;
use crate::diag::Diagnostic;
use crate::render::sanitize::is_safe_url;
use crate::rules::unsafe_link::RULE;
use crate::site::body::Body;
use crate::site::Page;

pub fn check(page: &Page, body: &Body, facts: &BodyFacts) -> Vec<Diagnostic> {
    facts
        .links
        .iter()
        .filter(|l| !is_safe_url(&l.dest))
        .map(|l| {
            let shown: String = l.dest.chars().take(40).collect();
            Diagnostic::new(
                &RULE,
                format!("ลิงก์ `{shown}` ไม่ปลอดภัยและถูกตัดออก (unsafe link removed; it becomes `#`)"),
            )
            .in_file(&page.file)
            .at_offset(&body.text, l.offset)
            .with_help("link to an http(s) address or a file of the portal (ลิงก์ไปที่อยู่ http(s) หรือไฟล์ในพอร์ทัล)")
        })
        .collect()
}
