//! `prongsai catalog migrate --from 2568 --to 2569 [--year Y] [--apply]`: renumber the O-item
//! pages of a year folder still numbered as the earlier framework, following the mapping.
//! A dry run by default: it prints the plan and the equivalent `git mv` lines. Nothing is
//! lost: a renumbered page keeps its body; merged pages become one page holding every body
//! and a TODO for the webmaster (never overwriting a page); a removed item's page moves to
//! `retired/<year>/`, outside `content/`. The year's measures get their `items` renumbered.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use crate::ita::item_id::ItemId;
use crate::ita::migration::{Fate, Migration, MERGE_TODO};
use crate::model::KindData;
use crate::site::{BuildOptions, Site};

pub fn run(root: &Path, from: i32, to: i32, year: Option<i32>, apply: bool) -> u8 {
    match plan(root, from, to, year) {
        Ok(plan) => {
            for line in &plan.lines {
                println!("{line}");
            }
            if plan.writes.is_empty() && plan.removes.is_empty() {
                eprintln!("ไม่มีไฟล์ต้องเปลี่ยน (nothing to change)");
                return 0;
            }
            if !apply {
                eprintln!("ทดลองเท่านั้น ไม่ได้เปลี่ยนไฟล์ใด ใส่ --apply เพื่อทำจริง (dry run: nothing changed; --apply does it)");
                return 0;
            }
            match execute(root, &plan) {
                Ok(()) => {
                    eprintln!("เปลี่ยนแล้ว ตรวจด้วย prongsai check (done; run prongsai check)");
                    0
                }
                Err(e) => {
                    eprintln!("error[catalog]: {e}");
                    1
                }
            }
        }
        Err(e) => {
            eprintln!("error[catalog]: {e}");
            1
        }
    }
}

#[derive(Debug, Default)]
pub struct Plan {
    /// What will happen, in words and as `git mv` lines.
    pub lines: Vec<String>,
    /// Files to write (relative to the root) with their new text.
    pub writes: Vec<(PathBuf, String)>,
    /// Files to remove once the writes are done.
    pub removes: Vec<PathBuf>,
}

