//! `date` — วันที่อ่านไม่ได้หรือไม่มีอยู่จริง (A date that cannot be read or does not exist)
//!
//! วันที่เขียนได้เป็นวันที่ TOML (`2564-04-26`) หรือข้อความ (`"๒๖ เมษายน ๒๕๖๔"`, `"26/4/64"`)
//! ปีที่มากกว่า 2400 เป็นปี พ.ศ. วันที่ที่ไม่มีจริง (เช่น 31 เม.ย.) เป็นข้อผิดพลาด
//!
//! Dates are TOML dates (`2564-04-26`) or text (`"๒๖ เมษายน ๒๕๖๔"`, `"26/4/64"`); years above
//! 2400 are BE. A day that does not exist (31 April) is an error.
//!
//! ผิด (wrong):
//!
//! ```toml
//! date = "31 เมษายน 2564"
//! ```
//!
//! ถูก (right):
//!
//! ```toml
//! date = "30 เมษายน 2564"
//! ```

use crate::diag::{Level, Rule};

pub const RULE: Rule = Rule {
    code: "date",
    level: Level::Error,
    summary: "วันที่อ่านไม่ได้หรือไม่มีอยู่จริง (A date that cannot be read or does not exist)",
};
