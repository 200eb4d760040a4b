//! `prongsai check`: run the whole pipeline in memory, print every diagnostic, write nothing.

use std::path::Path;

use super::{print_diagnostics, source_date, Format};
use crate::diag::{self, Diagnostic, Level};
use crate::output::MemorySink;
use crate::site::{render::render_site, BuildOptions, Site};
use crate::theme::Theme;

/// Every diagnostic of the portal at `root`, sorted.
pub fn check(root: &Path, drafts: bool) -> Vec<Diagnostic> {
    let options = BuildOptions {
        drafts,
        source_date: source_date(),
        ..BuildOptions::default()
    };
    let site = match Site::load(root, options) {
        Ok(site) => site,
        Err(d) => return d,
    };
    let mut diagnostics = site.diagnostics.clone();
    match Theme::locate(root, &site.config.theme) {
        Ok(theme) => match theme.templates(root, false) {
            Ok(templates) if !diag::has_errors(&diagnostics) => {
                diagnostics.extend(render_site(&site, &theme, &templates, &MemorySink::default()));
            }
            Ok(_) => {}
            Err(mut d) => diagnostics.append(&mut d),
        },
        Err(d) => diagnostics.push(d),
    }
    diag::sort(&mut diagnostics);
    diagnostics
}

pub fn run(root: &Path, drafts: bool, deny_warnings: bool, format: Format) -> u8 {
    let diagnostics = check(root, drafts);
    print_diagnostics(&diagnostics, format);
    let errors = diagnostics.iter().filter(|d| d.level == Level::Error).count();
    let warnings = diagnostics.len() - errors;
    if format != Format::Json {
        eprintln!("ตรวจแล้ว: ข้อผิดพลาด {errors} คำเตือน {warnings} (checked: {errors} errors, {warnings} warnings)");
    }
    u8::from(errors > 0 || (deny_warnings && warnings > 0))
}
