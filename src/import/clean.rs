//! Rows → measures: what Word leaves behind, cleaned.
//!
//! - a row whose key cell (ลำดับ, else มาตรการ) is empty continues the measure above (a
//!   measure cut by a page break, or a vertically merged cell);
//! - a row with a single cell across the table is a group heading, kept as `extra.group`;
//! - numbered sub-steps become `steps`, owner lists become `owners`;
//! - several statuses in one cell (one per sub-step, seed 000) give the measure the least
//!   finished one, and each result item keeps its own status in the text;
//! - a table without a status column gets its status from the result text when it says so
//!   ("…เรียบร้อยแล้ว", seed 004), else "in-progress", flagged for checking;
//! - the period is kept as written and also read into start/end dates where it can be;
//! - Thai digits stay in text; numbers (`number`) are converted.

use std::collections::BTreeMap;

use super::columns::Field;
use super::html;
use super::lists;
use super::segments::Segment;
use super::summary::{Outcome, Skip, Summary};
use crate::date::Date;
use crate::ita::status::{least_finished, Status};
use crate::thai::dates::{parse_thai_date, When};
use crate::thai::digits::digit_value;

/// How the status of an imported progress entry was decided.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum StatusSource {
    /// From the status column, as written there.
    Column(String),
    /// Read from the wording of the result.
    Result,
    /// Nothing said; in-progress assumed.
    Assumed,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ImportedProgress {
    pub round: u8,
    pub status: Status,
    pub status_source: StatusSource,
    pub result: Option<String>,
    pub outcome: Option<String>,
    pub suggestion: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ImportedMeasure {
    pub number: i64,
    pub title: String,
    pub owners: Vec<String>,
    pub steps: Vec<String>,
    pub period: Option<String>,
    pub start: Option<Date>,
    pub end: Option<Date>,
    pub reporting: Option<String>,
    pub progress: Option<ImportedProgress>,
    pub group: Option<String>,
    /// Markdown paragraphs for the page body (หมายเหตุ, a plan's ข้อเสนอแนะ).
    pub body: Vec<String>,
}

/// Settings the cleaning needs.
#[derive(Debug, Clone, Copy)]
pub struct Context {
    pub fiscal_year: i32,
    pub round: u8,
}

/// A measure as its rows gave it: per field, one text per row that had any.
#[derive(Debug, Default)]
struct Raw {
    fields: BTreeMap<Field, Vec<String>>,
    explicit_number: Option<i64>,
    group: Option<String>,
}

/// The measures of one logical table, numbered; rows are recorded in `summary`.
pub fn measures(segment: &Segment, context: Context, summary: &mut Summary) -> Vec<ImportedMeasure> {
    let key = [Field::Number, Field::Title, Field::Steps]
        .into_iter()
        .find_map(|f| segment.mapping.iter().position(|m| *m == Some(f)))
        .unwrap_or(0);
    let width = segment.mapping.len();
    let mut raws: Vec<Raw> = Vec::new();
    let mut group: Option<String> = None;
    let mut outcomes = Vec::new();
    for (at, row) in &segment.rows {
        let filled: Vec<usize> = (0..row.cells.len())
            .filter(|&i| !html::plain(row.cell(i)).is_empty())
            .collect();
        if row.spans_all || (width >= 3 && filled == [0]) {
            let text = strip_marker(html::plain(row.cell(0)).trim_start_matches(html::is_bullet)).to_string();
            group = Some(text.clone());
            outcomes.push((*at, Outcome::Skipped(Skip::GroupHeading(text))));
            continue;
        }
        let mut cells: BTreeMap<Field, String> = BTreeMap::new();
        for (i, field) in segment.mapping.iter().enumerate() {
            let Some(field) = field else { continue };
            let text = row.cell(i).trim();
            if html::plain(text).is_empty() {
                continue;
            }
            let slot = cells.entry(*field).or_default();
            if !slot.is_empty() {
                slot.push('\n');
            }
            slot.push_str(text);
        }
        if cells.is_empty() {
            outcomes.push((*at, Outcome::Skipped(Skip::NothingRecognised)));
            continue;
        }
        let starts_measure = !html::plain(row.cell(key)).is_empty();
        if starts_measure {
            let mut raw = Raw {
                group: group.clone(),
                ..Raw::default()
            };
            raw.explicit_number = cells
                .get(&Field::Number)
                .and_then(|n| last_number(&html::plain(n)))
                .or_else(|| cells.get(&Field::Title).and_then(|t| leading_number(&html::plain(t))));
            for (field, text) in cells {
                raw.fields.entry(field).or_default().push(text);
            }
            raws.push(raw);
            outcomes.push((*at, Outcome::Imported { number: 0 }));
        } else if let Some(raw) = raws.last_mut() {
            for (field, text) in cells {
                raw.fields.entry(field).or_default().push(text);
            }
            outcomes.push((*at, Outcome::Merged { number: 0 }));
        } else {
            outcomes.push((*at, Outcome::Skipped(Skip::OrphanContinuation)));
        }
    }
    // Numbers: as written, else one after the previous; a number used twice moves on.
    let mut numbers: Vec<i64> = Vec::new();
    for raw in &raws {
        let wanted = raw.explicit_number.filter(|n| *n >= 1);
        let mut n = wanted.unwrap_or_else(|| numbers.last().map_or(1, |l| l + 1));
        if numbers.contains(&n) {
            let free = (1..).find(|k| !numbers.contains(k)).unwrap_or(n);
            summary.warnings.push(format!(
                "ตาราง {}: เลขมาตรการ {n} ซ้ำ ใช้ {free} แทน (measure number {n} is used twice; {free} is used instead)",
                segment.index
            ));
            n = free;
        }
        numbers.push(n);
    }
    // Fill the numbers into the row outcomes.
    let mut measure = 0usize;
    for (at, outcome) in outcomes {
        let outcome = match outcome {
            Outcome::Imported { .. } => {
                measure += 1;
                Outcome::Imported {
                    number: numbers[measure - 1],
                }
            }
            Outcome::Merged { .. } => Outcome::Merged {
                number: numbers[measure.max(1) - 1],
            },
            other => other,
        };
        summary.rows.push((at, outcome));
    }
    let has = |f: Field| segment.mapping.contains(&Some(f));
    raws.into_iter()
        .zip(numbers)
        .map(|(raw, number)| build(raw, number, &has, context, summary))
        .collect()
}

fn build(
    raw: Raw,
    number: i64,
    has: &dyn Fn(Field) -> bool,
    context: Context,
    summary: &mut Summary,
) -> ImportedMeasure {
    let lines = |field: Field| -> Vec<String> {
        raw.fields
            .get(&field)
            .map(|parts| parts.iter().flat_map(|p| html::to_lines(p)).collect())
            .unwrap_or_default()
    };
    let one_line = |field: Field| -> Option<String> {
        let mut parts: Vec<String> = Vec::new();
        for part in raw.fields.get(&field)? {
            let p = html::plain(part);
            if !p.is_empty() && !parts.contains(&p) {
                parts.push(p);
            }
        }
        (!parts.is_empty()).then(|| parts.join(" / "))
    };

    // Title and steps. Without a steps column the title cell often holds the steps (seed 001).
    let title_lines = lines(Field::Title);
    let mut title = strip_marker(&title_lines.join(" ")).to_string();
    let mut steps = lists::items(&lines(Field::Steps));
    if !has(Field::Steps) && !title_lines.is_empty() {
        let text = title_lines.join("\n");
        let numbered = lists::numbered(&text);
        let items = lists::items(&title_lines);
        let label = numbered.as_ref().is_some_and(|n| lists::is_label(&n.preamble));
        if items.len() >= 2 || label {
            title = match numbered {
                Some(n) if !n.preamble.is_empty() && !lists::is_label(&n.preamble) => {
                    strip_marker(&html::collapse_spaces(&n.preamble)).to_string()
                }
                _ => items.first().cloned().unwrap_or_default(),
            };
            steps = items;
        }
    }
    if title.is_empty() {
        title = steps.first().cloned().unwrap_or_else(|| format!("มาตรการที่ {number}"));
    }

    // Owners; the หมายเหตุ column holds them when there is no owners column (seed 001).
    let mut owners = split_owners(&lines(Field::Owners));
    let mut body = Vec::new();
    if owners.is_empty() && !has(Field::Owners) {
        owners = split_owners(&lines(Field::Note));
    } else if let Some(note) = one_line(Field::Note) {
        body.push(format!("หมายเหตุ: {note}"));
    }

    // Period and its dates.
    let period = one_line(Field::Period);
    let (start, end) = match raw.fields.get(&Field::Period) {
        Some(parts) => dates(parts, number, context, summary),
        None => (None, None),
    };

    // Progress, when the table reports results.
    let result_lines = lines(Field::Result);
    let outcome_lines = lines(Field::Outcome);
    let status_lines = lines(Field::Status);
    let suggestion = one_line(Field::Suggestion);
    let reports = !result_lines.is_empty() || !status_lines.is_empty() || !outcome_lines.is_empty();
    let progress = reports.then(|| {
        let (statuses, written) = find_statuses(&status_lines.join(" "));
        let (status, source) = match least_finished(&statuses) {
            Some(s) => (s, StatusSource::Column(written.join(" / "))),
            None => match status_from_result(&result_lines.join(" ")) {
                Some(s) => (s, StatusSource::Result),
                None => {
                    summary.warnings.push(format!(
                        "มาตรการ {number}: ตารางไม่ระบุสถานะ ใส่ in-progress ไว้ โปรดตรวจสอบ \
                         (measure {number}: no status in the table; in-progress assumed, please check)"
                    ));
                    (Status::InProgress, StatusSource::Assumed)
                }
            },
        };
        if !status_lines.is_empty() && statuses.is_empty() {
            summary.warnings.push(format!(
                "มาตรการ {number}: ไม่รู้จักสถานะ “{}” (unknown status)",
                status_lines.join(" ")
            ));
        }
        let differ = statuses.iter().any(|s| Some(s) != statuses.first());
        let item_count = lists::numbered(&result_lines.join("\n")).map_or(1, |n| n.items.len());
        let notes: Vec<String> = if differ && statuses.len() == item_count {
            statuses.iter().map(|s| s.label_th().to_string()).collect()
        } else {
            Vec::new()
        };
        let mut result = lists::markdown(&result_lines, &notes);
        if differ && notes.is_empty() {
            let detail: Vec<&str> = statuses.iter().map(|s| s.label_th()).collect();
            result.push_str(&format!("\n\nสถานะรายข้อ: {}", detail.join(" / ")));
        }
        ImportedProgress {
            round: context.round,
            status,
            status_source: source,
            result: (!result.trim().is_empty()).then_some(result),
            outcome: (!outcome_lines.is_empty()).then(|| lists::markdown(&outcome_lines, &[])),
            suggestion: suggestion.clone(),
        }
    });
    if progress.is_none() {
        if let Some(s) = suggestion {
            body.push(format!("ข้อเสนอแนะ: {s}"));
        }
    }

    ImportedMeasure {
        number,
        title,
        owners,
        steps,
        period,
        start,
        end,
        reporting: one_line(Field::Reporting),
        progress,
        group: raw.group,
        body,
    }
}

/// The statuses named in a cell, in order, and their text as written. Phrases may be broken by
/// spaces ("ดำเนินการ เรียบร้อยแล้ว") and run together ("อยู่ระหว่าง ดำเนินการ อยู่ระหว่าง
/// ดำเนินการ"), so white space is dropped and the longest phrase `Status::parse` accepts is
/// taken at each place.
pub fn find_statuses(text: &str) -> (Vec<Status>, Vec<String>) {
    let chars: Vec<char> = text.chars().filter(|c| !c.is_whitespace()).collect();
    let mut found = Vec::new();
    let mut written = Vec::new();
    let mut i = 0;
    while i < chars.len() {
        let hit = (i + 1..=chars.len().min(i + 40)).rev().find_map(|j| {
            let phrase: String = chars[i..j].iter().collect();
            Status::parse(&phrase).ok().map(|s| (s, j, phrase))
        });
        match hit {
            Some((status, j, phrase)) => {
                found.push(status);
                written.push(phrase);
                i = j;
            }
            None => i += 1,
        }
    }
    (found, written)
}

/// A status a result text states at its end ("… ลงเว็บไซต์เรียบร้อยแล้ว") or anywhere for
/// "อยู่ระหว่างดำเนินการ".
pub fn status_from_result(text: &str) -> Option<Status> {
    let squeezed: String = text.chars().filter(|c| !c.is_whitespace()).collect();
    if squeezed.is_empty() {
        return None;
    }
    if ["อยู่ระหว่างดำเนินการ", "อยู่ในระหว่างดำเนินการ", "กำลังดำเนินการ"]
        .iter()
        .any(|p| squeezed.contains(p))
    {
        return Some(Status::InProgress);
    }
    if squeezed.contains("ยังไม่ได้ดำเนินการ") || squeezed.contains("ยังไม่ดำเนินการ")
    {
        return Some(Status::NotStarted);
    }
    let tail = squeezed.trim_end_matches(|c: char| !c.is_alphanumeric() || c.is_ascii_punctuation());
    ["เรียบร้อยแล้ว", "แล้วเสร็จ", "เสร็จเรียบร้อย", "ดำเนินการแล้ว", "เสร็จสิ้น"]
        .iter()
        .any(|p| tail.ends_with(p))
        .then_some(Status::Done)
}

/// Owner lists: numbered ("๑.สำนักปลัดเทศบาล ๒.กองคลัง"), dashed ("-กองยุทธศาสตร์"), one per
/// line or comma-separated; a leading "ผู้รับผิดชอบ" label goes, and "สำนัก/ กอง" (a break in
/// a narrow column) closes up. Spaces inside a name ("งานสารสนเทศ ภูมิศาสตร์") are kept.
pub fn split_owners(lines: &[String]) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    let lines: Vec<String> = lines
        .iter()
        .map(|l| {
            let t = l.trim();
            t.strip_prefix("ผู้รับผิดชอบ")
                .map_or(t, |r| r.trim_start_matches([':', ' ']))
                .to_string()
        })
        .filter(|l| !l.is_empty())
        .collect();
    let text = lines.join("\n");
    let pieces: Vec<String> = match lists::numbered(&text) {
        Some(n) => std::iter::once(n.preamble)
            .filter(|p| !p.is_empty() && !lists::is_label(p))
            .chain(n.items.into_iter().map(|(_, t)| t))
            .collect(),
        None => vec![text.clone()],
    };
    for piece in pieces {
        let (intro, bullets) = lists::bullets(&piece);
        for part in std::iter::once(intro).chain(bullets) {
            for name in part.split([',', '，', '、']).map(owner_name) {
                if !name.is_empty() && !out.contains(&name) {
                    out.push(name);
                }
            }
        }
    }
    if out.len() == 1 && lines.len() > 1 {
        // One name per line with no markers: `items` joined them into a sentence.
        out.clear();
        for name in lines.iter().map(|l| owner_name(l.trim_start_matches(html::is_bullet))) {
            if !name.is_empty() && !out.contains(&name) {
                out.push(name);
            }
        }
    }
    out
}

