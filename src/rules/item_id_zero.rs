//! `item-id-zero` — เลขข้อขึ้นต้นด้วยเลขศูนย์แทนตัว O (An item id starting with the digit 0)
//!
//! `"043"` อ่านได้เป็น O43 แต่เกือบทุกครั้งเป็นการพิมพ์เลขศูนย์แทนตัวอักษร O
//!
//! `"043"` is read as O43, but it is nearly always the digit zero typed for the letter O.
//!
//! ผิด (wrong):
//!
//! ```toml
//! item = "043"
//! ```
//!
//! ถูก (right):
//!
//! ```toml
//! item = "O43"
//! ```

use crate::diag::{Level, Rule};

pub const RULE: Rule = Rule {
    code: "item-id-zero",
    level: Level::Warning,
    summary: "เลขข้อขึ้นต้นด้วยเลขศูนย์แทนตัว O (An item id starting with the digit 0)",
};
