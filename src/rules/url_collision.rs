//! `url-collision` — สองไฟล์ได้ URL เดียวกัน (Two files get the same URL)
//!
//! รวมถึง URL ที่ต่างกันแค่ตัวพิมพ์เล็ก-ใหญ่ (`Report.md` กับ `report.md`) หรือรูปแบบอักขระ
//! (NFC/NFD เช่นสระอุกับไม้เอกสลับลำดับ) ซึ่งชนกันบน Windows, macOS และเว็บเซิร์ฟเวอร์หลายตัว
//! หน้าหนึ่งจะหายไป ข้อความบอกทั้งสองไฟล์
//!
//! Including URLs that differ only by letter case (`Report.md`, `report.md`) or Unicode form
//! (NFC/NFD, e.g. SARA U and MAI EK swapped): they collide on Windows, macOS and many servers and
//! one page is lost. Both files are named.
//!
//! ผิด (wrong):
//!
//! ```toml
//! # content/2564/Report.md and content/2564/report.md
//! ```
//!
//! ถูก (right):
//!
//! ```toml
//! # rename one of them, or set a different slug
//! ```

use crate::diag::{Level, Rule};

pub const RULE: Rule = Rule {
    code: "url-collision",
    level: Level::Error,
    summary: "สองไฟล์ได้ URL เดียวกัน (Two files get the same URL)",
};
