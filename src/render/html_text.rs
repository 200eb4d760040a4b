//! The text of raw HTML in a Markdown body, for search and summaries: what a reader sees of
//! `<div align="center">ประกาศ</div>` is "ประกาศ". Tags are dropped; block tags and `<br>`
//! become a space, inline tags (`<b>`, `<span>`, …) nothing, so a Thai word marked up in
//! the middle stays one word; comments and the contents of `<script>`, `<style>`,
//! `<template>` and `<noscript>` are skipped; common entities are decoded.
//!
//! pulldown-cmark hands an HTML block over a line at a time, so the state (inside a
//! comment, or an element whose content is skipped) carries from one piece to the next.

/// Elements whose content is not text a reader sees.
const HIDDEN: &[&str] = &["script", "style", "template", "noscript"];

/// Tags that separate what comes before from what comes after.
const BREAKING: &[&str] = &[
    "address",
    "article",
    "aside",
    "blockquote",
    "br",
    "caption",
    "center",
    "dd",
    "div",
    "dl",
    "dt",
    "figcaption",
    "figure",
    "footer",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "header",
    "hr",
    "img",
    "li",
    "main",
    "nav",
    "ol",
    "p",
    "pre",
    "section",
    "table",
    "tbody",
    "td",
    "tfoot",
    "th",
    "thead",
    "tr",
    "ul",
];

/// The text of a run of raw HTML pieces.
#[derive(Debug, Default)]
pub struct HtmlText {
    /// What ends the part being skipped: `-->`, or the closing tag of a hidden element.
    skipping: Option<String>,
}

impl HtmlText {
    /// Appends the text of `html`, the next piece of raw HTML, to `out`.
    pub fn push(&mut self, html: &str, out: &mut String) {
        let mut rest = html;
        while !rest.is_empty() {
            if let Some(end) = self.skipping.as_deref() {
                match find_ignoring_case(rest, end) {
                    Some(at) => {
                        rest = &rest[at + end.len()..];
                        if end.starts_with("</") {
                            // the rest of the closing tag
                            rest = rest.find('>').map_or("", |gt| &rest[gt + 1..]);
                        }
                        self.skipping = None;
                    }
                    None => return,
                }
                continue;
            }
            let Some(lt) = rest.find('<') else {
                push_decoded(rest, out);
                return;
            };
            push_decoded(&rest[..lt], out);
            rest = &rest[lt..];
            if let Some(after) = rest.strip_prefix("<!--") {
                rest = after;
                self.skipping = Some("-->".into());
                continue;
            }
            let Some(gt) = tag_end(rest) else {
                // not a tag after all (`a < b`), or one cut off at the end of the piece
                if rest[1..].starts_with(|c: char| c.is_ascii_alphabetic() || c == '/') {
                    return;
                }
                push_decoded("<", out);
                rest = &rest[1..];
                continue;
            };
            let tag = &rest[1..gt];
            rest = &rest[gt + 1..];
            let closing = tag.starts_with('/');
            let name: String = tag
                .trim_start_matches('/')
                .chars()
                .take_while(|c| c.is_ascii_alphanumeric())
                .collect::<String>()
                .to_ascii_lowercase();
            if BREAKING.contains(&name.as_str()) {
                out.push(' ');
            }
            if !closing && !tag.ends_with('/') && HIDDEN.contains(&name.as_str()) {
                self.skipping = Some(format!("</{name}"));
            }
        }
    }
}

/// Where the tag opening `s` (at `<`) ends: its `>`, outside quoted attribute values.
fn tag_end(s: &str) -> Option<usize> {
    let mut quote: Option<char> = None;
    for (i, c) in s.char_indices().skip(1) {
        match (quote, c) {
            (Some(q), c) if c == q => quote = None,
            (Some(_), _) => {}
            (None, '"' | '\'') => quote = Some(c),
            (None, '>') => return Some(i),
            (None, '<') => return None,
            _ => {}
        }
    }
    None
}

fn find_ignoring_case(haystack: &str, needle: &str) -> Option<usize> {
    let lower = haystack.to_ascii_lowercase();
    lower.find(needle)
}

/// `text` with its character references decoded ([`super::entities::decode`]).
pub fn decode_entities(text: &str) -> String {
    super::entities::decode(text)
}

fn push_decoded(text: &str, out: &mut String) {
    super::entities::push_decoded(text, out);
}

#[cfg(test)]
mod tests {
    use super::*;

    fn text(pieces: &[&str]) -> String {
        let mut state = HtmlText::default();
        let mut out = String::new();
        for piece in pieces {
            state.push(piece, &mut out);
        }
        out
    }

    #[test]
    fn blocks_break_and_inline_tags_do_not() {
        assert_eq!(text(&["<div align=\"center\">ประกาศ</div>"]), " ประกาศ ");
        assert_eq!(text(&["ข<b>อ</b>ง"]), "ของ");
        assert_eq!(text(&["บรรทัด<br>สอง"]), "บรรทัด สอง");
        assert_eq!(text(&["<p style=\"a>b\">x</p>"]), " x ");
    }

    #[test]
    fn hidden_parts_are_skipped_across_pieces() {
        assert_eq!(text(&["ก<script>var a = '<b>';", "</SCRIPT>ข"]), "กข");
        assert_eq!(text(&["ก<!-- ซ่อน", "ยังซ่อน -->ข"]), "กข");
        assert_eq!(text(&["<style>p{}</style><template>t</template>ค"]), "ค");
    }

    #[test]
    fn entities_and_stray_brackets() {
        assert_eq!(
            text(&["A&amp;B &lt;3 &#3585;&#x0E02; &nbsp;&unknown; &"]),
            "A&B <3 กข \u{A0}&unknown; &"
        );
        assert_eq!(text(&["a < b"]), "a < b");
        assert_eq!(text(&["&#0;&#x1F;"]), "&#0;&#x1F;");
    }
}
