//! `measure-number` — เลขมาตรการต้องมากกว่า 0 (A measure number must be 1 or more)
//!
//! เลขมาตรการใช้เรียงลำดับและอ้างอิงในรายงาน
//!
//! Measure numbers order the plan and are cited by reports.
//!
//! ผิด (wrong):
//!
//! ```toml
//! number = 0
//! ```
//!
//! ถูก (right):
//!
//! ```toml
//! number = 1
//! ```

use crate::diag::{Level, Rule};

pub const RULE: Rule = Rule {
    code: "measure-number",
    level: Level::Error,
    summary: "เลขมาตรการต้องมากกว่า 0 (A measure number must be 1 or more)",
};
