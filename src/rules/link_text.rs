//! `link-text` — ข้อความลิงก์ไม่บอกว่าไปที่ใด (Link text that says nothing)
//!
//! "คลิกที่นี่", "ที่นี่", "ดาวน์โหลด", "click here" ไม่บอกว่าลิงก์ไปที่ใด ผู้ใช้โปรแกรมอ่านหน้าจอ
//! ที่ไล่ฟังรายการลิงก์จะไม่รู้ว่าลิงก์ใดคือเอกสารใด เครื่องมือตรวจอัตโนมัติไม่จับข้อนี้
//!
//! "คลิกที่นี่", "ที่นี่", "ดาวน์โหลด", "click here" say nothing about the target; a screen-reader
//! user listening to the list of links cannot tell the documents apart. Automated tools miss it.
//!
//! ผิด (wrong):
//!
//! ```markdown
//! ดูรายงาน [คลิกที่นี่](report.pdf)
//! ```
//!
//! ถูก (right):
//!
//! ```markdown
//! [รายงานผลรอบ ๖ เดือน (PDF, 245 KB)](report.pdf)
//! ```

use crate::diag::{Level, Rule};

pub const RULE: Rule = Rule {
    code: "link-text",
    level: Level::Warning,
    summary: "ข้อความลิงก์ไม่บอกว่าไปที่ใด (Link text that says nothing)",
};
