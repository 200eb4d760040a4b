//! `output-refused` — ไม่เขียนทับโฟลเดอร์นี้ (The output folder is refused)
//!
//! โฟลเดอร์ผลลัพธ์ต้องไม่ใช่โฟลเดอร์พอร์ทัล, `content/`, โฟลเดอร์บ้าน หรือ `/` และโฟลเดอร์ที่มีไฟล์อื่น
//! ต้องใช้ `--force` เพื่อป้องกันการลบงานโดยไม่ตั้งใจ
//!
//! The output folder may not be the portal, `content/`, the home folder or `/`; a non-empty
//! folder prongsai did not write needs `--force`, so nothing is deleted by mistake.

use crate::diag::{Level, Rule};

pub const RULE: Rule = Rule {
    code: "output-refused",
    level: Level::Error,
    summary: "ไม่เขียนทับโฟลเดอร์นี้ (The output folder is refused)",
};
