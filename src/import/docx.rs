//! `.docx`: the tables of `word/document.xml`, read with `zip` and `quick-xml`.
//!
//! A cell's paragraphs and `w:br` breaks become line breaks; `w:gridSpan` repeats the cell as
//! empty cells so columns stay aligned (a cell spanning the whole row is a group heading);
//! a `w:vMerge` continuation is an empty cell, which `clean` reads as "same measure as above".
//! Word's automatic numbering is not in the text, so numbered paragraphs get their number
//! back ("1. ") and deeper levels a dash. Tables nested in a cell are flattened into its text.
//! Deleted text (`w:delText`), tab stops and the fallback copies of drawings are skipped.

use std::io::{Cursor, Read};

use quick_xml::events::{BytesStart, Event};
use quick_xml::Reader;

use super::table::{Document, Row, Table};

/// The magic number of an OLE compound file: an old `.doc`, or an encrypted `.docx`.
pub const OLE_MAGIC: [u8; 8] = [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1];

/// A larger document.xml is refused rather than read into memory (a zip bomb guard).
const MAX_XML_BYTES: u64 = 256 * 1024 * 1024;

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum DocxError {
    /// An OLE compound file; `encrypted` when it holds an `EncryptionInfo` stream.
    Ole {
        encrypted: bool,
    },
    Corrupt(String),
}

pub fn read(bytes: &[u8]) -> Result<Document, DocxError> {
    if bytes.starts_with(&OLE_MAGIC) {
        return Err(DocxError::Ole {
            encrypted: is_encrypted_ole(bytes),
        });
    }
    let mut archive = zip::ZipArchive::new(Cursor::new(bytes))
        .map_err(|e| DocxError::Corrupt(format!("ไม่ใช่ไฟล์ zip ที่อ่านได้ (not a readable zip): {e}")))?;
    let mut xml = String::new();
    let entry = archive
        .by_name("word/document.xml")
        .map_err(|_| DocxError::Corrupt("ไม่มี word/document.xml ในไฟล์ (no word/document.xml inside)".into()))?;
    entry.take(MAX_XML_BYTES).read_to_string(&mut xml).map_err(|e| {
        DocxError::Corrupt(format!(
            "อ่าน word/document.xml ไม่ได้ (cannot read word/document.xml): {e}"
        ))
    })?;
    parse_document_xml(&xml).map_err(DocxError::Corrupt)
}

/// An encrypted OOXML file is an OLE container with the stream names `EncryptionInfo` and
/// `EncryptedPackage` in its directory, written in UTF-16LE.
fn is_encrypted_ole(bytes: &[u8]) -> bool {
    let needle: Vec<u8> = "EncryptionInfo".encode_utf16().flat_map(u16::to_le_bytes).collect();
    bytes.windows(needle.len()).any(|w| w == needle.as_slice())
}

#[derive(Default)]
struct Cell {
    text: String,
    span: usize,
    numbers: Vec<(String, u32)>,
}

#[derive(Default)]
struct TableBuild {
    rows: Vec<Vec<Cell>>,
    grid_cols: usize,
}

#[derive(Default)]
struct Paragraph {
    text: String,
    num_id: Option<String>,
    level: u32,
}

