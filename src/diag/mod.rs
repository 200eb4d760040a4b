//! Diagnostics as values: every problem prongsai finds in a portal is a `Diagnostic` with a
//! code, a level, a location in the user's file (file lines, not front-matter lines), a plain
//! message and a hint. Stages collect them; commands print them all and set the exit code once.

pub mod github;
pub mod print;

use std::collections::BTreeMap;
use std::fmt::Write as _;
use std::path::{Path, PathBuf};

use serde::Serialize;
use unicode_width::UnicodeWidthStr;

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Level {
    Warning,
    Error,
}

impl Level {
    pub fn as_str(self) -> &'static str {
        match self {
            Level::Warning => "warning",
            Level::Error => "error",
        }
    }
}

/// A check rule: its code (`unknown-key`), its default level and a one-line summary, Thai
/// first with English in brackets. The rule's `//!` doc comment is its page in the book.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Rule {
    pub code: &'static str,
    pub level: Level,
    pub summary: &'static str,
}

/// A place in a source file. Lines and columns are 1-based; the column counts characters.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
pub struct Position {
    pub line: usize,
    pub column: usize,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Diagnostic {
    pub code: &'static str,
    pub level: Level,
    /// The file, relative to the portal root where possible.
    pub file: Option<PathBuf>,
    pub position: Option<Position>,
    pub message: String,
    pub help: Option<String>,
    /// The source line the position points into, for the code frame.
    #[serde(skip)]
    pub source_line: Option<String>,
}

impl Diagnostic {
    /// A diagnostic of `rule` at the rule's default level. The only way to make one: every
    /// code is a rule of the registry (the `rules` module), checked by the compiler.
    pub fn new(rule: &Rule, message: impl Into<String>) -> Diagnostic {
        Diagnostic {
            code: rule.code,
            level: rule.level,
            file: None,
            position: None,
            message: message.into(),
            help: None,
            source_line: None,
        }
    }

    /// The same diagnostic at another level, for a rule that is an error in one place and a
    /// warning in another (a problem `serve` works around, say).
    pub fn at_level(mut self, level: Level) -> Diagnostic {
        self.level = level;
        self
    }

    pub fn in_file(mut self, file: impl Into<PathBuf>) -> Diagnostic {
        self.file = Some(file.into());
        self
    }

    pub fn with_help(mut self, help: impl Into<String>) -> Diagnostic {
        self.help = Some(help.into());
        self
    }

    /// Places the diagnostic at a byte offset of `text` (the whole file as read).
    pub fn at_offset(mut self, text: &str, offset: usize) -> Diagnostic {
        let (position, line) = locate(text, offset);
        self.position = Some(position);
        self.source_line = Some(line.to_string());
        self
    }

    /// [`at_offset`](Self::at_offset) in the UTF-8 `bytes` of a file, decoding only the line
    /// `offset` is on; unplaced when that line is not UTF-8.
    pub fn at_byte_offset(mut self, bytes: &[u8], offset: usize) -> Diagnostic {
        if let Some((position, line)) = locate_in_bytes(bytes, offset) {
            self.position = Some(position);
            self.source_line = Some(line.to_string());
        }
        self
    }

    pub fn is_error(&self) -> bool {
        self.level == Level::Error
    }

    /// `path:line:col: level[code]: message`, the form editors and CI logs understand.
    pub fn short(&self) -> String {
        let mut out = String::new();
        if let Some(file) = &self.file {
            out.push_str(&display_path(file));
            if let Some(p) = self.position {
                let _ = write!(out, ":{}:{}", p.line, p.column);
            }
            out.push_str(": ");
        }
        // One line per diagnostic, whatever a parser's message contains.
        let message = self.message.trim_end().replace('\n', "; ");
        let _ = write!(out, "{}[{}]: {message}", self.level.as_str(), self.code);
        out
    }

