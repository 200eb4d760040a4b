//! `date-order` — วันสิ้นสุดอยู่ก่อนวันเริ่มต้น (The end date is before the start date)
//!
//! มักเกิดจากปีหนึ่งเป็น พ.ศ. อีกปีเป็น ค.ศ. หรือพิมพ์ปีผิด
//!
//! Usually one year is BE and the other CE, or a typo in the year.
//!
//! ผิด (wrong):
//!
//! ```toml
//! start = 2564-10-01
//! end = 2564-03-31
//! ```
//!
//! ถูก (right):
//!
//! ```toml
//! start = 2563-10-01
//! end = 2564-03-31
//! ```

use crate::diag::{Level, Rule};

pub const RULE: Rule = Rule {
    code: "date-order",
    level: Level::Error,
    summary: "วันสิ้นสุดอยู่ก่อนวันเริ่มต้น (The end date is before the start date)",
};
