//! Raw HTML in Markdown is sanitized before it is published: the paragraph, bold, list and
//! table markup users paste from Word stays; scripts, event handlers, `javascript:` and
//! `data:` URLs and inline styles never reach the output (a strict CSP stays possible).

use std::collections::HashSet;
use std::sync::OnceLock;

fn builder() -> &'static ammonia::Builder<'static> {
    static BUILDER: OnceLock<ammonia::Builder<'static>> = OnceLock::new();
    BUILDER.get_or_init(|| {
        let mut b = ammonia::Builder::default();
        b.link_rel(None);
        b.add_tags(["input", "figure", "figcaption", "section", "mark"]);
        b.add_tag_attributes("input", ["type", "checked", "disabled"]);
        b.set_tag_attribute_value("input", "disabled", "");
        for tag in ["h1", "h2", "h3", "h4", "h5", "h6"] {
            b.add_tag_attributes(tag, ["id"]);
        }
        for tag in [
            "div", "span", "code", "pre", "sup", "li", "th", "td", "section", "a", "table", "p",
        ] {
            b.add_tag_attributes(tag, ["class", "id"]);
        }
        b.add_tag_attributes("th", ["scope"]);
        b.add_tag_attributes("a", ["aria-label"]);
        b.url_schemes(HashSet::from(["http", "https", "mailto", "tel"]));
        b
    })
}

/// Cleans HTML produced from Markdown that contained raw HTML.
pub fn sanitize(html: &str) -> String {
    builder().clean(html).to_string()
}

/// Whether a link or image destination may be published: no script or data URLs in any
/// spelling (`JaVaScRiPt:`, with tabs or newlines inside, or entity-encoded by the author).
pub fn is_safe_url(url: &str) -> bool {
    let compact: String = url
        .chars()
        .filter(|c| !c.is_whitespace() && !c.is_control())
        .take(16)
        .collect::<String>()
        .to_ascii_lowercase();
    !(compact.starts_with("javascript:")
        || compact.starts_with("vbscript:")
        || compact.starts_with("data:")
        || compact.starts_with("file:")
        || compact.contains("&#"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn word_markup_stays_and_scripts_go() {
        let html = "<p><b>ตัวหนา</b></p><ul><li>ก</li></ul><table><tr><td>x</td></tr></table>\
                    <script>alert(1)</script><img src=x onerror=alert(1)><a href=\"javascript:alert(1)\">y</a>\
                    <p style=\"color:red\">s</p>";
        let out = sanitize(html);
        assert!(out.contains("<p><b>ตัวหนา</b></p><ul><li>ก</li></ul>"), "{out}");
        assert!(out.contains("<table>"), "{out}");
        for bad in ["<script", "onerror", "javascript:", "style="] {
            assert!(!out.contains(bad), "{bad} in {out}");
        }
    }

    #[test]
    fn dangerous_destinations_in_every_spelling() {
        for url in [
            "javascript:alert(1)",
            "JaVaScRiPt:x",
            "java\tscript:x",
            " data:text/html,x",
            "&#106;avascript:x",
        ] {
            assert!(!is_safe_url(url), "{url}");
        }
        for url in ["../plan/", "https://x.go.th/", "report.pdf", "#ผล", "mailto:a@b.c"] {
            assert!(is_safe_url(url), "{url}");
        }
    }
}
