//! `prongsai build`: run the pipeline and publish the output, writing only the files whose
//! bytes changed; skip everything when no input changed since the last build.

use std::collections::HashMap;
use std::hash::{DefaultHasher, Hash, Hasher};
use std::path::{Path, PathBuf};
use std::time::Instant;

use super::{print_lines, source_date, stderr_color};
use crate::check::RecordingSink;
use crate::config::Config;
use crate::diag::{Collected, Diagnostic};
use crate::output::check_output_dir;
use crate::output::manifest::Manifest;
use crate::output::publish::{Publish, Published};
use crate::render::templates::Templates;
use crate::search::reuse::Previous;
use crate::site::fingerprint::{page_prints, shared_print};
use crate::site::render::{render_site, template_for, Reuse};
use crate::site::{load::load_content, BuildOptions, Page, Site};
use crate::source::inputs::{engine, Inputs};
use crate::theme::Theme;
use crate::timings::Stages;

#[derive(Debug, Clone, Default)]
pub struct Args {
    pub output_dir: Option<PathBuf>,
    pub base_url: Option<String>,
    pub drafts: bool,
    pub force: bool,
    pub file_links: bool,
}

/// What a successful build reports.
#[derive(Debug)]
pub struct Built {
    pub pages: usize,
    /// Pages put through their template; the others were kept as the last build wrote them.
    pub rendered: usize,
    /// Pages whose search terms were counted; the others were taken from the last index.
    pub indexed: usize,
    /// Pages kept without reading their file again.
    pub unread: usize,
    pub output: PathBuf,
    /// The warnings, as printed.
    pub warnings: Collected,
    /// What was written; `None` when no input changed and the build was skipped.
    pub published: Option<Published>,
    /// The warnings of the last full build, as printed then, when this one was skipped.
    pub replayed: Vec<String>,
}

pub fn run(root: &Path, args: Args) -> u8 {
    let started = Instant::now();
    match build(root, &args) {
        Ok(built) => {
            print_lines(&built.warnings.human_lines(stderr_color()));
            print_lines(&built.replayed);
            let secs = started.elapsed().as_secs_f64();
            let (pages, out) = (built.pages, built.output.display());
            let kept = pages - built.rendered.min(pages);
            let (kept_th, kept_en) = if kept > 0 {
                (
                    format!(" (หน้าที่ไม่เปลี่ยน {kept} หน้าไม่ต้องสร้างใหม่)"),
                    format!(", {kept} unchanged pages not rendered again"),
                )
            } else {
                Default::default()
            };
            match built.published {
                Some(p) => eprintln!(
                    "สร้างเว็บไซต์แล้ว {pages} หน้า{kept_th} ใน {secs:.2} วินาที → {out} (built {pages} pages{kept_en} in {secs:.2} s)\n\
                     เขียน {} ไฟล์ ลบ {} ไฟล์ ไม่เปลี่ยน {} ไฟล์ (wrote {} files, removed {}, {} unchanged)",
                    p.written, p.removed, p.unchanged, p.written, p.removed, p.unchanged
                ),
                None => eprintln!(
                    "ไม่มีไฟล์ต้นฉบับเปลี่ยน ผลลัพธ์ {pages} หน้าเป็นปัจจุบันแล้ว ใน {secs:.2} วินาที → {out} \
                     (no input changed; the {pages} pages are up to date, checked in {secs:.2} s)"
                ),
            }
            super::address::print(root, args.base_url.as_deref(), args.file_links);
            0
        }
        Err(diagnostics) => {
            print_lines(&diagnostics.human_lines(stderr_color()));
            let errors = diagnostics.errors();
            eprintln!(
                "สร้างไม่สำเร็จ: พบข้อผิดพลาด {errors} รายการ ผลลัพธ์เดิมยังอยู่ครบ (build failed with {errors} errors; the previous output is unchanged)"
            );
            1
        }
    }
}

