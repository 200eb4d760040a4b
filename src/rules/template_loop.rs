//! `template-loop` — เทมเพลตเรียกตัวเองวนซ้ำ (Templates include each other in a loop)
//!
//! `include` หรือ `extends` ที่วนกลับมาหาตัวเองทำให้โปรแกรมหยุดทำงาน จึงตรวจก่อนสร้าง
//!
//! An `include` or `extends` cycle would crash the renderer, so it is found before rendering.

use crate::diag::{Level, Rule};

pub const RULE: Rule = Rule {
    code: "template-loop",
    level: Level::Error,
    summary: "เทมเพลตเรียกตัวเองวนซ้ำ (Templates include each other in a loop)",
};
