//! The check of [`crate::rules::table_header`]: what it finds and where.

use crate::check::body::BodyFacts;
use crate::check::html::{tokenize, Token};
use crate::diag::Diagnostic;
use crate::rules::table_header::RULE;
use crate::site::body::Body;
use crate::site::Page;

pub fn check(page: &Page, body: &Body, facts: &BodyFacts) -> Vec<Diagnostic> {
    let mut at: Vec<usize> = facts
        .tables
        .iter()
        .filter(|t| !t.header_has_text)
        .map(|t| t.offset)
        .collect();
    for fragment in &facts.raw_html {
        at.extend(
            tables_without_th(&fragment.html)
                .into_iter()
                .map(|o| fragment.offset + o),
        );
    }
    at.into_iter()
        .map(|offset| {
            Diagnostic::new(
                &RULE,
                "ตารางไม่มีหัวตารางที่มีข้อความ (the table has no header cells with text)",
            )
            .in_file(&page.file)
            .at_offset(&body.text, offset)
            .with_help("give the first row a name for each column, e.g. | ตัวชี้วัด | คะแนน | (ใส่ชื่อคอลัมน์ในแถวแรก)")
        })
        .collect()
}

/// Offsets of the `<table>` tags in `html` that contain no `<th>` (nested tables count for
/// themselves).
pub fn tables_without_th(html: &str) -> Vec<usize> {
    let mut out = Vec::new();
    // Open tables: (offset, has th).
    let mut open: Vec<(usize, bool)> = Vec::new();
    for token in tokenize(html) {
        match token {
            Token::Start { name, offset, .. } if name == "table" => open.push((offset, false)),
            Token::Start { name, .. } if name == "th" => {
                if let Some(top) = open.last_mut() {
                    top.1 = true;
                }
            }
            Token::End { name, .. } if name == "table" => {
                if let Some((offset, false)) = open.pop() {
                    out.push(offset);
                }
            }
            _ => {}
        }
    }
    out.extend(open.into_iter().filter(|(_, th)| !th).map(|(o, _)| o));
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn raw_tables() {
        assert_eq!(tables_without_th("<table><tr><td>1</td></tr></table>"), vec![0]);
        assert!(tables_without_th("<table><tr><th>ก</th></tr><tr><td>1</td></tr></table>").is_empty());
    }
}
