//! `prongsai build`: run the pipeline and publish the output atomically.

use std::path::{Path, PathBuf};
use std::time::Instant;

use super::{print_diagnostics, source_date, Format};
use crate::check::RecordingSink;
use crate::diag::{self, Diagnostic};
use crate::output::{check_output_dir, Staging};
use crate::site::{render::render_site, BuildOptions, Site};
use crate::theme::Theme;

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
    pub output: PathBuf,
    pub warnings: Vec<Diagnostic>,
}

pub fn run(root: &Path, args: Args) -> u8 {
    let started = Instant::now();
    match build(root, &args) {
        Ok(built) => {
            print_diagnostics(&built.warnings, Format::Human);
            eprintln!(
                "สร้างเว็บไซต์แล้ว {} หน้า ใน {:.2} วินาที → {} (built {} pages in {:.2} s)",
                built.pages,
                started.elapsed().as_secs_f64(),
                built.output.display(),
                built.pages,
                started.elapsed().as_secs_f64()
            );
            0
        }
        Err(diagnostics) => {
            print_diagnostics(&diagnostics, Format::Human);
            let errors = diagnostics.iter().filter(|d| d.is_error()).count();
            eprintln!(
                "สร้างไม่สำเร็จ: พบข้อผิดพลาด {errors} รายการ ผลลัพธ์เดิมยังอยู่ครบ (build failed with {errors} errors; the previous output is unchanged)"
            );
            1
        }
    }
}

/// Builds the portal at `root` into its output folder. On any error nothing is published.
pub fn build(root: &Path, args: &Args) -> Result<Built, Vec<Diagnostic>> {
    let options = BuildOptions {
        drafts: args.drafts,
        base_url: args.base_url.clone(),
        index_html_links: args.file_links,
        source_date: source_date(),
    };
    if let Some(url) = &args.base_url {
        if !url.is_empty() && !crate::config::is_http_url(url) {
            return Err(vec![Diagnostic::error(
                "base-url",
                format!("--base-url `{url}` ต้องขึ้นต้นด้วย http:// หรือ https://"),
            )]);
        }
    }
    let site = Site::load(root, options)?;
    let out = args
        .output_dir
        .clone()
        .unwrap_or_else(|| root.join(&site.config.output_dir));
    check_output_dir(root, &out, args.force).map_err(|d| vec![d])?;
    let mut diagnostics = site.diagnostics.clone();
    diagnostics.extend(crate::check::content_rules(&site));
    if diag::has_errors(&diagnostics) {
        diag::sort(&mut diagnostics);
        return Err(diagnostics);
    }
    let theme = Theme::locate(root, &site.config.theme).map_err(|d| vec![d])?;
    let templates = theme.templates(root, args.file_links)?;
    let staging = Staging::create(&out).map_err(|e| {
        vec![Diagnostic::error(
            "io",
            format!("สร้างโฟลเดอร์ชั่วคราวไม่ได้ (cannot create the staging folder): {e}"),
        )]
    })?;
    let disk = staging.sink();
    let sink = RecordingSink::new(&disk);
    diagnostics.extend(render_site(&site, &theme, &templates, &sink));
    if !diag::has_errors(&diagnostics) {
        diagnostics.extend(crate::check::output_rules(&site, &sink.into_outputs()));
    }
    diag::sort(&mut diagnostics);
    if diag::has_errors(&diagnostics) {
        staging.abandon();
        return Err(diagnostics);
    }
    staging.commit().map_err(|e| {
        vec![Diagnostic::error(
            "io",
            format!("ย้ายผลลัพธ์เข้าที่ไม่ได้ (cannot move the output into place): {e}"),
        )]
    })?;
    Ok(Built {
        pages: site.pages.len(),
        output: out,
        warnings: diagnostics,
    })
}
