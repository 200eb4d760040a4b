//! `duplicate-item` — ข้อ O เดียวกันมีสองหน้าในปีเดียวกัน (Two pages answer the same O-item)
//!
//! ข้อความบอกทั้งสองไฟล์ ผู้ประเมินจะเห็นเพียงหน้าเดียว
//!
//! Both files are named; assessors would only ever see one of them.
//!
//! ผิด (wrong):
//!
//! ```toml
//! # content/2564/oit/o43.md and content/2564/oit/o43-report.md
//! item = "O43"
//! ```
//!
//! ถูก (right):
//!
//! ```toml
//! # one page per item; link other documents from it
//! ```

use crate::diag::{Level, Rule};

pub const RULE: Rule = Rule {
    code: "duplicate-item",
    level: Level::Error,
    summary: "ข้อ O เดียวกันมีสองหน้าในปีเดียวกัน (Two pages answer the same O-item)",
};
