//! Which measure field a column holds, from the Thai headers municipalities actually write
//! (ita-domain.md §6) and the English key names of SPEC §4. Headers wrap inside narrow Word
//! columns ("ระยะเวลา ดำเนินการ", "การ ติดตาม ผล"), so white space is ignored when matching,
//! as are HTML tags, a trailing "(ต่อ)" and a trailing colon.

use super::html;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Field {
    Number,
    Title,
    Steps,
    Owners,
    Period,
    Reporting,
    Result,
    Outcome,
    Suggestion,
    Status,
    Note,
}

impl Field {
    /// The SPEC key the field is written to (or a short name for the ones that are not keys).
    pub fn key(self) -> &'static str {
        match self {
            Field::Number => "number",
            Field::Title => "title",
            Field::Steps => "steps",
            Field::Owners => "owners",
            Field::Period => "period",
            Field::Reporting => "reporting",
            Field::Result => "result",
            Field::Outcome => "outcome",
            Field::Suggestion => "suggestion",
            Field::Status => "status",
            Field::Note => "note",
        }
    }
}

/// Header spellings after [`normalise`]: no white space, lower case.
const HEADERS: &[(Field, &[&str])] = &[
    (Field::Number, &["ลำดับ", "ลำดับที่", "ที่", "ข้อ", "no.", "no", "number", "#"]),
    (
        Field::Title,
        &[
            "มาตรการ/แนวทาง",
            "มาตรการ",
            "แนวทาง",
            "มาตรการ/กิจกรรม",
            "มาตรการ/กิจกรรมที่ดำเนินการ",
            "มาตรการ/โครงการ/กิจกรรม",
            "โครงการ/กิจกรรม",
            "กิจกรรม",
            "ชื่อมาตรการ",
            "มาตรการ/แนวทางการดำเนินการ",
            "measure",
            "title",
        ],
    ),
    (
        Field::Steps,
        &[
            "วิธีการดำเนินงาน",
            "วิธีการดำเนินการ",
            "ขั้นตอน/วิธีการปฏิบัติ",
            "ขั้นตอน/วิธีการดำเนินการ",
            "ขั้นตอน/วิธีการดำเนินงาน",
            "ขั้นตอนการดำเนินการ",
            "ขั้นตอนการดำเนินงาน",
            "วิธีการปฏิบัติ",
            "ขั้นตอน",
            "steps",
        ],
    ),
    (
        Field::Owners,
        &[
            "ผู้รับผิดชอบ",
            "หน่วยงานที่รับผิดชอบ",
            "หน่วยงานรับผิดชอบ",
            "หน่วยงาน/ผู้รับผิดชอบ",
            "ผู้รับผิดชอบ/หน่วยงาน",
            "owners",
            "owner",
        ],
    ),
    (
        Field::Period,
        &[
            "ระยะเวลาดำเนินการ",
            "ระยะเวลาดำเนินงาน",
            "ระยะเวลาการดำเนินการ",
            "ระยะเวลา",
            "กำหนดแล้วเสร็จ",
            "กำหนดเวลา",
            "ระยะเวลาแล้วเสร็จ",
            "period",
        ],
    ),
    (
        Field::Reporting,
        &[
            "การติดตามผล",
            "การรายงานผล",
            "การติดตามและรายงานผล",
            "การติดตามประเมินผล",
            "reporting",
        ],
    ),
    (
        Field::Result,
        &[
            "ผลการดำเนินงาน",
            "ผลการดำเนินการ",
            "สรุปผลการดำเนินการตามมาตรการ",
            "สรุปผลการดำเนินงานตามมาตรการ",
            "ผลการดำเนินงานตามมาตรการ",
            "ผลการดำเนินการตามมาตรการ",
            "ผลการปฏิบัติงาน",
            "result",
        ],
    ),
    (
        Field::Outcome,
        &["ผลลัพธ์หรือความสำเร็จ", "ผลลัพธ์", "ผลสัมฤทธิ์", "ความสำเร็จ", "outcome"],
    ),
    (Field::Suggestion, &["ข้อเสนอแนะ", "suggestion"]),
    (
        Field::Status,
        &[
            "สถานะดำเนินการ",
            "สถานะการดำเนินการ",
            "สถานะการดำเนินงาน",
            "สถานะ",
            "status",
        ],
    ),
    (Field::Note, &["หมายเหตุ", "note", "notes"]),
];

/// The header cell in matching form: no tags, no white space, no "(ต่อ)" or colon at the end,
/// lower case, sara am composed.
pub fn normalise(header: &str) -> String {
    let mut key: String = html::plain(header)
        .replace("\u{0E4D}\u{0E32}", "\u{0E33}")
        .chars()
        .filter(|c| !c.is_whitespace() && !matches!(c, '\u{200B}' | '*'))
        .flat_map(char::to_lowercase)
        .collect();
    loop {
        let before = key.len();
        for suffix in ["(ต่อ)", ":", "："] {
            if let Some(stripped) = key.strip_suffix(suffix) {
                key = stripped.to_string();
            }
        }
        if key.len() == before {
            return key;
        }
    }
}

/// The field a header names, if any.
pub fn recognise(header: &str) -> Option<Field> {
    let key = normalise(header);
    if key.is_empty() {
        return None;
    }
    HEADERS
        .iter()
        .find(|(_, spellings)| spellings.contains(&key.as_str()))
        .map(|(field, _)| *field)
}

