//! NACC's published OIT item table (copied to TSV/CSV, or the .docx itself) turned into a
//! portal catalog, `catalogs/<year>.toml`, so a webmaster can add a year the day its list is
//! published, without a new prongsai release (`prongsai catalog import`).
//!
//! The table needs an item column (ข้อ: O1, o๒, 1) and a title column (รายการ/ชื่อข้อ/หัวข้อ);
//! optional columns: ตัวชี้วัด (9/10), ตัวชี้วัดย่อย (9.1), ข้อมูลปี (data year). Rows that are
//! only a heading (one cell, or no item id and no title) are skipped; anything else that does
//! not read is an error naming the file and row and what to do. The file's tables are read by
//! `import`'s readers (`read_file`), the same as `prongsai import`.

use std::fmt::Write as _;
use std::path::Path;

use super::table::Document;
use crate::ita::item_id::ItemId;

/// One item read from the table.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TableItem {
    pub id: ItemId,
    pub title: String,
    pub indicator: Option<u8>,
    pub sub_indicator: Option<String>,
    pub data_year: Option<&'static str>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Column {
    Id,
    Title,
    Indicator,
    SubIndicator,
    DataYear,
}

fn recognise(header: &str) -> Option<Column> {
    let h: String = header.split_whitespace().collect::<Vec<_>>().join("").to_lowercase();
    if h.contains("ตัวชี้วัดย่อย") || h.contains("sub") {
        Some(Column::SubIndicator)
    } else if h.contains("ตัวชี้วัด") || h.contains("indicator") {
        Some(Column::Indicator)
    } else if h.contains("ปีข้อมูล") || h.contains("ข้อมูลปี") || h.contains("datayear")
    {
        Some(Column::DataYear)
    } else if h == "ข้อ" || h == "ลำดับ" || h == "item" || h == "id" || h == "รหัส" || h.starts_with("ข้อที่")
    {
        Some(Column::Id)
    } else if h.contains("รายการ")
        || h.contains("ชื่อข้อ")
        || h.contains("หัวข้อ")
        || h.contains("title")
        || h.contains("ประเด็น")
    {
        Some(Column::Title)
    } else {
        None
    }
}

