//! `broken-anchor` — ลิงก์ไปหัวข้อที่ไม่มีในหน้า (A link to a heading that does not exist)
//!
//! ส่วน `#...` ของลิงก์ต้องตรงกับหัวข้อในหน้าปลายทาง หัวข้อภาษาไทยเก็บสระและวรรณยุกต์ครบ
//! ช่องว่างเป็น `-`
//!
//! The `#…` part must match a heading of the target page; Thai headings keep every vowel and tone
//! mark, spaces become `-`.
//!
//! ผิด (wrong):
//!
//! ```markdown
//! [ผล](../report-h1/#ผลการดำเนนงาน)
//! ```
//!
//! ถูก (right):
//!
//! ```markdown
//! [ผล](../report-h1/#ผลการดำเนินงาน)
//! ```

use crate::diag::{Level, Rule};

pub const RULE: Rule = Rule {
    code: "broken-anchor",
    level: Level::Warning,
    summary: "ลิงก์ไปหัวข้อที่ไม่มีในหน้า (A link to a heading that does not exist)",
};