    /// The human form: the short line, a code frame with a caret aligned by display width
    /// (Thai vowel and tone marks take no column), and the hint.
    pub fn human(&self, color: bool) -> String {
        let (bold, red, yellow, blue, reset) = if color {
            ("\x1b[1m", "\x1b[31m", "\x1b[33m", "\x1b[34m", "\x1b[0m")
        } else {
            ("", "", "", "", "")
        };
        let level_color = if self.is_error() { red } else { yellow };
        let mut out = format!(
            "{bold}{level_color}{}[{}]{reset}{bold}: {}{reset}\n",
            self.level.as_str(),
            self.code,
            self.message
        );
        if let Some(file) = &self.file {
            let _ = write!(out, "  {blue}-->{reset} {}", display_path(file));
            if let Some(p) = self.position {
                let _ = write!(out, ":{}:{}", p.line, p.column);
            }
            out.push('\n');
        }
        if let (Some(p), Some(line)) = (self.position, &self.source_line) {
            let number = p.line.to_string();
            let gutter = " ".repeat(number.len());
            let before: String = line.chars().take(p.column.saturating_sub(1)).collect();
            let pad = " ".repeat(UnicodeWidthStr::width(before.as_str()));
            let _ = writeln!(out, "{blue}{gutter} |{reset}");
            let _ = writeln!(out, "{blue}{number} |{reset} {line}");
            let _ = writeln!(out, "{blue}{gutter} |{reset} {pad}{level_color}^{reset}");
        }
        if let Some(help) = &self.help {
            let _ = writeln!(out, "  {bold}= help:{reset} {help}");
        }
        out
    }
}

/// Warnings of one rule that `build` and `serve` print; `check` prints every one.
pub const WARNINGS_PER_RULE: usize = 10;

/// The human form of `diagnostics` as printed: every error, and at most `per_rule` warnings
/// of each rule followed by one line per rule counting those left out (a portal with
/// thousands of the same warning gets a readable log; `prongsai check` lists them all).
pub fn human_lines(diagnostics: &[Diagnostic], color: bool, per_rule: Option<usize>) -> Vec<String> {
    let mut totals: BTreeMap<&'static str, usize> = BTreeMap::new();
    for d in diagnostics.iter().filter(|d| !d.is_error()) {
        *totals.entry(d.code).or_insert(0) += 1;
    }
    lines_of(diagnostics, color, per_rule, &totals)
}

/// [`human_lines`] of sorted `diagnostics`, `totals` counting every warning of each code,
/// printed or not.
fn lines_of(
    diagnostics: &[Diagnostic],
    color: bool,
    per_rule: Option<usize>,
    totals: &BTreeMap<&'static str, usize>,
) -> Vec<String> {
    let mut shown: BTreeMap<&str, usize> = BTreeMap::new();
    let mut lines = Vec::with_capacity(diagnostics.len().min(1000));
    for d in diagnostics {
        if d.is_error() {
            lines.push(d.human(color));
            continue;
        }
        let count = shown.entry(d.code).or_insert(0);
        *count += 1;
        if per_rule.is_none_or(|limit| *count <= limit) {
            lines.push(d.human(color));
        }
    }
    for (code, total) in totals {
        let hidden = per_rule.map_or(0, |limit| total.saturating_sub(limit));
        if hidden > 0 {
            lines.push(format!(
                "... และคำเตือน [{code}] อีก {hidden} รายการ ดูทั้งหมดด้วย `prongsai check` \
                 ({hidden} more [{code}] warnings; `prongsai check` lists them all)\n"
            ));
        }
    }
    lines
}

/// Diagnostics as they are collected: every error, and of each warning code either every
/// warning (`check`) or only the first [`WARNINGS_PER_RULE`] in [`sort`] order with a count
/// of the others (`build`: what it prints), so that a site with a warning on every page does
/// not hold them all.
#[derive(Debug, Clone, Default)]
pub struct Collected {
    per_rule: Option<usize>,
    errors: Vec<Diagnostic>,
    /// Code → (warnings seen, warnings kept).
    warnings: BTreeMap<&'static str, (usize, Vec<Diagnostic>)>,
}

impl Collected {
    /// Keeps every diagnostic.
    pub fn all() -> Collected {
        Collected::default()
    }

    /// Keeps what a build prints.
    pub fn printed() -> Collected {
        Collected {
            per_rule: Some(WARNINGS_PER_RULE),
            ..Collected::default()
        }
    }

    pub fn extend(&mut self, diagnostics: impl IntoIterator<Item = Diagnostic>) {
        for d in diagnostics {
            if d.is_error() {
                self.errors.push(d);
                continue;
            }
            let (seen, kept) = self.warnings.entry(d.code).or_default();
            *seen += 1;
            kept.push(d);
            if let Some(limit) = self.per_rule {
                // trimmed now and then, so the sorting stays linear in what is seen
                if kept.len() >= 4 * limit.max(1) {
                    sort(kept);
                    kept.truncate(limit);
                }
            }
        }
    }

