//! The check of [`crate::rules::url_collision`]: what it finds and where.

use crate::rules::url_collision::RULE;
use unicode_normalization::UnicodeNormalization;

use crate::diag::Diagnostic;
use crate::site::assemble::normalize_alias;
use crate::site::{Asset, Page};

/// One output file something claims: a page, an alias redirect or a copied file.
struct Claim<'a> {
    /// The output file (`2564/plan/index.html`).
    file: String,
    /// The URL as shown (`2564/plan/`).
    url: String,
    source: String,
    page: Option<&'a Page>,
    what: &'static str,
}

/// The form two colliding names share: NFC, lower case. `serve` runs this on every edit,
/// so plain ASCII paths (most of them) skip the normaliser.
fn fold(file: &str) -> String {
    if file.is_ascii() {
        file.to_ascii_lowercase()
    } else {
        file.nfc().collect::<String>().to_lowercase()
    }
}

/// Two claims on one output file, after NFC and case folding (they collide on Windows and
/// macOS disks and on many web servers); both sources are named.
pub fn check(pages: &[Page], assets: &[Asset], diagnostics: &mut Vec<Diagnostic>) {
    let mut claims: Vec<Claim> = Vec::new();
    for page in pages {
        claims.push(Claim {
            file: page.output_path(),
            url: page.path.clone(),
            source: crate::diag::display_path(&page.file),
            page: Some(page),
            what: "page",
        });
        for alias in &page.front.aliases {
            let url = normalize_alias(alias.get_ref());
            let file = if url.ends_with('/') {
                format!("{url}index.html")
            } else {
                url.clone()
            };
            claims.push(Claim {
                file,
                url,
                source: crate::diag::display_path(&page.file),
                page: Some(page),
                what: "alias",
            });
        }
    }
    for asset in assets {
        claims.push(Claim {
            file: asset.path.clone(),
            url: asset.path.clone(),
            source: format!("content/{}", asset.path),
            page: None,
            what: "file",
        });
    }
    let mut seen: rustc_hash::FxHashMap<String, usize> = Default::default();
    for (i, claim) in claims.iter().enumerate() {
        let key = fold(&claim.file);
        let Some(&first) = seen.get(&key) else {
            seen.insert(key, i);
            continue;
        };
        let other = &claims[first];
        let message = if other.file == claim.file {
            format!(
                "URL /{} ซ้ำกับ {} (this {} has the same URL as {})",
                claim.url, other.source, claim.what, other.source
            )
        } else {
            format!(
                "URL /{} ต่างจาก /{} แค่ตัวพิมพ์หรือรูปแบบอักขระ (differs from {} only by case or Unicode form)",
                claim.url, other.url, other.source
            )
        };
        let mut d = Diagnostic::new(&RULE, message)
            .in_file(&claim.source)
            .with_help("rename one of the files or set a different `slug` (เปลี่ยนชื่อไฟล์หรือกำหนด slug)");
        if let (Some(page), "alias") = (claim.page, claim.what) {
            if let Some(alias) = page
                .front
                .aliases
                .iter()
                .find(|a| normalize_alias(a.get_ref()) == claim.url)
            {
                d = d.at_offset(&page.front_text, page.front_offset + alias.span().start);
            }
        }
        diagnostics.push(d);
    }
}
