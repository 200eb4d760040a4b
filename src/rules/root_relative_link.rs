//! `root-relative-link` — ลิงก์ขึ้นต้นด้วย / จะเสียเมื่อเผยแพร่ในโฟลเดอร์ย่อย (A root-relative link breaks sub-path deploys)
//!
//! พอร์ทัลมักเผยแพร่ใต้โฟลเดอร์ย่อย (`https://www.example.go.th/ita/`) ลิงก์ `/2564/plan/`
//! จะไปที่ `https://www.example.go.th/2564/plan/` ซึ่งไม่มี ใช้ลิงก์แบบสัมพัทธ์แทน
//!
//! Portals are often published under a sub-path (`https://www.example.go.th/ita/`); `/2564/plan/`
//! would lead to `https://www.example.go.th/2564/plan/`. Use a relative link.
//!
//! ผิด (wrong):
//!
//! ```markdown
//! [แผน](/2564/plan/)
//! ```
//!
//! ถูก (right):
//!
//! ```markdown
//! [แผน](../plan/)
//! ```

use crate::diag::{Level, Rule};

pub const RULE: Rule = Rule {
    code: "root-relative-link",
    level: Level::Warning,
    summary: "ลิงก์ขึ้นต้นด้วย / จะเสียเมื่อเผยแพร่ในโฟลเดอร์ย่อย (A root-relative link breaks sub-path deploys)",
};
