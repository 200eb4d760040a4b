//! The check of [`crate::rules::broken_link`]: what it finds and where.

use crate::rules::broken_link::RULE;
use unicode_normalization::UnicodeNormalization;

use crate::check::Outputs;
use crate::diag::{did_you_mean, Diagnostic};
use crate::model::KindData;
use crate::render::sanitize::is_safe_url;
use crate::render::urls::{is_external, leads_from_page};
use crate::rules::{attachment_outside, broken_anchor, root_relative_link};
use crate::site::{Page, Site};

/// Checks every link and image of a page body (`links`: destination and byte offset in the
/// body) against the written files: the file exists, the anchor exists in it, the link stays
/// inside the site and does not start with `/`. Each problem comes with its byte offset in
/// the file, to be placed with [`locate`] once the file text is at hand.
pub fn check(site: &Site, page: &Page, links: &[(String, usize)], outputs: &Outputs) -> Vec<(usize, Diagnostic)> {
    let mut out = Vec::new();
    for (dest, offset) in links {
        check_link(site, page, dest, page.body_offset + offset, false, outputs, &mut out);
    }
    out
}

/// Checks the `links` of an o-item page's front matter the same way. Their `url` is what the
/// template's `url` filter takes: `../` and `./` lead from the page, anything else from the
/// site root (a leading `/` included, so it is no mistake there).
pub fn check_front(site: &Site, page: &Page, outputs: &Outputs) -> Vec<(usize, Diagnostic)> {
    let KindData::OItem(item) = &page.data else {
        return Vec::new();
    };
    let span = page.front.links.as_ref().map(|raw| raw.span());
    let mut out = Vec::new();
    for link in &item.links {
        let at = span.as_ref().map_or(0, |span| {
            let start = page.front_offset + span.start;
            let end = (page.front_offset + span.end).min(page.front_text.len());
            let within = page.front_text.get(start..end).and_then(|t| t.find(link.url.as_str()));
            start + within.unwrap_or(0)
        });
        let from_root = !leads_from_page(&link.url);
        check_link(site, page, &link.url, at, from_root, outputs, &mut out);
    }
    out
}

