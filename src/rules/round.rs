//! `round` — รอบรายงานต้องเป็น 1 หรือ 2 (A report round is 1 or 2)
//!
//! รอบ 1 = รอบ ๖ เดือน (ต.ค.–มี.ค.), รอบ 2 = ประจำปี
//!
//! Round 1 is the six-month report (October–March), round 2 the full year.
//!
//! ผิด (wrong):
//!
//! ```toml
//! round = 3
//! ```
//!
//! ถูก (right):
//!
//! ```toml
//! round = 2
//! ```

use crate::diag::{Level, Rule};

pub const RULE: Rule = Rule {
    code: "round",
    level: Level::Error,
    summary: "รอบรายงานต้องเป็น 1 หรือ 2 (A report round is 1 or 2)",
};
