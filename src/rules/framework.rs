//! `framework` — กรอบการประเมิน (`framework`) ไม่ถูกต้อง (Invalid `framework`)
//!
//! `framework` คือปีของรายการ O-item ที่ใช้ เป็นจำนวนเต็ม ปี พ.ศ.
//!
//! `framework` is the BE year of the O-item catalog to use, a whole number.
//!
//! ผิด (wrong):
//!
//! ```toml
//! framework = "ปีนี้"
//! ```
//!
//! ถูก (right):
//!
//! ```toml
//! framework = 2564
//! ```

use crate::diag::{Level, Rule};

pub const RULE: Rule = Rule {
    code: "framework",
    level: Level::Error,
    summary: "กรอบการประเมิน (`framework`) ไม่ถูกต้อง (Invalid `framework`)",
};
