//! `prongsai init DIR`: scaffold a portal that builds at once. Never overwrites a file.

use std::path::Path;

pub fn run(path: &Path, name: Option<&str>, year: Option<i32>) -> u8 {
    match init(path, name, year) {
        Ok(written) => {
            for file in &written {
                eprintln!("  + {file}");
            }
            let year = year.unwrap_or(2568);
            let catalogs = crate::ita::catalog::Catalogs::builtin();
            if let Some(newest) = catalogs
                .years()
                .last()
                .filter(|&n| catalogs.get(year).is_none() && year > n)
            {
                eprintln!(
                    "หมายเหตุ: สำนักงาน ป.ป.ช. ยังไม่ประกาศรายการข้อ OIT ของปี {year} พอร์ทัลนี้ใช้รายการของกรอบปี {newest} \
                     ไปพลางก่อน ทุกหน้าที่ใช้รายการนี้และ prongsai check (catalog-provisional) จะแจ้งไว้ เมื่อประกาศแล้ว: \
                     prongsai catalog import <ตาราง> --year {year} \
                     (note: NACC has not published the {year} OIT item list yet; the {newest} list is used provisionally, \
                     flagged on every page that uses it and by check; import the list when it is published)"
                );
            }
            eprintln!(
                "สร้างพอร์ทัลที่ {} แล้ว ต่อไป: cd {} && prongsai serve (created; next: cd {} && prongsai serve)",
                path.display(),
                path.display(),
                path.display()
            );
            0
        }
        Err(message) => {
            eprintln!("error[init]: {message}");
            1
        }
    }
}

/// Writes the scaffold into `path`; refuses when any of its files exists already.
pub fn init(path: &Path, name: Option<&str>, year: Option<i32>) -> Result<Vec<String>, String> {
    let year = year.unwrap_or(2568);
    if !(2500..=2700).contains(&year) {
        return Err(format!(
            "ปี {year} ต้องเป็นปี พ.ศ. เช่น 2568 (the year must be a BE year such as 2568)"
        ));
    }
    let release = crate::scaffold::Release::of_this_build()?;
    let files = crate::scaffold::files(name.unwrap_or("หน่วยงานของท่าน"), year, &release);
    for (rel, _) in &files {
        if path.join(rel).exists() {
            return Err(format!(
                "{} มีอยู่แล้ว ไม่เขียนทับ (already exists; nothing was written)",
                path.join(rel).display()
            ));
        }
    }
    let mut written = Vec::new();
    for (rel, text) in files {
        let target = path.join(&rel);
        if let Some(parent) = target.parent() {
            std::fs::create_dir_all(parent).map_err(|e| format!("{}: {e}", parent.display()))?;
        }
        std::fs::write(&target, text).map_err(|e| format!("{}: {e}", target.display()))?;
        written.push(rel);
    }
    Ok(written)
}
