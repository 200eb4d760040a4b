//! `prongsai build`: build the portal (`ops::build`) and print what was done, or every
//! error and that the previous output is unchanged.

use std::path::Path;
use std::time::Instant;

use super::{print_lines, stderr_color};
pub use crate::ops::build::{build, Args, Built};

pub fn run(root: &Path, args: Args) -> u8 {
    let started = Instant::now();
    match build(root, &args) {
        Ok(built) => {
            print_lines(&built.warnings.human_lines(stderr_color()));
            print_lines(&built.replayed);
            let secs = started.elapsed().as_secs_f64();
            let (pages, out) = (built.pages, built.output.display());
            let kept = pages - built.rendered.min(pages);
            let (kept_th, kept_en) = if kept > 0 {
                (
                    format!(" (หน้าที่ไม่เปลี่ยน {kept} หน้าไม่ต้องสร้างใหม่)"),
                    format!(", {kept} unchanged pages not rendered again"),
                )
            } else {
                Default::default()
            };
            match built.published {
                Some(p) => eprintln!(
                    "สร้างเว็บไซต์แล้ว {pages} หน้า{kept_th} ใน {secs:.2} วินาที → {out} (built {pages} pages{kept_en} in {secs:.2} s)\n\
                     เขียน {} ไฟล์ ลบ {} ไฟล์ ไม่เปลี่ยน {} ไฟล์ (wrote {} files, removed {}, {} unchanged)",
                    p.written, p.removed, p.unchanged, p.written, p.removed, p.unchanged
                ),
                None => eprintln!(
                    "ไม่มีไฟล์ต้นฉบับเปลี่ยน ผลลัพธ์ {pages} หน้าเป็นปัจจุบันแล้ว ใน {secs:.2} วินาที → {out} \
                     (no input changed; the {pages} pages are up to date, checked in {secs:.2} s)"
                ),
            }
            super::address::print(root, args.base_url.as_deref(), args.file_links);
            0
        }
        Err(diagnostics) => {
            print_lines(&diagnostics.human_lines(stderr_color()));
            let errors = diagnostics.errors();
            eprintln!(
                "สร้างไม่สำเร็จ: พบข้อผิดพลาด {errors} รายการ ผลลัพธ์เดิมยังอยู่ครบ (build failed with {errors} errors; the previous output is unchanged)"
            );
            1
        }
    }
}