/// Reads the first table whose header has an item and a title column. `path` names the file
/// in errors; rows are numbered as in the file (its line for TSV/CSV, else the table row).
pub fn items(document: &Document, path: &Path) -> Result<Vec<TableItem>, String> {
    let shown = path.display();
    for (t, table) in document.tables.iter().enumerate() {
        let Some(header_at) = table.rows.iter().position(|r| !r.is_blank()) else {
            continue;
        };
        let columns: Vec<Option<Column>> = table.rows[header_at].cells.iter().map(|c| recognise(c)).collect();
        let find = |c: Column| columns.iter().position(|x| *x == Some(c));
        let (Some(id_col), Some(title_col)) = (find(Column::Id), find(Column::Title)) else {
            continue;
        };
        let mut out: Vec<TableItem> = Vec::new();
        for (r, row) in table.rows.iter().enumerate().skip(header_at + 1) {
            let at = match row.line {
                Some(line) => format!("{shown}: บรรทัด {line} (line {line})"),
                None => format!(
                    "{shown}: ตารางที่ {} แถวที่ {} (table {}, row {})",
                    t + 1,
                    r + 1,
                    t + 1,
                    r + 1
                ),
            };
            // A heading row: one cell over the row, or one text that is not an item id.
            let filled = row.cells.iter().filter(|c| !c.trim().is_empty()).count();
            let id_only = ItemId::parse(super::html::plain(row.cell(id_col)).trim()).is_ok();
            if row.is_blank() || (row.spans_all && !id_only) || (filled < 2 && !id_only) {
                continue;
            }
            let raw_id = super::html::plain(row.cell(id_col));
            let raw_id = raw_id.trim();
            let title = super::html::collapse_spaces(&super::html::plain(row.cell(title_col)));
            let title = title.trim().to_string();
            if raw_id.is_empty() {
                return Err(format!(
                    "{at}: ไม่มีเลขข้อในคอลัมน์ ข้อ (no item number) — ใส่เลขข้อ เช่น O1 หรือลบแถวนี้ (give an id such as O1, or delete the row)"
                ));
            }
            let id_text = if raw_id.chars().all(|c| c.is_ascii_digit() || ('๐'..='๙').contains(&c)) {
                format!("O{raw_id}")
            } else {
                raw_id.to_string()
            };
            let id = ItemId::parse(&id_text)
                .map_err(|e| format!("{at}: เลขข้อ “{raw_id}” อ่านไม่ได้ ({e}) — ใช้รูปแบบ O1, O2 … (use ids such as O1)"))?;
            if title.is_empty() {
                return Err(format!(
                    "{at}: ข้อ {id} ไม่มีชื่อข้อ (item {id} has no title) — ใส่ชื่อข้อตามที่ ป.ป.ช. ประกาศ (give NACC's title)"
                ));
            }
            if let Some(first) = out.iter().find(|i| i.id == id) {
                return Err(format!(
                    "{at}: ข้อ {id} ซ้ำ (item {id} is listed twice; first as “{}”) — ลบแถวที่ซ้ำ (delete the duplicate row)",
                    first.title
                ));
            }
            let cell = |c: Column| {
                find(c)
                    .map(|i| super::html::plain(row.cell(i)).trim().to_string())
                    .filter(|s| !s.is_empty())
            };
            let indicator = match cell(Column::Indicator) {
                None => None,
                Some(text) => match crate::thai::digits::to_ascii_digits(&text).trim() {
                    "9" => Some(9),
                    "10" => Some(10),
                    other => {
                        return Err(format!(
                            "{at}: ตัวชี้วัด “{other}” ต้องเป็น 9 หรือ 10 (the indicator must be 9 or 10)"
                        ))
                    }
                },
            };
            let sub_indicator = cell(Column::SubIndicator).map(|s| crate::thai::digits::to_ascii_digits(&s));
            if let Some(sub) = &sub_indicator {
                let ok = matches!(sub.split_once('.'), Some((a, b)) if (a == "9" || a == "10") && !b.is_empty() && b.chars().all(|c| c.is_ascii_digit()));
                if !ok {
                    return Err(format!(
                        "{at}: ตัวชี้วัดย่อย “{sub}” ต้องเป็นรูปแบบ 9.1 หรือ 10.2 (a sub-indicator looks like 9.1)"
                    ));
                }
            }
            let data_year = match cell(Column::DataYear) {
                None => None,
                Some(text) => Some(data_year(&text).ok_or_else(|| {
                    format!(
                        "{at}: ข้อมูลปี “{text}” อ่านไม่ได้ — ใช้ ปีปัจจุบัน, ปีก่อน, รายเดือน, ๖ เดือน หรือ เป็นปัจจุบัน \
                         (use current, previous, monthly, six months or standing)"
                    )
                })?),
            };
            out.push(TableItem {
                id,
                title,
                indicator,
                sub_indicator,
                data_year,
            });
        }
        if out.is_empty() {
            return Err(format!(
                "{shown}: ตารางที่ {} มีหัวตาราง ข้อ/รายการ แต่ไม่มีแถวข้อมูล (the table has no item rows)",
                t + 1
            ));
        }
        return Ok(out);
    }
    let seen: Vec<String> = document
        .tables
        .iter()
        .filter_map(|t| t.rows.iter().find(|r| !r.is_blank()))
        .map(|r| r.cells.join(" · "))
        .take(3)
        .collect();
    Err(format!(
        "{shown}: ไม่พบตารางรายการข้อ OIT ที่มีคอลัมน์ ข้อ และ รายการ (no table with an item column and a title column){} \
         — แถวแรกของตารางต้องเป็นหัวตาราง เช่น ข้อ · รายการ · ตัวชี้วัดย่อย (the first row must be headers such as these)",
        if seen.is_empty() {
            String::new()
        } else {
            format!("; หัวตารางที่พบ (headers seen): {}", seen.join(" | "))
        }
    ))
}

fn data_year(text: &str) -> Option<&'static str> {
    let t = text.to_lowercase();
    Some(
        if t.contains("รายเดือน") || t.contains("month") || t.contains("to_date") {
            "current_to_date"
        } else if t.contains("๖ เดือน") || t.contains("6 เดือน") || t.contains("h1") || t.contains("six")
        {
            "current_h1"
        } else if t.contains("ก่อน") || t.contains("previous") || t.contains("ที่ผ่านมา") {
            "previous"
        } else if t.contains("ปัจจุบัน") && !t.contains("ปีปัจจุบัน") || t.contains("standing")
        {
            "standing"
        } else if t.contains("ปีปัจจุบัน") || t.contains("ปีที่ประเมิน") || t.contains("current")
        {
            "current"
        } else {
            return None;
        },
    )
}

