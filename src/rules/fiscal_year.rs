//! `fiscal-year` — ปีงบประมาณไม่ถูกต้อง (Invalid fiscal year)
//!
//! `fiscal_year` ต้องเป็นปี พ.ศ. เช่น 2564 ปี ค.ศ. (2021) จะได้รับคำแนะนำให้บวก 543
//!
//! `fiscal_year` is a BE year such as 2564; a CE year (2021) gets a hint to add 543.
//!
//! ผิด (wrong):
//!
//! ```toml
//! fiscal_year = 2021
//! ```
//!
//! ถูก (right):
//!
//! ```toml
//! fiscal_year = 2564
//! ```

use crate::diag::{Level, Rule};

pub const RULE: Rule = Rule {
    code: "fiscal-year",
    level: Level::Error,
    summary: "ปีงบประมาณไม่ถูกต้อง (Invalid fiscal year)",
};
