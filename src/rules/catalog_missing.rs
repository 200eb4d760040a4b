//! `catalog-missing` — ไม่มีรายการ O-item ของกรอบปีนี้ (No O-item catalog for the framework)
//!
//! ถ้าไม่มีรายการ O-item ของปี ตรวจเลขข้อ O ไม่ได้ และหน้ารายการ OIT จะว่าง
//! เพิ่มไฟล์ `catalogs/<ปี>.toml` หรือกำหนด `framework` เป็นปีที่มี
//! (ปีที่ใหม่กว่ารายการล่าสุดใช้รายการล่าสุดไปพลางก่อน ดู `catalog-provisional`)
//!
//! Without the year's catalog, item ids cannot be checked and the OIT page is empty. Add
//! `catalogs/<year>.toml` or set `framework` to a year that has one. (A year newer than the
//! newest catalog uses that catalog provisionally instead: `catalog-provisional`.)
//!
//! ผิด (wrong):
//!
//! ```toml
//! fiscal_year = 2550
//! ```
//!
//! ถูก (right):
//!
//! ```toml
//! fiscal_year = 2550
//! framework = 2563
//! ```

use crate::diag::{Level, Rule};

pub const RULE: Rule = Rule {
    code: "catalog-missing",
    level: Level::Warning,
    summary: "ไม่มีรายการ O-item ของกรอบปีนี้ (No O-item catalog for the framework)",
};