/// Builds the portal at `root` into its output folder. On any error nothing is published.
pub fn build(root: &Path, args: &Args) -> Result<Built, Collected> {
    let mut clock = Stages::start();
    let options = BuildOptions {
        drafts: args.drafts,
        base_url: args.base_url.clone(),
        index_html_links: args.file_links,
        source_date: source_date(),
    };
    if let Some(url) = &args.base_url {
        if !url.is_empty() && !crate::config::is_http_url(url) {
            return Err(Diagnostic::error(
                "base-url",
                format!("--base-url `{url}` ต้องขึ้นต้นด้วย http:// หรือ https://"),
            )
            .into());
        }
    }
    let config = Config::load(root)?;
    let out = args.output_dir.clone().unwrap_or_else(|| root.join(&config.output_dir));
    check_output_dir(root, &out, args.force)?;
    let located = Theme::locate(root, &config.theme);
    let inputs = located
        .as_ref()
        .ok()
        .and_then(|t| crate::source::inputs::fingerprint(root, t.dir.as_deref(), &format!("{options:?}")));
    clock.lap("fingerprint");
    if let Some(skipped) = up_to_date(&out, inputs.map(|i| i.all)) {
        return Ok(skipped);
    }
    let (pages, assets, loaded) = load_content(root, &options);
    clock.lap("load");
    let site = Site::assemble(root, config, options, pages, assets, loaded);
    clock.lap("assemble");
    let mut diagnostics = Collected::printed();
    diagnostics.extend(site.diagnostics.iter().cloned());
    diagnostics.extend(crate::check::site_rules(&site));
    if diagnostics.has_errors() {
        return Err(diagnostics);
    }
    let theme = located?;
    clock.lap("site rules");
    let templates = theme.templates(root, args.file_links)?;
    let publish = Publish::create(&out).map_err(|e| {
        Diagnostic::error(
            "io",
            format!("สร้างโฟลเดอร์ชั่วคราวไม่ได้ (cannot create the staging folder): {e}"),
        )
    })?;
    clock.lap("templates");
    let (mut memo, prints) = fingerprints(&site, inputs, &templates);
    let previous = publish.previous();
    let same_shared = memo.shared.is_some() && previous.shared == memo.shared;
    let unchanged = |i: usize| same_shared && previous.prints.get(&site.pages[i].output_path()) == Some(&prints[i]);
    clock.lap("page prints");
    let read = |path: &str| publish.read_previous(path);
    let index = previous
        .search
        .as_ref()
        .and_then(|memo| Previous::load(memo, engine(), &read));
    clock.lap("previous index");
    let sink = RecordingSink::new(&publish);
    let reuse = Reuse {
        pages: &unchanged,
        index,
        bodies: Some(&previous.bodies),
    };
    let rendered = render_site(&site, &theme, &templates, &sink, reuse, &mut clock);
    diagnostics.extend(rendered.diagnostics);
    let (rendered_pages, indexed, unread) = (rendered.rendered, rendered.indexed, rendered.unread);
    if !diagnostics.has_errors() {
        crate::check::output_rules(&site, &rendered.links, &sink.into_outputs(), &mut diagnostics);
    }
    clock.lap("output rules");
    if diagnostics.has_errors() {
        publish.abandon();
        return Err(diagnostics);
    }
    memo.warnings = diagnostics.human_lines(false);
    memo.pages = site.pages.len();
    memo.prints = site.pages.iter().map(Page::output_path).zip(prints).collect();
    memo.search = Some(rendered.index);
    let mut links: HashMap<usize, Vec<(String, usize)>> = rendered.links.into_iter().collect();
    memo.bodies = rendered
        .quiet
        .iter()
        .map(|&i| (site.pages[i].output_path(), links.remove(&i).unwrap_or_default()))
        .collect();
    let published = publish.commit(memo).map_err(|e| {
        Diagnostic::error(
            "io",
            format!("ย้ายผลลัพธ์เข้าที่ไม่ได้ (cannot move the output into place): {e}"),
        )
    })?;
    clock.lap("commit");
    clock.report();
    let pages = site.pages.len();
    // Freeing a large site takes a noticeable part of a build; a thread does it, so the
    // command prints its summary and exits at once (the process ends before it is done).
    std::thread::spawn(move || drop(site));
    Ok(Built {
        pages,
        rendered: rendered_pages,
        indexed,
        unread,
        output: out,
        warnings: diagnostics,
        published: Some(published),
        replayed: Vec::new(),
    })
}

/// What a build remembers for the next one, known before rendering: the fingerprints of its
/// inputs and of what every page shares (in a new manifest), and of each page's context.
fn fingerprints(site: &Site, inputs: Option<Inputs>, templates: &Templates) -> (Manifest, Vec<u64>) {
    let mut memo = Manifest::new();
    memo.inputs = inputs.map(|i| i.all);
    memo.shared = inputs.map(|i| {
        let mut h = DefaultHasher::new();
        (i.site_wide, shared_print(site)).hash(&mut h);
        h.finish()
    });
    (memo, page_prints(site, |i| template_for(site, i, templates)))
}

/// The skipped build, when the inputs are those of the last build and the output folder is
/// exactly as that build left it.
fn up_to_date(out: &Path, inputs: Option<u64>) -> Option<Built> {
    let inputs = inputs?;
    if !out.is_dir() {
        return None;
    }
    let previous = Manifest::read(out);
    if previous.inputs != Some(inputs) || !previous.describes(out) {
        return None;
    }
    Some(Built {
        pages: previous.pages,
        rendered: 0,
        indexed: 0,
        unread: 0,
        output: out.to_path_buf(),
        warnings: Collected::printed(),
        published: None,
        replayed: previous.warnings,
    })
}
