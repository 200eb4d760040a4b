//! One page through its template: which template, and the context it sees.

use crate::diag::Diagnostic;
use crate::model::PageKind;
use crate::render::templates::Templates;
use crate::site::body::Body;
use crate::site::Site;

/// The template a page is rendered with: its `template` key, else one named after its kind
/// (`measure.html`), else `index.html` for the home page, `section.html` or `page.html`.
pub fn template_for(site: &Site, index: usize, templates: &Templates) -> String {
    let page = &site.pages[index];
    if let Some(t) = &page.front.template {
        return t.get_ref().clone();
    }
    let by_kind = format!("{}.html", page.kind);
    if page.kind != PageKind::Page && templates.has(&by_kind) {
        return by_kind;
    }
    if page.is_section && page.path.is_empty() {
        "index.html".into()
    } else if page.is_section {
        "section.html".into()
    } else {
        "page.html".into()
    }
}

/// The template context every page shares, converted for the template engine once.
pub fn shared_context(site: &Site) -> Result<tera::Context, Diagnostic> {
    tera::Context::from_serialize(site.shared_context())
        .map_err(|e| Diagnostic::new(&crate::rules::template::RULE, e.to_string()))
}

/// Renders page `i`, whose body is `body`, through its template. `context` holds
/// [`shared_context`] of the same site, and may hold the page keys of the page rendered with
/// it before: they are all replaced, so one context serves a whole run of pages without
/// copying the shared part for each.
pub fn render_page(
    site: &Site,
    i: usize,
    body: &Body,
    templates: &Templates,
    context: &mut tera::Context,
) -> Result<String, Diagnostic> {
    let page = &site.pages[i];
    let name = template_for(site, i, templates);
    if !templates.has(&name) {
        let span = page.front.template.as_ref().map_or(0, |t| t.span().start);
        return Err(Diagnostic::new(
            &crate::rules::template_missing::RULE,
            format!("ไม่พบเทมเพลต `{name}` (no template named `{name}`)"),
        )
        .in_file(&page.file)
        .at_offset(&page.front_text, page.front_offset + span)
        .with_help("put it in templates/ of the portal or of the theme (วางไฟล์ไว้ใน templates/)"));
    }
    context.extend(
        tera::Context::from_serialize(site.page_context(i, body))
            .map_err(|e| Diagnostic::new(&crate::rules::template::RULE, e.to_string()).in_file(&page.file))?,
    );
    templates.render(&name, context).map_err(|d| {
        d.with_help(format!(
            "while rendering {} (ขณะสร้างหน้า {})",
            page.file.display(),
            page.file.display()
        ))
    })
}
