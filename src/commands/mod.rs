//! Commands: each parses nothing (clap did), calls one operation (`ops`) and prints what it
//! returns, giving the process exit code.

pub mod address;
pub mod build;
pub mod catalog;
pub mod check;
pub mod import;
pub mod init;
pub mod welcome;

pub use crate::diag::print::{
    print_build_diagnostics, print_diagnostics, print_diagnostics_of, print_lines, stderr_color, Format,
};
pub use crate::ops::source_date;
