//! `fiscal-year-twice` — ปีงบประมาณเดียวประกาศไว้สองหมวด (Two sections declare the same fiscal year)
//!
//! หน้าของปีนั้นจะถูกแบ่งไปสองที่และรายงานไม่ครบ
//!
//! The year's pages would be split between two places and its reports would be incomplete.
//!
//! ผิด (wrong):
//!
//! ```toml
//! # content/2564/_index.md and content/ita-2564/_index.md both say
//! fiscal_year = 2564
//! ```
//!
//! ถูก (right):
//!
//! ```toml
//! # keep one section per fiscal year
//! ```

use crate::diag::{Level, Rule};

pub const RULE: Rule = Rule {
    code: "fiscal-year-twice",
    level: Level::Error,
    summary: "ปีงบประมาณเดียวประกาศไว้สองหมวด (Two sections declare the same fiscal year)",
};
