//! `prongsai import FILE`: measure files from a Word, CSV/TSV or Markdown table. Writes
//! nothing unless every file can be written: an existing file needs `--force`, and a measure
//! number already used by another file in the folder is an error.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use crate::import::summary::{Outcome, Skip};
use crate::import::{self, write, Import, ImportError, Options, Source};

#[derive(Debug, Clone, Default)]
pub struct Args {
    pub file: PathBuf,
    pub year: Option<i32>,
    pub round: Option<u8>,
    pub into: Option<PathBuf>,
    pub table: Option<usize>,
    pub dry_run: bool,
    pub force: bool,
}

pub fn run(root: &Path, args: Args) -> u8 {
    match import_file(root, &args) {
        Ok(()) => 0,
        Err(e) => {
            eprintln!("error[import]: {e}");
            if let Some(help) = e.help() {
                eprintln!("  = help: {help}");
            }
            1
        }
    }
}

fn import_file(root: &Path, args: &Args) -> Result<(), ImportError> {
    if let Some(r) = args.round.filter(|r| !(1..=2).contains(r)) {
        return Err(ImportError::BadOption {
            message: format!("--round {r}: รอบต้องเป็น 1 (๖ เดือน) หรือ 2 (ทั้งปี) (the round is 1 or 2)"),
        });
    }
    let document = import::read_file(&args.file)?;
    let options = Options {
        year: args.year,
        round: args.round,
        table: args.table,
    };
    let found = import::extract(&document, &args.file, &options)?;
    let default_into = root.join("content").join(found.year.to_string()).join("measures");
    let into = args.into.clone().unwrap_or_else(|| default_into.clone());
    print_summary(&found);

    let files: Vec<(PathBuf, String)> = found
        .measures
        .iter()
        .map(|m| (into.join(write::file_name(m.number)), write::render(m)))
        .collect();
    let mut problems = Vec::new();
    if !args.force {
        for (path, _) in &files {
            if path.exists() {
                problems.push(format!(
                    "{} มีอยู่แล้ว ใช้ --force เพื่อเขียนทับ (already exists; --force overwrites it)",
                    shown(root, path)
                ));
            }
        }
    }
    let others = measure_numbers(&into);
    for m in &found.measures {
        let ours = write::file_name(m.number);
        for other in others.get(&m.number).into_iter().flatten().filter(|f| **f != ours) {
            problems.push(format!(
                "มาตรการที่ {} มีอยู่แล้วใน {} (measure {} is already in {}); ย้ายหรือลบไฟล์นั้นก่อน (move or delete it first)",
                m.number,
                shown(root, &into.join(other)),
                m.number,
                other
            ));
        }
    }
    if !problems.is_empty() && !args.dry_run {
        return Err(ImportError::BadOption {
            message: format!("ไม่ได้เขียนไฟล์ใด (nothing was written):\n  {}", problems.join("\n  ")),
        });
    }
    for p in &problems {
        eprintln!("warning[import]: {p}");
    }

    if args.dry_run {
        for (path, text) in &files {
            println!("=== {}", shown(root, path));
            print!("{text}");
        }
        eprintln!(
            "ทดลองเท่านั้น ไม่ได้เขียนไฟล์ (--dry-run: nothing written); จะเขียน {} ไฟล์ที่ {} (would write {} files)",
            files.len(),
            shown(root, &into),
            files.len()
        );
        return Ok(());
    }
    std::fs::create_dir_all(&into).map_err(|e| ImportError::Read {
        path: into.clone(),
        reason: format!("สร้างโฟลเดอร์ไม่ได้ (cannot create the folder): {e}"),
    })?;
    for (path, text) in &files {
        std::fs::write(path, text).map_err(|e| ImportError::Read {
            path: path.clone(),
            reason: format!("เขียนไฟล์ไม่ได้ (cannot write): {e}"),
        })?;
        eprintln!("  + {}", shown(root, path));
    }
    if args.into.is_none()
        && !root
            .join("content")
            .join(found.year.to_string())
            .join("_index.md")
            .exists()
    {
        eprintln!(
            "warning[import]: ยังไม่มี content/{y}/_index.md ที่มี fiscal_year = {y} มาตรการจึงยังไม่อยู่ในปีงบประมาณใด \
             (create content/{y}/_index.md with fiscal_year = {y} so the measures belong to the year)",
            y = found.year
        );
    }
    eprintln!(
        "เขียนมาตรการ {} ไฟล์ที่ {} (wrote {} measure files)",
        files.len(),
        shown(root, &into),
        files.len()
    );
    Ok(())
}

