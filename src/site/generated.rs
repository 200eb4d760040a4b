//! The files every site gets without a content file: `sitemap.xml`, `atom.xml`,
//! `robots.txt`, `404.html` and the redirect pages of `aliases`.

use std::fmt::Write as _;

use super::assemble::normalize_alias;
use super::body::Body;
use super::Site;
use crate::date::Date;
use crate::diag::Diagnostic;
use crate::model::PageKind;
use crate::render::highlight::html_escape;
use crate::render::templates::Templates;
use crate::render::urls;

const FEED_LIMIT: usize = 20;

/// The files every site gets, as (site-relative path, bytes); a 404 page whose template
/// fails is a diagnostic instead.
/// `home_body` is the home page's rendered body: a theme may show it on the 404 page.
pub fn render(site: &Site, templates: &Templates, home_body: &Body) -> (Vec<(String, Vec<u8>)>, Vec<Diagnostic>) {
    let mut files = vec![
        ("sitemap.xml".to_string(), sitemap(site).into_bytes()),
        ("atom.xml".to_string(), feed(site).into_bytes()),
        ("robots.txt".to_string(), robots(site).into_bytes()),
    ];
    files.extend(aliases(site).into_iter().map(|(path, html)| (path, html.into_bytes())));
    let mut diagnostics = Vec::new();
    match not_found(site, templates, home_body) {
        Ok(html) => files.push(("404.html".to_string(), html.into_bytes())),
        Err(d) => diagnostics.push(d),
    }
    (files, diagnostics)
}

fn xml_escape(text: &str) -> String {
    html_escape(text)
}

pub fn sitemap(site: &Site) -> String {
    let base = site.base_url();
    let mut out = String::from(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n",
    );
    for page in site.pages.iter().filter(|p| p.kind != PageKind::Search) {
        let _ = write!(
            out,
            "  <url>\n    <loc>{}</loc>\n",
            xml_escape(&urls::absolute(&base, &page.path))
        );
        if let Some(d) = page.updated.or(page.date) {
            let _ = writeln!(out, "    <lastmod>{d}</lastmod>");
        }
        out.push_str("  </url>\n");
    }
    out.push_str("</urlset>\n");
    out
}

pub fn robots(site: &Site) -> String {
    format!(
        "User-agent: *\nAllow: /\nSitemap: {}\n",
        urls::absolute(&site.base_url(), "sitemap.xml")
    )
}

/// An Atom feed of the newest dated pages. Its `updated` is the newest page date, or
/// `SOURCE_DATE_EPOCH`, never the clock, so builds are reproducible.
pub fn feed(site: &Site) -> String {
    let base = site.base_url();
    let mut dated: Vec<(Date, &super::Page)> = site
        .pages
        .iter()
        .filter_map(|p| p.updated.or(p.date).map(|d| (d, p)))
        .collect();
    dated.sort_by(|a, b| b.0.cmp(&a.0).then_with(|| a.1.path.cmp(&b.1.path)));
    dated.truncate(FEED_LIMIT);
    let updated = dated
        .first()
        .map(|(d, _)| *d)
        .or(site.options.source_date)
        .unwrap_or(Date {
            year: 1970,
            month: 1,
            day: 1,
        });
    let mut out = String::from("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
    let _ = write!(
        out,
        "<feed xmlns=\"http://www.w3.org/2005/Atom\" xml:lang=\"{}\">\n  <title>{}</title>\n  <link href=\"{}\"/>\n  <link rel=\"self\" href=\"{}\"/>\n  <id>{}</id>\n  <updated>{updated}T00:00:00Z</updated>\n",
        xml_escape(&site.config.language),
        xml_escape(&site.config.title),
        xml_escape(&urls::absolute(&base, "")),
        xml_escape(&urls::absolute(&base, "atom.xml")),
        xml_escape(&urls::absolute(&base, "")),
    );
    for (date, page) in dated {
        let url = xml_escape(&urls::absolute(&base, &page.path));
        let _ = write!(
            out,
            "  <entry>\n    <title>{}</title>\n    <link href=\"{url}\"/>\n    <id>{url}</id>\n    <updated>{date}T00:00:00Z</updated>\n",
            xml_escape(&page.title)
        );
        if let Some(d) = &page.description {
            let _ = writeln!(out, "    <summary>{}</summary>", xml_escape(d));
        }
        out.push_str("  </entry>\n");
    }
    out.push_str("</feed>\n");
    out
}

/// Redirect pages for `aliases`: a relative meta refresh (works at any sub-path and from a
/// folder), a canonical link and a plain link for readers without refresh.
pub fn aliases(site: &Site) -> Vec<(String, String)> {
    let mut out = Vec::new();
    for page in &site.pages {
        for alias in &page.front.aliases {
            let alias_path = normalize_alias(alias.get_ref());
            let file = if alias_path.ends_with('/') {
                format!("{alias_path}index.html")
            } else {
                alias_path.clone()
            };
            let root = urls::root_prefix(&file);
            let target = html_escape(&urls::link(&root, &page.path, site.options.index_html_links));
            let canonical = html_escape(&urls::absolute(&site.base_url(), &page.path));
            let text = crate::i18n::get(&site.config.language, "redirecting");
            let html = format!(
                "<!doctype html>\n<html lang=\"{lang}\">\n<head>\n<meta charset=\"utf-8\">\n<title>{title}</title>\n<meta http-equiv=\"refresh\" content=\"0; url={target}\">\n<link rel=\"canonical\" href=\"{canonical}\">\n<meta name=\"robots\" content=\"noindex\">\n</head>\n<body>\n<p>{text}: <a href=\"{target}\">{title}</a></p>\n</body>\n</html>\n",
                lang = html_escape(&site.config.language),
                title = html_escape(&page.title),
            );
            out.push((file, html));
        }
    }
    out
}

/// `404.html` is served for any missing path at any depth, so its links are absolute paths
/// from the base URL's path (or relative to the root when no base URL is set).
fn not_found(site: &Site, templates: &Templates, body: &Body) -> Result<String, Diagnostic> {
    let Some(home) = site.home() else {
        return Ok(String::new());
    };
    let mut context = site.context(home, body);
    let base = site.base_url();
    context.own.root = base_path(&base);
    context.own.current_path = "404.html";
    context.own.canonical = urls::absolute(&base, "404.html");
    let ctx = tera::Context::from_serialize(context)
        .map_err(|e| Diagnostic::new(&crate::rules::template::RULE, e.to_string()))?;
    templates.render("404.html", &ctx)
}

/// `https://x.github.io/portal/` → `/portal/`; no base URL → `/`.
pub fn base_path(base_url: &str) -> String {
    let without_scheme = base_url.split_once("://").map_or(base_url, |(_, rest)| rest);
    match without_scheme.find('/') {
        Some(i) => without_scheme[i..].to_string(),
        None => "/".to_string(),
    }
}
