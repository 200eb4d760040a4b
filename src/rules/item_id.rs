//! `item-id` — เลขข้อ O ไม่ถูกต้อง (Invalid O-item id)
//!
//! เลขข้อเขียนเป็น `"O43"` (รับ `o43` และ `O๔๓` ด้วย) หน้า o-item หนึ่งหน้าตอบได้ข้อเดียว
//!
//! An item id is written `"O43"` (`o43` and `O๔๓` are accepted); one o-item page answers one item.
//!
//! ผิด (wrong):
//!
//! ```toml
//! item = "43"
//! ```
//!
//! ถูก (right):
//!
//! ```toml
//! item = "O43"
//! ```

use crate::diag::{Level, Rule};

pub const RULE: Rule = Rule {
    code: "item-id",
    level: Level::Error,
    summary: "เลขข้อ O ไม่ถูกต้อง (Invalid O-item id)",
};
