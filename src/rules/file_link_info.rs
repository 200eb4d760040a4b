//! `file-link-info` — ลิงก์ไปไฟล์ไม่บอกชนิดและขนาด (A file link without type and size)
//!
//! ลิงก์ไปไฟล์ PDF, Word, Excel ควรบอกชนิดและขนาดไฟล์ในข้อความลิงก์ (WCAG 2.4.4)
//! เพื่อให้ผู้ใช้อินเทอร์เน็ตมือถือรู้ก่อนกด ข้อความคำแนะนำบอกขนาดจริงของไฟล์
//!
//! Links to PDF, Word or Excel files should state type and size in the link text (WCAG 2.4.4) so
//! people on mobile data know before they tap; the hint gives the real size.
//!
//! ผิด (wrong):
//!
//! ```markdown
//! [รายงานผล](report.pdf)
//! ```
//!
//! ถูก (right):
//!
//! ```markdown
//! [รายงานผล (PDF, 245 KB)](report.pdf)
//! ```

use crate::diag::{Level, Rule};

pub const RULE: Rule = Rule {
    code: "file-link-info",
    level: Level::Warning,
    summary: "ลิงก์ไปไฟล์ไม่บอกชนิดและขนาด (A file link without type and size)",
};
