//! `symlink-broken` — ลิงก์สัญลักษณ์เสียหรือวนซ้ำ (A symlink is dangling or a loop)
//!
//! ลิงก์สัญลักษณ์ที่ชี้ไปที่ไฟล์ที่ไม่มีอยู่ หรือวนกลับมาที่เดิม (ลิงก์ชี้หากัน หรือลิงก์โฟลเดอร์ที่ชี้ไปที่โฟลเดอร์ที่มีตัวลิงก์อยู่)
//! เป็นข้อผิดพลาด prongsai หยุดตามลิงก์ทันที ไม่ค้าง และบอกชื่อไฟล์กับปลายทางของลิงก์
//!
//! A symbolic link to a file that does not exist, or one that leads round in a circle (links
//! pointing at each other, or a folder link to a folder that holds the link), is an error.
//! prongsai stops following it at once, never hangs, and names the link and where it points.
//!
//! ผิด (wrong):
//!
//! ```text
//! content/loop -> ..
//! static/logo.svg -> ../images/logo.svg   # images/logo.svg was deleted
//! ```
//!
//! ถูก (right):
//!
//! ```text
//! static/logo.svg -> ../content/images/logo.svg
//! ```

use crate::diag::{Level, Rule};

pub const RULE: Rule = Rule {
    code: "symlink-broken",
    level: Level::Error,
    summary: "ลิงก์สัญลักษณ์เสียหรือวนซ้ำ (A symlink is dangling or a loop)",
};
