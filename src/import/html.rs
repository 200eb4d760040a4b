//! The HTML fragments Word-to-text converters leave inside cells (`<p>`, `<br>`, `<ul><li>`,
//! `<b>`): block tags become line breaks, list items become "- " lines, inline tags go, and
//! entities are decoded. Anything that only looks like a tag ("<5 วัน") is kept as text.

/// Tags that end a line.
const BLOCK: &[&str] = &[
    "p",
    "div",
    "br",
    "ul",
    "ol",
    "tr",
    "td",
    "th",
    "table",
    "tbody",
    "thead",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "blockquote",
];
/// Tags that are dropped with their text kept.
const INLINE: &[&str] = &[
    "b", "strong", "i", "em", "u", "span", "font", "sup", "sub", "a", "s", "strike", "mark", "small", "big", "o:p",
    "w:p",
];
/// Starts a list item's line until `lines` decides whether it already has a bullet.
const ITEM: char = '\u{E000}';

/// The cell as lines of plain text: tags and entities resolved, runs of white space collapsed,
/// empty lines dropped.
pub fn to_lines(cell: &str) -> Vec<String> {
    let text = crate::render::html_text::decode_entities(&strip_tags(cell));
    text.split('\n')
        .filter_map(|line| {
            let mut line = collapse_spaces(line);
            if let Some(rest) = line.strip_prefix(ITEM) {
                let rest = rest.trim_start();
                line = if rest.starts_with(is_bullet) || rest.is_empty() {
                    rest.to_string()
                } else {
                    format!("- {rest}")
                };
            }
            let line = line.replace(ITEM, "");
            let line = line.trim();
            (!line.is_empty()).then(|| line.to_string())
        })
        .collect()
}

/// The cell on one line.
pub fn plain(cell: &str) -> String {
    to_lines(cell).join(" ")
}

/// Bullet characters people type or paste at the start of a list line.
pub fn is_bullet(c: char) -> bool {
    matches!(c, '-' | '•' | '–' | '‐' | '−' | '▪' | '●' | '○' | '*' | '∙' | '·')
}

fn strip_tags(cell: &str) -> String {
    let mut out = String::with_capacity(cell.len());
    let mut rest = cell;
    while let Some(open) = rest.find('<') {
        out.push_str(&rest[..open]);
        let after = &rest[open + 1..];
        match tag(after) {
            Some((name, closing, len)) => {
                if name == "li" && !closing {
                    out.push('\n');
                    out.push(ITEM);
                } else if BLOCK.contains(&name.as_str()) {
                    out.push('\n');
                }
                rest = &after[len..];
            }
            None => {
                out.push('<');
                rest = after;
            }
        }
    }
    out.push_str(rest);
    out
}

/// A known tag at the start of `text` (just after `<`): its lower-case name, whether it closes,
/// and its length up to and including `>`.
fn tag(text: &str) -> Option<(String, bool, usize)> {
    let end = text.find('>')?;
    let inner = &text[..end];
    if inner.len() > 400 || inner.contains('<') {
        return None;
    }
    let (closing, body) = match inner.strip_prefix('/') {
        Some(rest) => (true, rest),
        None => (false, inner),
    };
    let name: String = body
        .chars()
        .take_while(|c| c.is_ascii_alphanumeric() || *c == ':')
        .collect::<String>()
        .to_ascii_lowercase();
    let known = (name == "li" || BLOCK.contains(&name.as_str()) || INLINE.contains(&name.as_str()))
        && body[name.len()..]
            .chars()
            .next()
            .is_none_or(|c| c.is_whitespace() || c == '/');
    known.then_some((name, closing, end + 1))
}

/// One space for any run of white space (including no-break and zero-width spaces), trimmed.
pub fn collapse_spaces(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut space = false;
    for c in text.chars() {
        if c.is_whitespace() || matches!(c, '\u{200B}' | '\u{FEFF}' | '\u{00A0}') {
            space = true;
        } else {
            if space && !out.is_empty() {
                out.push(' ');
            }
            space = false;
            out.push(c);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cells_from_the_seeds() {
        for (cell, lines) in [
            (
                "<p>อยู่ระหว่างดำเนินการ</p> <p>อยู่ระหว่างดำเนินการ</p>",
                vec!["อยู่ระหว่างดำเนินการ", "อยู่ระหว่างดำเนินการ"],
            ),
            ("<b>๑. กระบวนการ</b>", vec!["๑. กระบวนการ"]),
            (
                "<ul style=\"list-style-type: none\"> <li>- มาตรการ ก</li> <li>มาตรการ ข</li> </ul>",
                vec!["- มาตรการ ก", "- มาตรการ ข"],
            ),
            ("Q&amp;A<br/>ช่องทาง&nbsp; ออนไลน์", vec!["Q&A", "ช่องทาง ออนไลน์"]),
            ("ภายใน <5 วัน & ทันที", vec!["ภายใน <5 วัน & ทันที"]),
            ("ดำเนินการ\n  เรียบร้อยแล้ว", vec!["ดำเนินการ", "เรียบร้อยแล้ว"]),
            (
                "<ol style=\"list-style-type: none\"> ๑.จัดทำ ๒.แสดง",
                vec!["๑.จัดทำ ๒.แสดง"],
            ),
            ("", vec![]),
        ] {
            assert_eq!(to_lines(cell), lines, "{cell}");
        }
    }
}
