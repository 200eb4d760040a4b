//! `prongsai check`: run the whole pipeline in memory with every rule of `crate::check`, print
//! every diagnostic of the portal, then set the exit code once. Nothing is written.

use std::path::Path;

use super::{print_diagnostics, source_date, Format};
use crate::check::RecordingSink;
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
    let mut site = match Site::load(root, options) {
        Ok(site) => site,
        Err(d) => return d,
    };
    let mut diagnostics = site.diagnostics.clone();
    // Pages with load errors are missing from the site, so links to them would look broken:
    // the site is rendered (in memory) only when loading was clean.
    let loaded_clean = !diag::has_errors(&diagnostics);
    diagnostics.extend(crate::check::content_rules(&site));
    match Theme::locate(root, &site.config.theme) {
        Ok(theme) => match theme.templates(root, false) {
            Ok(templates) if loaded_clean => {
                let memory = MemorySink::default();
                let sink = RecordingSink::new(&memory);
                let render_errors = render_site(
                    &mut site,
                    &theme,
                    &templates,
                    &sink,
                    &mut crate::timings::Stages::start(),
                );
                if !diag::has_errors(&render_errors) {
                    diagnostics.extend(crate::check::output_rules(&site, &sink.into_outputs()));
                }
                diagnostics.extend(render_errors);
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
