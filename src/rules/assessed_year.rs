//! `assessed-year` — ปีที่ประเมินต้องเป็นปี พ.ศ. (The assessed year is a BE year)
//!
//! `assessed_year` ของรายงานวิเคราะห์ผลเป็นปี พ.ศ. เช่น 2563
//!
//! `assessed_year` of an analysis is a BE year such as 2563.
//!
//! ผิด (wrong):
//!
//! ```toml
//! assessed_year = 2020
//! ```
//!
//! ถูก (right):
//!
//! ```toml
//! assessed_year = 2563
//! ```

use crate::diag::{Level, Rule};

pub const RULE: Rule = Rule {
    code: "assessed-year",
    level: Level::Error,
    summary: "ปีที่ประเมินต้องเป็นปี พ.ศ. (The assessed year is a BE year)",
};