fn owner_name(text: &str) -> String {
    html::collapse_spaces(text).replace("/ ", "/").replace(" /", "/")
}

/// First and last day of the period, from the whole text or from its lines.
fn dates(parts: &[String], number: i64, context: Context, summary: &mut Summary) -> (Option<Date>, Option<Date>) {
    let mut spans: Vec<(Date, Date)> = Vec::new();
    let mut deadline_only = !parts.is_empty();
    for part in parts {
        let whole = html::plain(part);
        let candidates: Vec<(String, (Date, Date))> = match span_of(&whole, context, number, summary) {
            Some(span) => vec![(whole, span)],
            None => html::to_lines(part)
                .into_iter()
                .filter_map(|l| span_of(&l, context, number, summary).map(|s| (l, s)))
                .collect(),
        };
        // A range that runs backwards is flagged by the date parser and left out here.
        for (text, span) in candidates.into_iter().filter(|(_, (a, b))| a <= b) {
            deadline_only &= span.0 == span.1 && is_deadline(&text);
            spans.push(span);
        }
    }
    let start = spans.iter().map(|s| s.0).min().filter(|_| !deadline_only);
    let end = spans.iter().map(|s| s.1).max();
    if deadline_only {
        return (None, end);
    }
    match (start, end) {
        (Some(s), Some(e)) if e < s => {
            summary.warnings.push(format!(
                "มาตรการ {number}: ระยะเวลาสิ้นสุดก่อนเริ่ม ไม่ใส่ start/end (the period ends before it starts; start/end left out)"
            ));
            (None, None)
        }
        (Some(s), Some(e)) => (Some(s), Some(e)),
        _ => (None, None),
    }
}

