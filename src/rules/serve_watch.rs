//! `serve-watch` — เฝ้าดูไฟล์ไม่ได้ (serve cannot watch files)
//!
//! ระบบจำกัดจำนวนไฟล์ที่เฝ้าดูได้ หรือเป็นดิสก์เครือข่าย ใช้ `--poll`
//!
//! The system's watch limit is reached or the disk is a network share; use `--poll`.

use crate::diag::{Level, Rule};

pub const RULE: Rule = Rule {
    code: "serve-watch",
    level: Level::Error,
    summary: "เฝ้าดูไฟล์ไม่ได้ (serve cannot watch files)",
};