/// The tables and body text of a `word/document.xml`.
pub fn parse_document_xml(xml: &str) -> Result<Document, String> {
    let mut reader = Reader::from_str(xml);
    reader.config_mut().trim_text(false);
    let mut document = Document::default();
    let mut depth = 0usize; // w:tbl nesting
    let mut table = TableBuild::default();
    let mut row: Option<Vec<Cell>> = None;
    let mut cell: Option<Cell> = None;
    let mut paragraph: Option<Paragraph> = None;
    let mut in_text = false;
    let mut in_ppr = false;
    let mut fallback = 0usize;
    loop {
        let event = reader.read_event().map_err(|e| {
            format!(
                "XML เสียที่ตำแหน่ง {} (broken XML at byte {}): {e}",
                reader.buffer_position(),
                reader.buffer_position()
            )
        })?;
        match event {
            Event::Eof => break,
            Event::Start(e) => {
                let name = local(&e);
                if fallback > 0 {
                    if name == "Fallback" {
                        fallback += 1;
                    }
                    continue;
                }
                match name.as_str() {
                    "Fallback" => fallback = 1,
                    "tbl" => {
                        depth += 1;
                        if depth == 1 {
                            table = TableBuild::default();
                        }
                    }
                    "tr" if depth == 1 => row = Some(Vec::new()),
                    "tc" if depth == 1 => {
                        cell = Some(Cell {
                            span: 1,
                            ..Cell::default()
                        })
                    }
                    "p" => paragraph = Some(Paragraph::default()),
                    "pPr" => in_ppr = true,
                    "t" => in_text = true,
                    _ => {}
                }
            }
            Event::Empty(e) => {
                if fallback > 0 {
                    continue;
                }
                let name = local(&e);
                match name.as_str() {
                    "gridCol" if depth == 1 => table.grid_cols += 1,
                    "gridSpan" if depth == 1 => {
                        if let (Some(c), Some(v)) = (cell.as_mut(), attr(&e, "val")) {
                            c.span = v.parse().unwrap_or(1).clamp(1, 64);
                        }
                    }
                    "numId" if in_ppr => {
                        if let Some(p) = paragraph.as_mut() {
                            p.num_id = attr(&e, "val").filter(|v| v != "0");
                        }
                    }
                    "ilvl" if in_ppr => {
                        if let Some(p) = paragraph.as_mut() {
                            p.level = attr(&e, "val").and_then(|v| v.parse().ok()).unwrap_or(0);
                        }
                    }
                    "br" | "cr" if !in_ppr => push_text(&mut paragraph, "\n"),
                    "tab" if !in_ppr => push_text(&mut paragraph, " "),
                    "p" => finish_paragraph(Paragraph::default(), depth, &mut cell, &mut document),
                    _ => {}
                }
            }
            Event::Text(t) if in_text && fallback == 0 => {
                let text = t.decode().map_err(|e| e.to_string())?;
                push_text(&mut paragraph, &text);
            }
            Event::GeneralRef(r) if in_text && fallback == 0 => {
                let resolved = match r.resolve_char_ref() {
                    Ok(Some(c)) => c.to_string(),
                    _ => {
                        let name = r.decode().map_err(|e| e.to_string())?;
                        quick_xml::escape::resolve_predefined_entity(&name)
                            .unwrap_or_default()
                            .to_string()
                    }
                };
                push_text(&mut paragraph, &resolved);
            }
            Event::End(e) => {
                let name = String::from_utf8_lossy(e.local_name().as_ref()).into_owned();
                if fallback > 0 {
                    if name == "Fallback" {
                        fallback -= 1;
                    }
                    continue;
                }
                match name.as_str() {
                    "t" => in_text = false,
                    "pPr" => in_ppr = false,
                    "p" => {
                        if let Some(p) = paragraph.take() {
                            finish_paragraph(p, depth, &mut cell, &mut document);
                        }
                    }
                    "tc" if depth == 1 => {
                        if let (Some(c), Some(r)) = (cell.take(), row.as_mut()) {
                            r.push(c);
                        }
                    }
                    "tr" if depth == 1 => {
                        if let Some(r) = row.take() {
                            table.rows.push(r);
                        }
                    }
                    "tbl" => {
                        depth = depth.saturating_sub(1);
                        if depth == 0 {
                            document.tables.push(finish_table(std::mem::take(&mut table)));
                        }
                    }
                    _ => {}
                }
            }
            _ => {}
        }
    }
    Ok(document)
}

fn local(e: &BytesStart) -> String {
    String::from_utf8_lossy(e.local_name().as_ref()).into_owned()
}

/// The value of `w:<name>` (any prefix).
fn attr(e: &BytesStart, name: &str) -> Option<String> {
    e.attributes().flatten().find_map(|a| {
        (a.key.local_name().as_ref() == name.as_bytes())
            .then(|| a.unescape_value().ok().map(|v| v.into_owned()))
            .flatten()
    })
}

fn push_text(paragraph: &mut Option<Paragraph>, text: &str) {
    if let Some(p) = paragraph.as_mut() {
        p.text.push_str(text);
    }
}

fn finish_paragraph(p: Paragraph, depth: usize, cell: &mut Option<Cell>, document: &mut Document) {
    match (depth, cell.as_mut()) {
        (1.., Some(c)) => {
            let mut text = p.text;
            if let Some(num_id) = p.num_id {
                if p.level == 0 {
                    let n = match c.numbers.iter_mut().find(|(id, _)| *id == num_id) {
                        Some((_, n)) => {
                            *n += 1;
                            *n
                        }
                        None => {
                            c.numbers.push((num_id, 1));
                            1
                        }
                    };
                    text = format!("{n}. {text}");
                } else {
                    text = format!("- {text}");
                }
            }
            if !c.text.is_empty() {
                c.text.push('\n');
            }
            c.text.push_str(&text);
        }
        _ => {
            document.text.push_str(&p.text);
            document.text.push('\n');
        }
    }
}

