//! `symlink-outside` — ลิงก์สัญลักษณ์ชี้ออกนอกพอร์ทัล (A symlink points outside the portal)
//!
//! ลิงก์สัญลักษณ์ (symlink) ใน `content/` `static/` `templates/` `catalogs/` หรือธีม ต้องชี้ไปที่ไฟล์ใน
//! โฟลเดอร์ต้นฉบับเหล่านี้เท่านั้น ลิงก์ที่ชี้ออกไปนอกพอร์ทัล (เช่น `/home/user/.ssh/id_rsa`) ไปที่ไฟล์ที่รากของพอร์ทัล
//! (`prongsai.toml`, `public/`) หรือไปที่ไฟล์ซ่อน (`.git`, `.env`) อาจเผยแพร่ไฟล์ที่ไม่ควรเผยแพร่
//! prongsai จึงไม่อ่านและไม่คัดลอกสิ่งใดจากลิงก์นั้น ทั้ง `build` `check` และ `serve`
//! ถ้าเก็บไฟล์ที่ใช้ร่วมกันไว้ที่อื่นจริง ให้ระบุโฟลเดอร์นั้นใน `allow_symlinks_to` ของ `prongsai.toml`
//!
//! A symbolic link in `content/`, `static/`, `templates/`, `catalogs/` or the theme must lead
//! into one of those source folders. A link out of the portal (`/home/user/.ssh/id_rsa`), to
//! the portal root (`prongsai.toml`, `public/`) or into a hidden file or folder (`.git`,
//! `.env`) could publish a file that was never meant to be published, so nothing of it is read
//! or copied — by `build`, `check` and `serve` alike. A portal that really keeps shared files
//! elsewhere names that folder in `allow_symlinks_to` in `prongsai.toml`.
//!
//! ผิด (wrong):
//!
//! ```text
//! static/key.txt -> /home/somchai/.ssh/id_rsa
//! ```
//!
//! ถูก (right):
//!
//! ```toml
//! # prongsai.toml: the one folder outside the portal whose files may be linked
//! allow_symlinks_to = ["/srv/ita-shared"]
//! ```

use crate::diag::{Level, Rule};

pub const RULE: Rule = Rule {
    code: "symlink-outside",
    level: Level::Error,
    summary: "ลิงก์สัญลักษณ์ชี้ออกนอกพอร์ทัล (A symlink points outside the portal)",
};
