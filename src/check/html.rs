//! A small HTML tokenizer, enough for the rules that look at markup: which tags and
//! attributes a fragment has (what the sanitizer removed), the `id`s of a page (anchors),
//! whether a table has header cells. It follows the HTML tokenizer's rules for tag names,
//! attributes (quoted, unquoted, bare), comments and raw-text elements, and never fails.

use std::collections::HashSet;

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Token {
    /// A start tag: lower-cased name, attributes (lower-cased names, entity-decoded values)
    /// and the byte offset of its `<`.
    Start {
        name: String,
        attrs: Vec<(String, String)>,
        offset: usize,
    },
    End {
        name: String,
        offset: usize,
    },
    /// Text between tags (entities left as written).
    Text(String),
}

/// The tokens of `html`.
pub fn tokenize(html: &str) -> Vec<Token> {
    let bytes = html.as_bytes();
    let mut out = Vec::new();
    let mut i = 0;
    let mut text_start = 0;
    while i < bytes.len() {
        if bytes[i] != b'<' {
            i += 1;
            continue;
        }
        let next = bytes.get(i + 1).copied();
        let is_end = next == Some(b'/');
        let name_start = if is_end { i + 2 } else { i + 1 };
        let starts_tag = bytes.get(name_start).is_some_and(u8::is_ascii_alphabetic);
        let is_markup_decl = next == Some(b'!') || next == Some(b'?');
        if !starts_tag && !is_markup_decl {
            i += 1;
            continue;
        }
        push_text(&mut out, &html[text_start..i]);
        if is_markup_decl {
            // Comments end at `-->`, other declarations at the next `>`.
            let end = if html[i..].starts_with("<!--") {
                html[i + 4..].find("-->").map_or(html.len(), |e| i + 4 + e + 3)
            } else {
                html[i..].find('>').map_or(html.len(), |e| i + e + 1)
            };
            i = end;
            text_start = i;
            continue;
        }
        let (name, attrs, end) = read_tag(html, name_start);
        if is_end {
            out.push(Token::End { name, offset: i });
            i = end;
        } else {
            let raw_text = matches!(name.as_str(), "script" | "style" | "textarea" | "title" | "xmp");
            out.push(Token::Start {
                name: name.clone(),
                attrs,
                offset: i,
            });
            i = end;
            if raw_text {
                // Everything up to the matching end tag is text.
                let close = format!("</{name}");
                let lower = html[i..].to_ascii_lowercase();
                let stop = lower.find(&close).map_or(html.len(), |e| i + e);
                push_text(&mut out, &html[i..stop]);
                i = stop;
            }
        }
        text_start = i;
    }
    push_text(&mut out, &html[text_start.min(html.len())..]);
    out
}

fn push_text(out: &mut Vec<Token>, text: &str) {
    if !text.is_empty() {
        out.push(Token::Text(text.to_string()));
    }
}

/// Reads a tag from its name to the closing `>`: (name, attributes, offset after `>`).
fn read_tag(html: &str, start: usize) -> (String, Vec<(String, String)>, usize) {
    let bytes = html.as_bytes();
    let is_space = |b: u8| matches!(b, b' ' | b'\t' | b'\n' | b'\r' | b'\x0C');
    let mut i = start;
    while i < bytes.len() && !is_space(bytes[i]) && bytes[i] != b'/' && bytes[i] != b'>' {
        i += 1;
    }
    let name = html[start..i].to_ascii_lowercase();
    let mut attrs = Vec::new();
    loop {
        while i < bytes.len() && (is_space(bytes[i]) || bytes[i] == b'/') {
            i += 1;
        }
        if i >= bytes.len() {
            return (name, attrs, bytes.len());
        }
        if bytes[i] == b'>' {
            return (name, attrs, i + 1);
        }
        let attr_start = i;
        i += 1; // the first character may be `=`
        while i < bytes.len() && !is_space(bytes[i]) && !matches!(bytes[i], b'/' | b'>' | b'=') {
            i += 1;
        }
        let attr = html[attr_start..i].to_ascii_lowercase();
        while i < bytes.len() && is_space(bytes[i]) {
            i += 1;
        }
        let mut value = String::new();
        if bytes.get(i) == Some(&b'=') {
            i += 1;
            while i < bytes.len() && is_space(bytes[i]) {
                i += 1;
            }
            match bytes.get(i) {
                Some(&q @ (b'"' | b'\'')) => {
                    let end = html[i + 1..].find(q as char).map_or(html.len(), |e| i + 1 + e);
                    value = html[i + 1..end].to_string();
                    i = (end + 1).min(html.len());
                }
                _ => {
                    let s = i;
                    while i < bytes.len() && !is_space(bytes[i]) && bytes[i] != b'>' {
                        i += 1;
                    }
                    value = html[s..i].to_string();
                }
            }
        }
        attrs.push((attr, decode_entities(&value)));
    }
}

/// The character references of `text` decoded, as a browser reads them.
pub fn decode_entities(text: &str) -> String {
    crate::render::entities::decode(text)
}

/// Every `id` attribute value of a page. A direct scan for ` id="…"` (and single quotes)
/// instead of a full tokenization: every page of a build goes through here, and prongsai's
/// templates and Markdown renderer always quote attribute values.
pub fn ids(html: &str) -> HashSet<String> {
    let mut out = HashSet::new();
    let mut rest = html;
    while let Some(i) = rest.find(" id=") {
        rest = &rest[i + " id=".len()..];
        let Some(quote) = rest.chars().next().filter(|q| matches!(q, '"' | '\'')) else {
            continue;
        };
        rest = &rest[1..];
        let Some(end) = rest.find(quote) else { break };
        out.insert(decode_entities(&rest[..end]));
        rest = &rest[end + 1..];
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tags_attributes_comments_and_raw_text() {
        let tokens =
            tokenize("a<P Class=x id='y' hidden onclick=go()>b</p><!-- <i> --><script>if (a<b) {}</script><br/>");
        assert_eq!(tokens[0], Token::Text("a".into()));
        match &tokens[1] {
            Token::Start { name, attrs, offset } => {
                assert_eq!((name.as_str(), *offset), ("p", 1));
                let names: Vec<&str> = attrs.iter().map(|(n, _)| n.as_str()).collect();
                assert_eq!(names, ["class", "id", "hidden", "onclick"]);
                assert_eq!(attrs[1].1, "y");
                assert_eq!(attrs[3].1, "go()");
            }
            other => panic!("{other:?}"),
        }
        let names: Vec<String> = tokens
            .iter()
            .filter_map(|t| match t {
                Token::Start { name, .. } => Some(name.clone()),
                _ => None,
            })
            .collect();
        assert_eq!(
            names,
            ["p", "script", "br"],
            "no <i> from the comment, no <b from the script"
        );
    }

    #[test]
    fn entities_in_attributes_are_decoded() {
        assert_eq!(decode_entities("&#106;ava&#x53;cript&colon;x"), "javaScript:x");
        assert_eq!(decode_entities("a&b &amp; &zz;"), "a&b & &zz;");
        assert!(ids("<h2 id=\"ผล-1\">x</h2><p>y</p>").contains("ผล-1"));
    }

    #[test]
    fn never_panics_on_truncated_markup() {
        for text in [
            "<",
            "<a",
            "<a b",
            "<a b=",
            "<a b=\"",
            "</",
            "<!--",
            "<script>",
            "<a =x>",
            "&#",
            "&#xFFFFFFFF;",
        ] {
            let _ = tokenize(text);
            let _ = decode_entities(text);
        }
    }
}