/// Column index → field for a header row; `None` when the row is not a header row (fewer
/// than two recognised cells, or as many unrecognised as recognised non-empty cells).
pub fn header_mapping(cells: &[String]) -> Option<Vec<Option<Field>>> {
    let mapping: Vec<Option<Field>> = cells.iter().map(|c| recognise(c)).collect();
    let known = mapping.iter().flatten().count();
    let filled = cells.iter().filter(|c| !html::plain(c).is_empty()).count();
    (known >= 2 && known * 2 > filled).then_some(mapping)
}

/// Whether a mapping describes a measures table: it names the measure (title or steps) and
/// says something about it. The analysis tables of the seeds (ลำดับ · แบบ · ตัวชี้วัด · คะแนน)
/// do not qualify.
pub fn is_measure_table(mapping: &[Option<Field>]) -> bool {
    let has = |f: Field| mapping.contains(&Some(f));
    (has(Field::Title) || has(Field::Steps)) && mapping.iter().flatten().filter(|f| **f != Field::Number).count() >= 2
}

/// Whether `next` (a header row met inside a table) continues the table of `current`: the
/// same fields in the same places, or the seed-004 case where the result column is renamed
/// "การติดตามผล" on later pages while still holding results.
pub fn continues(current: &[Option<Field>], next: &[Option<Field>]) -> bool {
    current.len() == next.len()
        && current.iter().zip(next).all(|(a, b)| {
            a == b || (*a == Some(Field::Result) && *b == Some(Field::Reporting)) || a.is_none() || b.is_none()
        })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_header_variant_of_the_seeds() {
        for (header, field) in [
            // Seed 000, plan and report tables.
            ("มาตรการ/แนวทาง", Field::Title),
            ("มาตรการ/ แนวทาง", Field::Title),
            ("วิธีการดำเนินงาน", Field::Steps),
            ("ผู้รับผิดชอบ", Field::Owners),
            ("ระยะเวลาดำเนินการ", Field::Period),
            ("ระยะเวลา ดำเนินการ", Field::Period),
            ("การติดตามผล", Field::Reporting),
            ("การ ติดตาม ผล", Field::Reporting),
            ("ผลการดำเนินงาน", Field::Result),
            ("สถานะ ดำเนินการ", Field::Status),
            // Seed 001.
            ("ลำดับที่", Field::Number),
            ("มาตรการ/กิจกรรมที่ดำเนินการ", Field::Title),
            ("สรุปผลการดำเนินการตาม มาตรการ", Field::Result),
            ("สรุปผลการดำเนินงานตามมาตรการ", Field::Result),
            ("ผลลัพธ์หรือความสำเร็จ", Field::Outcome),
            ("หมายเหตุ", Field::Note),
            // Seeds 002 and 004.
            ("วิธีการดำเนินการ", Field::Steps),
            ("ข้อเสนอแนะ", Field::Suggestion),
            ("ข้อเสนอ แนะ", Field::Suggestion),
            ("ผลการ ดำเนินการ", Field::Result),
            // Seed 003.
            ("มาตรการ", Field::Title),
            ("ขั้นตอน/วิธีการปฏิบัติ", Field::Steps),
            ("กำหนดแล้วเสร็จ", Field::Period),
            ("การรายงานผล", Field::Reporting),
            // Line breaks, tags, "(ต่อ)", English keys.
            ("ระยะเวลา\nดำเนินการ", Field::Period),
            ("<b>ผู้รับผิดชอบ</b>", Field::Owners),
            ("วิธีการดำเนินงาน (ต่อ)", Field::Steps),
            ("Status", Field::Status),
            ("steps", Field::Steps),
        ] {
            assert_eq!(recognise(header), Some(field), "{header:?}");
        }
        for header in ["แบบ", "ตัวชี้วัดของการประเมิน ITA", "คะแนน", "", "ระดับคะแนนที่ได้รับ การประเมิน"]
        {
            assert_eq!(recognise(header), None, "{header:?}");
        }
    }

    #[test]
    fn header_rows_and_measure_tables() {
        let row = |cells: &[&str]| cells.iter().map(|c| c.to_string()).collect::<Vec<_>>();
        let plan = header_mapping(&row(&[
            "มาตรการ",
            "ขั้นตอน/วิธีการปฏิบัติ",
            "ผู้รับผิดชอบ",
            "กำหนดแล้วเสร็จ",
            "การรายงานผล",
        ]));
        assert!(plan.as_deref().is_some_and(is_measure_table));
        let analysis = header_mapping(&row(&["ลำดับ", "แบบ", "ตัวชี้วัดของการประเมิน ITA", "ระดับคะแนน", "ประเด็น"]));
        assert!(!analysis.as_deref().is_some_and(is_measure_table));
        // A data row that happens to contain one header word is not a header row.
        assert_eq!(
            header_mapping(&row(&["๑.กิจกรรม", "ขั้นตอน", "ทุกสำนัก/กอง", "ต.ค.๖๓", "ติดตาม"])),
            None
        );
    }

    #[test]
    fn a_renamed_result_column_continues_the_table() {
        use Field::*;
        let first = [
            Some(Title),
            Some(Steps),
            Some(Owners),
            Some(Period),
            Some(Result),
            Some(Suggestion),
        ];
        let later = [
            Some(Title),
            Some(Steps),
            Some(Owners),
            Some(Period),
            Some(Reporting),
            Some(Suggestion),
        ];
        assert!(continues(&first, &later));
        assert!(!continues(&first, &later[..5]));
        let plan = [Some(Title), Some(Steps), Some(Owners), Some(Period), Some(Reporting)];
        let report = [Some(Title), Some(Steps), Some(Owners), Some(Period), Some(Result)];
        assert!(!continues(&plan, &report));
    }
}
