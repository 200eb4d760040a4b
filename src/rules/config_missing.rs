//! `config-missing` — ไม่พบ prongsai.toml (No prongsai.toml)
//!
//! โฟลเดอร์ที่สั่งงานต้องมีไฟล์ตั้งค่า `prongsai.toml` ใช้ `--root` เพื่อชี้ไปที่พอร์ทัล
//!
//! The folder must contain `prongsai.toml`; use `--root` to point at the portal.

use crate::diag::{Level, Rule};

pub const RULE: Rule = Rule {
    code: "config-missing",
    level: Level::Error,
    summary: "ไม่พบ prongsai.toml (No prongsai.toml)",
};
