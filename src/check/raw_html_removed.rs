//! The check of [`crate::rules::raw_html_removed`]: what it finds and where.

use crate::rules::raw_html_removed::RULE;
use std::collections::{BTreeSet, HashMap};

use crate::check::body::BodyFacts;
use crate::check::html::{tokenize, Token};
use crate::diag::Diagnostic;
use crate::render::render_markdown;
use crate::site::body::Body;
use crate::site::Page;

/// Lists, per tag of the page's raw HTML, what the sanitizer took out: whole elements
/// (`<script>`, `<iframe>`) and attributes (`onclick`, `style`, `href="javascript:…"`). The
/// sanitizer itself is the judge: the page is rendered once trusted and compared with the
/// published (sanitized) HTML.
pub fn check(page: &Page, body: &Body, facts: &BodyFacts, trust_html: bool) -> Vec<Diagnostic> {
    if trust_html || !body.rendered.had_raw_html || facts.raw_html.is_empty() {
        return Vec::new();
    }
    let markdown = body.text.get(page.body_offset..).unwrap_or("");
    let trusted = census(&render_markdown(markdown, true).html);
    let published = census(&body.rendered.html);
    let removed_tags: BTreeSet<&String> = trusted
        .tags
        .iter()
        .filter(|(tag, n)| published.tags.get(*tag).copied().unwrap_or(0) < **n)
        .map(|(tag, _)| tag)
        .collect();
    let removed_attrs: BTreeSet<&(String, String)> = trusted
        .attrs
        .iter()
        .filter(|(key, n)| published.attrs.get(*key).copied().unwrap_or(0) < **n)
        .map(|(key, _)| key)
        .collect();
    let mut out = Vec::new();
    for fragment in &facts.raw_html {
        for token in tokenize(&fragment.html) {
            let Token::Start { name, attrs, offset } = token else {
                continue;
            };
            let what = if removed_tags.contains(&name) {
                format!("<{name}>")
            } else {
                let gone: Vec<&str> = attrs
                    .iter()
                    .filter(|(a, _)| removed_attrs.contains(&(name.clone(), a.clone())))
                    .map(|(a, _)| a.as_str())
                    .collect();
                if gone.is_empty() {
                    continue;
                }
                format!("{} ของ <{name}> (from <{name}>)", gone.join(", "))
            };
            out.push(
                Diagnostic::new(&RULE, format!("ตัด {what} ออกก่อนเผยแพร่ (removed by the HTML sanitizer)"))
                    .in_file(&page.file)
                    .at_offset(&body.text, fragment.offset + offset)
                    .with_help("write it in Markdown, or set trust_html = true in prongsai.toml if you trust every author (เขียนเป็น Markdown แทน)"),
            );
        }
    }
    out
}

/// How many start tags of each name, and of each (tag, attribute) pair, an HTML text has.
#[derive(Default)]
struct Census {
    tags: HashMap<String, usize>,
    attrs: HashMap<(String, String), usize>,
}

fn census(html: &str) -> Census {
    let mut c = Census::default();
    for token in tokenize(html) {
        if let Token::Start { name, attrs, .. } = token {
            for (a, _) in attrs {
                *c.attrs.entry((name.clone(), a)).or_insert(0) += 1;
            }
            *c.tags.entry(name).or_insert(0) += 1;
        }
    }
    c
}
