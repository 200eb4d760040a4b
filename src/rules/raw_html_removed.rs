//! `raw-html-removed` — HTML ในเนื้อหาถูกตัดออก (Raw HTML removed by the sanitizer)
//!
//! HTML ที่วางมาจาก Word หรือเว็บอื่นถูกทำความสะอาดก่อนเผยแพร่ ส่วนที่ตัดออก (เช่น `<script>`,
//! `onclick`, `style`) แสดงเป็นรายการพร้อมบรรทัด เพื่อให้รู้ว่าเนื้อหาที่เห็นบนเว็บต่างจากที่เขียน
//!
//! HTML pasted from Word or another site is cleaned before publishing; what was removed
//! (`<script>`, `onclick`, `style`, …) is listed with its line so the difference from the source
//! is visible.
//!
//! ผิด (wrong):
//!
//! ```markdown
//! <p style="color:red" onclick="x()">ประกาศ</p>
//! ```
//!
//! ถูก (right):
//!
//! ```markdown
//! **ประกาศ**
//! ```

use crate::diag::{Level, Rule};

pub const RULE: Rule = Rule {
    code: "raw-html-removed",
    level: Level::Warning,
    summary: "HTML ในเนื้อหาถูกตัดออก (Raw HTML removed by the sanitizer)",
};