/// Checks one link at file offset `at`; `from_root`: the destination is site-relative.
fn check_link(
    site: &Site,
    page: &Page,
    dest: &str,
    at: usize,
    from_root: bool,
    outputs: &Outputs,
    out: &mut Vec<(usize, Diagnostic)>,
) {
    let dest = dest.trim();
    if dest.is_empty() || is_external(dest) || !is_safe_url(dest) || dest.starts_with('?') {
        return;
    }
    let at = |d: Diagnostic| (at, d);
    let (path, fragment) = match dest.split_once('#') {
        Some((p, f)) => (p, Some(f)),
        None => (dest, None),
    };
    let path = path.split('?').next().unwrap_or(path);
    let decoded = percent_decode(path);
    let target = if path.is_empty() {
        Some(page.path.clone())
    } else if from_root {
        join("", decoded.trim_start_matches('/'))
    } else if let Some(from_root) = decoded.strip_prefix('/') {
        let target = join("", from_root);
        if let Some(t) = &target {
            out.push(at(Diagnostic::new(
                &root_relative_link::RULE,
                format!("ลิงก์ `{dest}` ขึ้นต้นด้วย / จะเสียเมื่อพอร์ทัลอยู่ในโฟลเดอร์ย่อย (a root-relative link breaks when the portal is deployed under a sub-path)"),
            )
            .with_help(format!(
                "write it relative to this page: ({}) (เขียนแบบสัมพัทธ์: {})",
                relative_url(&page.path, t),
                relative_url(&page.path, t)
            ))));
        }
        target
    } else {
        join(&page.path, &decoded)
    };
    let Some(target) = target else {
        out.push(at(Diagnostic::new(
            &attachment_outside::RULE,
            format!("ลิงก์ `{dest}` ชี้ออกนอกเว็บไซต์ (the link leads outside the site)"),
        )
        .with_help(
            "links stay inside the portal; remove the extra ../ (ลิงก์ต้องอยู่ในพอร์ทัล ลบ ../ ที่เกิน)",
        )));
        return;
    };
    let Some(file) = resolve(outputs, &target) else {
        out.push(at(Diagnostic::new(
            &RULE,
            format!("ลิงก์ `{dest}` ไม่พบหน้าหรือไฟล์ปลายทาง (no page or file at `{dest}`)"),
        )
        .with_help(if from_root {
            "write the page's path from the site root, e.g. `2564/plan/` (เขียนเส้นทางจากรากเว็บไซต์)".to_string()
        } else {
            broken_help(site, page, outputs, path, &decoded, &target)
        })));
        return;
    };
    let Some(fragment) = fragment.map(percent_decode).filter(|f| !f.is_empty()) else {
        return;
    };
    let Some(ids) = outputs.ids(&file) else { return };
    let fragment: String = fragment.nfc().collect();
    if !ids.contains(&fragment) {
        // Sorted, so ties between suggestions resolve the same way every run.
        let mut known: Vec<&str> = ids.iter().map(String::as_str).collect();
        known.sort_unstable();
        let help = match did_you_mean(&fragment, known) {
            Some(best) => format!("did you mean `#{best}`? (หรือหมายถึง `#{best}`)"),
            None => "link to a heading of the page; anchors are the heading text with spaces as - (ใช้ข้อความหัวข้อ เว้นวรรคเป็น -)".to_string(),
        };
        out.push(at(Diagnostic::new(
            &broken_anchor::RULE,
            format!("ไม่มีหัวข้อ `#{fragment}` ใน /{target} (no heading `#{fragment}` on /{target})"),
        )
        .with_help(help)));
    }
}

/// The written file a site-relative target is served from, if any.
fn resolve(outputs: &Outputs, target: &str) -> Option<String> {
    let target: String = target.nfc().collect();
    let candidates = if target.is_empty() || target.ends_with('/') {
        vec![format!("{target}index.html")]
    } else {
        vec![target.clone(), format!("{target}/index.html")]
    };
    candidates.into_iter().find(|c| outputs.contains(c))
}

fn broken_help(site: &Site, page: &Page, outputs: &Outputs, path: &str, decoded: &str, target: &str) -> String {
    // A link to the Markdown file instead of the page's URL.
    let md = decoded.trim_end_matches('/');
    if md.ends_with(".md") {
        let source = join(&format!("{}/", page.dir), md).map(|p| format!("content/{p}"));
        if let Some(other) = site
            .pages
            .iter()
            .find(|p| Some(crate::diag::display_path(&p.file)) == source)
        {
            let url = relative_url(&page.path, &other.path);
            return format!("link to the page's URL, not its .md file: ({url}) (ลิงก์ไปที่ URL ของหน้า ไม่ใช่ไฟล์ .md)");
        }
    }
    // The same name with other letter case.
    let lower: String = target.nfc().collect::<String>().to_lowercase();
    for candidate in [
        lower.clone(),
        format!("{lower}index.html"),
        format!("{lower}/index.html"),
    ] {
        if let Some(real) = outputs.same_but_case(&candidate) {
            let real = real.strip_suffix("index.html").unwrap_or(real);
            return format!(
                "the name differs only in letter case: ({}) (ตัวพิมพ์เล็ก-ใหญ่ไม่ตรงกัน)",
                relative_url(&page.path, real)
            );
        }
    }
    // A file next to the Markdown file, linked as if it were next to the page's URL.
    if let Some(in_dir) = join(&format!("{}/", page.dir), decoded) {
        if resolve(outputs, &in_dir).is_some() && !page.dir.is_empty() {
            return format!(
                "links are relative to the page's URL /{}; the file is at ({}) (ลิงก์นับจาก URL ของหน้า)",
                page.path,
                relative_url(&page.path, &in_dir)
            );
        }
    }
    let pages = site.pages.iter().map(|p| p.path.as_str());
    match did_you_mean(target, pages) {
        Some(best) if !path.is_empty() => format!(
            "did you mean ({})? (หรือหมายถึง {})",
            relative_url(&page.path, best),
            relative_url(&page.path, best)
        ),
        _ => format!(
            "links are relative to this page's URL /{} (ลิงก์นับจาก URL ของหน้านี้)",
            page.path
        ),
    }
}

