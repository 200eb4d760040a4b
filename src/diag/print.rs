//! Printing diagnostics to stderr, for every command and for `serve`: one format choice,
//! colour only on a terminal, and one write per batch of lines.

use std::io::{IsTerminal, Write};
use std::path::Path;

use super::Diagnostic;

/// How diagnostics are printed (`--format`).
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

/// Prints diagnostics in the chosen format (JSON to stdout, the others to stderr).
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
            for line in super::github::annotations(diagnostics, root) {
                let _ = writeln!(out, "{line}");
            }
            let _ = out.flush();
        }
        Format::Human => print_lines(&super::human_lines(diagnostics, color, None)),
        Format::Short => print_lines(&diagnostics.iter().map(Diagnostic::short).collect::<Vec<_>>()),
        Format::Json => {
            println!(
                "{}",
                serde_json::to_string_pretty(diagnostics).unwrap_or_else(|_| "[]".into())
            );
        }
    }
}

/// The warnings of a build or rebuild: at most [`super::WARNINGS_PER_RULE`] of each rule,
/// every error.
pub fn print_build_diagnostics(diagnostics: &[Diagnostic]) {
    print_lines(&super::human_lines(
        diagnostics,
        stderr_color(),
        Some(super::WARNINGS_PER_RULE),
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
