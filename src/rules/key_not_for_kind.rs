//! `key-not-for-kind` — ชื่อนี้ใช้กับหน้าชนิดนี้ไม่ได้ (A key that belongs to another kind)
//!
//! เช่น `item` ในหน้ามาตรการ หรือ `fiscal_year` ในหน้าที่ไม่ใช่ `_index.md` ค่านั้นจะไม่มีผล
//!
//! For example `item` on a measure, or `fiscal_year` outside a section `_index.md`; the value
//! would have no effect.
//!
//! ผิด (wrong):
//!
//! ```toml
//! kind = "measure"
//! number = 1
//! item = "O43"
//! ```
//!
//! ถูก (right):
//!
//! ```toml
//! kind = "measure"
//! number = 1
//! items = ["O43"]
//! ```

use crate::diag::{Level, Rule};

pub const RULE: Rule = Rule {
    code: "key-not-for-kind",
    level: Level::Error,
    summary: "ชื่อนี้ใช้กับหน้าชนิดนี้ไม่ได้ (A key that belongs to another kind)",
};
