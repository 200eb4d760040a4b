//! Per-page text the client verifies candidates against and cuts excerpts from.
//!
//! The text is stored as written (whitespace collapsed), not as the match key: the client
//! normalises it with the same rules and keeps a map back to the written text, so excerpts
//! show the page's own digits, spacing and case, and only one copy of the text ships.
//! Pages are grouped by page id into chunks of about [`CHUNK_TARGET`] bytes, `t/<n>.js`,
//! so verifying a handful of candidates loads a handful of small files.

use serde_json::{json, Value};

use crate::thai::normalize::is_space;

/// Target size of a text chunk in bytes of UTF-8.
pub const CHUNK_TARGET: usize = 6_000;

/// Collapses whitespace runs to one space and trims; normalising the result gives the same
/// key as normalising the input.
pub fn display_text(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut space = false;
    for c in s.chars() {
        if is_space(c) {
            space = !out.is_empty();
        } else {
            if space {
                out.push(' ');
                space = false;
            }
            out.push(c);
        }
    }
    out
}

/// One page as stored: url, title and text, already passed through [`display_text`].
pub struct Fragment<'a> {
    pub url: &'a str,
    pub title: &'a str,
    pub text: &'a str,
}

/// Groups fragments (in page-id order) into chunk files; returns the files and the first
/// page id of each chunk.
pub fn chunk_files(pages: &[Fragment]) -> (Vec<(String, Value)>, Vec<u32>) {
    let mut files = Vec::new();
    let mut starts = Vec::new();
    let mut current: Vec<Value> = Vec::new();
    let mut size = 0;
    for (id, p) in pages.iter().enumerate() {
        if current.is_empty() {
            starts.push(id as u32);
        }
        size += p.url.len() + p.title.len() + p.text.len() + 12;
        current.push(json!([p.url, p.title, p.text]));
        if size >= CHUNK_TARGET {
            files.push((format!("t/{}", files.len()), Value::Array(current)));
            current = Vec::new();
            size = 0;
        }
    }
    if !current.is_empty() {
        files.push((format!("t/{}", files.len()), Value::Array(current)));
    }
    (files, starts)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::thai::normalize::normalize;

    #[test]
    fn display_text_keeps_the_key() {
        for s in ["  a \t b\n", "ต่าง \u{A0} ๆ", "x\u{200B} y", "\u{85}ก"] {
            assert_eq!(normalize(&display_text(s)), normalize(s), "{s:?}");
        }
        assert_eq!(display_text("  a \t b\n"), "a b");
    }

    #[test]
    fn chunks_cover_every_page() {
        let text = "ก".repeat(5000);
        let pages: Vec<Fragment> = (0..5)
            .map(|_| Fragment {
                url: "u/",
                title: "t",
                text: &text,
            })
            .collect();
        let (files, starts) = chunk_files(&pages);
        assert_eq!(starts, [0, 1, 2, 3, 4]);
        assert_eq!(files.len(), 5);
    }
}