/// "ให้แล้วเสร็จ ก่อนวันที่ ๓๐ เมษายน ๒๕๖๔" names the end only.
fn is_deadline(text: &str) -> bool {
    let squeezed: String = text.chars().filter(|c| !c.is_whitespace()).collect();
    ["ก่อนวันที่", "ภายในวันที่", "แล้วเสร็จ", "ไม่เกินวันที่"]
        .iter()
        .any(|p| squeezed.contains(p))
}

fn span_of(text: &str, context: Context, number: i64, summary: &mut Summary) -> Option<(Date, Date)> {
    let parsed = parse_thai_date(text).ok()?;
    for warning in &parsed.warnings {
        let line = format!(
            "มาตรการ {number}: ระยะเวลา “{text}”: {} ({})",
            warning.message_th(),
            warning.message_en()
        );
        if !summary.warnings.contains(&line) {
            summary.warnings.push(line);
        }
    }
    match parsed.when {
        When::Quarter {
            quarter,
            fiscal_year_be: None,
        } => When::Quarter {
            quarter,
            fiscal_year_be: Some(context.fiscal_year),
        }
        .span(),
        when => when.span(),
    }
}

/// "๑.กิจกรรม…" → "กิจกรรม…"; "๗. การพัฒนา" → "การพัฒนา".
pub fn strip_marker(text: &str) -> &str {
    let trimmed = text.trim();
    let digits = trimmed.chars().take_while(|c| digit_value(*c).is_some()).count();
    if digits == 0 || digits > 3 {
        return trimmed;
    }
    let rest: &str = &trimmed[trimmed.char_indices().nth(digits).map_or(trimmed.len(), |(i, _)| i)..];
    match rest.strip_prefix(['.', ')']) {
        Some(after) if !after.starts_with(|c: char| digit_value(c).is_some()) => after.trim_start(),
        _ => trimmed,
    }
}

