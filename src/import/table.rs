//! The neutral table every reader produces: rows of cell texts, in document order, plus the
//! text around the tables (where "ปีงบประมาณ พ.ศ. ๒๕๖๔" usually is). Cells keep what the
//! source had — line breaks, HTML fragments, Thai digits — and `clean` makes sense of them.

/// One row as read. `spans_all` is set when the source says a single cell covers the whole
/// row (a Word `gridSpan` over every column): a group heading, not a measure.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Row {
    pub cells: Vec<String>,
    pub spans_all: bool,
    /// 1-based line of the source file, for text formats.
    pub line: Option<usize>,
}

impl Row {
    pub fn new(cells: Vec<String>) -> Row {
        Row {
            cells,
            ..Row::default()
        }
    }

    pub fn at_line(mut self, line: usize) -> Row {
        self.line = Some(line);
        self
    }

    pub fn cell(&self, index: usize) -> &str {
        self.cells.get(index).map_or("", String::as_str)
    }

    pub fn is_blank(&self) -> bool {
        self.cells.iter().all(|c| c.trim().is_empty())
    }
}

#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Table {
    pub rows: Vec<Row>,
}

/// What a reader found in a file.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Document {
    pub tables: Vec<Table>,
    /// The text outside the tables, paragraphs separated by line breaks.
    pub text: String,
}

impl Document {
    pub fn is_empty(&self) -> bool {
        self.tables.iter().all(|t| t.rows.iter().all(Row::is_blank))
    }
}
