//! `prongsai check`: run the whole pipeline in memory with every rule of `crate::check`, print
//! every diagnostic of the portal, then set the exit code once. Nothing is written.

use std::path::Path;

use super::{print_diagnostics_of, source_date, Format};
use crate::check::RecordingSink;
use crate::diag::{self, Diagnostic, Level};
use crate::output::NullSink;
use crate::site::render::{render_site, Reuse};
use crate::site::{BuildOptions, Site};
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
    // Pages with load errors are missing from the site, so links to them would look broken:
    // the site is rendered (in memory) only when loading was clean.
    let loaded_clean = !diag::has_errors(&diagnostics);
    diagnostics.extend(crate::check::site_rules(&site));
    let templates = Theme::locate(root, &site.config.theme)
        .map_err(|d| vec![d])
        .and_then(|theme| theme.templates(root, false).map(|templates| (theme, templates)));
    match templates {
        Ok((theme, templates)) if loaded_clean => {
            let sink = RecordingSink::new(&NullSink);
            // the body rules run as each page is rendered
            let rendered = render_site(
                &site,
                &theme,
                &templates,
                &sink,
                Reuse::nothing(),
                &mut crate::timings::Stages::start(),
            );
            if !diag::has_errors(&rendered.diagnostics) {
                let mut found = diag::Collected::all();
                crate::check::output_rules(&site, &rendered.links, &sink.into_outputs(), &mut found);
                diagnostics.extend(found.into_sorted());
            }
            diagnostics.extend(rendered.diagnostics);
        }
        not_rendered => {
            if let Err(mut d) = not_rendered {
                diagnostics.append(&mut d);
            }
            diagnostics.extend(crate::check::all_body_rules(&site));
        }
    }
    diag::sort(&mut diagnostics);
    diagnostics
}

pub fn run(root: &Path, drafts: bool, deny_warnings: bool, format: Format) -> u8 {
    let diagnostics = check(root, drafts);
    print_diagnostics_of(root, &diagnostics, format);
    let errors = diagnostics.iter().filter(|d| d.level == Level::Error).count();
    let warnings = diagnostics.len() - errors;
    if format != Format::Json {
        eprintln!("ตรวจแล้ว: ข้อผิดพลาด {errors} คำเตือน {warnings} (checked: {errors} errors, {warnings} warnings)");
    }
    u8::from(errors > 0 || (deny_warnings && warnings > 0))
}
