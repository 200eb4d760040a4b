//! `date-implausible` — ปีของวันที่ดูผิดปกติ (A date whose year looks like a BE/CE mix-up)
//!
//! ปีที่ได้หลังแปลงเป็น ค.ศ. อยู่ก่อน ค.ศ. 1990 หรือหลัง ค.ศ. 2100 มักเกิดจากลบ 543 สองครั้ง
//! หรือพิมพ์ปีผิดหลัก เอกสาร ITA ทุกฉบับอยู่ในช่วงนี้
//!
//! A year that, once converted to CE, falls before 1990 or after 2100 is almost always a BE/CE
//! mix-up (543 subtracted twice) or a typo; every ITA document lies in that range.
//!
//! ผิด (wrong):
//!
//! ```toml
//! date = 1478-04-26
//! ```
//!
//! ถูก (right):
//!
//! ```toml
//! date = 2564-04-26
//! ```

use crate::diag::{Level, Rule};

pub const RULE: Rule = Rule {
    code: "date-implausible",
    level: Level::Warning,
    summary: "ปีของวันที่ดูผิดปกติ (A date whose year looks like a BE/CE mix-up)",
};
