//! `indicator-mismatch` — คะแนนตัวชี้วัด 9–10 ไม่ตรงกับข้อ O ที่ไม่ผ่าน (Indicators 9–10 disagree with `oit_failed`)
//!
//! คะแนนตัวชี้วัดที่ 9 และ 10 คำนวณได้จากรายการข้อ O ที่ไม่ผ่าน (`oit_failed`)
//!
//! Indicators 9 and 10 can be computed from the failed O-items (`oit_failed`); the given scores
//! should agree.

use crate::diag::{Level, Rule};

pub const RULE: Rule = Rule {
    code: "indicator-mismatch",
    level: Level::Warning,
    summary: "คะแนนตัวชี้วัด 9–10 ไม่ตรงกับข้อ O ที่ไม่ผ่าน (Indicators 9–10 disagree with `oit_failed`)",
};
