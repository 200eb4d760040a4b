//! `encoding` — ไฟล์ไม่ได้บันทึกเป็น UTF-8 (The file is not saved as UTF-8)
//!
//! ไฟล์ที่บันทึกจาก Notepad แบบ "Unicode" (UTF-16) หรือรหัสภาษาไทยแบบเก่า (TIS-620/Windows-874)
//! อ่านเป็นข้อความไม่ได้ หน้านั้นจะหายไปจากพอร์ทัลทั้งหน้า ข้อความบอกชื่อไฟล์และบรรทัดแรกที่อ่านไม่ได้
//!
//! Files saved as UTF-16 ("Unicode" in Notepad) or in the old Thai code page (TIS-620 /
//! Windows-874) cannot be read; the page would vanish from the portal. The message names the
//! file and, for broken UTF-8, the first line that cannot be read.
//!
//! แก้ไข (fix): Notepad: File → Save As → Encoding: UTF-8. VS Code: Reopen with Encoding → Save with Encoding → UTF-8.

use crate::diag::{Level, Rule};

pub const RULE: Rule = Rule {
    code: "encoding",
    level: Level::Error,
    summary: "ไฟล์ไม่ได้บันทึกเป็น UTF-8 (The file is not saved as UTF-8)",
};
