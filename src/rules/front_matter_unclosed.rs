//! `front-matter-unclosed` — ส่วนหัว `+++` ไม่มีบรรทัดปิด (The `+++` front matter is never closed)
//!
//! ส่วนหัว (front matter) เริ่มด้วยบรรทัด `+++` และต้องปิดด้วยบรรทัด `+++` อีกบรรทัด
//! ถ้าไม่ปิด เนื้อหาทั้งไฟล์จะถูกอ่านเป็นส่วนหัว
//!
//! The front matter starts with a `+++` line and must end with another; without it the whole
//! file would be read as TOML.
//!
//! ผิด (wrong):
//!
//! ```markdown
//! +++
//! title = "แผนปฏิบัติการ"
//!
//! เนื้อหา…
//! ```
//!
//! ถูก (right):
//!
//! ```markdown
//! +++
//! title = "แผนปฏิบัติการ"
//! +++
//!
//! เนื้อหา…
//! ```

use crate::diag::{Level, Rule};

pub const RULE: Rule = Rule {
    code: "front-matter-unclosed",
    level: Level::Error,
    summary: "ส่วนหัว `+++` ไม่มีบรรทัดปิด (The `+++` front matter is never closed)",
};
