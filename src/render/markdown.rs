//! Markdown to HTML, with the options in this one place: GFM tables, footnotes,
//! strikethrough, task lists and `{#id}` heading attributes. Headings get Thai-keeping
//! anchors, code is highlighted, unsafe link targets are dropped and raw HTML is sanitized
//! unless the portal trusts it.

use pulldown_cmark::{html, CodeBlockKind, CowStr, Event, HeadingLevel, Options, Parser, Tag, TagEnd};

use super::anchors::AnchorSet;
use super::highlight::{highlight, html_escape};
use super::html_text::HtmlText;
use super::sanitize::{is_safe_url, sanitize};

/// What rendering one Markdown body produces.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Rendered {
    pub html: String,
    /// Headings in order: level, anchor, text.
    pub toc: Vec<Heading>,
    /// The text content, for search and summaries.
    pub plain: String,
    /// Link and image destinations as written, with their byte offset in the body.
    pub links: Vec<(String, usize)>,
    /// Whether the body contained raw HTML (then it was sanitized, unless trusted).
    pub had_raw_html: bool,
    /// Link destinations removed as unsafe.
    pub removed_urls: Vec<String>,
}

#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct Heading {
    pub level: u8,
    pub id: String,
    pub title: String,
}

pub fn options() -> Options {
    Options::ENABLE_TABLES
        | Options::ENABLE_FOOTNOTES
        | Options::ENABLE_STRIKETHROUGH
        | Options::ENABLE_TASKLISTS
        | Options::ENABLE_HEADING_ATTRIBUTES
}

pub fn render_markdown(body: &str, trust_html: bool) -> Rendered {
    let mut out = Rendered::default();
    let mut anchors = AnchorSet::default();
    let mut events: Vec<Event> = Vec::new();
    // Heading being collected: its start index in `events` and its text.
    let mut heading: Option<(usize, String)> = None;
    let mut code: Option<(String, String)> = None;
    // the text of raw HTML, for `plain`
    let mut html_text = HtmlText::default();

    for (event, range) in Parser::new_ext(body, options()).into_offset_iter() {
        if let Some((lang, text)) = code.as_mut() {
            match event {
                Event::Text(t) => text.push_str(&t),
                Event::End(TagEnd::CodeBlock) => {
                    out.plain.push_str(text);
                    out.plain.push('\n');
                    events.push(Event::Html(highlight(text, lang).into()));
                    code = None;
                }
                _ => {}
            }
            continue;
        }
        match event {
            Event::Start(Tag::CodeBlock(kind)) => {
                let lang = match kind {
                    CodeBlockKind::Fenced(lang) => lang.to_string(),
                    CodeBlockKind::Indented => String::new(),
                };
                code = Some((lang, String::new()));
            }
            Event::Start(Tag::Heading { .. }) => {
                heading = Some((events.len(), String::new()));
                events.push(event);
            }
            Event::End(TagEnd::Heading(level)) => {
                if let Some((start, title)) = heading.take() {
                    let title = title.trim().to_string();
                    if let Event::Start(Tag::Heading {
                        level,
                        id,
                        classes,
                        attrs,
                    }) = &events[start]
                    {
                        let id = match id {
                            Some(explicit) => anchors.claim(explicit.to_string()),
                            None => anchors.unique(&title),
                        };
                        out.toc.push(Heading {
                            level: level_number(*level),
                            id: id.clone(),
                            title: title.clone(),
                        });
                        events[start] = Event::Start(Tag::Heading {
                            level: *level,
                            id: Some(CowStr::from(id)),
                            classes: classes.clone(),
                            attrs: attrs.clone(),
                        });
                    }
                    out.plain.push_str(&title);
                    out.plain.push('\n');
                }
                events.push(Event::End(TagEnd::Heading(level)));
            }
            Event::Start(Tag::Link {
                link_type,
                dest_url,
                title,
                id,
            }) => {
                out.links.push((dest_url.to_string(), range.start));
                let dest_url = safe_destination(dest_url, &mut out.removed_urls);
                events.push(Event::Start(Tag::Link {
                    link_type,
                    dest_url,
                    title,
                    id,
                }));
            }
            Event::Start(Tag::Image {
                link_type,
                dest_url,
                title,
                id,
            }) => {
                out.links.push((dest_url.to_string(), range.start));
                let dest_url = safe_destination(dest_url, &mut out.removed_urls);
                events.push(Event::Start(Tag::Image {
                    link_type,
                    dest_url,
                    title,
                    id,
                }));
            }
            Event::Text(ref t) | Event::Code(ref t) => {
                match heading.as_mut() {
                    Some((_, title)) => title.push_str(t),
                    None => out.plain.push_str(t),
                }
                events.push(event);
            }
            Event::SoftBreak | Event::HardBreak => {
                out.plain.push(' ');
                events.push(event);
            }
            Event::End(TagEnd::Paragraph | TagEnd::Item | TagEnd::TableCell | TagEnd::TableRow) => {
                out.plain.push('\n');
                events.push(event);
            }
            Event::Html(ref raw) | Event::InlineHtml(ref raw) => {
                out.had_raw_html = true;
                if heading.is_none() {
                    html_text.push(raw, &mut out.plain);
                }
                events.push(event);
            }
            other => events.push(other),
        }
    }

    let mut html_out = String::with_capacity(body.len() * 3 / 2);
    html::push_html(&mut html_out, events.into_iter());
    // Table alignment as classes, not inline styles (strict CSP).
    if html_out.contains(" style=\"text-align: ") {
        html_out = html_out
            .replace(" style=\"text-align: left\"", " class=\"align-left\"")
            .replace(" style=\"text-align: center\"", " class=\"align-center\"")
            .replace(" style=\"text-align: right\"", " class=\"align-right\"");
    }
    if out.had_raw_html && !trust_html {
        html_out = sanitize(&html_out);
    }
    out.html = wrap_tables(html_out);
    // every page keeps these until the search index is built: no slack from growing them
    out.html.shrink_to_fit();
    out.plain.shrink_to_fit();
    out
}

