//! `template` — เทมเพลตผิดพลาด (Template error)
//!
//! เทมเพลต Tera อ่านไม่ได้หรือสร้างหน้าไม่ได้ ข้อความบอกไฟล์เทมเพลตและหน้าที่กำลังสร้าง
//!
//! A Tera template failed to parse or render; the message names the template and the page.

use crate::diag::{Level, Rule};

pub const RULE: Rule = Rule {
    code: "template",
    level: Level::Error,
    summary: "เทมเพลตผิดพลาด (Template error)",
};
