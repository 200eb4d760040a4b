//! `missing-key` — ขาดค่าที่จำเป็น (A required key is missing)
//!
//! หน้าแต่ละชนิดมีค่าที่ต้องมี เช่น `item` ของหน้า o-item หรือ `number` ของมาตรการ
//! ถ้าไม่มี หน้าจะไม่ปรากฏในรายการของปีงบประมาณ
//!
//! Each kind has keys it cannot do without (`item` of an o-item page, `number` of a measure);
//! without them the page cannot be placed in the year.
//!
//! ผิด (wrong):
//!
//! ```toml
//! kind = "o-item"
//! title = "รายงานผล"
//! ```
//!
//! ถูก (right):
//!
//! ```toml
//! kind = "o-item"
//! item = "O43"
//! title = "รายงานผล"
//! ```

use crate::diag::{Level, Rule};

pub const RULE: Rule = Rule {
    code: "missing-key",
    level: Level::Error,
    summary: "ขาดค่าที่จำเป็น (A required key is missing)",
};
