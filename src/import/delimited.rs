//! CSV and TSV: what a table copied out of Word or Excel becomes. Quoted cells may hold line
//! breaks (Excel quotes them). A line with a single field is text between tables — a heading
//! such as "ปีงบประมาณ พ.ศ. ๒๕๖๔" — and ends the current table, so a seed-like file that mixes
//! prose and tab-separated rows reads as its tables plus its text.

use super::table::{Document, Row, Table};

/// Reads `text` split by `delimiter` (`b','` or `b'\t'`).
pub fn read(text: &str, delimiter: u8) -> Result<Document, String> {
    let mut reader = csv::ReaderBuilder::new()
        .delimiter(delimiter)
        .has_headers(false)
        .flexible(true)
        .from_reader(text.as_bytes());
    let mut document = Document::default();
    let mut current = Table::default();
    let mut record = csv::StringRecord::new();
    loop {
        let line = reader.position().line() as usize;
        match reader.read_record(&mut record) {
            Ok(false) => break,
            Ok(true) => {}
            Err(e) => return Err(format!("บรรทัด {line} (line {line}): {e}")),
        }
        let cells: Vec<String> = record.iter().map(str::to_string).collect();
        if cells.len() >= 2 {
            current.rows.push(Row::new(cells).at_line(line));
        } else {
            let text = cells.first().map_or("", |c| c.trim());
            if !text.is_empty() {
                if !current.rows.is_empty() {
                    document.tables.push(std::mem::take(&mut current));
                }
                document.text.push_str(text);
                document.text.push('\n');
            }
        }
    }
    if !current.rows.is_empty() {
        document.tables.push(current);
    }
    Ok(document)
}

/// `b'\t'` when at least as many lines have tabs as have commas, else `b','`; for `.csv`
/// files that are really tab-separated (Excel's "Unicode text" export) and for `.txt`, where
/// the table may start after pages of prose.
pub fn sniff(text: &str) -> u8 {
    let tabs = text.lines().filter(|l| l.contains('\t')).count();
    let commas = text.lines().filter(|l| l.contains(',')).count();
    if tabs > 0 && tabs >= commas {
        b'\t'
    } else {
        b','
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn prose_lines_split_tables_and_quoted_cells_keep_line_breaks() {
        let text = "รายงาน ปีงบประมาณ พ.ศ. ๒๕๖๔\nมาตรการ\tผู้รับผิดชอบ\n\"๑.ก\n๒.ข\"\tกองคลัง\n\nลงชื่อ\n";
        let doc = read(text, b'\t').unwrap_or_default();
        assert_eq!(doc.tables.len(), 1);
        assert_eq!(doc.tables[0].rows[1].cells, vec!["๑.ก\n๒.ข", "กองคลัง"]);
        assert_eq!(doc.tables[0].rows[1].line, Some(3));
        assert_eq!(doc.text, "รายงาน ปีงบประมาณ พ.ศ. ๒๕๖๔\nลงชื่อ\n");
        assert_eq!(sniff("a\tb\nc\td"), b'\t');
        assert_eq!(sniff("a,b\nc,d"), b',');
    }
}