pub fn plan(root: &Path, from: i32, to: i32, year: Option<i32>) -> Result<Plan, String> {
    let site = Site::load(root, BuildOptions::default())
        .map_err(|d| d.iter().map(|d| d.short()).collect::<Vec<_>>().join("\n"))?;
    let migration = Migration::between(&site.ita.catalogs, from, to).map_err(|e| e.0)?;
    let candidates: Vec<i32> = site
        .ita
        .years
        .values()
        .filter(|y| y.framework == to || y.provisional_for == Some(to))
        .map(|y| y.fiscal_year)
        .collect();
    let fiscal_year = match year {
        Some(y) => y,
        None if candidates.len() == 1 => candidates[0],
        None => {
            return Err(format!(
                "ระบุปีงบประมาณด้วย --year (give the year folder with --year); ปีที่ใช้กรอบ {to} (years using {to}): {:?}",
                candidates
            ))
        }
    };
    let Some(y) = site.ita.years.get(&fiscal_year) else {
        return Err(format!(
            "ไม่มีหมวดปีงบประมาณ {fiscal_year} (no fiscal-year section {fiscal_year}); \
             คัดลอกโฟลเดอร์ปีก่อนแล้วตั้ง fiscal_year = {fiscal_year} ใน _index.md (copy last year's folder and set fiscal_year)"
        ));
    };
    let catalog = site.ita.catalogs.get(to).ok_or("no catalog")?;
    let mut plan = Plan::default();
    plan.lines.push(format!(
        "ปีงบประมาณ {fiscal_year}: หน้า O-item ที่ใช้เลขของกรอบปี {from} → กรอบปี {to} (pages numbered as {from} → {to})"
    ));
    let read = |i: usize| -> Result<String, String> {
        let path = root.join(&site.pages[i].file);
        std::fs::read(&path)
            .map_err(|e| format!("{}: {e}", path.display()))
            .and_then(|b| crate::source::decode(&b).map_err(|e| format!("{}: {e}", path.display())))
    };
    let mut merges: BTreeMap<ItemId, Vec<(ItemId, usize)>> = BTreeMap::new();
    let sources: Vec<PathBuf> = y.o_items.values().map(|&i| site.pages[i].file.clone()).collect();
    let mut taken: Vec<PathBuf> = Vec::new();
    let free = |path: PathBuf, taken: &Vec<PathBuf>| -> PathBuf {
        let occupied = |p: &PathBuf| (root.join(p).exists() && !sources.contains(p)) || taken.contains(p);
        if !occupied(&path) {
            return path;
        }
        let stem = path
            .file_stem()
            .map(|s| s.to_string_lossy().into_owned())
            .unwrap_or_default();
        let ext = path
            .extension()
            .map(|s| s.to_string_lossy().into_owned())
            .unwrap_or_default();
        let mut n = 2;
        loop {
            let other = path.with_file_name(format!("{stem}-{n}.{ext}"));
            if !occupied(&other) {
                return other;
            }
            n += 1;
        }
    };
    for (&id, &i) in &y.o_items {
        let page = &site.pages[i];
        let Some(step) = migration.step(id) else {
            plan.lines.push(format!(
                "? {} ข้อ {id} ไม่มีในรายการปี {from} ข้ามไป (not in {from}; left alone)",
                page.file.display()
            ));
            continue;
        };
        match &step.fate {
            Fate::Same => plan
                .lines
                .push(format!("= {} ({id} เลขเดิม / unchanged)", page.file.display())),
            Fate::Renumbered(z) => {
                let text = read(i)?;
                let new_text = set_item(&text, page, *z);
                let target = free(renamed(&page.file, id, *z), &taken);
                plan.lines.push(format!(
                    "> {id} → {z}: {}",
                    catalog.item(*z).map_or("", |x| x.title_th.as_str())
                ));
                if target != page.file {
                    plan.lines
                        .push(format!("  git mv {} {}", page.file.display(), target.display()));
                    plan.removes.push(page.file.clone());
                }
                plan.lines
                    .push(format!("  แก้ item = \"{z}\" ใน {} (edit item)", target.display()));
                taken.push(target.clone());
                plan.writes.push((target, new_text));
            }
            Fate::Merged { into, .. } => merges.entry(*into).or_default().push((id, i)),
            Fate::Removed => {
                let target = PathBuf::from("retired")
                    .join(fiscal_year.to_string())
                    .join(page.file.file_name().unwrap_or_default());
                let target = free(target, &taken);
                plan.lines.push(format!(
                    "- {id}: ไม่มีในกรอบปี {to} ย้ายออกจาก content/ (not in {to}; moved out of content/, nothing deleted)"
                ));
                plan.lines
                    .push(format!("  git mv {} {}", page.file.display(), target.display()));
                taken.push(target.clone());
                plan.writes.push((target, read(i)?));
                plan.removes.push(page.file.clone());
            }
        }
    }
    for (into, parts) in merges {
        let ids: Vec<String> = parts.iter().map(|(id, _)| id.to_string()).collect();
        let (first_id, first) = parts[0];
        let base = &site.pages[first];
        let base_text = read(first)?;
        let split = crate::source::split_front_matter(&base_text)
            .map_err(|_| format!("{}: front matter", base.file.display()))?;
        let head = set_item(&base_text[..split.body_offset], base, into);
        let title = catalog.item(into).map_or("", |x| x.title_th.as_str());
        let mut body = format!(
            "> **{MERGE_TODO}:** ข้อ {} ของกรอบปี {from} รวมเป็นข้อ {into} “{title}” ในกรอบปี {to} \
             เรียบเรียงเนื้อหาด้านล่างให้เป็นข้อเดียว รวม links และ files จากส่วนหน้าของหน้าอื่นที่คัดลอกไว้ แล้วลบย่อหน้านี้ \
             ({} of {from} merge into {into} of {to}: edit the parts below into one item, merge the copied links and files, then delete this paragraph)\n",
            ids.join(" และ "),
            ids.join(" + ")
        );
        for &(id, i) in &parts {
            let text = if i == first { base_text.clone() } else { read(i)? };
            let split = crate::source::split_front_matter(&text)
                .map_err(|_| format!("{}: front matter", site.pages[i].file.display()))?;
            body.push_str(&format!(
                "\n## จากข้อ {id} ของปี {from} (from {from} {id})\n\n{}\n",
                split.body.trim()
            ));
            if i != first {
                body.push_str(&format!(
                    "\nส่วนหน้าเดิมของ {} (its front matter, for links and files):\n\n```toml\n{}```\n",
                    site.pages[i].file.display(),
                    split.front_matter
                ));
                plan.removes.push(site.pages[i].file.clone());
            }
        }
        let target = free(renamed(&base.file, first_id, into), &taken);
        plan.lines.push(format!(
            "+ {} → {into}: {title} (รวม / merged; TODO ในหน้า)",
            ids.join(" + ")
        ));
        plan.lines
            .push(format!("  git mv {} {}", base.file.display(), target.display()));
        for &(_, i) in &parts[1..] {
            plan.lines.push(format!(
                "  git rm {}   # เนื้อหาอยู่ใน {} แล้ว (its body is now in it)",
                site.pages[i].file.display(),
                target.display()
            ));
        }
        if target != base.file {
            plan.removes.push(base.file.clone());
        }
        taken.push(target.clone());
        plan.writes.push((target, format!("{head}{body}")));
    }
    let written: Vec<ItemId> = y
        .o_items
        .keys()
        .filter_map(|&id| migration.step(id).and_then(|s| s.fate.target(id)))
        .collect();
    for item in &migration.new_items {
        if !written.contains(&item.id) {
            plan.lines.push(format!(
                "* {}: ข้อใหม่ของกรอบปี {to} ต้องเขียนหน้าใหม่ (new in {to}: write its page) {}",
                item.id,
                catalog.item(item.id).map_or("", |x| x.title_th.as_str())
            ));
        }
    }
    // Measures of the year point at items too: their `items` follow the same steps.
    for &i in &y.measures {
        let page = &site.pages[i];
        let (KindData::Measure(m), Some(raw)) = (&page.data, &page.front.items) else {
            continue;
        };
        let mut ids: Vec<ItemId> = Vec::new();
        let mut dropped: Vec<String> = Vec::new();
        for &id in &m.items {
            match migration.step(id).map_or(Some(id), |s| s.fate.target(id)) {
                Some(t) if !ids.contains(&t) => ids.push(t),
                Some(_) => {}
                None => dropped.push(id.to_string()),
            }
        }
        if ids == m.items {
            continue;
        }
        let text = read(i)?;
        let span = raw.span();
        let (start, end) = (page.front_offset + span.start, page.front_offset + span.end);
        let list: Vec<String> = ids.iter().map(|id| format!("\"{id}\"")).collect();
        let (Some(before), Some(after)) = (text.get(..start), text.get(end..)) else {
            continue;
        };
        let old: Vec<String> = m.items.iter().map(ToString::to_string).collect();
        plan.lines.push(format!(
            "~ {}: items [{}] → [{}]{}",
            page.file.display(),
            old.join(", "),
            ids.iter().map(ToString::to_string).collect::<Vec<_>>().join(", "),
            if dropped.is_empty() {
                String::new()
            } else {
                format!(" (ตัด {} ที่ยกเลิก / removed items dropped)", dropped.join(", "))
            }
        ));
        plan.writes
            .push((page.file.clone(), format!("{before}[{}]{after}", list.join(", "))));
    }
    // A file both written and removed (renumbered into a freed name) is kept.
    let writes: Vec<PathBuf> = plan.writes.iter().map(|(p, _)| p.clone()).collect();
    plan.removes.retain(|p| !writes.contains(p));
    Ok(plan)
}

