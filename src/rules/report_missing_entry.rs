//! `report-missing-entry` — รายงานรอบนี้มีมาตรการที่ยังไม่มีผล (A report round with measures that have no entry)
//!
//! มาตรการที่ไม่มี `[[progress]]` ของรอบนั้นจะแสดงเป็น "ยังไม่รายงาน" ในรายงาน
//!
//! Measures without a `[[progress]]` entry for the round show as "not reported".
//!
//! ผิด (wrong):
//!
//! ```toml
//! # report round = 2; measure 3 only has round = 1
//! ```
//!
//! ถูก (right):
//!
//! ```toml
//! [[progress]]
//! round = 2
//! status = "done"
//! ```

use crate::diag::{Level, Rule};

pub const RULE: Rule = Rule {
    code: "report-missing-entry",
    level: Level::Warning,
    summary: "รายงานรอบนี้มีมาตรการที่ยังไม่มีผล (A report round with measures that have no entry)",
};