/// Puts each Markdown table in a focusable box that scrolls on a narrow screen, so a wide
/// table never makes the page scroll sideways and keyboard users can still scroll it.
/// Only the bare `<table>` that Markdown writes is wrapped; a raw HTML `<table …>` is not.
fn wrap_tables(html: String) -> String {
    const OPEN: &str = "<div class=\"table-wrap\" tabindex=\"0\">";
    if !html.contains("<table>") {
        return html;
    }
    let mut out = String::with_capacity(html.len() + 64);
    let mut wrapped = Vec::new();
    let mut rest = html.as_str();
    while let Some(at) = rest.find("<table").into_iter().chain(rest.find("</table>")).min() {
        out.push_str(&rest[..at]);
        rest = &rest[at..];
        if let Some(after) = rest.strip_prefix("</table>") {
            out.push_str("</table>");
            if wrapped.pop() == Some(true) {
                out.push_str("</div>");
            }
            rest = after;
        } else {
            let bare = rest.starts_with("<table>");
            if bare {
                out.push_str(OPEN);
            }
            wrapped.push(bare);
            out.push_str("<table");
            rest = &rest["<table".len()..];
        }
    }
    out.push_str(rest);
    out
}

fn safe_destination<'a>(url: CowStr<'a>, removed: &mut Vec<String>) -> CowStr<'a> {
    if is_safe_url(&url) {
        url
    } else {
        removed.push(url.to_string());
        CowStr::from("#")
    }
}

fn level_number(level: HeadingLevel) -> u8 {
    match level {
        HeadingLevel::H1 => 1,
        HeadingLevel::H2 => 2,
        HeadingLevel::H3 => 3,
        HeadingLevel::H4 => 4,
        HeadingLevel::H5 => 5,
        HeadingLevel::H6 => 6,
    }
}

/// Escapes text for HTML (shared with templates and generated pages).
pub fn escape(text: &str) -> String {
    html_escape(text)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn markdown_tables_scroll_in_a_focusable_box() {
        let r = render_markdown("| a | b |\n|---|---|\n| 1 | 2 |\n", false);
        assert!(
            r.html.starts_with("<div class=\"table-wrap\" tabindex=\"0\"><table>"),
            "{}",
            r.html
        );
        assert!(r.html.trim_end().ends_with("</table></div>"), "{}", r.html);
        // a raw HTML table with attributes is left as written, and its end tag too
        let raw =
            wrap_tables("<table class=\"x\"><tr><td><table><tr><td>1</td></tr></table></td></tr></table>".to_string());
        assert_eq!(
            raw,
            "<table class=\"x\"><tr><td><div class=\"table-wrap\" tabindex=\"0\"><table><tr><td>1</td></tr></table></div></td></tr></table>"
        );
    }

    #[test]
    fn the_text_of_raw_html_is_searchable() {
        let r = render_markdown(
            "<div align=\"center\">\n<b>ประกาศ</b>เทศบาล\n</div>\n\n| ก |\n|---|\n| บรรทัด<br>สอง |\n\n<script>\nvar x = 1;\n</script>\n\nท้าย <!-- หมายเหตุ --> ข้อ\n",
            false,
        );
        let words: Vec<&str> = r.plain.split_whitespace().collect();
        assert_eq!(
            words,
            ["ประกาศเทศบาล", "ก", "บรรทัด", "สอง", "ท้าย", "ข้อ"],
            "{:?}",
            r.plain
        );
    }

    #[test]
    fn gfm_features_and_thai_anchors() {
        let r = render_markdown(
            "## ผลการดำเนินงาน\n\n| ก | ข |\n|:-|-:|\n| 1 | 2 |\n\n- [x] เสร็จ\n\n~~ลบ~~ ข้อ[^1]\n\n[^1]: หมายเหตุ\n",
            false,
        );
        assert!(r.html.contains("<h2 id=\"ผลการดำเนินงาน\">"), "{}", r.html);
        assert!(
            r.html.contains("<table>") && r.html.contains("class=\"align-left\""),
            "{}",
            r.html
        );
        assert!(r.html.contains("checkbox") && r.html.contains("<del>"), "{}", r.html);
        assert!(r.html.contains("footnote"), "{}", r.html);
        assert!(!r.html.contains("style="));
        assert_eq!(r.toc[0].title, "ผลการดำเนินงาน");
    }

    #[test]
    fn raw_html_is_sanitized_unless_trusted() {
        let md = "<p onclick=\"x()\"><b>ก</b></p>\n\n<script>alert(1)</script>\n\n[a](javascript:alert(1))\n";
        let r = render_markdown(md, false);
        assert!(r.html.contains("<b>ก</b>"));
        assert!(
            !r.html.contains("script") && !r.html.contains("onclick") && !r.html.contains("javascript"),
            "{}",
            r.html
        );
        assert_eq!(r.removed_urls, vec!["javascript:alert(1)".to_string()]);
        let trusted = render_markdown("<div class=\"x\" onclick=\"y\">z</div>\n", true);
        assert!(trusted.html.contains("onclick"));
    }

    #[test]
    fn code_blocks_are_highlighted() {
        let r = render_markdown("```toml\nkind = \"memo\"\n```\n", false);
        assert!(r.html.contains("hl-string"), "{}", r.html);
    }
}
