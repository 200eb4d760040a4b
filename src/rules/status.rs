//! `status` — สถานะมาตรการไม่รู้จัก (Unknown measure status)
//!
//! สถานะเป็น `done`, `in-progress`, `not-started`, `cancelled` หรือคำภาษาไทยที่รายงานใช้
//! (ดำเนินการแล้วเสร็จ, อยู่ระหว่างดำเนินการ, ยังไม่ดำเนินการ, ยกเลิก)
//!
//! A status is `done`, `in-progress`, `not-started`, `cancelled` or the Thai phrase reports use.
//!
//! ผิด (wrong):
//!
//! ```toml
//! status = "เสร็จแล้วครับ"
//! ```
//!
//! ถูก (right):
//!
//! ```toml
//! status = "ดำเนินการแล้วเสร็จ"
//! ```

use crate::diag::{Level, Rule};

pub const RULE: Rule = Rule {
    code: "status",
    level: Level::Error,
    summary: "สถานะมาตรการไม่รู้จัก (Unknown measure status)",
};
