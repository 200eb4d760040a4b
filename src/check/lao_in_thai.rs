//! The check of [`crate::rules::lao_in_thai`]: what it finds and where.

use crate::diag::Diagnostic;
use crate::rules::lao_in_thai::RULE;
use crate::site::body::Body;
use crate::site::Page;
use crate::thai::lao::lao_inside_thai_words;

/// Each run of Lao letters inside Thai text, front matter and body alike.
pub fn check(page: &Page, body: &Body) -> Vec<Diagnostic> {
    lao_inside_thai_words(&body.text)
        .into_iter()
        .map(|(start, end)| {
            let run = body.text.get(start..end).unwrap_or("");
            Diagnostic::new(
                &RULE,
                format!("\"{run}\" เป็นอักษรลาว ไม่ใช่อักษรไทย (Lao letters inside Thai text, usually OCR damage)"),
            )
            .in_file(&page.file)
            .at_offset(&body.text, start)
            .with_help("retype the word in Thai script (พิมพ์คำนี้ใหม่ด้วยอักษรไทย)")
        })
        .collect()
}