    /// For each warning code whose kept warnings are as many as are printed, the file of the
    /// last one kept: a warning of that code in a later file would not be printed, so it need
    /// only be counted ([`Collected::count`]), not placed in its file.
    pub fn cutoffs(&mut self) -> BTreeMap<&'static str, Option<PathBuf>> {
        let Some(limit) = self.per_rule else {
            return BTreeMap::new();
        };
        let mut out = BTreeMap::new();
        for (code, (_, kept)) in &mut self.warnings {
            if kept.len() >= limit.max(1) {
                sort(kept);
                kept.truncate(limit);
                if let Some(last) = kept.last() {
                    out.insert(*code, last.file.clone());
                }
            }
        }
        out
    }

    /// Counts a warning of `code` that is not kept (it sorts after every kept one).
    pub fn count(&mut self, code: &'static str) {
        self.warnings.entry(code).or_default().0 += 1;
    }

    pub fn has_errors(&self) -> bool {
        !self.errors.is_empty()
    }

    pub fn errors(&self) -> usize {
        self.errors.len()
    }

    /// The diagnostics kept, sorted.
    pub fn into_sorted(self) -> Vec<Diagnostic> {
        let mut out = self.errors;
        for (_, (_, mut kept)) in self.warnings {
            if let Some(limit) = self.per_rule {
                sort(&mut kept);
                kept.truncate(limit);
            }
            out.append(&mut kept);
        }
        sort(&mut out);
        out
    }

    /// How many warnings were seen, kept or not.
    pub fn warnings(&self) -> usize {
        self.warnings.values().map(|(seen, _)| seen).sum()
    }

    /// The human form, as [`human_lines`] gives it for every diagnostic seen.
    pub fn human_lines(&self, color: bool) -> Vec<String> {
        let totals = self.warnings.iter().map(|(code, (seen, _))| (*code, *seen)).collect();
        lines_of(&self.clone().into_sorted(), color, self.per_rule, &totals)
    }
}

impl From<Vec<Diagnostic>> for Collected {
    /// What a build prints of `diagnostics`.
    fn from(diagnostics: Vec<Diagnostic>) -> Collected {
        let mut collected = Collected::printed();
        collected.extend(diagnostics);
        collected
    }
}

impl From<Diagnostic> for Collected {
    fn from(diagnostic: Diagnostic) -> Collected {
        Collected::from(vec![diagnostic])
    }
}

/// Paths are shown with forward slashes on every system, as users see them in links.
pub fn display_path(path: &Path) -> String {
    path.to_string_lossy().replace('\\', "/")
}

/// Line, column (in characters) and the line's text for a byte offset.
pub fn locate(text: &str, offset: usize) -> (Position, &str) {
    let mut offset = offset.min(text.len());
    while !text.is_char_boundary(offset) {
        offset -= 1;
    }
    let line_start = text[..offset].rfind('\n').map_or(0, |i| i + 1);
    let line_end = text[offset..].find('\n').map_or(text.len(), |i| offset + i);
    let line = text[..offset].matches('\n').count() + 1;
    let column = text[line_start..offset].chars().count() + 1;
    let source = text[line_start..line_end].trim_end_matches('\r');
    (Position { line, column }, source)
}

/// [`locate`] in UTF-8 bytes, decoding only the line `offset` is on.
pub fn locate_in_bytes(bytes: &[u8], offset: usize) -> Option<(Position, &str)> {
    let offset = offset.min(bytes.len());
    let start = bytes[..offset].iter().rposition(|&b| b == b'\n').map_or(0, |i| i + 1);
    let end = bytes[offset..]
        .iter()
        .position(|&b| b == b'\n')
        .map_or(bytes.len(), |i| offset + i);
    let text = std::str::from_utf8(&bytes[start..end]).ok()?;
    let (within, source) = locate(text, offset - start);
    let line = bytes[..start].iter().filter(|&&b| b == b'\n').count() + 1;
    Some((
        Position {
            line,
            column: within.column,
        },
        source,
    ))
}

/// Sorts diagnostics by file and position so output is stable whatever the thread order.
pub fn sort(diagnostics: &mut [Diagnostic]) {
    diagnostics
        .sort_by(|a, b| (&a.file, a.position, a.code, &a.message).cmp(&(&b.file, b.position, b.code, &b.message)));
}

pub fn has_errors(diagnostics: &[Diagnostic]) -> bool {
    diagnostics.iter().any(Diagnostic::is_error)
}

/// The closest candidate by edit distance, for "did you mean" hints.
pub fn did_you_mean<'a>(word: &str, candidates: impl IntoIterator<Item = &'a str>) -> Option<&'a str> {
    candidates
        .into_iter()
        .map(|c| (edit_distance(word, c), c))
        .filter(|(d, c)| *d <= (c.chars().count().max(3) / 3).max(1) + 1)
        .min_by_key(|(d, _)| *d)
        .map(|(_, c)| c)
}

