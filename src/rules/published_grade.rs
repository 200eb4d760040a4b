//! `published-grade` — ผลการประเมินที่ประกาศไม่ตรงกับคะแนน (The published grade disagrees with the score)
//!
//! ระดับผล (เช่น ผ่าน / A) ต้องสอดคล้องกับคะแนนรวมตามเกณฑ์ของปีที่ประเมิน
//!
//! The grade (pass, A, …) must agree with the total under the assessed year's thresholds.

use crate::diag::{Level, Rule};

pub const RULE: Rule = Rule {
    code: "published-grade",
    level: Level::Warning,
    summary: "ผลการประเมินที่ประกาศไม่ตรงกับคะแนน (The published grade disagrees with the score)",
};
