//! `attachment-missing` — ไม่พบไฟล์แนบ (An attached file does not exist)
//!
//! ไฟล์ใน `files = [...]` ต้องอยู่ข้างไฟล์ .md และสะกดตรงกันทั้งตัวพิมพ์เล็ก-ใหญ่
//! (`O1.PDF` กับ `o1.pdf` เป็นคนละไฟล์บนเซิร์ฟเวอร์) มิฉะนั้นลิงก์ในพอร์ทัลจะเสีย
//!
//! Files in `files = [...]` sit next to the .md and must match letter case too (`O1.PDF` and
//! `o1.pdf` differ on the server); otherwise the portal links to nothing.
//!
//! ผิด (wrong):
//!
//! ```toml
//! files = ["o1.pdf"]   # the file is O1.PDF
//! ```
//!
//! ถูก (right):
//!
//! ```toml
//! files = ["O1.PDF"]
//! ```

use crate::diag::{Level, Rule};

pub const RULE: Rule = Rule {
    code: "attachment-missing",
    level: Level::Error,
    summary: "ไม่พบไฟล์แนบ (An attached file does not exist)",
};
