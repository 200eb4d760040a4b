//! `broken-link` — ลิงก์ภายในชี้ไปหน้าที่ไม่มี (An internal link leads nowhere)
//!
//! ลิงก์ในเนื้อหาและใน `links` ของหน้า O-item ตรวจกับไฟล์ที่สร้างจริงทั้งหมด ลิงก์ไปไฟล์ `.md`
//! ใช้ไม่ได้ ต้องลิงก์ไปที่ URL ของหน้า ผู้ประเมินที่กดลิงก์แล้วเจอหน้าว่างจะถือว่าไม่ได้เผยแพร่
//!
//! Links in page bodies and in the `links` of o-item pages are checked against every file the
//! build writes. A link to a `.md` file does not work: link to the page's URL. An assessor who
//! follows a dead link counts the document as not published.
//!
//! ผิด (wrong):
//!
//! ```markdown
//! [แผนปฏิบัติการ](plan.md)
//! ```
//!
//! ถูก (right):
//!
//! ```markdown
//! [แผนปฏิบัติการ](../plan/)
//! ```

use crate::diag::{Level, Rule};

pub const RULE: Rule = Rule {
    code: "broken-link",
    level: Level::Error,
    summary: "ลิงก์ภายในชี้ไปหน้าที่ไม่มี (An internal link leads nowhere)",
};
