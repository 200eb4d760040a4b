//! What the rules need to know about a page body, from one Markdown parse: its links with
//! their text, its tables, and its raw HTML, each with the byte offset in the file so a
//! diagnostic can point at the line the webmaster wrote.

use pulldown_cmark::{Event, Parser, Tag, TagEnd};

use crate::render::markdown::options;
use crate::site::body::Body;
use crate::site::Page;

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LinkFact {
    pub dest: String,
    /// The visible text of the link (for images: none).
    pub text: String,
    pub is_image: bool,
    /// Byte offset in the file.
    pub offset: usize,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TableFact {
    pub offset: usize,
    /// Whether some header cell has text.
    pub header_has_text: bool,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct HtmlFact {
    pub offset: usize,
    /// The raw HTML as written (consecutive HTML lines of one block joined).
    pub html: String,
}

#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct BodyFacts {
    pub links: Vec<LinkFact>,
    pub tables: Vec<TableFact>,
    pub raw_html: Vec<HtmlFact>,
}

impl BodyFacts {
    pub fn of(page: &Page, body: &Body) -> BodyFacts {
        let markdown = body.text.get(page.body_offset..).unwrap_or("");
        BodyFacts::of_body(markdown, page.body_offset)
    }

    /// Facts of a Markdown `body` that starts at byte `base` of its file.
    pub fn of_body(body: &str, base: usize) -> BodyFacts {
        let mut facts = BodyFacts::default();
        // Open links (index into `facts.links`); links do not nest, but images inside links do.
        let mut open: Vec<usize> = Vec::new();
        let mut table: Option<(usize, bool, bool)> = None; // offset, in head, head has text
        let mut html_range: Option<(usize, usize)> = None;
        for (event, range) in Parser::new_ext(body, options()).into_offset_iter() {
            let is_html = matches!(event, Event::Html(_) | Event::InlineHtml(_));
            if is_html {
                html_range = match html_range {
                    Some((start, end)) if end == range.start => Some((start, range.end)),
                    Some((start, end)) => {
                        facts.push_html(body, base, start, end);
                        Some((range.start, range.end))
                    }
                    None => Some((range.start, range.end)),
                };
                continue;
            }
            match event {
                Event::Start(Tag::Link { dest_url, .. }) => {
                    open.push(facts.links.len());
                    facts.links.push(LinkFact {
                        dest: dest_url.to_string(),
                        text: String::new(),
                        is_image: false,
                        offset: base + range.start,
                    });
                }
                Event::Start(Tag::Image { dest_url, .. }) => facts.links.push(LinkFact {
                    dest: dest_url.to_string(),
                    text: String::new(),
                    is_image: true,
                    offset: base + range.start,
                }),
                Event::End(TagEnd::Link) => {
                    open.pop();
                }
                Event::Text(t) | Event::Code(t) => {
                    if let Some(&i) = open.last() {
                        facts.links[i].text.push_str(&t);
                    }
                    if let Some((_, true, has_text)) = table.as_mut() {
                        *has_text |= !t.trim().is_empty();
                    }
                }
                Event::Start(Tag::Table(_)) => table = Some((base + range.start, false, false)),
                Event::Start(Tag::TableHead) => {
                    if let Some((_, in_head, _)) = table.as_mut() {
                        *in_head = true;
                    }
                }
                Event::End(TagEnd::TableHead) => {
                    if let Some((_, in_head, _)) = table.as_mut() {
                        *in_head = false;
                    }
                }
                Event::End(TagEnd::Table) => {
                    if let Some((offset, _, header_has_text)) = table.take() {
                        facts.tables.push(TableFact {
                            offset,
                            header_has_text,
                        });
                    }
                }
                _ => {}
            }
        }
        if let Some((start, end)) = html_range {
            facts.push_html(body, base, start, end);
        }
        facts
    }

    fn push_html(&mut self, body: &str, base: usize, start: usize, end: usize) {
        if let Some(html) = body.get(start..end) {
            self.raw_html.push(HtmlFact {
                offset: base + start,
                html: html.to_string(),
            });
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn links_tables_and_html_with_file_offsets() {
        let body = "ดู [คลิกที่นี่](a.pdf) ![รูป](b.png)\n\n| | |\n|-|-|\n|1|2|\n\n<div style=\"x\">\n<p onclick=\"y\">z</p>\n</div>\n";
        let facts = BodyFacts::of_body(body, 100);
        assert_eq!(facts.links.len(), 2);
        assert_eq!(facts.links[0].text, "คลิกที่นี่");
        assert_eq!(facts.links[0].offset, 100 + body.find('[').unwrap_or(0));
        assert!(facts.links[1].is_image);
        assert_eq!(
            facts.tables,
            vec![TableFact {
                offset: 100 + body.find('|').unwrap_or(0),
                header_has_text: false
            }]
        );
        assert_eq!(facts.raw_html.len(), 1, "{:?}", facts.raw_html);
        assert!(facts.raw_html[0].html.contains("onclick") && facts.raw_html[0].html.contains("style"));
    }
}
