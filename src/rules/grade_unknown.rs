//! `grade-unknown` — ไม่รู้จักผลการประเมินที่ประกาศ (Unknown published grade)
//!
//! `published_grade` ต้องเป็นระดับที่ ITA ใช้ เช่น "ผ่าน", "AA", "A"
//!
//! `published_grade` must be one of the grades ITA uses ("ผ่าน", "AA", "A", …).
//!
//! ผิด (wrong):
//!
//! ```toml
//! published_grade = "ดีมาก"
//! ```
//!
//! ถูก (right):
//!
//! ```toml
//! published_grade = "A"
//! ```

use crate::diag::{Level, Rule};

pub const RULE: Rule = Rule {
    code: "grade-unknown",
    level: Level::Error,
    summary: "ไม่รู้จักผลการประเมินที่ประกาศ (Unknown published grade)",
};
