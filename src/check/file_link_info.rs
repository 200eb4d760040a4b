//! The check of [`crate::rules::file_link_info`]: what it finds and where.

use crate::check::body::BodyFacts;
use crate::diag::Diagnostic;
use crate::render::urls::is_external;
use crate::rules::file_link_info::RULE;
use crate::site::body::Body;
use crate::site::{Page, Site};

/// Document types whose links should say type and size, with the name users know.
const TYPES: &[(&str, &str)] = &[
    ("pdf", "PDF"),
    ("doc", "Word"),
    ("docx", "Word"),
    ("xls", "Excel"),
    ("xlsx", "Excel"),
    ("ppt", "PowerPoint"),
    ("pptx", "PowerPoint"),
    ("odt", "ODT"),
    ("ods", "ODS"),
    ("zip", "ZIP"),
    ("rar", "RAR"),
    ("csv", "CSV"),
];

/// The extension of a link target's file, lower-cased.
fn extension(dest: &str) -> Option<String> {
    let path = dest.split(['?', '#']).next().unwrap_or(dest);
    let name = path.rsplit('/').next().unwrap_or(path);
    let (_, ext) = name.rsplit_once('.')?;
    Some(ext.to_ascii_lowercase())
}

/// Whether a link text states a size: a number followed by a unit.
pub fn states_size(text: &str) -> bool {
    let lower = text.to_lowercase();
    let units = [
        "kb",
        "mb",
        "gb",
        "ไบต์",
        "กิโลไบต์",
        "เมกะไบต์",
        "กิกะไบต์",
        "เมก",
        "กิโล",
        "kib",
        "mib",
    ];
    let chars: Vec<char> = lower.chars().collect();
    chars.iter().enumerate().any(|(i, c)| {
        (c.is_ascii_digit() || crate::thai::digits::is_thai_digit(*c)) && {
            let rest: String = chars[i + 1..].iter().collect();
            let rest = rest.trim_start();
            units.iter().any(|u| rest.starts_with(u))
        }
    })
}

pub fn check(site: &Site, page: &Page, body: &Body, facts: &BodyFacts) -> Vec<Diagnostic> {
    let mut out = Vec::new();
    for link in facts.links.iter().filter(|l| !l.is_image) {
        let Some(ext) = extension(&link.dest) else { continue };
        let Some((_, type_name)) = TYPES.iter().find(|(e, _)| *e == ext) else {
            continue;
        };
        let lower = link.text.to_lowercase();
        let has_type = lower.contains(&ext) || lower.contains(&type_name.to_lowercase());
        let has_size = states_size(&link.text);
        if has_type && has_size {
            continue;
        }
        let size = (!is_external(&link.dest))
            .then(|| asset_size(site, page, &link.dest))
            .flatten()
            .map(crate::site::ita_view::human_size);
        let suffix = match size {
            Some(size) => format!("({type_name}, {size})"),
            None => format!("({type_name}, … KB)"),
        };
        out.push(
            Diagnostic::new(
                &RULE,
                format!(
                    "ลิงก์ไปไฟล์ {type_name} ไม่บอกชนิดและขนาดไฟล์ (the link to a {type_name} file does not state its type and size)"
                ),
            )
            .in_file(&page.file)
            .at_offset(&body.text, link.offset)
            .with_help(format!(
                "add them to the link text: [{} {suffix}](…) (เพิ่มชนิดและขนาดไฟล์ในข้อความลิงก์)",
                link.text.trim()
            )),
        );
    }
    out
}

/// The size of the content file a relative link from `page` points at, if it is one.
fn asset_size(site: &Site, page: &Page, dest: &str) -> Option<u64> {
    let path = dest.split(['?', '#']).next()?;
    let decoded = super::broken_link::percent_decode(path);
    // Links are relative to the page's URL; files sit in the page's folder.
    let from_url = super::broken_link::join(&page.path, &decoded)?;
    let from_dir = super::broken_link::join(&format!("{}/", page.dir), &decoded)?;
    site.assets
        .iter()
        .find(|a| a.path == from_url || a.path == from_dir)
        .map(|a| a.size)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sizes_in_thai_and_english() {
        for t in ["รายงาน (PDF, 245 KB)", "แผน PDF ๑.๒ MB", "ขนาด 3 เมกะไบต์"]
        {
            assert!(states_size(t), "{t}");
        }
        for t in ["รายงาน PDF", "ข้อ 43", "ปี 2564"] {
            assert!(!states_size(t), "{t}");
        }
        assert_eq!(extension("../a/Report.PDF?x=1#p"), Some("pdf".into()));
    }
}
