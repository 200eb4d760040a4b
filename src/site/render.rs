//! Rendering the assembled site into a `Sink`: every page through its template, in
//! parallel, plus the generated files (`extras`) and the copied assets.

use std::collections::HashMap;
use std::sync::Mutex;

use rayon::prelude::*;

use super::body::Body;
use super::search_docs::{doc_of, is_indexed};
use super::Site;
use crate::diag::Diagnostic;
use crate::output::Sink;
use crate::render::templates::Templates;
use crate::search::reuse::{Memo, Previous};
use crate::search::writer::{prepare, Prepared};
use crate::search::IndexWriter;
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

/// Renders page `i`, whose body is `body`, through its template: (output path, HTML).
/// `context` holds [`shared_context`] of the same site, and may hold the page keys of the
/// page rendered with it before: they are all replaced, so one context serves a whole run of
/// pages without copying the shared part for each.
pub fn render_page(
    site: &Site,
    i: usize,
    body: &Body,
    templates: &Templates,
    context: &mut tera::Context,
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
        .at_offset(&page.front_text, page.front_offset + span)
        .with_help("put it in templates/ of the portal or of the theme (วางไฟล์ไว้ใน templates/)"));
    }
    context.extend(
        tera::Context::from_serialize(site.page_context(i, body))
            .map_err(|e| Diagnostic::error("template", e.to_string()).in_file(&page.file))?,
    );
    match templates.render(&name, context) {
        Ok(html) => Ok((page.output_path(), html)),
        Err(d) => Err(d.with_help(format!(
            "while rendering {} (ขณะสร้างหน้า {})",
            page.file.display(),
            page.file.display()
        ))),
    }
}

/// What rendering a site gives besides its files.
#[derive(Debug, Default)]
pub struct RenderedSite {
    /// Every problem found; the caller decides whether the output may be published.
    pub diagnostics: Vec<Diagnostic>,
    /// The links of each page body (page index; destination and offset in the body), kept
    /// for the output rules, which need every file written first.
    pub links: Vec<(usize, Vec<(String, usize)>)>,
    /// Pages put through their template (the others were kept as the last build wrote them).
    pub rendered: usize,
    /// What the search index remembers for the next build.
    pub index: Memo,
    /// Pages whose search terms were counted (the others were taken from the last index).
    pub indexed: usize,
    /// Pages with a file whose body rules found nothing, by index: what the next build may
    /// skip reading ([`Reuse::bodies`]).
    pub quiet: Vec<usize>,
    /// Pages kept without reading their file.
    pub unread: usize,
}

/// What the last build left that this one may reuse.
pub struct Reuse<'a> {
    /// Which pages may be kept as the previous build wrote them (by page index): their
    /// template context is the same (`site::fingerprint`). The sink still has the last
    /// word ([`Sink::keep`]).
    pub pages: &'a (dyn Fn(usize) -> bool + Sync),
    /// The last build's search index: the pages it indexed alike are not counted again.
    pub index: Option<Previous<'a>>,
    /// The body links of each page (by output path) the last build read without a body-rule
    /// warning: a page `pages` keeps, and found here, is not read again at all.
    pub bodies: Option<&'a Bodies>,
}

/// Output path → the links of the page's body (destination, offset in the body).
pub type Bodies = HashMap<String, Vec<(String, usize)>>;

impl Reuse<'static> {
    /// Nothing: every page is rendered and indexed.
    pub fn nothing() -> Reuse<'static> {
        Reuse {
            pages: &render_all,
            index: None,
            bodies: None,
        }
    }
}

