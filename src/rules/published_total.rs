//! `published-total` — คะแนนรวมที่ประกาศไม่ตรงกับที่คำนวณ (The published total disagrees with the computation)
//!
//! คะแนนรวมคำนวณจากคะแนนตัวชี้วัดทั้งสิบตามน้ำหนักของ ITA ถ้าไม่ตรงกับที่ประกาศ
//! มักพิมพ์คะแนนตัวชี้วัดผิด
//!
//! The total is computed from the ten indicator scores with the ITA weights; a mismatch with the
//! published figure usually means a mistyped indicator score.

use crate::diag::{Level, Rule};

pub const RULE: Rule = Rule {
    code: "published-total",
    level: Level::Warning,
    summary: "คะแนนรวมที่ประกาศไม่ตรงกับที่คำนวณ (The published total disagrees with the computation)",
};
