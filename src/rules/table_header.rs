//! `table-header` — ตารางไม่มีหัวตาราง (A table without header cells)
//!
//! โปรแกรมอ่านหน้าจออ่านตารางที่ไม่มีหัวตาราง (`<th>`) ไม่รู้ว่าแต่ละช่องคืออะไร
//! ตารางคะแนนและตารางมาตรการต้องมีแถวหัวที่มีข้อความ
//!
//! Screen readers cannot tell what a cell means in a table without header cells (`<th>`);
//! score and measure tables need a header row with text.
//!
//! ผิด (wrong):
//!
//! ```markdown
//! |   |   |
//! |---|---|
//! | ตัวชี้วัด 1 | 87.89 |
//! ```
//!
//! ถูก (right):
//!
//! ```markdown
//! | ตัวชี้วัด | คะแนน |
//! |---|---|
//! | ตัวชี้วัด 1 | 87.89 |
//! ```

use crate::diag::{Level, Rule};

pub const RULE: Rule = Rule {
    code: "table-header",
    level: Level::Warning,
    summary: "ตารางไม่มีหัวตาราง (A table without header cells)",
};
