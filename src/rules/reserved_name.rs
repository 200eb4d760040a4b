//! `reserved-name` — ชื่อไฟล์หรือ slug ใช้บน Windows ไม่ได้ (A file name or slug Windows cannot store)
//!
//! ชื่ออย่าง `CON`, `aux`, `nul`, `com1` หรือชื่อที่มี `: * ? " < > |` หรือลงท้ายด้วยจุดหรือช่องว่าง
//! คัดลอกไปเซิร์ฟเวอร์ Windows/IIS ไม่ได้ หน้านั้นจะหายไปเมื่อเผยแพร่
//!
//! Names such as `CON`, `aux`, `nul`, `com1`, names with `: * ? " < > |` or ending in a dot or a
//! space cannot be copied to a Windows/IIS server; the page would be lost on deploy.
//!
//! ผิด (wrong):
//!
//! ```toml
//! slug = "con"
//! ```
//!
//! ถูก (right):
//!
//! ```toml
//! slug = "contact"
//! ```

use crate::diag::{Level, Rule};

pub const RULE: Rule = Rule {
    code: "reserved-name",
    level: Level::Error,
    summary: "ชื่อไฟล์หรือ slug ใช้บน Windows ไม่ได้ (A file name or slug Windows cannot store)",
};
