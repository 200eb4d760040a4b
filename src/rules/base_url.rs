//! `base-url` — --base-url ไม่ถูกต้อง (Invalid --base-url)
//!
//! ค่า `--base-url` ต้องขึ้นต้นด้วย http:// หรือ https://
//!
//! `--base-url` must start with http:// or https://.

use crate::diag::{Level, Rule};

pub const RULE: Rule = Rule {
    code: "base-url",
    level: Level::Error,
    summary: "--base-url ไม่ถูกต้อง (Invalid --base-url)",
};
