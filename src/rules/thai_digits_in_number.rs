//! `thai-digits-in-number` — ตัวเลขไทยใช้เป็นตัวเลขใน TOML ไม่ได้ (Thai digits cannot be a TOML number)
//!
//! TOML รู้จักเฉพาะเลขอารบิก `score = ๙๒.๖๙` จึงอ่านไม่ได้ ใส่เครื่องหมายคำพูดครอบ
//! แล้ว prongsai จะแปลงตัวเลขไทยให้
//!
//! TOML only knows ASCII digits. Quote the value and prongsai reads the Thai digits.
//!
//! ผิด (wrong):
//!
//! ```toml
//! score = ๙๒.๖๙
//! ```
//!
//! ถูก (right):
//!
//! ```toml
//! score = "๙๒.๖๙"
//! ```

use crate::diag::{Level, Rule};

pub const RULE: Rule = Rule {
    code: "thai-digits-in-number",
    level: Level::Error,
    summary: "ตัวเลขไทยใช้เป็นตัวเลขใน TOML ไม่ได้ (Thai digits cannot be a TOML number)",
};
