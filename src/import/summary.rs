//! What an import did with every row, for the summary the command prints: imported (started
//! a measure), merged (continued the measure above, or joined the same measure from another
//! table) or skipped, with the reason.

use std::fmt;

/// Where a row is: a line of a text file, or a table and row of a Word document.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub struct RowRef {
    pub table: usize,
    pub row: usize,
    pub line: Option<usize>,
}

impl fmt::Display for RowRef {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.line {
            Some(line) => write!(f, "บรรทัด {line} (line {line})"),
            None => write!(
                f,
                "ตาราง {} แถว {} (table {}, row {})",
                self.table, self.row, self.table, self.row
            ),
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Outcome {
    Imported { number: i64 },
    Merged { number: i64 },
    Skipped(Skip),
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Skip {
    RepeatedHeader,
    GroupHeading(String),
    BeforeHeader,
    NotMeasureTable,
    OrphanContinuation,
    NothingRecognised,
    OtherTable,
}

impl fmt::Display for Skip {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Skip::RepeatedHeader => f.write_str("หัวตารางซ้ำ (repeated header row)"),
            Skip::GroupHeading(text) => write!(f, "หัวข้อกลุ่ม “{text}” (group heading)"),
            Skip::BeforeHeader => f.write_str("อยู่ก่อนหัวตาราง (before the header row)"),
            Skip::NotMeasureTable => f.write_str("ไม่ใช่ตารางมาตรการ (not a measures table)"),
            Skip::OrphanContinuation => {
                f.write_str("แถวต่อจากมาตรการก่อนหน้า แต่ไม่มีมาตรการก่อนหน้า (a continuation row with no measure above)")
            }
            Skip::NothingRecognised => f.write_str("ไม่มีข้อมูลในคอลัมน์ที่รู้จัก (nothing in the recognised columns)"),
            Skip::OtherTable => f.write_str("ไม่ได้เลือกตารางนี้ (--table chose another table)"),
        }
    }
}

/// One logical table: a header and the rows under it, across page breaks.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TableNote {
    /// 1-based, in document order; what `--table` selects.
    pub index: usize,
    pub first: RowRef,
    pub headers: Vec<String>,
    /// The SPEC keys the columns were read as (`-` for an unrecognised column).
    pub fields: Vec<String>,
    pub is_measures: bool,
}

#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Summary {
    pub tables: Vec<TableNote>,
    pub rows: Vec<(RowRef, Outcome)>,
    pub warnings: Vec<String>,
}

impl Summary {
    pub fn count(&self, pick: fn(&Outcome) -> bool) -> usize {
        self.rows.iter().filter(|(_, o)| pick(o)).count()
    }

    pub fn imported(&self) -> usize {
        self.count(|o| matches!(o, Outcome::Imported { .. }))
    }

    pub fn merged(&self) -> usize {
        self.count(|o| matches!(o, Outcome::Merged { .. }))
    }

    pub fn skipped(&self) -> usize {
        self.count(|o| matches!(o, Outcome::Skipped(_)))
    }
}
