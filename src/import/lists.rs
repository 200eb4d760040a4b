//! The lists hidden in a cell's text: numbered sub-steps ("๑.… ๒.…", also Arabic "1.", "2)")
//! and dash bullets ("-ระบบลงทะเบียน …"). Word tables hold them as one run of text, so the
//! markers are found by position and by counting: an item marker is a one- or two-digit
//! number followed by "." or ")" at the start or after white space, and it must be the next
//! number (or repeat the last one — seed 003 numbers "๒." twice). "ประจำปี ๒๕๖๔", "๙๒.๖๙" and
//! "รอบ ๖ เดือน" are therefore never split.

use super::html::{collapse_spaces, is_bullet};
use crate::thai::digits::digit_value;

/// A numbered list: the text before the first marker and the items with their markers removed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Numbered {
    pub preamble: String,
    /// (marker as written without the dot, e.g. "๑", item text)
    pub items: Vec<(String, String)>,
}

/// Splits numbered items; `None` when the text has no item "1".
pub fn numbered(text: &str) -> Option<Numbered> {
    let chars: Vec<(usize, char)> = text.char_indices().collect();
    let mut cuts: Vec<(usize, usize, String)> = Vec::new(); // (marker start, text start, digits)
    let mut last = 0u32;
    let mut i = 0;
    while i < chars.len() {
        let (at, c) = chars[i];
        let boundary = i == 0 || chars[i - 1].1.is_whitespace() || matches!(chars[i - 1].1, '>' | '(' | '"' | '“');
        if boundary && digit_value(c).is_some() {
            let mut j = i;
            let mut value = 0u32;
            while j < chars.len() && j - i < 3 {
                match digit_value(chars[j].1) {
                    Some(d) => value = value * 10 + d,
                    None => break,
                }
                j += 1;
            }
            let digits = j - i;
            let punct = chars.get(j).map(|(_, c)| *c);
            let after = chars.get(j + 1).map(|(_, c)| *c);
            let is_marker = digits <= 2
                && matches!(punct, Some('.') | Some(')'))
                && after.is_none_or(|a| digit_value(a).is_none() && a != '.')
                && (value == last + 1 || (value == last && value > 0));
            if is_marker {
                let text_start = chars.get(j + 1).map_or(text.len(), |(o, _)| *o);
                let marker: String = chars[i..j].iter().map(|(_, c)| *c).collect();
                cuts.push((at, text_start, marker));
                last = value;
                i = j + 1;
                continue;
            }
        }
        i += 1;
    }
    if cuts.is_empty() {
        return None;
    }
    let preamble = text[..cuts[0].0].trim().to_string();
    let items = cuts
        .iter()
        .enumerate()
        .map(|(k, (_, start, marker))| {
            let end = cuts.get(k + 1).map_or(text.len(), |next| next.0);
            (marker.clone(), text[*start..end].trim().to_string())
        })
        .collect();
    Some(Numbered { preamble, items })
}

/// Splits a text into its introduction and dash-bullet items. A bullet starts a line, or
/// follows white space and is glued to its word ("… -ระบบ …"); once a list has started,
/// a spaced " - " starts the next item too. "ยืม-คืน" and "๑๕-๑๖ มีนาคม" are not bullets.
pub fn bullets(text: &str) -> (String, Vec<String>) {
    let chars: Vec<(usize, char)> = text.char_indices().collect();
    let mut starts: Vec<(usize, usize)> = Vec::new(); // (bullet offset, text offset)
    for (i, &(at, c)) in chars.iter().enumerate() {
        if !is_bullet(c) || c == '*' && i > 0 {
            continue;
        }
        let line_start = i == 0 || chars[i - 1].1 == '\n';
        let after_space = i > 0 && chars[i - 1].1.is_whitespace();
        let next = chars.get(i + 1).map(|(_, c)| *c);
        let glued = next.is_some_and(|n| !n.is_whitespace() && digit_value(n).is_none() && !is_bullet(n));
        let spaced = next.is_some_and(char::is_whitespace);
        if line_start && next.is_some() || after_space && glued || after_space && spaced && !starts.is_empty() {
            let text_at = chars.get(i + 1).map_or(text.len(), |(o, _)| *o);
            starts.push((at, text_at));
        }
    }
    if starts.is_empty() {
        return (collapse_spaces(text), Vec::new());
    }
    let intro = collapse_spaces(&text[..starts[0].0]);
    let items = starts
        .iter()
        .enumerate()
        .map(|(k, (_, from))| {
            let end = starts.get(k + 1).map_or(text.len(), |next| next.0);
            collapse_spaces(&text[*from..end])
        })
        .filter(|s| !s.is_empty())
        .collect();
    (intro, items)
}