fn finish_table(build: TableBuild) -> Table {
    let width = build
        .rows
        .iter()
        .map(|r| r.iter().map(|c| c.span).sum::<usize>())
        .max()
        .unwrap_or(0)
        .max(build.grid_cols);
    let rows = build
        .rows
        .into_iter()
        .map(|cells| {
            let spans_all = width > 1 && cells.len() == 1 && cells[0].span >= width;
            let mut out = Vec::new();
            for c in cells {
                out.push(c.text);
                out.extend(std::iter::repeat_n(String::new(), c.span - 1));
            }
            Row {
                cells: out,
                spans_all,
                line: None,
            }
        })
        .collect();
    Table { rows }
}

#[cfg(test)]
mod tests {
    use super::*;

    const W: &str = "xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\"";

    #[test]
    fn cells_spans_merges_breaks_and_numbering() {
        let xml = format!(
            "<w:document {W}><w:body><w:p><w:r><w:t>ปีงบประมาณ พ.ศ. ๒๕๖๔</w:t></w:r></w:p>\
             <w:tbl><w:tblGrid><w:gridCol/><w:gridCol/><w:gridCol/></w:tblGrid>\
             <w:tr><w:tc><w:tcPr><w:gridSpan w:val=\"3\"/></w:tcPr><w:p><w:r><w:t>กลุ่ม</w:t></w:r></w:p></w:tc></w:tr>\
             <w:tr><w:tc><w:tcPr><w:vMerge w:val=\"restart\"/></w:tcPr><w:p><w:r><w:t>มาตรการ</w:t></w:r></w:p></w:tc>\
             <w:tc><w:p><w:pPr><w:tabs><w:tab w:val=\"left\" w:pos=\"720\"/></w:tabs><w:numPr><w:ilvl w:val=\"0\"/><w:numId w:val=\"5\"/></w:numPr></w:pPr><w:r><w:t>ก</w:t></w:r></w:p>\
             <w:p><w:pPr><w:numPr><w:ilvl w:val=\"0\"/><w:numId w:val=\"5\"/></w:numPr></w:pPr><w:r><w:t xml:space=\"preserve\">ข </w:t><w:tab/><w:t>&amp; ค</w:t><w:br/><w:t>ง</w:t><w:delText>ลบ</w:delText></w:r></w:p></w:tc>\
             <w:tc><w:p><w:r><w:t>Q&amp;A &#3665;</w:t></w:r></w:p></w:tc></w:tr>\
             <w:tr><w:tc><w:tcPr><w:vMerge/></w:tcPr><w:p/></w:tc><w:tc><w:p><w:r><w:t>ต่อ</w:t></w:r></w:p></w:tc><w:tc><w:p/></w:tc></w:tr>\
             </w:tbl></w:body></w:document>"
        );
        let doc = parse_document_xml(&xml).unwrap_or_default();
        assert_eq!(doc.text, "ปีงบประมาณ พ.ศ. ๒๕๖๔\n");
        let rows = &doc.tables[0].rows;
        assert_eq!(rows[0].cells, vec!["กลุ่ม", "", ""]);
        assert!(rows[0].spans_all);
        assert_eq!(rows[1].cells, vec!["มาตรการ", "1. ก\n2. ข  & ค\nง", "Q&A ๑"]);
        assert!(!rows[1].spans_all);
        assert_eq!(rows[2].cells, vec!["", "ต่อ", ""]);
    }

    #[test]
    fn ole_and_broken_files() {
        let mut ole = OLE_MAGIC.to_vec();
        ole.extend("EncryptionInfo".encode_utf16().flat_map(u16::to_le_bytes));
        assert_eq!(read(&ole), Err(DocxError::Ole { encrypted: true }));
        assert_eq!(read(&OLE_MAGIC), Err(DocxError::Ole { encrypted: false }));
        assert!(matches!(read(b"PK\x03\x04garbage"), Err(DocxError::Corrupt(_))));
        assert!(matches!(read(b""), Err(DocxError::Corrupt(_))));
        assert!(parse_document_xml("<w:p><w:t>x</w:q>").is_err());
    }
}
