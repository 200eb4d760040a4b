//! A chainable test builder in the style of mdBook's test suite:
//! `SiteTest::fixture("basic").build().main_eq("2564/plan/index.html")`.
//!
//! Expected files live in `tests/fixtures/<case>/expected/`. Set `PRONGSAI_BLESS=1` to write
//! them after reviewing a change; CI never does.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

pub fn fixtures_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures")
}

pub fn bin() -> Command {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_prongsai"));
    cmd.env_remove("SOURCE_DATE_EPOCH").env("NO_COLOR", "1");
    cmd
}

pub struct SiteTest {
    pub case: String,
    pub dir: tempfile::TempDir,
    pub last: Option<Output>,
}

impl SiteTest {
    /// Copies `tests/fixtures/<case>/` (without `expected/`) to a fresh temp folder.
    pub fn fixture(case: &str) -> SiteTest {
        let dir = tempfile::tempdir().expect("temp dir");
        copy_tree(&fixtures_dir().join(case), dir.path(), true);
        SiteTest {
            case: case.to_string(),
            dir,
            last: None,
        }
    }

    /// An empty portal folder.
    pub fn empty() -> SiteTest {
        SiteTest {
            case: String::new(),
            dir: tempfile::tempdir().expect("temp dir"),
            last: None,
        }
    }

    pub fn root(&self) -> &Path {
        self.dir.path()
    }

    pub fn write(&mut self, rel: &str, contents: impl AsRef<[u8]>) -> &mut Self {
        let path = self.root().join(rel);
        std::fs::create_dir_all(path.parent().expect("parent")).expect("mkdir");
        std::fs::write(path, contents).expect("write");
        self
    }

    pub fn run(&mut self, args: &[&str]) -> &mut Self {
        let output = bin()
            .current_dir(self.root())
            .args(args)
            .output()
            .expect("run prongsai");
        self.last = Some(output);
        self
    }

    pub fn build(&mut self) -> &mut Self {
        self.run(&["build"]).success()
    }

    pub fn output(&self) -> &Output {
        self.last.as_ref().expect("no command run yet")
    }

    pub fn stderr(&self) -> String {
        String::from_utf8_lossy(&self.output().stderr).into_owned()
    }

    pub fn stdout(&self) -> String {
        String::from_utf8_lossy(&self.output().stdout).into_owned()
    }

    pub fn code(&self) -> i32 {
        self.output().status.code().unwrap_or(-1)
    }

    pub fn success(&mut self) -> &mut Self {
        assert_eq!(self.code(), 0, "expected success\nstderr:\n{}", self.stderr());
        self
    }

    pub fn fails_with(&mut self, code: i32) -> &mut Self {
        assert_eq!(self.code(), code, "stderr:\n{}", self.stderr());
        self
    }

    pub fn stderr_contains(&mut self, needle: &str) -> &mut Self {
        assert!(
            self.stderr().contains(needle),
            "stderr lacks {needle:?}:\n{}",
            self.stderr()
        );
        self
    }

    pub fn read(&self, rel: &str) -> String {
        let path = self.root().join("public").join(rel);
        std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
    }

    /// The round-1 status of every measure in `<year>/measures.json`, in file order.
    pub fn first_round_statuses(&self, year: &str) -> Vec<String> {
        let json: serde_json::Value =
            serde_json::from_str(&self.read(&format!("{year}/measures.json"))).expect("measures.json");
        json.as_array()
            .expect("array")
            .iter()
            .map(|m| m["progress"][0]["status"].as_str().unwrap_or("").to_string())
            .collect()
    }

    pub fn exists(&self, rel: &str) -> bool {
        self.root().join("public").join(rel).exists()
    }

    /// Compares the `<main>` region of an output page with `expected/<rel>`.
    pub fn main_eq(&mut self, rel: &str) -> &mut Self {
        let actual = main_region(&self.read(rel));
        compare(&fixtures_dir().join(&self.case).join("expected").join(rel), &actual);
        self
    }

    /// Compares a whole output file with `expected/<rel>`.
    pub fn file_eq(&mut self, rel: &str) -> &mut Self {
        let actual = self.read(rel);
        compare(&fixtures_dir().join(&self.case).join("expected").join(rel), &actual);
        self
    }
}

pub fn main_region(html: &str) -> String {
    let start = html.find("<main").expect("no <main>");
    let end = html.find("</main>").expect("no </main>") + "</main>".len();
    html[start..end].to_string()
}

fn compare(expected_path: &Path, actual: &str) {
    if std::env::var_os("PRONGSAI_BLESS").is_some() {
        std::fs::create_dir_all(expected_path.parent().expect("parent")).expect("mkdir");
        std::fs::write(expected_path, actual).expect("bless");
        return;
    }
    let expected = std::fs::read_to_string(expected_path).unwrap_or_else(|e| {
        panic!(
            "{}: {e} (run with PRONGSAI_BLESS=1 to create it)",
            expected_path.display()
        )
    });
    if expected != actual {
        let first = expected.lines().zip(actual.lines()).position(|(a, b)| a != b);
        panic!(
            "{} differs (first differing line {:?})\n--- expected\n{expected}\n--- actual\n{actual}",
            expected_path.display(),
            first.map(|n| n + 1)
        );
    }
}

pub fn copy_tree(from: &Path, to: &Path, skip_expected: bool) {
    for entry in walkdir::WalkDir::new(from).sort_by_file_name() {
        let entry = entry.expect("walk");
        let rel = entry.path().strip_prefix(from).expect("prefix");
        if skip_expected && rel.starts_with("expected") {
            continue;
        }
        let target = to.join(rel);
        if entry.file_type().is_dir() {
            std::fs::create_dir_all(&target).expect("mkdir");
        } else {
            std::fs::copy(entry.path(), &target).expect("copy");
        }
    }
}

/// Every file of a folder as (relative path, bytes), sorted.
pub fn snapshot(dir: &Path) -> Vec<(String, Vec<u8>)> {
    let mut out = Vec::new();
    for entry in walkdir::WalkDir::new(dir).sort_by_file_name() {
        let entry = entry.expect("walk");
        if entry.file_type().is_file() {
            let rel = entry
                .path()
                .strip_prefix(dir)
                .expect("prefix")
                .to_string_lossy()
                .replace('\\', "/");
            out.push((rel, std::fs::read(entry.path()).expect("read")));
        }
    }
    out
}