/// Writes every new text first, then removes the old files (so a failure loses nothing).
fn execute(root: &Path, plan: &Plan) -> Result<(), String> {
    for (path, text) in &plan.writes {
        let full = root.join(path);
        if let Some(parent) = full.parent() {
            std::fs::create_dir_all(parent).map_err(|e| format!("{}: {e}", parent.display()))?;
        }
        std::fs::write(&full, text).map_err(|e| format!("{}: {e}", full.display()))?;
    }
    for path in &plan.removes {
        std::fs::remove_file(root.join(path)).map_err(|e| format!("{}: {e}", path.display()))?;
    }
    Ok(())
}

/// The page text with its `item` value set to `to`.
fn set_item(text: &str, page: &crate::site::Page, to: ItemId) -> String {
    let (Some(raw), KindData::OItem(_)) = (&page.front.item, &page.data) else {
        return text.to_string();
    };
    let span = raw.span();
    let (start, end) = (page.front_offset + span.start, page.front_offset + span.end);
    match (text.get(..start), text.get(end..)) {
        (Some(before), Some(after)) => format!("{before}\"{to}\"{after}"),
        _ => text.to_string(),
    }
}

/// `content/2569/oit/o20.md` → `…/o19.md`: the id in the file name (or its folder, for an
/// `index.md`) replaced, keeping its case; other names are kept.
fn renamed(file: &Path, from: ItemId, to: ItemId) -> PathBuf {
    let name = file
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    if name == "index.md" {
        if let (Some(dir), Some(parent)) = (file.parent(), file.parent().and_then(Path::parent)) {
            let dir_name = dir
                .file_name()
                .map(|n| n.to_string_lossy().into_owned())
                .unwrap_or_default();
            return parent.join(replace_id(&dir_name, from, to)).join("index.md");
        }
    }
    file.with_file_name(replace_id(&name, from, to))
}

fn replace_id(name: &str, from: ItemId, to: ItemId) -> String {
    let lower = name.to_lowercase();
    let token = format!("o{}", from.number());
    let mut at = 0;
    while let Some(found) = lower[at..].find(&token) {
        let start = at + found;
        let end = start + token.len();
        let before_ok = start == 0 || !lower.as_bytes()[start - 1].is_ascii_alphanumeric();
        let after_ok = end == lower.len() || !lower.as_bytes()[end].is_ascii_digit();
        if before_ok && after_ok {
            let o = &name[start..start + 1];
            return format!("{}{o}{}{}", &name[..start], to.number(), &name[end..]);
        }
        at = end;
    }
    name.to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_in_file_names() {
        assert_eq!(replace_id("o20.md", ItemId(20), ItemId(19)), "o19.md");
        assert_eq!(
            replace_id("O20-participation.md", ItemId(20), ItemId(19)),
            "O19-participation.md"
        );
        assert_eq!(replace_id("o200.md", ItemId(20), ItemId(19)), "o200.md");
        assert_eq!(replace_id("info20.md", ItemId(20), ItemId(19)), "info20.md");
        assert_eq!(
            renamed(Path::new("content/2569/oit/o21/index.md"), ItemId(21), ItemId(20)),
            PathBuf::from("content/2569/oit/o20/index.md")
        );
    }
}