fn edit_distance(a: &str, b: &str) -> usize {
    let a: Vec<char> = a.to_lowercase().chars().collect();
    let b: Vec<char> = b.to_lowercase().chars().collect();
    let mut previous: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.iter().enumerate() {
        let mut current = vec![i + 1];
        for (j, cb) in b.iter().enumerate() {
            let cost = usize::from(ca != cb);
            let value = (previous[j] + cost).min(previous[j + 1] + 1).min(current[j] + 1);
            current.push(value);
        }
        previous = current;
    }
    previous[b.len()]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn locate_counts_file_lines_and_characters() {
        let text = "a\nคำ = x\n";
        let (p, line) = locate(text, text.find('x').unwrap_or(0));
        assert_eq!((p.line, p.column, line), (2, 6, "คำ = x"));
    }

    #[test]
    fn collected_prints_what_human_lines_prints_of_everything() {
        let rule = |code, level| Rule {
            code,
            level,
            summary: "",
        };
        let (e, a, b) = (
            rule("e", Level::Error),
            rule("a", Level::Warning),
            rule("b", Level::Warning),
        );
        let all: Vec<Diagnostic> = (0..95)
            .map(|i| {
                let d = if i % 7 == 0 {
                    Diagnostic::new(&e, format!("error {i}"))
                } else {
                    Diagnostic::new(if i % 2 == 0 { &a } else { &b }, format!("warning {i}"))
                };
                d.in_file(format!("f{:02}.md", (i * 37) % 95))
            })
            .collect();
        let mut sorted = all.clone();
        sort(&mut sorted);
        let mut collected = Collected::printed();
        collected.extend(all.iter().cloned());
        assert_eq!(
            collected.human_lines(false),
            human_lines(&sorted, false, Some(WARNINGS_PER_RULE))
        );
        assert_eq!(collected.errors(), 14);
        assert_eq!(collected.clone().into_sorted().len(), 14 + 2 * WARNINGS_PER_RULE);
        let mut everything = Collected::all();
        everything.extend(all.iter().cloned());
        assert_eq!(everything.into_sorted(), sorted);
        // fed a few at a time, counting what sorts after the cutoffs instead of keeping it
        let mut cut = Collected::printed();
        let mut counted = 0;
        for batch in all.chunks(9) {
            let cutoffs = cut.cutoffs();
            for d in batch {
                if !d.is_error() && cutoffs.get(d.code).is_some_and(|last| d.file > *last) {
                    cut.count(d.code);
                    counted += 1;
                } else {
                    cut.extend([d.clone()]);
                }
            }
        }
        assert!(counted > 20, "{counted}");
        assert_eq!(cut.human_lines(false), collected.human_lines(false));
        assert!(Collected::all().cutoffs().is_empty());
    }

    #[test]
    fn locate_in_bytes_agrees_with_locate() {
        let text = "ก\n\nคำ = x\nท้าย";
        for offset in text.char_indices().map(|(i, _)| i).chain([text.len()]) {
            let (p, line) = locate(text, offset);
            let (q, bytes_line) = locate_in_bytes(text.as_bytes(), offset).expect("utf-8");
            assert_eq!((p, line), (q, bytes_line), "at {offset}");
        }
    }

    #[test]
    fn caret_is_aligned_by_display_width() {
        let text = "title = \"ที่นี่\" x";
        let d = Diagnostic::new(&crate::rules::toml_syntax::RULE, "m").at_offset(text, text.find('x').unwrap_or(0));
        let human = d.human(false);
        let caret_line = human.lines().find(|l| l.ends_with('^')).unwrap_or_default();
        // `title = "ที่นี่" ` is 13 columns wide: the Thai vowel and tone marks take none.
        assert_eq!(caret_line, format!("  | {}^", " ".repeat(13)));
    }

    #[test]
    fn the_short_form_is_one_line() {
        let d =
            Diagnostic::new(&crate::rules::toml_syntax::RULE, "invalid table header\nexpected `.`\n").in_file("a.md");
        assert_eq!(
            d.short(),
            "a.md: error[toml-syntax]: invalid table header; expected `.`"
        );
    }

    #[test]
    fn suggestions_find_close_keys_only() {
        let keys = ["title", "base_url", "language"];
        assert_eq!(did_you_mean("titel", keys), Some("title"));
        assert_eq!(did_you_mean("baseurl", keys), Some("base_url"));
        assert_eq!(did_you_mean("zzzzzz", keys), None);
    }
}
