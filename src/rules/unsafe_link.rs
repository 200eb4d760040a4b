//! `unsafe-link` — ลิงก์อันตรายถูกตัดออก (An unsafe link was removed)
//!
//! ลิงก์ `javascript:`, `data:`, `vbscript:` และ `file:` ไม่ถูกเผยแพร่ (เปลี่ยนเป็น `#`)
//!
//! `javascript:`, `data:`, `vbscript:` and `file:` links are never published (they become `#`).
//!
//! ผิด (wrong):
//!
//! ```markdown
//! [คลิก](javascript:alert(1))
//! ```
//!
//! ถูก (right):
//!
//! ```markdown
//! [แบบฟอร์ม](https://www.example.go.th/form)
//! ```

use crate::diag::{Level, Rule};

pub const RULE: Rule = Rule {
    code: "unsafe-link",
    level: Level::Warning,
    summary: "ลิงก์อันตรายถูกตัดออก (An unsafe link was removed)",
};
