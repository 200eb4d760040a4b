//! `catalog-name` — ชื่อไฟล์รายการไม่ตรงกับปีที่ประกาศ (A catalog file named after another year)
//!
//! `catalogs/2568.toml` ควรประกาศปี 2568 ชื่อที่ไม่ตรงทำให้สับสนว่าใช้รายการปีใด
//!
//! `catalogs/2568.toml` should declare framework 2568; a mismatch hides which list is in force.

use crate::diag::{Level, Rule};

pub const RULE: Rule = Rule {
    code: "catalog-name",
    level: Level::Warning,
    summary: "ชื่อไฟล์รายการไม่ตรงกับปีที่ประกาศ (A catalog file named after another year)",
};
