//! `attachment-outside` — ไฟล์หรือลิงก์ชี้ออกนอกพอร์ทัล (A file or link points outside the portal)
//!
//! ไฟล์แนบและลิงก์ต้องอยู่ในพอร์ทัล `../../SECRET.txt`, `/etc/passwd` หรือ `C:\x`
//! อาจเผยแพร่ไฟล์ที่ไม่ควรเผยแพร่ หรือได้ลิงก์เสีย ไม่มีการคัดลอกไฟล์ดังกล่าว
//! (ลิงก์สัญลักษณ์ที่ชี้ออกนอกพอร์ทัลดู `symlink-outside`)
//!
//! Attachments and links stay inside the portal. `../../SECRET.txt`, `/etc/passwd` or `C:\x`
//! could publish a private file or give a dead link; nothing outside is copied. (A symbolic
//! link pointing outside is `symlink-outside`.)
//!
//! ผิด (wrong):
//!
//! ```toml
//! files = ["../../SECRET.txt"]
//! ```
//!
//! ถูก (right):
//!
//! ```toml
//! files = ["o43-report.pdf"]  # copy the file next to the page
//! ```

use crate::diag::{Level, Rule};

pub const RULE: Rule = Rule {
    code: "attachment-outside",
    level: Level::Error,
    summary: "ไฟล์หรือลิงก์ชี้ออกนอกพอร์ทัล (A file or link points outside the portal)",
};
