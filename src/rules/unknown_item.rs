//! `unknown-item` — ไม่มีข้อ O นี้ในกรอบของปี (The O-item is not in the year's catalog)
//!
//! เลขข้อที่ไม่มีในรายการ O-item ของปี ทำให้หน้านั้นไม่ถูกนับในการประเมิน OIT
//!
//! An id missing from the year's catalog means the page is not counted in the OIT assessment.
//!
//! ผิด (wrong):
//!
//! ```toml
//! item = "O44"  # the 2564 framework ends at O43
//! ```
//!
//! ถูก (right):
//!
//! ```toml
//! item = "O43"
//! ```

use crate::diag::{Level, Rule};

pub const RULE: Rule = Rule {
    code: "unknown-item",
    level: Level::Error,
    summary: "ไม่มีข้อ O นี้ในกรอบของปี (The O-item is not in the year's catalog)",
};
