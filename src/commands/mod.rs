//! Commands: thin layers over the library, each returning the process exit code.

pub mod build;
pub mod check;
pub mod import;
pub mod init;

use std::io::IsTerminal;

use crate::diag::Diagnostic;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    Human,
    Short,
    Json,
}

/// Prints diagnostics to stderr in the chosen format (colour only on a terminal).
pub fn print_diagnostics(diagnostics: &[Diagnostic], format: Format) {
    let color = std::io::stderr().is_terminal() && std::env::var_os("NO_COLOR").is_none();
    match format {
        Format::Human => {
            for d in diagnostics {
                eprintln!("{}", d.human(color));
            }
        }
        Format::Short => {
            for d in diagnostics {
                eprintln!("{}", d.short());
            }
        }
        Format::Json => {
            println!(
                "{}",
                serde_json::to_string_pretty(diagnostics).unwrap_or_else(|_| "[]".into())
            );
        }
    }
}

/// `SOURCE_DATE_EPOCH` as a date, for reproducible builds.
pub fn source_date() -> Option<crate::date::Date> {
    let secs: i64 = std::env::var("SOURCE_DATE_EPOCH").ok()?.trim().parse().ok()?;
    Some(crate::date::Date::from_days_since_epoch(secs.div_euclid(86_400)))
}
