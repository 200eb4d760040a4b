//! The check of [`crate::rules::link_text`]: what it finds and where.

use crate::check::body::BodyFacts;
use crate::diag::Diagnostic;
use crate::rules::link_text::RULE;
use crate::site::body::Body;
use crate::site::Page;

/// Link texts that say nothing about the target, lower-cased.
pub const VAGUE: &[&str] = &[
    "คลิกที่นี่",
    "คลิก",
    "คลิ๊กที่นี่",
    "คลิ๊ก",
    "กดที่นี่",
    "ที่นี่",
    "ดาวน์โหลด",
    "ดาวโหลด",
    "ดาวน์โหลดที่นี่",
    "คลิกเพื่อดาวน์โหลด",
    "อ่านต่อ",
    "เพิ่มเติม",
    "ลิงก์",
    "ลิงค์",
    "click here",
    "click",
    "here",
    "download",
    "read more",
    "more",
    "link",
];

pub fn is_vague(text: &str) -> bool {
    let t: String = text
        .trim()
        .trim_matches(|c: char| c.is_ascii_punctuation() || c.is_whitespace() || c == '…')
        .to_lowercase();
    VAGUE.contains(&t.as_str())
}

pub fn check(page: &Page, body: &Body, facts: &BodyFacts) -> Vec<Diagnostic> {
    facts
        .links
        .iter()
        .filter(|l| !l.is_image && is_vague(&l.text))
        .map(|l| {
            Diagnostic::new(
                &RULE,
                format!(
                    "ข้อความลิงก์ \"{}\" ไม่บอกว่าไปที่ใด (link text \"{}\" does not say where it leads)",
                    l.text.trim(),
                    l.text.trim()
                ),
            )
            .in_file(&page.file)
            .at_offset(&body.text, l.offset)
            .with_help("name the document in the link: [รายงานผลรอบ ๖ เดือน (PDF, 245 KB)](…) (ใส่ชื่อเอกสารเป็นข้อความลิงก์)")
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn vague_texts() {
        for t in ["คลิกที่นี่", " ที่นี่ ", "Click here!", "ดาวน์โหลด", "Download"]
        {
            assert!(is_vague(t), "{t}");
        }
        for t in ["ดาวน์โหลดแผนปฏิบัติการ", "รายงานผล (PDF, 1 MB)", "here is the plan"]
        {
            assert!(!is_vague(t), "{t}");
        }
    }
}
