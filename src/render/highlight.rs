//! Code highlighting with syntect, emitting CSS classes (`hl-…`) instead of inline styles so
//! a strict Content-Security-Policy works and the theme decides the colours. The syntax set
//! is built once, on the first code block, so portals without code pay nothing.

use std::sync::OnceLock;

use syntect::html::{ClassStyle, ClassedHTMLGenerator};
use syntect::parsing::{SyntaxDefinition, SyntaxSet};
use syntect::util::LinesWithEndings;

const CLASS_STYLE: ClassStyle = ClassStyle::SpacedPrefixed { prefix: "hl-" };

fn syntaxes() -> &'static SyntaxSet {
    static SET: OnceLock<SyntaxSet> = OnceLock::new();
    SET.get_or_init(|| {
        let mut builder = SyntaxSet::load_defaults_newlines().into_builder();
        if let Ok(toml) = SyntaxDefinition::load_from_str(include_str!("toml.sublime-syntax"), true, Some("toml")) {
            builder.add(toml);
        }
        builder.build()
    })
}

/// The `<pre><code>` block for `code` in `lang`, highlighted when the language is known.
pub fn highlight(code: &str, lang: &str) -> String {
    let lang = lang.split([',', ' ', '{']).next().unwrap_or("").trim();
    let escaped_lang = html_escape(lang);
    if lang.is_empty() {
        return format!("<pre><code>{}</code></pre>\n", html_escape(code));
    }
    let set = syntaxes();
    let Some(syntax) = set.find_syntax_by_token(lang) else {
        return format!(
            "<pre><code class=\"language-{escaped_lang}\">{}</code></pre>\n",
            html_escape(code)
        );
    };
    let mut generator = ClassedHTMLGenerator::new_with_class_style(syntax, set, CLASS_STYLE);
    for line in LinesWithEndings::from(code) {
        if generator.parse_html_for_line_which_includes_newline(line).is_err() {
            return format!(
                "<pre><code class=\"language-{escaped_lang}\">{}</code></pre>\n",
                html_escape(code)
            );
        }
    }
    format!(
        "<pre class=\"hl\"><code class=\"language-{escaped_lang}\">{}</code></pre>\n",
        generator.finalize()
    )
}

/// `html_escape` with the signature Tera's `set_escape_fn` wants.
pub fn html_escape_ref(text: &str) -> String {
    html_escape(text)
}

/// `text` with `& < > " '` escaped; the runs between them are copied whole.
pub fn html_escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + text.len() / 8);
    let mut from = 0;
    for (i, b) in text.bytes().enumerate() {
        let entity = match b {
            b'&' => "&amp;",
            b'<' => "&lt;",
            b'>' => "&gt;",
            b'"' => "&quot;",
            b'\'' => "&#39;",
            _ => continue,
        };
        // ASCII bytes are never inside a multi-byte character: the slices are on boundaries.
        out.push_str(&text[from..i]);
        out.push_str(entity);
        from = i + 1;
    }
    out.push_str(&text[from..]);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes_the_five_characters_and_keeps_thai() {
        assert_eq!(html_escape("ก<ข>&\"'ค"), "ก&lt;ข&gt;&amp;&quot;&#39;ค");
        assert_eq!(html_escape(""), "");
        assert_eq!(html_escape("ไม่มี"), "ไม่มี");
    }

    #[test]
    fn toml_is_highlighted_with_classes() {
        let html = highlight("kind = \"measure\" # ก\nnumber = 3\n", "toml");
        assert!(html.contains("hl-string"), "{html}");
        assert!(html.contains("hl-comment"), "{html}");
        assert!(!html.contains("style="), "{html}");
    }

    #[test]
    fn unknown_languages_are_escaped() {
        assert_eq!(
            highlight("<b>", "nosuchlang\" onclick=\"x"),
            "<pre><code class=\"language-nosuchlang&quot;\">&lt;b&gt;</code></pre>\n"
        );
    }
}
