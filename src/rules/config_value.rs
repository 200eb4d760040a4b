//! `config-value` — ค่าตั้งค่าไม่ถูกต้อง (Invalid configuration value)
//!
//! เช่นภาษาที่ไม่รองรับ หรือ `base_url` ที่ไม่ขึ้นต้นด้วย http:// หรือ https://
//!
//! An unsupported language, or a `base_url` that does not start with http:// or https://.
//!
//! ผิด (wrong):
//!
//! ```toml
//! base_url = "www.example.go.th"
//! ```
//!
//! ถูก (right):
//!
//! ```toml
//! base_url = "https://www.example.go.th/ita/"
//! ```

use crate::diag::{Level, Rule};

pub const RULE: Rule = Rule {
    code: "config-value",
    level: Level::Error,
    summary: "ค่าตั้งค่าไม่ถูกต้อง (Invalid configuration value)",
};
