//! `year-migration` — หน้า O-item ยังใช้เลขข้อของกรอบปีก่อน (O-item pages still numbered as the earlier framework)
//!
//! สำนักงาน ป.ป.ช. เปลี่ยนเลขข้อและรวมข้อระหว่างปี (2568 → 2569 เปลี่ยนเลข 15 จาก 26 ข้อ)
//! เมื่อคัดลอกโฟลเดอร์ปีก่อนมาเป็นปีใหม่ หน้าที่เนื้อหาเหมือนปีก่อน (หรือชื่อหน้าเป็นชื่อข้อของปีก่อน)
//! แต่เลขข้อเปลี่ยนความหมายแล้ว จะถูกแจ้งว่าต้องเปลี่ยนเลข รวม หรือเลิกใช้ และบอกข้อใหม่ที่ต้องเขียน
//! ตามตาราง `[mapping]` ของรายการปีใหม่ `prongsai catalog migrate` ทำให้ได้ (ลองดูก่อน แล้วจึง `--apply`)
//! และหน้าที่รวมแล้วยังมีข้อความ TODO ก็ถูกแจ้งด้วยกฎนี้
//!
//! NACC renumbers and merges items between years. A year folder copied from the year before
//! keeps the old numbers; pages whose content (or title) is last year's while their number now
//! means another item are reported with what to do — renumber, merge or retire — and the
//! year's new items are listed, from the `[mapping]` of the new year's catalog.
//! `prongsai catalog migrate` does it for you; a page it merged warns until its TODO is gone.
//!
//! ผิด (wrong), `content/2569/oit/o20.md` copied from 2568:
//!
//! ```toml
//! kind = "o-item"
//! item = "O20"   # 2568 O20 (participation) is O19 in 2569
//! ```
//!
//! ถูก (right), `content/2569/oit/o19.md`:
//!
//! ```toml
//! kind = "o-item"
//! item = "O19"
//! ```

use crate::diag::{Level, Rule};

pub const RULE: Rule = Rule {
    code: "year-migration",
    level: Level::Warning,
    summary: "หน้า O-item ยังใช้เลขข้อของกรอบปีก่อน (O-item pages still numbered as the earlier framework)",
};
