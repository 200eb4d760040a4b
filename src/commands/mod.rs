//! Commands: each parses nothing (clap did), calls one operation (`ops`) and prints what it
//! returns, giving the process exit code.

pub mod build;
pub mod check;
pub mod import;
pub mod init;

pub use crate::diag::print::{print_build_diagnostics, print_diagnostics, print_lines, stderr_color, Format};
pub use crate::ops::source_date;
