//! `unknown-kind` — ไม่รู้จักชนิดหน้า (Unknown page kind)
//!
//! `kind` ต้องเป็น page, o-item, measure, analysis, plan, report หรือ memo
//! ชนิดที่สะกดผิดทำให้หน้าไม่ถูกนับเป็นส่วนของ ITA
//!
//! `kind` is one of page, o-item, measure, analysis, plan, report, memo; a misspelt kind would
//! take the page out of the ITA model.
//!
//! ผิด (wrong):
//!
//! ```toml
//! kind = "mesure"
//! ```
//!
//! ถูก (right):
//!
//! ```toml
//! kind = "measure"
//! ```

use crate::diag::{Level, Rule};

pub const RULE: Rule = Rule {
    code: "unknown-kind",
    level: Level::Error,
    summary: "ไม่รู้จักชนิดหน้า (Unknown page kind)",
};
