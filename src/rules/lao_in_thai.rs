//! `lao-in-thai` — มีอักษรลาวปนในคำภาษาไทย (Lao letters inside Thai words)
//!
//! ข้อความที่ได้จาก OCR มักได้อักษรลาวที่หน้าตาคล้ายไทย (เช่น "ໂກຮັກແກ້ວ") แสดงผิดแบบอักษร
//! และค้นหาไม่เจอ ให้พิมพ์คำนั้นใหม่ด้วยอักษรไทย
//!
//! OCR often yields Lao letters that look Thai ("ໂກຮັກແກ້ວ"); they render in the wrong font and
//! search cannot find them. Retype the word in Thai.
//!
//! ผิด (wrong):
//!
//! ```markdown
//! นาย ໂກຮັກ แก้ว
//! ```
//!
//! ถูก (right):
//!
//! ```markdown
//! นาย โกรก แก้ว
//! ```

use crate::diag::{Level, Rule};

pub const RULE: Rule = Rule {
    code: "lao-in-thai",
    level: Level::Warning,
    summary: "มีอักษรลาวปนในคำภาษาไทย (Lao letters inside Thai words)",
};
