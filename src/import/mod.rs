//! `prongsai import`: the tables municipalities already have — in Word (`.docx`), copied out to
//! CSV/TSV, or as Markdown pipe tables — turned into `measure` pages (SPEC §4).
//!
//! Readers (`docx`, `delimited`, `markdown`) make a neutral [`table::Document`]; `segments`
//! finds the logical tables in it (headers repeated on every page, a plan and a report table
//! in one document); `columns` recognises the Thai headers; `clean` turns rows into measures;
//! `write` renders them as files the real loader reads back. Everything here is pure but
//! [`read_file`]; the command in `commands::import` does the writing.

pub mod catalog_table;
pub mod clean;
pub mod columns;
pub mod delimited;
pub mod docx;
pub mod error;
pub mod html;
pub mod infer;
pub mod lists;
pub mod markdown;
pub mod segments;
pub mod summary;
pub mod table;
pub mod write;

use std::collections::BTreeMap;
use std::path::Path;

pub use clean::ImportedMeasure;
pub use error::ImportError;
use summary::{Outcome, Skip, Summary};
use table::Document;

/// What the command line says; `None` means "work it out from the document".
#[derive(Debug, Clone, Default)]
pub struct Options {
    pub year: Option<i32>,
    pub round: Option<u8>,
    /// Only this logical table (1-based, as numbered in the summary).
    pub table: Option<usize>,
}

/// A value and where it came from, for the summary.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Source {
    Option,
    Document(String),
    Default,
}

#[derive(Debug, Clone)]
pub struct Import {
    pub year: i32,
    pub year_source: Source,
    pub round: u8,
    pub round_source: Source,
    pub measures: Vec<ImportedMeasure>,
    pub summary: Summary,
}

/// Reads any supported file into a document. Format by extension, confirmed by content: a
/// zip or OLE file is read as Word whatever its name; `.txt` is sniffed.
pub fn read_file(path: &Path) -> Result<Document, ImportError> {
    let bytes = std::fs::read(path).map_err(|e| ImportError::Read {
        path: path.to_path_buf(),
        reason: e.to_string(),
    })?;
    let ext = path
        .extension()
        .map(|e| e.to_string_lossy().to_lowercase())
        .unwrap_or_default();
    if bytes.iter().all(u8::is_ascii_whitespace) {
        return Err(ImportError::Empty {
            path: path.to_path_buf(),
        });
    }
    let wordish = matches!(ext.as_str(), "docx" | "doc" | "docm" | "dotx");
    if wordish || bytes.starts_with(b"PK\x03\x04") || bytes.starts_with(&docx::OLE_MAGIC) {
        return docx::read(&bytes).map_err(|e| match e {
            docx::DocxError::Ole { encrypted } => ImportError::OleFile {
                path: path.to_path_buf(),
                encrypted,
            },
            docx::DocxError::Corrupt(reason) => ImportError::CorruptDocx {
                path: path.to_path_buf(),
                reason,
            },
        });
    }
    if !matches!(ext.as_str(), "csv" | "tsv" | "tab" | "txt" | "md" | "markdown" | "text") {
        return Err(ImportError::UnknownFormat {
            path: path.to_path_buf(),
        });
    }
    let text = crate::source::decode(&bytes).map_err(|e| ImportError::Decode {
        path: path.to_path_buf(),
        reason: e.to_string(),
        help: e.help().to_string(),
    })?;
    let delimited = |delimiter| {
        delimited::read(&text, delimiter).map_err(|reason| ImportError::Read {
            path: path.to_path_buf(),
            reason,
        })
    };
    match ext.as_str() {
        "md" | "markdown" => Ok(markdown::read(&text)),
        "tsv" | "tab" => delimited(b'\t'),
        _ if markdown::has_pipe_table(&text) => Ok(markdown::read(&text)),
        _ => delimited(delimited::sniff(&text)),
    }
}

