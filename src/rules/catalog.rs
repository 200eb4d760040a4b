//! `catalog` — ไฟล์รายการ O-item ของพอร์ทัลไม่ถูกต้อง (A portal catalog file is invalid)
//!
//! ไฟล์ `catalogs/<ปี>.toml` ใช้แทนรายการในตัวโปรแกรม ต้องตรงตามรูปแบบเดียวกัน
//!
//! `catalogs/<year>.toml` replaces the built-in catalog and must follow the same schema.

use crate::diag::{Level, Rule};

pub const RULE: Rule = Rule {
    code: "catalog",
    level: Level::Error,
    summary: "ไฟล์รายการ O-item ของพอร์ทัลไม่ถูกต้อง (A portal catalog file is invalid)",
};
