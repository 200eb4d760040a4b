//! Imported measures as `measure` pages (SPEC §4): TOML front matter written by hand so that
//! it reads like the example portal (keys in SPEC order, steps one per line, results as
//! multi-line strings, BE dates), with every string escaped for TOML. The tests read each
//! file back through the real loader.

use std::fmt::Write as _;

use super::clean::{ImportedMeasure, StatusSource};
use crate::date::Date;

/// Stable across imports: the measure number, zero-padded so files sort in order.
pub fn file_name(number: i64) -> String {
    format!("{number:02}.md")
}

pub fn render(m: &ImportedMeasure) -> String {
    let mut out = String::from("+++\nkind = \"measure\"\n");
    let _ = writeln!(out, "number = {}", m.number);
    let _ = writeln!(out, "title = {}", string(&m.title));
    if !m.owners.is_empty() {
        let owners: Vec<String> = m.owners.iter().map(|o| string(o)).collect();
        let _ = writeln!(out, "owners = [{}]", owners.join(", "));
    }
    if !m.steps.is_empty() {
        out.push_str("steps = [\n");
        for step in &m.steps {
            let _ = writeln!(out, "  {},", string(step));
        }
        out.push_str("]\n");
    }
    if let Some(period) = &m.period {
        let _ = writeln!(out, "period = {}", string(period));
    }
    if let Some(start) = m.start {
        let _ = writeln!(out, "start = {}", date(start));
    }
    if let Some(end) = m.end {
        let _ = writeln!(out, "end = {}", date(end));
    }
    if let Some(reporting) = &m.reporting {
        let _ = writeln!(out, "reporting = {}", string(reporting));
    }
    if let Some(group) = &m.group {
        let _ = write!(out, "\n[extra]\ngroup = {}\n", string(group));
    }
    if let Some(p) = &m.progress {
        let _ = write!(out, "\n[[progress]]\nround = {}\n", p.round);
        let comment = match &p.status_source {
            StatusSource::Column(written) => format!(" # {}", written.replace('\n', " ")),
            StatusSource::Result => " # จากข้อความผลการดำเนินงาน (read from the result text)".to_string(),
            StatusSource::Assumed => {
                " # ตารางไม่ระบุสถานะ โปรดตรวจสอบ (not given in the table: please check)".to_string()
            }
        };
        let _ = writeln!(out, "status = \"{}\"{comment}", p.status.as_str());
        for (key, value) in [
            ("result", &p.result),
            ("outcome", &p.outcome),
            ("suggestion", &p.suggestion),
        ] {
            if let Some(value) = value {
                let _ = writeln!(out, "{key} = {}", string(value));
            }
        }
    }
    out.push_str("+++\n");
    if !m.body.is_empty() {
        out.push('\n');
        out.push_str(&m.body.join("\n\n"));
        out.push('\n');
    }
    out
}

/// A TOML string: basic on one line, multi-line basic for text with line breaks, escaped.
pub fn string(text: &str) -> String {
    if text.contains('\n') {
        let mut out = String::from("\"\"\"\n");
        for c in text.chars() {
            match c {
                '\n' => out.push('\n'),
                '\t' => out.push('\t'),
                c => escape(c, &mut out),
            }
        }
        out.push_str("\n\"\"\"");
        out
    } else {
        let mut out = String::from("\"");
        for c in text.chars() {
            escape(c, &mut out);
        }
        out.push('"');
        out
    }
}

fn escape(c: char, out: &mut String) {
    match c {
        '"' => out.push_str("\\\""),
        '\\' => out.push_str("\\\\"),
        '\t' => out.push_str("\\t"),
        '\n' => out.push_str("\\n"),
        '\r' => out.push_str("\\r"),
        c if c.is_control() => {
            let _ = write!(out, "\\u{:04X}", c as u32);
        }
        c => out.push(c),
    }
}

/// A BE TOML date (`2563-10-01`) as in the example portal; a BE 29 February, which TOML's
/// own calendar rejects, is written as a string the loader accepts.
fn date(d: Date) -> String {
    let text = format!("{:04}-{:02}-{:02}", d.be_year(), d.month, d.day);
    if d.month == 2 && d.day == 29 {
        format!("\"{text}\"")
    } else {
        text
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::import::clean::ImportedProgress;
    use crate::ita::status::Status;
    use crate::model::fields::Fields;
    use crate::model::front::RawFront;
    use crate::source::split_front_matter;

    fn sample() -> ImportedMeasure {
        ImportedMeasure {
            number: 3,
            title: "กิจกรรม \"ทดสอบ\" \\ ๑".into(),
            owners: vec!["ทุกสำนัก/กอง".into(), "กองคลัง".into()],
            steps: vec!["จัดทำรายงาน".into(), "ส่ง\tต่อ".into()],
            period: Some("ต.ค.๖๓- เม.ย.๖๔".into()),
            start: Date::new(2020, 10, 1),
            end: Date::new(2024, 2, 29),
            reporting: Some("ติดตาม สอบถาม".into()),
            progress: Some(ImportedProgress {
                round: 1,
                status: Status::InProgress,
                status_source: StatusSource::Column("อยู่ระหว่างดำเนินการ".into()),
                result: Some("๑. ก — **ดำเนินการเรียบร้อยแล้ว**\n\n๒. \"\"\"ข\"\"\" \\*".into()),
                outcome: None,
                suggestion: Some("ควรปรับปรุง".into()),
            }),
            group: Some("กลุ่ม ๑".into()),
            body: vec!["หมายเหตุ: x".into()],
        }
    }

    #[test]
    fn rendered_files_load_through_the_real_model() {
        let text = render(&sample());
        let split = split_front_matter(&text).unwrap_or_else(|_| panic!("front matter:\n{text}"));
        let front: RawFront = toml::from_str(split.front_matter).unwrap_or_else(|e| panic!("{e}\n{text}"));
        let path = std::path::Path::new("03.md");
        let mut fields = Fields::new(path, &text, split.front_matter_offset);
        let measure = crate::model::measure::parse(&front, &mut fields);
        assert!(fields.diagnostics.is_empty(), "{:?}\n{text}", fields.diagnostics);
        let measure = measure.unwrap_or_else(|| panic!("no measure:\n{text}"));
        assert_eq!(measure.number, 3);
        assert_eq!(measure.steps, vec!["จัดทำรายงาน", "ส่ง\tต่อ"]);
        assert_eq!(measure.end, Date::new(2024, 2, 29));
        assert_eq!(measure.progress[0].status, Status::InProgress);
        let result = measure.progress[0].result.clone().unwrap_or_default();
        assert!(result.contains("\"\"\"ข\"\"\" \\*"), "{result}");
        assert_eq!(
            front.title.map(|t| t.into_inner()),
            Some("กิจกรรม \"ทดสอบ\" \\ ๑".into())
        );
        assert!(split.body.contains("หมายเหตุ: x"));
        assert_eq!(file_name(3), "03.md");
        assert_eq!(file_name(120), "120.md");
    }
}
