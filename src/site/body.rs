//! A page's Markdown body, rendered: what only the page itself needs (its HTML, table of
//! contents, links and plain text). A loaded `Page` keeps only its front matter; `build` and
//! `check` read each body again when the page is rendered and drop it right after, so a site
//! is never held with all its bodies at once. `serve` keeps the bodies of its cached pages.

use std::path::Path;
use std::sync::Arc;

use super::{Page, Site};
use crate::diag::Diagnostic;
use crate::render::{render_markdown, Rendered};
use crate::source::text::is_plain;

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
fn source_text(root: &Path, page: &Page) -> Result<Option<Arc<str>>, Diagnostic> {
    match read_source(root, page)? {
        Some(bytes) => loaded_text(page, bytes).map(Some),
        None => Ok(None),
    }
}

/// The bytes of `page`'s file, read again; `None` for a page with no file.
fn read_source(root: &Path, page: &Page) -> Result<Option<Vec<u8>>, Diagnostic> {
    if page.source_hash.is_none() {
        return Ok(None);
    }
    std::fs::read(root.join(&page.file)).map(Some).map_err(|e| {
        Diagnostic::new(
            &crate::rules::io::RULE,
            format!("อ่านไฟล์ไม่ได้ (cannot read the file): {e}"),
        )
        .in_file(&page.file)
    })
}

/// `bytes` of `page`'s file decoded, when they still are the text the page was loaded from.
fn loaded_text(page: &Page, bytes: Vec<u8>) -> Result<Arc<str>, Diagnostic> {
    let changed = || {
        Diagnostic::new(
            &crate::rules::io::RULE,
            "ไฟล์ถูกแก้ไขระหว่างการสร้างเว็บไซต์ (the file changed while the site was being built)",
        )
        .in_file(&page.file)
        .with_help("run the build again (สั่งสร้างเว็บไซต์อีกครั้ง)")
    };
    let text = crate::source::decode_owned(bytes).map_err(|_| changed())?;
    if Some(source_hash(&text)) != page.source_hash {
        return Err(changed());
    }
    Ok(Arc::from(text))
}

/// A page's file read again to place diagnostics in: its bytes when they are exactly the
/// text the page was loaded from (only the lines shown are decoded), else its decoded text,
/// else nothing (the file is gone or changed; the diagnostics keep only the file name).
pub enum Placer {
    Bytes(Vec<u8>),
    Text(Arc<str>),
    Unplaced,
}

impl Placer {
    /// Reads the file of `page` once.
    pub fn of(root: &Path, page: &Page) -> Placer {
        match read_source(root, page) {
            Ok(Some(bytes)) if is_plain(&bytes) && Some(source_hash_of(&bytes)) == page.source_hash => {
                Placer::Bytes(bytes)
            }
            Ok(Some(bytes)) => loaded_text(page, bytes).map_or(Placer::Unplaced, Placer::Text),
            _ => Placer::Unplaced,
        }
    }

    /// `d` placed at byte `offset` of the file.
    pub fn place(&self, d: Diagnostic, offset: usize) -> Diagnostic {
        match self {
            Placer::Bytes(bytes) => d.at_byte_offset(bytes, offset),
            Placer::Text(text) => d.at_offset(text, offset),
            Placer::Unplaced => d,
        }
    }
}

/// The hash a page keeps of its file text, to know the text read again is the same.
pub fn source_hash(text: &str) -> u64 {
    source_hash_of(text.as_bytes())
}

fn source_hash_of(bytes: &[u8]) -> u64 {
    xxhash_rust::xxh3::xxh3_64(bytes)
}