/// Renders the whole site into `sink`, one batch of pages at a time: each page's body is
/// read again, checked by the body rules, rendered, written and added to the search index,
/// then dropped, so memory holds the site's front matter and the index's lists but never
/// all the bodies. Pages go in URL order, the order of the search index's page ids.
/// A page `reuse` names, and the sink keeps, is not put through its template; if the last
/// build also remembers its body, it is not read at all ([`Reuse::bodies`]).
pub fn render_site(
    site: &Site,
    theme: &Theme,
    templates: &Templates,
    sink: &dyn Sink,
    mut reuse: Reuse,
    clock: &mut Stages,
) -> RenderedSite {
    let shared = match shared_context(site) {
        Ok(shared) => shared,
        Err(d) => {
            return RenderedSite {
                diagnostics: vec![d],
                ..RenderedSite::default()
            }
        }
    };
    let mut order: Vec<usize> = (0..site.pages.len()).collect();
    order.par_sort_unstable_by(|&a, &b| site.pages[a].path.cmp(&site.pages[b].path));
    let errors = Mutex::new(Vec::new());
    let put = |path: String, bytes: Vec<u8>| {
        if let Err(e) = sink.put(&path, &bytes) {
            if let Ok(mut errors) = errors.lock() {
                errors.push(io_error(&path, e));
            }
        }
    };
    let mut index = IndexWriter::reusing(&put, reuse.index.take());
    let mut out = RenderedSite::default();
    for batch in order.chunks(crate::search::BATCH) {
        let previous = index.previous();
        let done: Vec<DonePage> = batch
            .par_iter()
            .map_init(
                || shared.clone(),
                |context, &i| {
                    kept_unread(site, i, sink, &reuse, previous)
                        .unwrap_or_else(|| render_one(site, i, templates, context, sink, (reuse.pages, previous)))
                },
            )
            .collect();
        let mut prepared = Vec::with_capacity(done.len());
        for page in done {
            if page.diagnostics.is_empty() && site.pages[page.index].source_hash.is_some() {
                out.quiet.push(page.index);
            }
            out.unread += usize::from(page.unread);
            out.diagnostics.extend(page.diagnostics);
            out.rendered += usize::from(!page.kept);
            if !page.links.is_empty() {
                out.links.push((page.index, page.links));
            }
            prepared.extend(page.search);
        }
        index.add(&prepared);
    }
    clock.lap("pages");
    out.indexed = index.counted();
    out.index = index.finish();
    clock.lap("search index");
    out.diagnostics.extend(errors.into_inner().unwrap_or_default());
    out.diagnostics.extend(render_generated(site, templates, sink));
    clock.lap("generated");
    out.diagnostics.extend(copy_static(site, theme, sink));
    clock.lap("static");
    out
}

/// No page may be kept: render every one.
fn render_all(_: usize) -> bool {
    false
}

/// One page rendered and written: what is kept of it.
struct DonePage {
    index: usize,
    kept: bool,
    /// Kept without reading its file.
    unread: bool,
    diagnostics: Vec<Diagnostic>,
    links: Vec<(String, usize)>,
    search: Option<Prepared>,
}

fn render_one(
    site: &Site,
    i: usize,
    templates: &Templates,
    context: &mut tera::Context,
    sink: &dyn Sink,
    (unchanged, previous): (&(dyn Fn(usize) -> bool + Sync), Option<&Previous>),
) -> DonePage {
    let page = &site.pages[i];
    let mut done = DonePage {
        index: i,
        kept: false,
        unread: false,
        diagnostics: Vec::new(),
        links: Vec::new(),
        search: None,
    };
    let body = match Body::reload(site, i) {
        Ok(body) => body,
        Err(d) => {
            done.diagnostics.push(d);
            return done;
        }
    };
    if page.source_hash.is_some() {
        done.diagnostics = crate::check::body_rules(site, page, &body);
    }
    done.kept = unchanged(i) && sink.keep(&page.output_path()).is_some();
    if !done.kept {
        match render_page(site, i, &body, templates, context) {
            Ok((out, html)) => done
                .diagnostics
                .extend(sink.put(&out, html.as_bytes()).err().map(|e| io_error(&out, e))),
            Err(d) => done.diagnostics.push(d),
        }
    }
    done.search = is_indexed(page).then(|| prepare(&doc_of(page, &body), previous));
    done.links = body.rendered.links;
    done
}

/// Page `i` kept as the last build left it without reading its file: its context is the
/// same, its body rules found nothing last time, its links are remembered, its search
/// fragment is in the last index's text chunks, and the sink still holds its file. `None`
/// when any of that is missing (the page is then read as usual).
fn kept_unread(site: &Site, i: usize, sink: &dyn Sink, reuse: &Reuse, previous: Option<&Previous>) -> Option<DonePage> {
    let page = &site.pages[i];
    page.source_hash?;
    if !(reuse.pages)(i) {
        return None;
    }
    let out = page.output_path();
    let links = reuse.bodies?.get(&out)?;
    let search = match is_indexed(page) {
        true => Some(Prepared::kept(previous?, &page.path)?),
        false => None,
    };
    sink.keep(&out)?;
    Some(DonePage {
        index: i,
        kept: true,
        unread: true,
        diagnostics: Vec::new(),
        links: links.clone(),
        search,
    })
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
