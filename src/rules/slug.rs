//! `slug` — slug ไม่ถูกต้อง (Invalid slug)
//!
//! `slug` คือชื่อหน้าใน URL เป็นชื่อเดียว ห้ามมี `/` ห้ามว่าง และยาวไม่เกิน 255 ไบต์
//! (อักษรไทยตัวละ 3 ไบต์ จึงได้ราว 85 ตัว) เพราะเป็นชื่อโฟลเดอร์ของหน้าในผลลัพธ์
//!
//! A slug is one URL path segment: not empty, no `/`, at most 255 bytes of UTF-8 (about 85
//! Thai letters), since it names the page's folder in the output and file systems allow no
//! longer names.
//!
//! ผิด (wrong):
//!
//! ```toml
//! slug = "2564/plan"
//! ```
//!
//! ถูก (right):
//!
//! ```toml
//! slug = "plan"
//! ```

use crate::diag::{Level, Rule};

pub const RULE: Rule = Rule {
    code: "slug",
    level: Level::Error,
    summary: "slug ไม่ถูกต้อง (Invalid slug)",
};
