//! Finding the logical tables of a document. Word repeats the header row on every page and a
//! converter may cut one table into several; a header row that `columns::continues` the
//! current one is skipped as a repeat, while a different header starts a new logical table
//! (seed 000 has an analysis table, a plan table and a report table, each over several pages).
//! A physical table without a header continues the current one when its rows are as wide.

use super::columns::{self, Field};
use super::html;
use super::summary::{Outcome, RowRef, Skip, Summary, TableNote};
use super::table::{Document, Row};

#[derive(Debug, Clone)]
pub struct Segment<'a> {
    pub index: usize,
    pub mapping: Vec<Option<Field>>,
    pub rows: Vec<(RowRef, &'a Row)>,
}

impl Segment<'_> {
    pub fn is_measures(&self) -> bool {
        columns::is_measure_table(&self.mapping)
    }
}

pub fn split<'a>(document: &'a Document, summary: &mut Summary) -> Vec<Segment<'a>> {
    let mut segments: Vec<Segment<'a>> = Vec::new();
    let mut current: Option<Segment<'a>> = None;
    for (t, table) in document.tables.iter().enumerate() {
        let mut first_row_of_table = true;
        let skipped_before = summary.rows.len();
        for (r, row) in table.rows.iter().enumerate() {
            if row.is_blank() {
                continue;
            }
            let at = RowRef {
                table: t + 1,
                row: r + 1,
                line: row.line,
            };
            if let Some(mapping) = columns::header_mapping(&row.cells) {
                first_row_of_table = false;
                if let Some(seg) = current.as_ref() {
                    if columns::continues(&seg.mapping, &mapping) {
                        summary.rows.push((at, Outcome::Skipped(Skip::RepeatedHeader)));
                        continue;
                    }
                }
                segments.extend(current.take());
                let index = segments.len() + 1;
                summary.tables.push(TableNote {
                    index,
                    first: at,
                    headers: row.cells.iter().map(|c| html::plain(c)).collect(),
                    fields: mapping.iter().map(|f| f.map_or("-", Field::key).to_string()).collect(),
                    is_measures: columns::is_measure_table(&mapping),
                });
                current = Some(Segment {
                    index,
                    mapping,
                    rows: Vec::new(),
                });
                continue;
            }
            if first_row_of_table {
                first_row_of_table = false;
                // A new physical table without a header only continues a table as wide.
                if current
                    .as_ref()
                    .is_some_and(|seg| seg.mapping.len() != row.cells.len() && !row.spans_all)
                {
                    segments.extend(current.take());
                }
            }
            match current.as_mut() {
                Some(seg) => seg.rows.push((at, row)),
                None => summary.rows.push((at, Outcome::Skipped(Skip::BeforeHeader))),
            }
        }
        // A table that never had a header row is some other table (seed 000's analysis).
        if current.is_none() {
            for (_, outcome) in &mut summary.rows[skipped_before..] {
                if *outcome == Outcome::Skipped(Skip::BeforeHeader) {
                    *outcome = Outcome::Skipped(Skip::NotMeasureTable);
                }
            }
        }
    }
    segments.extend(current);
    segments
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::import::table::Table;

    fn row(cells: &[&str]) -> Row {
        Row::new(cells.iter().map(|c| c.to_string()).collect())
    }

    #[test]
    fn repeated_headers_continue_and_new_headers_split() {
        let plan = ["มาตรการ/แนวทาง", "วิธีการดำเนินงาน", "ผู้รับผิดชอบ"];
        let report = ["มาตรการ/ แนวทาง", "วิธีการดำเนินงาน", "ผลการดำเนินงาน", "สถานะ"];
        let document = Document {
            tables: vec![
                Table {
                    rows: vec![row(&["ก่อน", "x", "y"]), row(&plan), row(&["๑.ก", "ข", "ค"])],
                },
                Table {
                    rows: vec![row(&plan), row(&["", "ต่อ", ""])],
                },
                Table {
                    rows: vec![row(&["๒.ง", "จ", "ฉ"])],
                },
                Table {
                    rows: vec![row(&report), row(&["๑.ก", "ข", "ผล", "เสร็จ"])],
                },
            ],
            text: String::new(),
        };
        let mut summary = Summary::default();
        let segments = split(&document, &mut summary);
        assert_eq!(segments.len(), 2);
        assert_eq!(segments[0].rows.len(), 3);
        assert_eq!(segments[1].rows.len(), 1);
        assert_eq!(summary.skipped(), 2, "{:?}", summary.rows);
        assert_eq!(summary.tables.len(), 2);
    }
}
