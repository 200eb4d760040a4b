//! A page's Markdown body, rendered: what only the page itself needs (its HTML, table of
//! contents, links and plain text). A loaded `Page` keeps only its front matter; `build` and
//! `check` read each body again when the page is rendered and drop it right after, so a site
//! is never held with all its bodies at once. `serve` keeps the bodies of its cached pages.

use std::path::Path;
use std::sync::Arc;

use super::{Page, Site};
use crate::diag::Diagnostic;
use crate::render::{render_markdown, Rendered};

#[derive(Debug, Clone, Default)]
pub struct Body {
    /// The whole file text, as decoded; body diagnostics point into it.
    pub text: Arc<str>,
    pub rendered: Rendered,
}

impl Body {
    /// Renders the body of `text` (a page's decoded file) starting at `body_offset`.
    pub fn render(text: Arc<str>, body_offset: usize, trust_html: bool) -> Body {
        let rendered = render_markdown(text.get(body_offset..).unwrap_or(""), trust_html);
        Body { text, rendered }
    }

    /// The body of page `i`, read from its file again; an empty body for the pages a build
    /// makes itself (a year's catalog).
    pub fn reload(site: &Site, i: usize) -> Result<Body, Diagnostic> {
        let page = &site.pages[i];
        match source_text(&site.root, page)? {
            Some(text) => Ok(Body::render(text, page.body_offset, site.config.trust_html)),
            None => Ok(Body::default()),
        }
    }
}

/// The file text of `page`, read again, when it still is the text the page was loaded from.
/// `None` for a page with no file.
pub fn source_text(root: &Path, page: &Page) -> Result<Option<Arc<str>>, Diagnostic> {
    let Some(hash) = page.source_hash else {
        return Ok(None);
    };
    let changed = || {
        Diagnostic::error(
            "io",
            "ไฟล์ถูกแก้ไขระหว่างการสร้างเว็บไซต์ (the file changed while the site was being built)",
        )
        .in_file(&page.file)
        .with_help("run the build again (สั่งสร้างเว็บไซต์อีกครั้ง)")
    };
    let bytes = std::fs::read(root.join(&page.file))
        .map_err(|e| Diagnostic::error("io", format!("อ่านไฟล์ไม่ได้ (cannot read the file): {e}")).in_file(&page.file))?;
    let text = crate::source::decode_owned(bytes).map_err(|_| changed())?;
    if source_hash(&text) != hash {
        return Err(changed());
    }
    Ok(Some(Arc::from(text)))
}

/// The bytes of `page`'s file, read again, when they are exactly the text the page was
/// loaded from (UTF-8 without BOM or carriage returns, the same hash): diagnostics can be
/// placed in them without decoding the whole file. `None` otherwise.
pub fn source_bytes(root: &Path, page: &Page) -> Option<Vec<u8>> {
    let hash = page.source_hash?;
    let bytes = std::fs::read(root.join(&page.file)).ok()?;
    let plain = !bytes.starts_with(&[0xEF, 0xBB, 0xBF]) && !bytes.contains(&b'\r');
    (plain && xxhash_rust::xxh3::xxh3_64(&bytes) == hash).then_some(bytes)
}

/// The hash a page keeps of its file text, to know the text read again is the same.
pub fn source_hash(text: &str) -> u64 {
    xxhash_rust::xxh3::xxh3_64(text.as_bytes())
}
