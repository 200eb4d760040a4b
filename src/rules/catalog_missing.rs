//! `catalog-missing` — ไม่มีรายการ O-item ของกรอบปีนี้ (No O-item catalog for the framework)
//!
//! ถ้าไม่มีรายการ O-item ของปี ตรวจเลขข้อ O ไม่ได้ และหน้ารายการ OIT จะว่าง
//! เพิ่มไฟล์ `catalogs/<ปี>.toml` หรือกำหนด `framework` เป็นปีที่มี
//!
//! Without the year's catalog, item ids cannot be checked and the OIT page is empty. Add
//! `catalogs/<year>.toml` or set `framework` to a year that has one.
//!
//! ผิด (wrong):
//!
//! ```toml
//! fiscal_year = 2570
//! ```
//!
//! ถูก (right):
//!
//! ```toml
//! fiscal_year = 2570
//! framework = 2568
//! ```

use crate::diag::{Level, Rule};

pub const RULE: Rule = Rule {
    code: "catalog-missing",
    level: Level::Warning,
    summary: "ไม่มีรายการ O-item ของกรอบปีนี้ (No O-item catalog for the framework)",
};
