//! Markdown pipe tables (seed 000's form), read with pulldown-cmark, the parser prongsai
//! already renders with. A cell keeps its inline HTML as written (`<p>…</p>`), so `clean`
//! treats it exactly like a cell pasted as HTML; text outside tables becomes the document text.

use pulldown_cmark::{Event, Options, Parser, Tag, TagEnd};

use super::table::{Document, Row, Table};

pub fn read(text: &str) -> Document {
    let mut document = Document::default();
    let mut table: Option<Table> = None;
    let mut row: Option<Row> = None;
    let mut cell: Option<String> = None;
    let parser = Parser::new_ext(text, Options::ENABLE_TABLES).into_offset_iter();
    for (event, range) in parser {
        match event {
            Event::Start(Tag::Table(_)) => table = Some(Table::default()),
            Event::End(TagEnd::Table) => {
                if let Some(t) = table.take() {
                    document.tables.push(t);
                }
            }
            Event::Start(Tag::TableHead) | Event::Start(Tag::TableRow) => {
                let line = text[..range.start.min(text.len())].matches('\n').count() + 1;
                row = Some(Row::default().at_line(line));
            }
            Event::End(TagEnd::TableHead) | Event::End(TagEnd::TableRow) => {
                if let (Some(r), Some(t)) = (row.take(), table.as_mut()) {
                    t.rows.push(r);
                }
            }
            Event::Start(Tag::TableCell) => cell = Some(String::new()),
            Event::End(TagEnd::TableCell) => {
                if let (Some(c), Some(r)) = (cell.take(), row.as_mut()) {
                    r.cells.push(c);
                }
            }
            Event::Text(t) | Event::Code(t) | Event::InlineHtml(t) | Event::Html(t) | Event::InlineMath(t) => {
                match cell.as_mut() {
                    Some(c) => c.push_str(&t),
                    None if table.is_none() => document.text.push_str(&t),
                    None => {}
                }
            }
            Event::SoftBreak | Event::HardBreak => match cell.as_mut() {
                Some(c) => c.push('\n'),
                None => document.text.push('\n'),
            },
            Event::End(TagEnd::Paragraph) | Event::End(TagEnd::Heading(_)) | Event::End(TagEnd::Item)
                if cell.is_none() =>
            {
                document.text.push('\n');
            }
            _ => {}
        }
    }
    document
}

/// Whether text looks like Markdown with a pipe table: a `|---|` delimiter line.
pub fn has_pipe_table(text: &str) -> bool {
    text.lines().any(|line| {
        let line = line.trim();
        line.starts_with('|') && line.contains('-') && line.chars().all(|c| matches!(c, '|' | '-' | ':' | ' '))
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pipe_tables_keep_cell_html_and_the_text_around() {
        let text = "ปีงบประมาณ พ.ศ.๒๕๖๔\n\n| มาตรการ | สถานะ |\n|---|--|\n| ๑.ก | <p>อยู่ระหว่าง</p> <p>เสร็จ</p> |\n| | Q&A \\| x |\n";
        let doc = read(text);
        assert_eq!(doc.tables.len(), 1);
        let rows = &doc.tables[0].rows;
        assert_eq!(rows[0].cells, vec!["มาตรการ", "สถานะ"]);
        assert_eq!(rows[1].cells, vec!["๑.ก", "<p>อยู่ระหว่าง</p> <p>เสร็จ</p>"]);
        assert_eq!(rows[2].cells, vec!["", "Q&A | x"]);
        assert_eq!(rows[1].line, Some(5));
        assert!(doc.text.contains("ปีงบประมาณ"));
        assert!(has_pipe_table(text));
        assert!(!has_pipe_table("a\tb\n"));
    }
}
