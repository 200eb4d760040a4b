//! Diagnostics as GitHub Actions workflow commands (`prongsai check --format github`):
//! `::error file=…,line=…,col=…,title=…::message`, which the runner turns into annotations on
//! the lines of the pull request. The escaping is the runner's: `%`, CR and LF in the message,
//! and also `:` and `,` in the properties.

use std::path::{Component, Path, PathBuf};

use super::{display_path, Diagnostic, Level};

/// One workflow command per diagnostic. `root` is the portal folder as given on the command
/// line: file names are made relative to the folder the job runs in (the repository root),
/// where GitHub looks for them.
pub fn annotations(diagnostics: &[Diagnostic], root: &Path) -> Vec<String> {
    let cwd = std::env::current_dir().ok();
    diagnostics
        .iter()
        .map(|d| annotation(d, root, cwd.as_deref()))
        .collect()
}

/// The workflow command for `d`; `cwd` is the working folder, to make absolute paths relative.
pub fn annotation(d: &Diagnostic, root: &Path, cwd: Option<&Path>) -> String {
    let command = match d.level {
        Level::Error => "error",
        Level::Warning => "warning",
    };
    let mut properties = Vec::new();
    if let Some(file) = &d.file {
        properties.push(format!(
            "file={}",
            escape_property(&display_path(&repository_path(root, file, cwd)))
        ));
        if let Some(p) = d.position {
            properties.push(format!("line={}", p.line));
            properties.push(format!("col={}", p.column));
        }
    }
    properties.push(format!("title={}", escape_property(d.code)));
    let mut message = d.message.trim_end().to_string();
    if let Some(help) = &d.help {
        message.push_str("\nhelp: ");
        message.push_str(help);
    }
    format!("::{command} {}::{}", properties.join(","), escape_data(&message))
}

/// `file` (relative to the portal `root`, or absolute) as a path from the working folder,
/// without `.` components.
fn repository_path(root: &Path, file: &Path, cwd: Option<&Path>) -> PathBuf {
    let joined = root.join(file);
    let relative = match cwd {
        Some(cwd) if joined.is_absolute() => joined.strip_prefix(cwd).map(Path::to_path_buf).unwrap_or(joined),
        _ => joined,
    };
    relative.components().filter(|c| *c != Component::CurDir).collect()
}

/// The message of a workflow command: `%`, CR and LF would end or corrupt it.
pub fn escape_data(text: &str) -> String {
    text.replace('%', "%25").replace('\r', "%0D").replace('\n', "%0A")
}

/// A property value: also `:` (ends the properties) and `,` (separates them).
pub fn escape_property(text: &str) -> String {
    escape_data(text).replace(':', "%3A").replace(',', "%2C")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::diag::Position;

    #[test]
    fn an_error_points_at_its_line_and_column() {
        let mut d = Diagnostic::new(
            &crate::rules::measure_number::RULE,
            "number 2 is used twice: 50% done\r\nsee below",
        )
        .in_file("content/2568/measures/ก,1:2.md")
        .with_help("give each measure its own number");
        d.position = Some(Position { line: 3, column: 10 });
        assert_eq!(
            annotation(&d, Path::new("."), None),
            "::error file=content/2568/measures/ก%2C1%3A2.md,line=3,col=10,title=measure-number::\
             number 2 is used twice: 50%25 done%0D%0Asee below%0Ahelp: give each measure its own number"
        );
    }

    #[test]
    fn a_warning_without_a_file_has_only_a_title() {
        let d = Diagnostic::new(&crate::rules::indicator_mismatch::RULE, "no base_url");
        assert_eq!(
            annotation(&d, Path::new("."), None),
            "::warning title=indicator-mismatch::no base_url"
        );
    }

    #[test]
    fn paths_are_relative_to_the_working_folder() {
        let d = Diagnostic::new(&crate::rules::unknown_key::RULE, "m").in_file("content\\a.md");
        assert_eq!(
            annotation(&d, Path::new("./site"), None),
            "::error file=site/content/a.md,title=unknown-key::m"
        );
        let cwd = std::env::temp_dir();
        let d = Diagnostic::new(&crate::rules::unknown_key::RULE, "m").in_file("a.md");
        assert_eq!(
            annotation(&d, &cwd.join("portal"), Some(&cwd)),
            "::error file=portal/a.md,title=unknown-key::m"
        );
    }
}
