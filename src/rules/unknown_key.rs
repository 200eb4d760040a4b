//! `unknown-key` — ไม่รู้จักชื่อในส่วนหัว (Unknown key in the front matter or config)
//!
//! ชื่อที่สะกดผิดจะไม่ถูกอ่าน ค่าที่ตั้งใจใส่จึงหายไปเงียบ ๆ เช่นคะแนนหรือเลขข้อ O
//! ข้อความเสนอชื่อที่ใกล้ที่สุด ("did you mean")
//!
//! A misspelt key is never read, so the value silently disappears (a score, an item id). The
//! message suggests the closest accepted key.
//!
//! ผิด (wrong):
//!
//! ```toml
//! titel = "แผนปฏิบัติการ"
//! ```
//!
//! ถูก (right):
//!
//! ```toml
//! title = "แผนปฏิบัติการ"
//! ```

use crate::diag::{Level, Rule};

pub const RULE: Rule = Rule {
    code: "unknown-key",
    level: Level::Error,
    summary: "ไม่รู้จักชื่อในส่วนหัว (Unknown key in the front matter or config)",
};
