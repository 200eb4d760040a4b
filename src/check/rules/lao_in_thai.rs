//! `lao-in-thai` — มีอักษรลาวปนในคำภาษาไทย (Lao letters inside Thai words)
//!
//! ข้อความที่ได้จาก OCR มักได้อักษรลาวที่หน้าตาคล้ายไทย (เช่น "ໂກຮັກແກ້ວ") แสดงผิดแบบอักษร
//! และค้นหาไม่เจอ ให้พิมพ์คำนั้นใหม่ด้วยอักษรไทย
//!
//! OCR often yields Lao letters that look Thai ("ໂກຮັກແກ້ວ"); they render in the wrong font and
//! search cannot find them. Retype the word in Thai.
//!
//! ผิด (wrong):
//!
//! ```markdown
//! นาย ໂກຮັກ แก้ว
//! ```
//!
//! ถูก (right):
//!
//! ```markdown
//! นาย โกรก แก้ว
//! ```

use crate::check::Rule;
use crate::diag::Level;

pub const RULE: Rule = Rule {
    code: "lao-in-thai",
    level: Level::Warning,
    summary: "มีอักษรลาวปนในคำภาษาไทย (Lao letters inside Thai words)",
};

use crate::diag::Diagnostic;
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