/// The number a title starts with ("๑.กิจกรรม…" → 1).
fn leading_number(text: &str) -> Option<i64> {
    let rest = strip_marker(text);
    if rest.len() == text.trim().len() {
        return None;
    }
    number_of(text.trim().chars().take_while(|c| digit_value(*c).is_some()))
}

/// The last number in a ลำดับ cell ("๒. ๙" → 9, a group number left in the cell).
fn last_number(text: &str) -> Option<i64> {
    let mut groups: Vec<Vec<char>> = Vec::new();
    let mut current: Vec<char> = Vec::new();
    for c in text.chars() {
        if digit_value(c).is_some() {
            current.push(c);
        } else if !current.is_empty() {
            groups.push(std::mem::take(&mut current));
        }
    }
    if !current.is_empty() {
        groups.push(current);
    }
    groups.pop().and_then(|g| number_of(g.into_iter()))
}

fn number_of(digits: impl Iterator<Item = char>) -> Option<i64> {
    let mut n: i64 = 0;
    let mut any = false;
    for c in digits {
        n = n.checked_mul(10)?.checked_add(i64::from(digit_value(c)?))?;
        any = true;
    }
    (any && n > 0 && n < 10_000).then_some(n)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn statuses_in_a_cell() {
        use Status::*;
        for (cell, expected) in [
            ("ดำเนินการ เรียบร้อยแล้ว", vec![Done]),
            ("อยู่ระหว่าง ดำเนินการ อยู่ระหว่าง ดำเนินการ", vec![InProgress, InProgress]),
            ("ดำเนินการเสร็จ ดำเนินการเสร็จ", vec![Done, Done]),
            (
                "ดำเนินการ เรียบร้อยแล้ว อยู่ระหว่างดำเนินการ อยู่ระหว่างดำเนินการ",
                vec![Done, InProgress, InProgress],
            ),
            ("done", vec![Done]),
            ("ยังไม่ได้ดำเนินการ", vec![NotStarted]),
            ("ยกเลิก", vec![Cancelled]),
            ("ไม่ทราบ", vec![]),
        ] {
            assert_eq!(find_statuses(cell).0, expected, "{cell}");
        }
        assert_eq!(
            least_finished(&find_statuses("ดำเนินการเรียบร้อยแล้ว อยู่ระหว่างดำเนินการ").0),
            Some(InProgress)
        );
    }

    #[test]
    fn status_from_result_wording() {
        for (text, expected) in [
            ("จัดทำแผน ลงบนเว็บไซต์หลัก ของเทศบาล เรียบร้อยแล้ว", Some(Status::Done)),
            (
                "รายงานผลในระบบ e-PlanNACC และลงเว็บไซต์หลักของเทศบาลเรียบร้อยแล้ว",
                Some(Status::Done),
            ),
            ("งานอยู่ระหว่างดำเนินการ จะแล้วเสร็จ", Some(Status::InProgress)),
            ("จัดทำรายงานผลการดำเนินงานตามโครงการลงเว็บไซต์เทศบาล", None),
        ] {
            assert_eq!(status_from_result(text), expected, "{text}");
        }
    }

    #[test]
    fn owners_are_split() {
        let l = |t: &[&str]| t.iter().map(|s| s.to_string()).collect::<Vec<_>>();
        for (lines, expected) in [
            (
                l(&["๑.สำนักปลัดเทศบาล ๒.กองคลัง ๓.กองช่าง"]),
                vec!["สำนักปลัดเทศบาล", "กองคลัง", "กองช่าง"],
            ),
            (l(&["ทุกสำนัก/ กอง"]), vec!["ทุกสำนัก/กอง"]),
            (
                l(&["- สำนักงานคลัง -กองวิชาการและ แผนงาน"]),
                vec!["สำนักงานคลัง", "กองวิชาการและ แผนงาน"],
            ),
            (
                l(&["กองวิชาการฯ กองสารสนเทศฯ -งานสารสนเทศ ภูมิศาสตร์"]),
                vec!["กองวิชาการฯ กองสารสนเทศฯ", "งานสารสนเทศ ภูมิศาสตร์"],
            ),
            (l(&["ผู้รับผิดชอบ สำนักปลัดเทศบาล"]), vec!["สำนักปลัดเทศบาล"]),
            (
                l(&["ผู้รับผิดชอบ", "สำนักปลัดเทศบาล", "กองทะเบียนราษฎร"]),
                vec!["สำนักปลัดเทศบาล", "กองทะเบียนราษฎร"],
            ),
            (l(&["กองคลัง, กองช่าง"]), vec!["กองคลัง", "กองช่าง"]),
        ] {
            assert_eq!(split_owners(&lines), expected, "{lines:?}");
        }
    }

    #[test]
    fn titles_and_numbers() {
        assert_eq!(strip_marker("๑.กิจกรรมการอำนวยความสะดวก"), "กิจกรรมการอำนวยความสะดวก");
        assert_eq!(strip_marker("๗. การพัฒนา"), "การพัฒนา");
        assert_eq!(strip_marker("E-Service"), "E-Service");
        assert_eq!(strip_marker("๙๒.๖๙ คะแนน"), "๙๒.๖๙ คะแนน");
        assert_eq!(leading_number("๑๒.กิจกรรม"), Some(12));
        assert_eq!(leading_number("กิจกรรม"), None);
        assert_eq!(last_number("๒. ๙"), Some(9));
        assert_eq!(last_number("10"), Some(10));
    }
}
