//! `slug` — slug ไม่ถูกต้อง (Invalid slug)
//!
//! `slug` คือชื่อหน้าใน URL เป็นชื่อเดียว ห้ามมี `/` ห้ามว่าง
//!
//! A slug is one URL path segment: not empty, no `/`.
//!
//! ผิด (wrong):
//!
//! ```toml
//! slug = "2564/plan"
//! ```
//!
//! ถูก (right):
//!
//! ```toml
//! slug = "plan"
//! ```

use crate::check::Rule;
use crate::diag::Level;

pub const RULE: Rule = Rule {
    code: "slug",
    level: Level::Error,
    summary: "slug ไม่ถูกต้อง (Invalid slug)",
};
