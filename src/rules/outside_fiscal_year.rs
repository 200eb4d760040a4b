//! `outside-fiscal-year` — หน้า ITA อยู่นอกหมวดปีงบประมาณ (An ITA page outside a fiscal-year section)
//!
//! หน้าชนิด o-item, measure, analysis, plan, report และ memo ต้องอยู่ในโฟลเดอร์ที่ `_index.md`
//! มี `fiscal_year` มิฉะนั้นจะไม่ปรากฏในรายงานของปีใด
//!
//! o-item, measure, analysis, plan, report and memo pages must sit under a folder whose
//! `_index.md` has `fiscal_year`, or they belong to no year.
//!
//! ผิด (wrong):
//!
//! ```toml
//! # content/measures/01.md (no year folder)
//! ```
//!
//! ถูก (right):
//!
//! ```toml
//! # content/2564/measures/01.md, with fiscal_year = 2564 in content/2564/_index.md
//! ```

use crate::diag::{Level, Rule};

pub const RULE: Rule = Rule {
    code: "outside-fiscal-year",
    level: Level::Error,
    summary: "หน้า ITA อยู่นอกหมวดปีงบประมาณ (An ITA page outside a fiscal-year section)",
};