/// The measures of a document, merged by number across its tables (a plan table and a report
/// table of the same measures make one file each).
pub fn extract(document: &Document, path: &Path, options: &Options) -> Result<Import, ImportError> {
    if document.tables.is_empty() {
        return Err(ImportError::NoTable {
            path: path.to_path_buf(),
        });
    }
    if document.is_empty() {
        return Err(ImportError::Empty {
            path: path.to_path_buf(),
        });
    }
    let all_text = all_text(document);
    // The text around the tables names the document's year; cells only when it does not
    // (a step may mention next year's plan).
    let (year, year_source) = match options.year {
        Some(y) => (y, Source::Option),
        None => match infer::fiscal_year(&document.text).or_else(|| infer::fiscal_year(&all_text)) {
            Some(found) => (found.value, Source::Document(found.phrase)),
            None => {
                return Err(ImportError::NoYear {
                    path: path.to_path_buf(),
                })
            }
        },
    };
    if !(2500..=2700).contains(&year) {
        return Err(ImportError::BadOption {
            message: format!("ปี {year} ต้องเป็นปี พ.ศ. เช่น 2564 (the year must be a BE year such as 2564)"),
        });
    }
    let (round, round_source) = match options.round {
        Some(r) => (r, Source::Option),
        None => match infer::round(&document.text).or_else(|| infer::round(&all_text)) {
            Some(found) => (found.value, Source::Document(found.phrase)),
            None => (1, Source::Default),
        },
    };
    let mut summary = Summary::default();
    let segments = segments::split(document, &mut summary);
    let context = clean::Context {
        fiscal_year: year,
        round,
    };
    let mut merged: BTreeMap<i64, ImportedMeasure> = BTreeMap::new();
    for segment in &segments {
        let chosen = options.table.is_none_or(|t| t == segment.index);
        if !segment.is_measures() || !chosen {
            let reason = if chosen {
                Skip::NotMeasureTable
            } else {
                Skip::OtherTable
            };
            for (at, _) in &segment.rows {
                summary.rows.push((*at, Outcome::Skipped(reason.clone())));
            }
            continue;
        }
        let before: Vec<i64> = merged.keys().copied().collect();
        let first_new_row = summary.rows.len();
        for measure in clean::measures(segment, context, &mut summary) {
            match merged.get_mut(&measure.number) {
                Some(existing) => merge_into(existing, measure),
                None => {
                    merged.insert(measure.number, measure);
                }
            }
        }
        // A measure already met in an earlier table (the plan) is merged, not imported again.
        for (_, outcome) in &mut summary.rows[first_new_row..] {
            if let Outcome::Imported { number } = *outcome {
                if before.contains(&number) {
                    *outcome = Outcome::Merged { number };
                }
            }
        }
    }
    summary.rows.sort_by_key(|(at, _)| *at);
    if merged.is_empty() {
        if let Some(t) = options.table {
            if !summary.tables.iter().any(|n| n.index == t && n.is_measures) {
                return Err(ImportError::BadOption {
                    message: format!("--table {t}: ไม่มีตารางมาตรการลำดับที่ {t} (there is no measures table number {t})"),
                });
            }
        }
        let seen = if summary.tables.is_empty() {
            document
                .tables
                .iter()
                .filter_map(|t| t.rows.iter().find(|r| !r.is_blank()))
                .map(|r| r.cells.iter().map(|c| html::plain(c)).collect::<Vec<_>>().join(" · "))
                .take(3)
                .collect()
        } else {
            summary.tables.iter().map(|t| t.headers.join(" · ")).collect()
        };
        return Err(ImportError::NoMeasureTable {
            path: path.to_path_buf(),
            seen,
        });
    }
    Ok(Import {
        year,
        year_source,
        round,
        round_source,
        measures: merged.into_values().collect(),
        summary,
    })
}

/// Fills what `existing` lacks from the same measure in a later table.
fn merge_into(existing: &mut ImportedMeasure, other: ImportedMeasure) {
    if existing.title.is_empty() {
        existing.title = other.title;
    }
    if existing.steps.is_empty() {
        existing.steps = other.steps;
    }
    if existing.owners.is_empty() {
        existing.owners = other.owners;
    }
    if existing.period.is_none() {
        existing.period = other.period;
    }
    if existing.start.is_none() && existing.end.is_none() {
        existing.start = other.start;
        existing.end = other.end;
    }
    if existing.reporting.is_none() {
        existing.reporting = other.reporting;
    }
    if existing.progress.is_none() {
        existing.progress = other.progress;
    }
    if existing.group.is_none() {
        existing.group = other.group;
    }
    for paragraph in other.body {
        if !existing.body.contains(&paragraph) {
            existing.body.push(paragraph);
        }
    }
}

fn all_text(document: &Document) -> String {
    let mut text = document.text.clone();
    for table in &document.tables {
        for row in &table.rows {
            for cell in &row.cells {
                text.push('\n');
                text.push_str(cell);
            }
        }
    }
    text
}
