//! `indicator` — ตัวชี้วัดต้องเป็น 1–10 (ITA indicators are 1 to 10)
//!
//! ITA มีตัวชี้วัด 10 ตัว เลขอื่นไม่มีความหมาย
//!
//! ITA has ten indicators; any other number means nothing.
//!
//! ผิด (wrong):
//!
//! ```toml
//! indicators = [11]
//! ```
//!
//! ถูก (right):
//!
//! ```toml
//! indicators = [1]
//! ```

use crate::diag::{Level, Rule};

pub const RULE: Rule = Rule {
    code: "indicator",
    level: Level::Error,
    summary: "ตัวชี้วัดต้องเป็น 1–10 (ITA indicators are 1 to 10)",
};