/// `rel` resolved against the site-relative folder `base` (`2564/plan/`); `None` when it
/// climbs above the site root. A trailing `/` is kept.
pub fn join(base: &str, rel: &str) -> Option<String> {
    let mut parts: Vec<&str> = base.split('/').filter(|s| !s.is_empty()).collect();
    let mut trailing = rel.is_empty() || rel.ends_with('/');
    for segment in rel.split('/') {
        match segment {
            "" | "." => trailing = true,
            ".." => {
                parts.pop()?;
                trailing = true;
            }
            s => {
                parts.push(s);
                trailing = false;
            }
        }
    }
    trailing |= rel.ends_with('/');
    let mut out = parts.join("/");
    if trailing && !out.is_empty() {
        out.push('/');
    }
    Some(out)
}

/// The relative link from the page at `from` (`2564/o43/`) to the site path `to`.
pub fn relative_url(from: &str, to: &str) -> String {
    let from: Vec<&str> = from.split('/').filter(|s| !s.is_empty()).collect();
    let to_parts: Vec<&str> = to.split('/').filter(|s| !s.is_empty()).collect();
    let common = from.iter().zip(&to_parts).take_while(|(a, b)| a == b).count();
    let mut out = "../".repeat(from.len() - common);
    out.push_str(&to_parts[common..].join("/"));
    if to.ends_with('/') && common < to_parts.len() {
        out.push('/');
    }
    if out.is_empty() {
        out.push_str("./");
    }
    out
}

/// Decodes `%xx` escapes (UTF-8); malformed escapes stay as written.
pub fn percent_decode(text: &str) -> String {
    if !text.contains('%') {
        return text.to_string();
    }
    let bytes = text.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        let hex = |b: u8| (b as char).to_digit(16);
        if bytes[i] == b'%' && i + 2 < bytes.len() {
            if let (Some(h), Some(l)) = (hex(bytes[i + 1]), hex(bytes[i + 2])) {
                out.push((h * 16 + l) as u8);
                i += 3;
                continue;
            }
        }
        out.push(bytes[i]);
        i += 1;
    }
    String::from_utf8_lossy(&out).into_owned()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn joining_relative_links() {
        assert_eq!(join("2564/report-h1/", "../plan/").as_deref(), Some("2564/plan/"));
        assert_eq!(join("2564/report-h1/", "../o43.pdf").as_deref(), Some("2564/o43.pdf"));
        assert_eq!(join("", "2564/").as_deref(), Some("2564/"));
        assert_eq!(join("2564/", "..").as_deref(), Some(""));
        assert_eq!(join("2564/", "../../x"), None);
        assert_eq!(join("a/", "./").as_deref(), Some("a/"));
    }

    #[test]
    fn relative_urls_between_pages() {
        assert_eq!(relative_url("2564/report-h1/", "2564/plan/"), "../plan/");
        assert_eq!(relative_url("2564/o43/", "2564/o43.pdf"), "../o43.pdf");
        assert_eq!(relative_url("", "2564/"), "2564/");
        assert_eq!(relative_url("2564/", "2564/"), "./");
        assert_eq!(relative_url("2564/plan/", ""), "../../");
    }

    #[test]
    fn percent_escapes() {
        assert_eq!(percent_decode("%E0%B8%81/"), "ก/");
        assert_eq!(percent_decode("a%2"), "a%2");
        assert_eq!(percent_decode("100%"), "100%");
    }
}
