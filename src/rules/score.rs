//! `score` — คะแนนไม่ใช่ตัวเลข (A score that is not a number)
//!
//! คะแนนเป็นตัวเลข หรือข้อความตัวเลขไทยในเครื่องหมายคำพูด `nan` และ `inf` ไม่ใช่คะแนน
//!
//! A score is a number, or Thai digits in quotes; `nan` and `inf` are not scores.
//!
//! ผิด (wrong):
//!
//! ```toml
//! 1 = nan
//! ```
//!
//! ถูก (right):
//!
//! ```toml
//! 1 = 87.89
//! ```

use crate::diag::{Level, Rule};

pub const RULE: Rule = Rule {
    code: "score",
    level: Level::Error,
    summary: "คะแนนไม่ใช่ตัวเลข (A score that is not a number)",
};
