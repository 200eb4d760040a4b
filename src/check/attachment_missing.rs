//! The check of [`crate::rules::attachment_missing`]: what it finds and where.

use super::attachment_outside;
use crate::diag::{did_you_mean, Diagnostic};
use crate::rules::attachment_missing::RULE;
use crate::site::{Page, Site};

/// Every entry of every page's `files` list is a file next to the page, spelled with the
/// same letter case as on disk.
pub fn check(site: &Site) -> Vec<Diagnostic> {
    let mut out = Vec::new();
    for page in &site.pages {
        let Some(raw) = &page.front.files else { continue };
        let entries: Vec<&str> = match raw.get_ref() {
            toml::Value::String(s) => vec![s.as_str()],
            toml::Value::Array(items) => items.iter().filter_map(toml::Value::as_str).collect(),
            _ => continue,
        };
        for entry in entries {
            let entry = entry.trim();
            let at = entry_offset(page, raw, entry);
            if let Some(why) = attachment_outside::outside_reason(entry) {
                out.push(attachment_outside::file_entry(page, at, entry, &why));
                continue;
            }
            let path = if page.dir.is_empty() {
                entry.to_string()
            } else {
                format!("{}/{entry}", page.dir)
            };
            if site.assets.iter().any(|a| a.path == path) {
                continue;
            }
            let lower = path.to_lowercase();
            let help = match site.assets.iter().find(|a| a.path.to_lowercase() == lower) {
                Some(a) => {
                    let name = a.path.rsplit('/').next().unwrap_or(&a.path);
                    format!(
                        "ชื่อไฟล์จริงคือ `{name}` ตัวพิมพ์เล็ก-ใหญ่ต้องตรงกัน (the file on disk is `{name}`; letter case matters on the server)"
                    )
                }
                None => {
                    let prefix = if page.dir.is_empty() {
                        String::new()
                    } else {
                        format!("{}/", page.dir)
                    };
                    let siblings = site
                        .assets
                        .iter()
                        .filter_map(|a| a.path.strip_prefix(&prefix))
                        .filter(|rest| !rest.contains('/'));
                    match did_you_mean(entry, siblings) {
                        Some(best) => format!("did you mean `{best}`? (หรือหมายถึง `{best}`)"),
                        None => format!(
                            "put the file in content/{prefix} next to the page (วางไฟล์ไว้ใน content/{prefix} ข้างไฟล์หน้า)"
                        ),
                    }
                }
            };
            out.push(
                Diagnostic::new(
                    &RULE,
                    format!("ไม่พบไฟล์แนบ `{entry}` (attached file `{entry}` not found)"),
                )
                .in_file(&page.file)
                .at_offset(&page.front_text, at)
                .with_help(help),
            );
        }
    }
    out
}

/// The byte offset in the file of `entry` inside the raw value (the value's start if the
/// text is not found, e.g. written with escapes).
pub fn entry_offset(page: &Page, raw: &toml::Spanned<toml::Value>, entry: &str) -> usize {
    let span = raw.span();
    let start = page.front_offset + span.start;
    let end = (page.front_offset + span.end).min(page.front_text.len());
    page.front_text
        .get(start..end)
        .and_then(|text| text.find(entry))
        .map_or(start, |i| start + i)
}
