//! Commands: thin layers over the library, each returning the process exit code.

pub mod address;
pub mod build;
pub mod check;
pub mod import;
pub mod init;
pub mod welcome;

use std::io::{IsTerminal, Write};
use std::path::Path;

use crate::diag::Diagnostic;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    Human,
    Short,
    Json,
    /// GitHub Actions workflow commands, one per diagnostic
    Github,
}

/// Whether stderr takes colour: a terminal, and `NO_COLOR` unset.
pub fn stderr_color() -> bool {
    std::io::stderr().is_terminal() && std::env::var_os("NO_COLOR").is_none()
}

/// Prints diagnostics to stderr in the chosen format (colour only on a terminal).
pub fn print_diagnostics(diagnostics: &[Diagnostic], format: Format) {
    print_diagnostics_of(Path::new(""), diagnostics, format);
}

/// [`print_diagnostics`] of the portal at `root`: JSON and GitHub annotations go to stdout,
/// the annotations naming files from the working folder, as GitHub looks for them.
pub fn print_diagnostics_of(root: &Path, diagnostics: &[Diagnostic], format: Format) {
    let color = stderr_color();
    match format {
        Format::Github => {
            let mut out = std::io::BufWriter::new(std::io::stdout().lock());
            for line in crate::diag::github::annotations(diagnostics, root) {
                let _ = writeln!(out, "{line}");
            }
            let _ = out.flush();
        }
        Format::Human => print_lines(&crate::diag::human_lines(diagnostics, color, None)),
        Format::Short => print_lines(&diagnostics.iter().map(Diagnostic::short).collect::<Vec<_>>()),
        Format::Json => {
            println!(
                "{}",
                serde_json::to_string_pretty(diagnostics).unwrap_or_else(|_| "[]".into())
            );
        }
    }
}

/// The warnings of a build or rebuild: at most [`crate::diag::WARNINGS_PER_RULE`] of each
/// rule, every error.
pub fn print_build_diagnostics(diagnostics: &[Diagnostic]) {
    let color = stderr_color();
    print_lines(&crate::diag::human_lines(
        diagnostics,
        color,
        Some(crate::diag::WARNINGS_PER_RULE),
    ));
}

/// Lines to stderr through one lock and one buffer: thousands of diagnostics are one write
/// each otherwise.
pub fn print_lines(lines: &[String]) {
    let mut err = std::io::BufWriter::new(std::io::stderr().lock());
    for line in lines {
        let _ = writeln!(err, "{line}");
    }
    let _ = err.flush();
}

/// `SOURCE_DATE_EPOCH` as a date, for reproducible builds.
pub fn source_date() -> Option<crate::date::Date> {
    let secs: i64 = std::env::var("SOURCE_DATE_EPOCH").ok()?.trim().parse().ok()?;
    Some(crate::date::Date::from_days_since_epoch(secs.div_euclid(86_400)))
}
