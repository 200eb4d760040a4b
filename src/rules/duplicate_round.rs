//! `duplicate-round` — ผลรอบเดียวกันใส่ไว้สองครั้ง (A measure gives the same round twice)
//!
//! มาตรการหนึ่งมีผลได้รอบละหนึ่งรายการ
//!
//! A measure has one result per round.
//!
//! ผิด (wrong):
//!
//! ```toml
//! [[progress]]
//! round = 1
//! status = "done"
//! [[progress]]
//! round = 1
//! status = "done"
//! ```
//!
//! ถูก (right):
//!
//! ```toml
//! [[progress]]
//! round = 1
//! status = "done"
//! [[progress]]
//! round = 2
//! status = "done"
//! ```

use crate::diag::{Level, Rule};

pub const RULE: Rule = Rule {
    code: "duplicate-round",
    level: Level::Error,
    summary: "ผลรอบเดียวกันใส่ไว้สองครั้ง (A measure gives the same round twice)",
};
