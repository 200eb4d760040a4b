//! `slug` — slug ไม่ถูกต้อง (Invalid slug)
//!
//! `slug` คือชื่อหน้าใน URL เป็นชื่อเดียว ห้ามมี `/` ห้ามว่าง และยาวไม่เกิน 255 ไบต์
//! (อักษรไทยตัวละ 3 ไบต์ จึงได้ราว 85 ตัว) เพราะเป็นชื่อโฟลเดอร์ของหน้าในผลลัพธ์
//!
//! A slug is one URL path segment: not empty, no `/`, at most 255 bytes of UTF-8 (about 85
//! Thai letters), since it names the page's folder in the output and file systems allow no
//! longer names.
//!
//! ผิด (wrong):
//!
//! ```toml
//! slug = "2564/plan"
//! ```
//!
//! ถูก (right):
//!
//! ```toml
//! slug = "plan"
//! ```

use crate::check::Rule;
use crate::diag::Level;

pub const RULE: Rule = Rule {
    code: "slug",
    level: Level::Error,
    summary: "slug ไม่ถูกต้อง (Invalid slug)",
};

/// The longest file name most file systems store (ext4, APFS, NTFS: 255 bytes or units).
pub const NAME_MAX: usize = 255;

/// Why `slug` (trimmed) cannot name a page, if it cannot.
pub fn problem(slug: &str) -> Option<String> {
    if slug.is_empty() || slug.contains('/') || slug == "." || slug == ".." {
        return Some("slug ต้องเป็นชื่อเดียว ไม่มี / (a slug is one path segment)".into());
    }
    let bytes = slug.len();
    (bytes > NAME_MAX).then(|| {
        format!(
            "slug ยาว {bytes} ไบต์ เกิน {NAME_MAX} ไบต์ที่ระบบไฟล์รับเป็นชื่อโฟลเดอร์ได้ อักษรไทยตัวละ 3 ไบต์ \
             (the slug is {bytes} bytes long; file systems allow {NAME_MAX} bytes in a name, a Thai letter takes 3)"
        )
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn slugs() {
        for bad in ["", "a/b", ".", "..", &"ก".repeat(86)] {
            assert!(problem(bad).is_some(), "{bad}");
        }
        for good in ["plan", "แผน-2564", &"ก".repeat(85), &"a".repeat(255)] {
            assert!(problem(good).is_none(), "{good}");
        }
    }
}
