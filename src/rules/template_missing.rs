//! `template-missing` — ไม่พบเทมเพลต (Template not found)
//!
//! `template = "..."` ต้องชี้ไปที่ไฟล์ใน `templates/` ของพอร์ทัลหรือของธีม
//!
//! `template = "…"` must name a file in the portal's or the theme's `templates/`.

use crate::diag::{Level, Rule};

pub const RULE: Rule = Rule {
    code: "template-missing",
    level: Level::Error,
    summary: "ไม่พบเทมเพลต (Template not found)",
};
