//! Per-page text the client verifies candidates against and cuts excerpts from.
//!
//! The text is stored as written (whitespace collapsed), not as the match key: the client
//! normalises it with the same rules and keeps a map back to the written text, so excerpts
//! show the page's own digits, spacing and case, and only one copy of the text ships.
//! Pages are grouped by page id into chunks of about [`CHUNK_TARGET`] bytes, `t/<n>.js`,
//! so verifying a handful of candidates loads a handful of small files.

use crate::thai::normalize::is_space;

/// Target size of a text chunk in bytes of UTF-8.
pub const CHUNK_TARGET: usize = 6_000;

/// Collapses whitespace runs to one space and trims; normalising the result gives the same
/// key as normalising the input.
pub fn display_text(s: &str) -> String {
    let bytes = s.as_bytes();
    let mut out = String::with_capacity(s.len());
    let mut space = false;
    // start of the run of text since the last whitespace; runs are copied whole
    let mut run = 0;
    let mut i = 0;
    let flush = |out: &mut String, run: usize, end: usize, space: &mut bool| {
        if run < end {
            if std::mem::take(space) {
                out.push(' ');
            }
            out.push_str(&s[run..end]);
        }
    };
    while i < bytes.len() {
        let b = bytes[i];
        let width = match b {
            0..=0x7F => 1,
            0xC0..=0xDF => 2,
            0xE0..=0xEF => 3,
            _ => 4,
        };
        // the whitespace outside ASCII starts with one of these bytes (Thai starts with E0)
        let is_white = match b {
            b'\t' | b'\n' | 0x0B | 0x0C | b'\r' | b' ' => true,
            0xC2 | 0xE1 | 0xE2 | 0xE3 => s[i..].chars().next().is_some_and(is_space),
            _ => false,
        };
        if is_white {
            flush(&mut out, run, i, &mut space);
            space = !out.is_empty();
            run = i + width;
        }
        i += width;
    }
    flush(&mut out, run, bytes.len(), &mut space);
    out
}

/// One page as stored: url, title and text, already passed through [`display_text`].
pub struct Fragment<'a> {
    pub url: &'a str,
    pub title: &'a str,
    pub text: &'a str,
}

/// The JSON of one page, `[url,title,text]`, written straight from the borrowed text into
/// `out` (no copy into a JSON tree).
pub fn fragment_json(out: &mut Vec<u8>, p: &Fragment) {
    out.push(b'[');
    for (j, s) in [p.url, p.title, p.text].into_iter().enumerate() {
        if j > 0 {
            out.push(b',');
        }
        // writing a string into a Vec cannot fail
        let _ = serde_json::to_writer(&mut *out, s);
    }
    out.push(b']');
}

/// The size a page counts for in its chunk.
pub fn fragment_size(p: &Fragment) -> usize {
    p.url.len() + p.title.len() + p.text.len() + 12
}

/// Groups pages, given in page-id order, into chunks of about [`CHUNK_TARGET`] bytes: a chunk
/// is closed by the page that brings it to the target. Chunk `n` is file `t/<n>.js`, the
/// JSON array of its pages.
#[derive(Default)]
pub struct Chunker {
    /// The open chunk: `[` and the JSON of its pages so far.
    json: Vec<u8>,
    size: usize,
    /// Pages in each chunk, the open one last.
    pages: Vec<u64>,
}

impl Chunker {
    /// Adds the next page (its [`fragment_size`] and [`fragment_json`]); returns the chunk it
    /// closes, as (number, JSON).
    pub fn push(&mut self, size: usize, json: &[u8]) -> Option<(usize, Vec<u8>)> {
        if self.size == 0 {
            self.pages.push(0);
            self.json.reserve(CHUNK_TARGET + json.len() + 2);
            self.json.push(b'[');
        } else {
            self.json.push(b',');
        }
        self.json.extend_from_slice(json);
        if let Some(n) = self.pages.last_mut() {
            *n += 1;
        }
        self.size += size;
        (self.size >= CHUNK_TARGET).then(|| self.close())
    }

    fn close(&mut self) -> (usize, Vec<u8>) {
        self.size = 0;
        let mut json = std::mem::take(&mut self.json);
        json.push(b']');
        (self.pages.len() - 1, json)
    }

    /// The last chunk, if still open, and the number of pages in each chunk.
    pub fn finish(mut self) -> (Option<(usize, Vec<u8>)>, Vec<u64>) {
        let last = (self.size > 0).then(|| self.close());
        (last, self.pages)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::thai::normalize::normalize;

    /// `display_text` as first written, one char at a time: the reference for the fast one.
    fn display_text_by_chars(s: &str) -> String {
        let mut out = String::new();
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

    proptest::proptest! {
        #[test]
        fn display_text_equals_the_char_by_char_reference(parts in proptest::collection::vec(
            proptest::sample::select(vec![
                " ", "\t", "\n", "\r", "\u{0B}", "\u{85}", "\u{A0}", "\u{1680}", "\u{2003}", "\u{2028}",
                "\u{202F}", "\u{205F}", "\u{3000}", "ก", "่", "a", "é", "\u{2013}", "\u{3001}", "😀", "\u{1681}",
            ]),
            0..24,
        )) {
            let text = parts.concat();
            proptest::prop_assert_eq!(display_text(&text), display_text_by_chars(&text));
        }
    }

    #[test]
    fn display_text_keeps_the_key() {
        for s in ["  a \t b\n", "ต่าง \u{A0} ๆ", "x\u{200B} y", "\u{85}ก"] {
            assert_eq!(normalize(&display_text(s)), normalize(s), "{s:?}");
        }
        assert_eq!(display_text("  a \t b\n"), "a b");
    }

    #[test]
    fn chunks_close_at_the_target() {
        let text = "ก".repeat(2500);
        let page = Fragment {
            url: "u/",
            title: "t",
            text: &text,
        };
        let mut chunker = Chunker::default();
        let mut closed = Vec::new();
        for _ in 0..5 {
            closed.extend(chunker.push(fragment_size(&page), b"1").map(|(n, _)| n));
        }
        // 7,515 bytes a page: every page reaches the 6,000-byte target on its own
        assert_eq!(closed, [0, 1, 2, 3, 4]);
        let (last, pages) = chunker.finish();
        assert!(last.is_none());
        assert_eq!(pages, [1; 5]);
        let (last, pages) = Chunker::default().finish();
        assert!(last.is_none() && pages.is_empty());
    }

    #[test]
    fn chunks_are_the_json_of_their_pages() {
        let pages = [
            Fragment {
                url: "a/",
                title: "\"ก\"",
                text: "x\n</script>\u{2028}",
            },
            Fragment {
                url: "b/",
                title: "",
                text: "ข่าว",
            },
        ];
        let want = serde_json::json!([["a/", "\"ก\"", "x\n</script>\u{2028}"], ["b/", "", "ข่าว"]]);
        let mut chunker = Chunker::default();
        for p in &pages {
            let mut json = Vec::new();
            fragment_json(&mut json, p);
            assert!(chunker.push(1, &json).is_none());
        }
        let (last, pages) = chunker.finish();
        assert_eq!(last, Some((0, want.to_string().into_bytes())));
        assert_eq!(pages, [2]);
    }
}
