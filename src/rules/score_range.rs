//! `score-range` — คะแนนอยู่นอกช่วง 0–100 (A score outside 0–100)
//!
//! คะแนนตัวชี้วัด ITA อยู่ระหว่าง 0 ถึง 100 ค่าอื่นทำให้คะแนนรวมและผลการประเมินผิด
//!
//! ITA indicator scores lie between 0 and 100; anything else corrupts the total and the grade.
//!
//! ผิด (wrong):
//!
//! ```toml
//! 1 = 100.01
//! ```
//!
//! ถูก (right):
//!
//! ```toml
//! 1 = 100
//! ```

use crate::diag::{Level, Rule};

pub const RULE: Rule = Rule {
    code: "score-range",
    level: Level::Error,
    summary: "คะแนนอยู่นอกช่วง 0–100 (A score outside 0–100)",
};
