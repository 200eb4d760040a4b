//! `serve-bind` — เปิดพอร์ตของ serve ไม่ได้ (serve cannot listen)
//!
//! พอร์ตถูกใช้อยู่หรือไม่มีสิทธิ์ ใช้ `--port` เลือกพอร์ตอื่น
//!
//! The port is taken or not allowed; choose another with `--port`.

use crate::diag::{Level, Rule};

pub const RULE: Rule = Rule {
    code: "serve-bind",
    level: Level::Error,
    summary: "เปิดพอร์ตของ serve ไม่ได้ (serve cannot listen)",
};
