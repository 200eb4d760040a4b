//! Rendering the assembled site into a `Sink`: every page through its template, in
//! parallel, plus the generated files (`extras`) and the copied assets.

use rayon::prelude::*;

use super::Site;
use crate::diag::Diagnostic;
use crate::output::Sink;
use crate::render::templates::Templates;
use crate::theme::Theme;
use crate::timings::Stages;

/// The template a page is rendered with: its `template` key, else one named after its kind
/// (`measure.html`), else `index.html` for the home page, `section.html` or `page.html`.
pub fn template_for(site: &Site, index: usize, templates: &Templates) -> String {
    let page = &site.pages[index];
    if let Some(t) = &page.front.template {
        return t.get_ref().clone();
    }
    let by_kind = format!("{}.html", page.kind);
    if page.kind != "page" && templates.has(&by_kind) {
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
    tera::Context::from_serialize(site.shared_context()).map_err(|e| Diagnostic::error("template", e.to_string()))
}

/// Renders one page through its template: (output path, HTML). `shared` is
/// [`shared_context`] of the same site.
pub fn render_page(
    site: &Site,
    i: usize,
    templates: &Templates,
    shared: &tera::Context,
) -> Result<(String, String), Diagnostic> {
    let page = &site.pages[i];
    let name = template_for(site, i, templates);
    if !templates.has(&name) {
        let span = page.front.template.as_ref().map_or(0, |t| t.span().start);
        return Err(Diagnostic::error(
            "template-missing",
            format!("ไม่พบเทมเพลต `{name}` (no template named `{name}`)"),
        )
        .in_file(&page.file)
        .at_offset(&page.text, page.front_offset + span)
        .with_help("put it in templates/ of the portal or of the theme (วางไฟล์ไว้ใน templates/)"));
    }
    let mut context = shared.clone();
    context.extend(
        tera::Context::from_serialize(site.page_context(i))
            .map_err(|e| Diagnostic::error("template", e.to_string()).in_file(&page.file))?,
    );
    match templates.render(&name, &context) {
        Ok(html) => Ok((format!("{}index.html", page.path), html)),
        Err(d) => Err(d.with_help(format!(
            "while rendering {} (ขณะสร้างหน้า {})",
            page.file.display(),
            page.file.display()
        ))),
    }
}

/// Renders the whole site into `sink`. Returns every problem found; the caller decides
/// whether the output may be published.
pub fn render_site(
    site: &mut Site,
    theme: &Theme,
    templates: &Templates,
    sink: &dyn Sink,
    clock: &mut Stages,
) -> Vec<Diagnostic> {
    let shared = match shared_context(site) {
        Ok(shared) => shared,
        Err(d) => return vec![d],
    };
    let mut diagnostics: Vec<Diagnostic> = (0..site.pages.len())
        .into_par_iter()
        .filter_map(|i| match render_page(site, i, templates, &shared) {
            Ok((out, html)) => sink.put(&out, html.as_bytes()).err().map(|e| io_error(&out, e)),
            Err(d) => Some(d),
        })
        .collect();
    clock.lap("pages");
    diagnostics.extend(render_generated(site, templates, sink));
    clock.lap("generated");
    let docs = super::search_docs::take_search_docs(site);
    clock.lap("search docs");
    // each search file is written as soon as it is made: the index is never held whole
    let errors = std::sync::Mutex::new(Vec::new());
    crate::search::write_index(docs, &|path, bytes| {
        if let Err(e) = sink.put(&path, &bytes) {
            if let Ok(mut errors) = errors.lock() {
                errors.push(io_error(&path, e));
            }
        }
    });
    diagnostics.extend(errors.into_inner().unwrap_or_default());
    clock.lap("search index");
    diagnostics.extend(copy_static(site, theme, sink));
    clock.lap("static");
    diagnostics
}

/// The files made from the whole site but the search index: extras and open data.
pub fn render_generated(site: &Site, templates: &Templates, sink: &dyn Sink) -> Vec<Diagnostic> {
    let mut diagnostics = super::extras::render_extras(site, templates, sink);
    diagnostics.extend(put_all(sink, super::data::data_files(site)));
    diagnostics
}

fn put_all(sink: &dyn Sink, files: Vec<(String, Vec<u8>)>) -> Vec<Diagnostic> {
    files
        .into_iter()
        .filter_map(|(path, bytes)| sink.put(&path, &bytes).err().map(|e| io_error(&path, e)))
        .collect()
}

/// Content assets, the theme's static files and the portal's `static/` folder.
pub fn copy_static(site: &Site, theme: &Theme, sink: &dyn Sink) -> Vec<Diagnostic> {
    let mut diagnostics = Vec::new();
    for asset in &site.assets {
        if let Err(e) = sink.copy(&asset.path, &asset.source) {
            diagnostics.push(io_error(&asset.path, e));
        }
    }
    for (path, bytes) in theme.static_files() {
        if let Err(e) = sink.put(&path, &bytes) {
            diagnostics.push(io_error(&path, e));
        }
    }
    let portal_static = site.root.join("static");
    let (files, errors) = crate::source::walk_content(&portal_static);
    if portal_static.is_dir() {
        for (path, error) in errors {
            diagnostics.push(Diagnostic::error("io", error).in_file(path));
        }
        for file in files {
            if let Err(e) = sink.copy(&file.relative, &file.path) {
                diagnostics.push(io_error(&file.relative, e));
            }
        }
    }
    diagnostics
}

fn io_error(path: &str, e: std::io::Error) -> Diagnostic {
    Diagnostic::error("io", format!("เขียน {path} ไม่ได้ (cannot write {path}): {e}"))
}