/// The catalog file for `items`: confirmed as NACC's published list (`high`) where the table
/// gave indicator and sub-indicator, else with the unknown parts marked `?` and `medium`.
pub fn render(year: i32, items: &[TableItem], source: &str) -> String {
    let q = crate::import::write::string;
    let complete = items.iter().all(|i| i.sub_indicator.is_some());
    let mut out = String::new();
    let _ = writeln!(
        out,
        "# ITA OIT item catalog, framework {year}, imported by `prongsai catalog import` from {source}."
    );
    out.push_str(
        "# Check it against NACC's published list, fill in what the table did not give (data_year\n\
         # is \"current\" where the table had no data-year column), and add a [mapping] from the\n\
         # previous year (see the book: a new ITA year).\n\n",
    );
    let _ = writeln!(out, "[framework]\nyear = {year}");
    let _ = writeln!(out, "status = \"{}\"", if complete { "established" } else { "partial" });
    let _ = writeln!(out, "confidence = \"{}\"", if complete { "high" } else { "medium" });
    let _ = writeln!(out, "item_count = {}", items.len());
    let _ = writeln!(out, "notes = [{}]", q(&format!("Imported from {source}.")));
    let _ = writeln!(out, "sources = [{}]\n", q(source));
    out.push_str("[[indicators]]\nnumber = 9\ntitle_th = \"การเปิดเผยข้อมูล\"\n\n[[indicators]]\nnumber = 10\ntitle_th = \"การป้องกันการทุจริต\"\n");
    let mut subs: Vec<(String, u8)> = Vec::new();
    for item in items {
        let (sub, indicator) = placement(item);
        if !subs.iter().any(|(s, _)| *s == sub) {
            subs.push((sub, indicator));
        }
    }
    for (sub, indicator) in &subs {
        let title = if sub.contains('?') {
            "(sub-indicator not confirmed)"
        } else {
            ""
        };
        let title = if title.is_empty() {
            format!("ตัวชี้วัดย่อยที่ {sub}")
        } else {
            title.to_string()
        };
        let _ = write!(
            out,
            "\n[[sub_indicators]]\nid = {}\nindicator = {indicator}\ntitle_th = {}\n",
            q(sub),
            q(&title)
        );
    }
    for item in items {
        let (sub, indicator) = placement(item);
        let confidence = if sub.contains('?') { "medium" } else { "high" };
        let _ = write!(
            out,
            "\n[[items]]\nid = \"{}\"\ntitle_th = {}\nindicator = {indicator}\nsub_indicator = {}\ndata_year = \"{}\"\nconfidence = \"{confidence}\"\n",
            item.id,
            q(&item.title),
            q(&sub),
            item.data_year.unwrap_or("current"),
        );
    }
    out
}

fn placement(item: &TableItem) -> (String, u8) {
    match (&item.sub_indicator, item.indicator) {
        (Some(sub), _) => {
            let indicator = if sub.starts_with("10.") { 10 } else { 9 };
            (sub.clone(), indicator)
        }
        (None, Some(9)) => ("9.?".to_string(), 9),
        (None, Some(10)) => ("10.?".to_string(), 10),
        _ => ("?".to_string(), 0),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ita::catalog::Catalog;

    #[test]
    fn a_tsv_table_becomes_a_catalog_that_parses() {
        let text = "รายการข้อ OIT ปี 2570\nข้อ\tรายการ\tตัวชี้วัดย่อย\tข้อมูลปี\nO1\tโครงสร้าง\t9.1\tเป็นปัจจุบัน\n๒\tข้อมูลผู้บริหาร\t9.1\tปีปัจจุบัน\no3\tรายงาน\t10.1\tปีก่อน\n";
        let doc = crate::import::delimited::read(text, b'\t').unwrap_or_default();
        let items = items(&doc, Path::new("t.tsv"));
        let Ok(items) = items else { panic!("{items:?}") };
        assert_eq!(items.len(), 3);
        assert_eq!(items[1].id, ItemId(2));
        let toml = render(2570, &items, "t.tsv");
        let catalog = Catalog::parse(&toml, "catalogs/2570.toml");
        let Ok(catalog) = catalog else {
            panic!("{catalog:?}\n{toml}")
        };
        assert_eq!(catalog.items.len(), 3);
        assert!(!catalog.is_provisional());
        assert_eq!(catalog.item(ItemId(3)).map(|i| i.indicator), Some(10));
    }

    #[test]
    fn bad_rows_name_the_line_and_the_fix() {
        for (text, needle) in [
            ("ข้อ\tรายการ\nX1\tโครงสร้าง\n", "บรรทัด 2"),
            ("ข้อ\tรายการ\nO1\tโครงสร้าง\nO1\tซ้ำ\n", "ซ้ำ"),
            ("ข้อ\tรายการ\tตัวชี้วัด\nO1\tโครงสร้าง\t11\n", "9 หรือ 10"),
            ("ข้อ\tรายการ\nO1\t \t\n", "บรรทัด 2"),
            ("ลำดับที่\tเรื่อง\n1\tก\n", "ไม่พบตาราง"),
        ] {
            let doc = crate::import::delimited::read(text, b'\t').unwrap_or_default();
            let error = items(&doc, Path::new("t.tsv")).err();
            assert!(
                error
                    .as_ref()
                    .is_some_and(|e| e.contains(needle) && e.contains("t.tsv")),
                "{text}: {error:?}"
            );
        }
    }
}
