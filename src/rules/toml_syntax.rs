//! `toml-syntax` — ส่วนหัวเขียนผิดรูปแบบ TOML (The front matter is not valid TOML)
//!
//! เครื่องหมายคำพูดไม่ครบ ชื่อซ้ำ หรือวงเล็บไม่ปิด ทำให้อ่านส่วนหัวไม่ได้ ข้อความชี้บรรทัดและคอลัมน์ในไฟล์
//! (นับบรรทัดของทั้งไฟล์ ไม่ใช่ของส่วนหัว)
//!
//! A missing quote, a key given twice or an unclosed bracket. The position is the line and column
//! in the file (not in the front matter).
//!
//! ผิด (wrong):
//!
//! ```toml
//! title = "แผนปฏิบัติการ
//! title = "ซ้ำ"
//! ```
//!
//! ถูก (right):
//!
//! ```toml
//! title = "แผนปฏิบัติการ"
//! ```

use crate::diag::{Level, Rule};

pub const RULE: Rule = Rule {
    code: "toml-syntax",
    level: Level::Error,
    summary: "ส่วนหัวเขียนผิดรูปแบบ TOML (The front matter is not valid TOML)",
};