/// A cell's list items as plain one-line strings: numbered items if any; else bullet lines
/// when every line is a bullet; else the whole text as one item. Inside an item, bullets
/// are joined into the sentence ("… เช่น ข้อมูล … การใช้จ่าย …"), as the seeds' plans read.
pub fn items(lines: &[String]) -> Vec<String> {
    let text = lines.join("\n");
    if text.trim().is_empty() {
        return Vec::new();
    }
    let flat = |t: &str| {
        let (intro, bullets) = bullets(t);
        std::iter::once(intro)
            .chain(bullets)
            .filter(|s| !s.is_empty())
            .collect::<Vec<_>>()
            .join(" ")
    };
    if let Some(numbered) = numbered(&text) {
        let mut out: Vec<String> = Vec::new();
        if !numbered.preamble.is_empty() && !is_label(&numbered.preamble) {
            out.push(flat(&numbered.preamble));
        }
        out.extend(numbered.items.iter().map(|(_, t)| flat(t)).filter(|s| !s.is_empty()));
        return out;
    }
    if lines.len() > 1 && lines.iter().all(|l| l.starts_with(is_bullet)) {
        let (_, items) = bullets(&text);
        return items;
    }
    vec![flat(&text)]
}

/// A lead-in that only names the list ("ขั้นตอนการดำเนินการ", "ผู้รับผิดชอบ", "ได้แก่").
pub fn is_label(text: &str) -> bool {
    let key: String = text.chars().filter(|c| !c.is_whitespace() && *c != ':').collect();
    [
        "ขั้นตอนการดำเนินการ",
        "ขั้นตอนการดำเนินงาน",
        "ขั้นตอน",
        "วิธีการดำเนินการ",
        "ผู้รับผิดชอบ",
        "ได้แก่",
        "ดังนี้",
    ]
    .contains(&key.as_str())
}

/// A result cell as Markdown: each numbered item its own paragraph (marker kept), bullets as
/// a "- " list under their item. `notes[k]`, when given, is appended to item k (the per-step
/// status of seed 000).
pub fn markdown(lines: &[String], notes: &[String]) -> String {
    let text = lines.join("\n");
    let mut blocks: Vec<String> = Vec::new();
    match numbered(&text) {
        Some(numbered) => {
            if !numbered.preamble.is_empty() {
                blocks.push(block(&numbered.preamble, None));
            }
            for (k, (marker, item)) in numbered.items.iter().enumerate() {
                blocks.push(block(&format!("{marker}. {item}"), notes.get(k)));
            }
        }
        None => blocks.push(block(&text, notes.first())),
    }
    blocks.retain(|b| !b.is_empty());
    blocks.join("\n\n")
}

fn block(text: &str, note: Option<&String>) -> String {
    let (intro, items) = bullets(text);
    let mut lines: Vec<String> = Vec::new();
    if !intro.is_empty() {
        lines.push(escape_line(&intro));
    }
    lines.extend(items.iter().map(|i| format!("- {}", escape_inline(i))));
    if let (Some(note), Some(last)) = (note, lines.last_mut()) {
        last.push_str(&format!(" — **{note}**"));
    }
    lines.join("\n")
}

