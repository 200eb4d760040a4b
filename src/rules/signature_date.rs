//! `signature-date` — วันที่ของลายมือชื่ออ่านไม่ได้ (A signature date that is not a date)
//!
//! วันที่ใต้ลายมือชื่อในบันทึกข้อความเขียนเป็นข้อความได้ แต่ต้องอ่านเป็นวันที่ได้
//!
//! The date under a signature of a memo may be text, but it must read as a date.
//!
//! ผิด (wrong):
//!
//! ```toml
//! signatures = [{ name = "นายก", date = "เมื่อวาน" }]
//! ```
//!
//! ถูก (right):
//!
//! ```toml
//! signatures = [{ name = "นายก", date = "๒๖ เม.ย. ๖๔" }]
//! ```

use crate::diag::{Level, Rule};

pub const RULE: Rule = Rule {
    code: "signature-date",
    level: Level::Warning,
    summary: "วันที่ของลายมือชื่ออ่านไม่ได้ (A signature date that is not a date)",
};
