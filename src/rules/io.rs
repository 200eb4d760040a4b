//! `io` — อ่านหรือเขียนไฟล์ไม่ได้ (A file cannot be read or written)
//!
//! สิทธิ์ไม่พอ ดิสก์เต็ม หรือลิงก์สัญลักษณ์วนซ้ำ ข้อความบอกชื่อไฟล์
//!
//! Permissions, a full disk or a symlink loop; the message names the file.

use crate::diag::{Level, Rule};

pub const RULE: Rule = Rule {
    code: "io",
    level: Level::Error,
    summary: "อ่านหรือเขียนไฟล์ไม่ได้ (A file cannot be read or written)",
};