/// Keeps a line of table text from turning into Markdown syntax it never meant.
fn escape_line(line: &str) -> String {
    let line = escape_inline(line);
    match line.chars().next() {
        Some('#' | '>' | '+' | '=' | '|') => format!("\\{line}"),
        _ => line,
    }
}

fn escape_inline(text: &str) -> String {
    text.replace('\\', "\\\\")
        .replace('*', "\\*")
        .replace('_', "\\_")
        .replace('`', "\\`")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn lines(text: &str) -> Vec<String> {
        text.lines().map(str::to_string).collect()
    }

    #[test]
    fn numbered_sub_steps() {
        for (text, expected) in [
            ("๑.จัดทำคู่มือ ๒.มีช่องทาง ๓.จัดทำกล่อง", vec!["จัดทำคู่มือ", "มีช่องทาง", "จัดทำกล่อง"]),
            ("1. one 2) two", vec!["one", "two"]),
            // Years, scores, dates and counts are not markers.
            (
                "รายงาน ประจำปี ๒๕๖๔ รอบ ๖ เดือน ได้ ๙๒.๖๙ คะแนน",
                vec!["รายงาน ประจำปี ๒๕๖๔ รอบ ๖ เดือน ได้ ๙๒.๖๙ คะแนน"],
            ),
            // Seed 003 repeats "๒.".
            ("๑.แสดงเจตจำนง ๒.วิเคราะห์ ๒.จัดตั้ง", vec!["แสดงเจตจำนง", "วิเคราะห์", "จัดตั้ง"]),
            // A number out of sequence stays in the text.
            ("๑.ส่ง ๕. คน ๒.ติดตาม", vec!["ส่ง ๕. คน", "ติดตาม"]),
            // A label before the list goes; bullets inside a step join its sentence.
            ("ขั้นตอนการดำเนินการ ๑. จัดทำ ๒. แจ้ง", vec!["จัดทำ", "แจ้ง"]),
            (
                "เผยแพร่ข้อมูล เช่น\n-ข้อมูลทั่วไป -งบประมาณ\nผ่านเว็บไซต์",
                vec!["เผยแพร่ข้อมูล เช่น ข้อมูลทั่วไป งบประมาณ ผ่านเว็บไซต์"],
            ),
            // Every line a bullet: one item per bullet.
            ("- ผู้บังคับบัญชากำกับ\n- ติดตามงาน", vec!["ผู้บังคับบัญชากำกับ", "ติดตามงาน"]),
            ("การยืม-คืน ๑๕-๑๖ มีนาคม", vec!["การยืม-คืน ๑๕-๑๖ มีนาคม"]),
        ] {
            assert_eq!(items(&lines(text)), expected, "{text}");
        }
    }

    #[test]
    fn results_become_markdown() {
        let text = "๑.แจ้งทุกสำนัก ๒.จัดให้มีระบบ ได้แก่ -ระบบ ก -ระบบ ข - เว็บบอร์ด Q&A";
        assert_eq!(
            markdown(&lines(text), &[]),
            "๑. แจ้งทุกสำนัก\n\n๒. จัดให้มีระบบ ได้แก่\n- ระบบ ก\n- ระบบ ข\n- เว็บบอร์ด Q&A"
        );
        let notes = ["ดำเนินการเรียบร้อยแล้ว".to_string(), "อยู่ระหว่างดำเนินการ".to_string()];
        assert_eq!(
            markdown(&lines("๑. ก\n๒. ข"), &notes),
            "๑. ก — **ดำเนินการเรียบร้อยแล้ว**\n\n๒. ข — **อยู่ระหว่างดำเนินการ**"
        );
        assert_eq!(markdown(&lines("# ไม่ใช่หัวข้อ *จริง*"), &[]), "\\# ไม่ใช่หัวข้อ \\*จริง\\*");
    }
}
