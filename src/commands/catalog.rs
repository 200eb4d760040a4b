//! `prongsai catalog …`: the O-item catalogs a portal uses (the shipped ones and its own
//! `catalogs/<year>.toml`): `list` a year's items, `diff` two years through their mapping,
//! `import` NACC's published table as the portal's catalog of a year, and `migrate` a year
//! folder still numbered as an earlier framework (dry run unless `--apply`).

use std::path::{Path, PathBuf};

use crate::ita::catalog::Catalogs;
use crate::ita::migration::{Fate, Migration};

pub mod migrate;

/// The catalogs in force for the portal at `root`: shipped ones, replaced or added by the
/// portal's `catalogs/*.toml` (errors are the `catalog` rule's, as `check` prints them).
pub fn catalogs(root: &Path) -> Result<Catalogs, String> {
    let mut catalogs = Catalogs::builtin();
    let dir = root.join("catalogs");
    let Ok(entries) = std::fs::read_dir(&dir) else {
        return Ok(catalogs);
    };
    let mut files: Vec<PathBuf> = entries
        .filter_map(Result::ok)
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|e| e == "toml"))
        .collect();
    files.sort();
    for path in files {
        let shown = format!("catalogs/{}", path.file_name().unwrap_or_default().to_string_lossy());
        let text = std::fs::read(&path)
            .map_err(|e| format!("{shown}: {e}"))
            .and_then(|b| crate::source::decode(&b).map_err(|e| format!("{shown}: {e}")))?;
        catalogs.add_override(&text, &shown).map_err(|e| {
            let at = e.line_col(&text).map_or(String::new(), |(l, c)| format!(":{l}:{c}"));
            format!("{shown}{at}: {}", e.message_th())
        })?;
    }
    Ok(catalogs)
}

pub fn list(root: &Path, year: i32) -> u8 {
    let catalogs = match catalogs(root) {
        Ok(c) => c,
        Err(e) => return fail(&e),
    };
    let Some(catalog) = catalogs.get(year) else {
        let years: Vec<String> = catalogs.years().map(|y| y.to_string()).collect();
        return fail(&format!(
            "ไม่มีรายการ O-item ของกรอบปี {year} (no catalog for framework {year}); มี (available): {} \
             — นำเข้าด้วย prongsai catalog import <ไฟล์> --year {year}",
            years.join(", ")
        ));
    };
    let f = &catalog.framework;
    println!(
        "กรอบปี {year} ({}): {} ข้อ, ความเชื่อมั่น {} ({})",
        catalog.source_name,
        catalog.items.len(),
        f.confidence.label_th(),
        f.confidence.as_str()
    );
    if f.confidence < crate::ita::catalog::Confidence::High {
        println!("  หมายเหตุ: รายการนี้รวบรวมจากการค้นคว้า ไม่ใช่ข้อความของ ป.ป.ช. (research, not NACC's text)");
    }
    for item in &catalog.items {
        let cadence = item.cadence.as_deref().map_or(String::new(), |c| format!(" [{c}]"));
        println!(
            "{}\t{}\t{}\t{}\t{}{cadence}",
            item.id,
            item.sub_indicator,
            item.confidence.as_str(),
            item.data_year.label_en(),
            item.title_th
        );
    }
    0
}

pub fn diff(root: &Path, from: i32, to: i32) -> u8 {
    let catalogs = match catalogs(root) {
        Ok(c) => c,
        Err(e) => return fail(&e),
    };
    let migration = match Migration::between(&catalogs, from, to) {
        Ok(m) => m,
        Err(e) => return fail(&e.0),
    };
    let (Some(old), Some(new)) = (catalogs.get(from), catalogs.get(to)) else {
        return fail("no catalog");
    };
    let chain: Vec<String> = migration.chain.iter().map(|y| y.to_string()).collect();
    println!(
        "{from} → {to} (ผ่าน {}; ความเชื่อมั่นของตารางเทียบ {} / mapping confidence {})",
        chain.join(" → "),
        migration.confidence.label_th(),
        migration.confidence.as_str()
    );
    let title = |c: &crate::ita::catalog::Catalog, id| c.item(id).map_or(String::new(), |i| i.title_th.clone());
    for step in &migration.steps {
        let id = step.from;
        let line = match &step.fate {
            Fate::Same if title(old, id) == title(new, id) => format!("= {id}\t{}", title(new, id)),
            Fate::Same => format!("~ {id}\t{} → {}", title(old, id), title(new, id)),
            Fate::Renumbered(z) => format!("> {id} → {z}\t{}", title(new, *z)),
            Fate::Merged { into, with } => {
                let with: Vec<String> = with.iter().map(ToString::to_string).collect();
                format!(
                    "+ {id} → {into}\t(รวมกับ / merged with {}) {}",
                    with.join(", "),
                    title(new, *into)
                )
            }
            Fate::Removed => format!("- {id}\t(ยกเลิก / removed) {}", title(old, id)),
        };
        let change = step.change.map_or(String::new(), |c| format!(" [{}]", c.label_th()));
        println!("{line}{change}");
        for note in &step.notes {
            println!("      {note}");
        }
    }
    for item in &migration.new_items {
        println!("* {}\t(ข้อใหม่ / new) {}", item.id, title(new, item.id));
        for note in &item.notes {
            println!("      {note}");
        }
    }
    0
}

pub fn import(root: &Path, file: &Path, year: i32, force: bool) -> u8 {
    if !(2500..=2700).contains(&year) {
        return fail(&format!(
            "--year {year}: ต้องเป็นปี พ.ศ. เช่น 2570 (a BE year such as 2570)"
        ));
    }
    let document = match crate::import::read_file(file) {
        Ok(d) => d,
        Err(e) => {
            let help = e.help().map_or(String::new(), |h| format!("\n  = help: {h}"));
            return fail(&format!("{e}{help}"));
        }
    };
    let items = match crate::import::catalog_table::items(&document, file) {
        Ok(items) => items,
        Err(e) => return fail(&e),
    };
    let source = file
        .file_name()
        .map_or_else(|| file.display().to_string(), |n| n.to_string_lossy().into_owned());
    let text = crate::import::catalog_table::render(year, &items, &source);
    let shown = format!("catalogs/{year}.toml");
    if let Err(e) = crate::ita::catalog::Catalog::parse(&text, &shown) {
        return fail(&e.message_th());
    }
    let target = root.join("catalogs").join(format!("{year}.toml"));
    if target.exists() && !force {
        return fail(&format!(
            "{shown} มีอยู่แล้ว ไม่เขียนทับ ใช้ --force เพื่อเขียนทับ (already exists; --force overwrites it)"
        ));
    }
    if let Err(e) = std::fs::create_dir_all(root.join("catalogs")).and_then(|()| std::fs::write(&target, &text)) {
        return fail(&format!("{shown}: เขียนไฟล์ไม่ได้ (cannot write): {e}"));
    }
    eprintln!("  + {shown} ({} ข้อ / items)", items.len());
    eprintln!(
        "นำเข้ารายการปี {year} แล้ว ตรวจกับประกาศของ ป.ป.ช. แล้วเพิ่ม [mapping] จากปีก่อนเพื่อใช้ prongsai catalog migrate \
         (imported; check it against NACC's list, then add a [mapping] from the previous year; see the book: a new ITA year)"
    );
    0
}

fn fail(message: &str) -> u8 {
    eprintln!("error[catalog]: {message}");
    1
}
