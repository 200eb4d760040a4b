//! `period-outside-fiscal-year` — ช่วงเวลาของมาตรการอยู่นอกปีงบประมาณ (A measure's dates lie outside its fiscal year)
//!
//! ปีงบประมาณ พ.ศ. N เริ่ม 1 ต.ค. N−1 ถึง 30 ก.ย. N มาตรการที่ `start` หรือ `end` อยู่นอกช่วงนี้
//! มักพิมพ์ปีผิด ผู้ประเมินจะเห็นว่ามาตรการไม่ได้ทำในปีที่ประเมิน
//!
//! Fiscal year N (BE) runs 1 Oct N−1 to 30 Sep N. A measure whose `start` or `end` falls
//! outside it usually has a mistyped year, and assessors read it as not done in the year.
//!
//! ผิด (wrong):
//!
//! ```toml
//! # in content/2564/measures/01.md
//! start = 2565-10-01
//! ```
//!
//! ถูก (right):
//!
//! ```toml
//! start = 2563-10-01
//! ```

use crate::diag::{Level, Rule};

pub const RULE: Rule = Rule {
    code: "period-outside-fiscal-year",
    level: Level::Warning,
    summary: "ช่วงเวลาของมาตรการอยู่นอกปีงบประมาณ (A measure's dates lie outside its fiscal year)",
};
