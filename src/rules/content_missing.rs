//! `content-missing` — ไม่พบโฟลเดอร์ content/ (No content/ folder)
//!
//! พอร์ทัลต้องมีโฟลเดอร์ `content/` ที่มี `_index.md` สร้างได้ด้วย `prongsai init`
//!
//! A portal needs a `content/` folder with `_index.md`; `prongsai init` creates one.

use crate::diag::{Level, Rule};

pub const RULE: Rule = Rule {
    code: "content-missing",
    level: Level::Error,
    summary: "ไม่พบโฟลเดอร์ content/ (No content/ folder)",
};
