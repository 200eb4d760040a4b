//! `periodic-gap` — งวดที่ผ่านมาแล้วยังไม่ได้เผยแพร่ (A past month or quarter of periodic evidence is missing)
//!
//! รายการที่ต้องเผยแพร่เป็นรายเดือนหรือรายไตรมาส (เช่น 2569 O11 สรุปผลการจัดซื้อจัดจ้างรายเดือน)
//! ต้องมีไฟล์หรือลิงก์ของทุกงวดที่ผ่านมาแล้วในปีงบประมาณ prongsai อ่านงวดจากชื่อไฟล์และชื่อลิงก์
//! (`ตุลาคม 2568`, `ต.ค.68`, `2568-10`, `ไตรมาส 1`) งวดของเดือนปัจจุบันและหลังจากนั้นยังไม่นับ
//! วันที่ใช้คือเดือนที่สร้างเว็บไซต์ (`SOURCE_DATE_EPOCH` ถ้ากำหนดไว้)
//!
//! An item published once a month or a quarter (2569 O11, the monthly procurement summaries)
//! needs a file or link for every period of the fiscal year that is already over. prongsai
//! reads the period from each file name and link title (`ตุลาคม 2568`, `ต.ค.68`, `2568-10`,
//! `ไตรมาส 1`); the current month and later ones are not due yet. "Now" is the month the build
//! runs in (`SOURCE_DATE_EPOCH` when set).
//!
//! ผิด (wrong):
//!
//! ```toml
//! item = "O11"
//! files = ["สขร1-ตุลาคม-2568.pdf"]   # built in February 2569: November to January missing
//! ```
//!
//! ถูก (right):
//!
//! ```toml
//! item = "O11"
//! files = ["สขร1-ตุลาคม-2568.pdf", "สขร1-พฤศจิกายน-2568.pdf", "สขร1-ธันวาคม-2568.pdf", "สขร1-มกราคม-2569.pdf"]
//! ```

use crate::diag::{Level, Rule};

pub const RULE: Rule = Rule {
    code: "periodic-gap",
    level: Level::Warning,
    summary: "งวดที่ผ่านมาแล้วยังไม่ได้เผยแพร่ (A past month or quarter of periodic evidence is missing)",
};
