//! `wrong-type` — ชนิดข้อมูลไม่ถูกต้อง (A value has the wrong type)
//!
//! เช่นใส่ตัวเลขในที่ที่ต้องเป็นข้อความ หรือใส่ข้อความในที่ที่ต้องเป็นรายการ
//!
//! A number where text is expected, text where a list is expected, and so on.
//!
//! ผิด (wrong):
//!
//! ```toml
//! title = 2564
//! ```
//!
//! ถูก (right):
//!
//! ```toml
//! title = "2564"
//! ```

use crate::diag::{Level, Rule};

pub const RULE: Rule = Rule {
    code: "wrong-type",
    level: Level::Error,
    summary: "ชนิดข้อมูลไม่ถูกต้อง (A value has the wrong type)",
};
