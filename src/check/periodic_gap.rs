//! The check of [`crate::rules::periodic_gap`]: the past periods an O-item with a cadence has
//! no file or link for, one warning per page.

use crate::diag::Diagnostic;
use crate::rules::periodic_gap::RULE;
use crate::site::Site;

pub fn check(site: &Site) -> Vec<Diagnostic> {
    let mut out = Vec::new();
    for index in 0..site.pages.len() {
        let Some(periods) = site.periods_of(index) else {
            continue;
        };
        let missing: Vec<&str> = periods
            .iter()
            .filter(|p| p.past && !p.present)
            .map(|p| p.label.as_str())
            .collect();
        if missing.is_empty() {
            continue;
        }
        let page = &site.pages[index];
        let list = missing.join(", ");
        out.push(
            Diagnostic::new(
                &RULE,
                format!("ยังไม่มีหลักฐานของงวดที่ผ่านมาแล้ว: {list} (no evidence yet for past periods: {list})"),
            )
            .in_file(&page.file)
            .with_help(
                "add a file or link per period, named with its month or quarter, e.g. \"สขร1 ตุลาคม 2568.pdf\" \
                 (เพิ่มไฟล์หรือลิงก์ของแต่ละงวด โดยระบุเดือนหรือไตรมาสในชื่อ)",
            ),
        );
    }
    out
}
