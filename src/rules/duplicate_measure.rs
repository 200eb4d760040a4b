//! `duplicate-measure` — เลขมาตรการซ้ำในปีเดียวกัน (Two measures of a year share a number)
//!
//! ข้อความบอกทั้งสองไฟล์ รายงานผลจะจับคู่มาตรการผิด
//!
//! Both files are named; reports would match results to the wrong measure.
//!
//! ผิด (wrong):
//!
//! ```toml
//! # content/2564/measures/01.md and 02.md
//! number = 1
//! ```
//!
//! ถูก (right):
//!
//! ```toml
//! number = 2  # in 02.md
//! ```

use crate::diag::{Level, Rule};

pub const RULE: Rule = Rule {
    code: "duplicate-measure",
    level: Level::Error,
    summary: "เลขมาตรการซ้ำในปีเดียวกัน (Two measures of a year share a number)",
};
