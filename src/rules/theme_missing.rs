//! `theme-missing` — ไม่พบธีม (Theme not found)
//!
//! `theme` ใน prongsai.toml ต้องเป็นธีมในตัว (`default`) หรือโฟลเดอร์ใน `themes/`
//!
//! `theme` is a built-in theme (`default`) or a folder under `themes/`.

use crate::diag::{Level, Rule};

pub const RULE: Rule = Rule {
    code: "theme-missing",
    level: Level::Error,
    summary: "ไม่พบธีม (Theme not found)",
};
