//! `prongsai check`: every diagnostic of the portal, printed, then the exit code once.
//! Nothing is written.

use std::path::Path;

use super::{print_diagnostics_of, Format};
use crate::diag::Level;
pub use crate::ops::check::check;

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