fn print_summary(found: &Import) {
    let source = |s: &Source| match s {
        Source::Option => "จากตัวเลือก (from the option)".to_string(),
        Source::Document(phrase) => format!("จากเอกสาร “{phrase}” (from the document)"),
        Source::Default => "ค่าเริ่มต้น (default; use --round)".to_string(),
    };
    eprintln!(
        "ปีงบประมาณ {} {} · รอบที่ {} {}",
        found.year,
        source(&found.year_source),
        found.round,
        source(&found.round_source)
    );
    let summary = &found.summary;
    for table in &summary.tables {
        let kind = if table.is_measures {
            "ตารางมาตรการ (measures table)"
        } else {
            "ไม่ใช่ตารางมาตรการ (not a measures table)"
        };
        eprintln!(
            "ตาราง {} ({}): {kind}: {}",
            table.index,
            table.first,
            table
                .headers
                .iter()
                .zip(&table.fields)
                .map(|(h, f)| format!("{h} → {f}"))
                .collect::<Vec<_>>()
                .join(" · ")
        );
    }
    let mut bulk: BTreeMap<String, usize> = BTreeMap::new();
    for (at, outcome) in &summary.rows {
        if let Outcome::Skipped(skip) = outcome {
            match skip {
                Skip::NotMeasureTable | Skip::OtherTable | Skip::BeforeHeader => {
                    *bulk.entry(skip.to_string()).or_default() += 1;
                }
                _ => eprintln!("  ข้าม (skipped) {at}: {skip}"),
            }
        }
    }
    for (reason, count) in bulk {
        eprintln!("  ข้าม (skipped) {count} แถว (rows): {reason}");
    }
    for w in &summary.warnings {
        eprintln!("warning[import]: {w}");
    }
    eprintln!(
        "นำเข้า {} แถว รวม {} แถว ข้าม {} แถว → {} มาตรการ (rows imported {}, merged {}, skipped {} → {} measures)",
        summary.imported(),
        summary.merged(),
        summary.skipped(),
        found.measures.len(),
        summary.imported(),
        summary.merged(),
        summary.skipped(),
        found.measures.len()
    );
}

/// Measure numbers already used by files in `dir` → file names.
fn measure_numbers(dir: &Path) -> BTreeMap<i64, Vec<String>> {
    let mut out = BTreeMap::new();
    let Ok(entries) = std::fs::read_dir(dir) else {
        return out;
    };
    for entry in entries.flatten() {
        let path = entry.path();
        if path.extension().is_none_or(|e| e != "md") {
            continue;
        }
        let Ok(bytes) = std::fs::read(&path) else { continue };
        let Ok(text) = crate::source::decode(&bytes) else {
            continue;
        };
        let Ok(split) = crate::source::split_front_matter(&text) else {
            continue;
        };
        let Ok(table) = split.front_matter.parse::<toml::Table>() else {
            continue;
        };
        if table.get("kind").and_then(|k| k.as_str()) != Some("measure") {
            continue;
        }
        if let Some(n) = table.get("number").and_then(|n| crate::model::values::integer(n).ok()) {
            out.entry(n)
                .or_insert_with(Vec::new)
                .push(entry.file_name().to_string_lossy().into_owned());
        }
    }
    out
}

fn shown(root: &Path, path: &Path) -> String {
    crate::diag::display_path(path.strip_prefix(root).unwrap_or(path))
}
