//! The bad-input corpus: the mistakes of `research/reliability-security.md` §5 C (content) and
//! D (output), one folder each under `tests/fixtures/bad/<case>/`, applied to the small clean
//! portal in `tests/fixtures/bad/_base/`.
//!
//! A case folder holds `files/` (copied over the base portal), an optional `case.toml`
//! (`args`, default `check --format short`; `remove`: files to delete; `write`: `[path, text]`
//! pairs for names that cannot be checked in; `symlinks`: `[link, target]` pairs;
//! `same_output`, `output_lacks`: what the build of an accepted input must give) and
//! `expected.txt`: the exit code and the whole output, checked in and
//! reviewed like code (`PRONGSAI_BLESS=1` rewrites it). Each case also asserts that every code
//! printed is a registered rule and that `build` fails on errors, leaving the previous output
//! folder byte-identical, or succeeds when there are only warnings.

use std::path::{Path, PathBuf};

use crate::harness::{bin, copy_tree, fixtures_dir, snapshot};

#[derive(Debug, Default, serde::Deserialize)]
#[serde(deny_unknown_fields)]
struct CaseFile {
    #[serde(default)]
    args: Vec<String>,
    #[serde(default)]
    remove: Vec<String>,
    #[serde(default)]
    symlinks: Vec<(String, String)>,
    /// Files written by the test: names that cannot be checked in (they collide on macOS or
    /// Windows disks, or are editor litter a global gitignore would drop).
    #[serde(default)]
    write: Vec<(String, String)>,
    /// After the (successful) build the output must equal the base portal's, byte for byte:
    /// for inputs that differ only by BOM or line ends.
    #[serde(default)]
    same_output: bool,
    /// `[output file, text]`: the built file must not contain the text; an empty text means
    /// the file must not exist at all.
    #[serde(default)]
    output_lacks: Vec<(String, String)>,
}

fn bad_dir() -> PathBuf {
    fixtures_dir().join("bad")
}

fn cases() -> Vec<PathBuf> {
    let mut cases: Vec<PathBuf> = std::fs::read_dir(bad_dir())
        .expect("tests/fixtures/bad")
        .filter_map(Result::ok)
        .map(|e| e.path())
        .filter(|p| p.is_dir() && !p.file_name().is_some_and(|n| n.to_string_lossy().starts_with('_')))
        .collect();
    cases.sort();
    cases
}

#[test]
fn every_bad_input_gets_its_expected_diagnostics() {
    let cases = cases();
    assert!(cases.len() >= 60, "only {} cases", cases.len());
    // Two workers: the machine is small and each case runs the binary three times.
    let (left, right) = cases.split_at(cases.len() / 2);
    let failures: Vec<String> = std::thread::scope(|s| {
        let a = s.spawn(|| left.iter().filter_map(|c| run_case(c).err()).collect::<Vec<_>>());
        let b = s.spawn(|| right.iter().filter_map(|c| run_case(c).err()).collect::<Vec<_>>());
        let mut all = a.join().unwrap_or_else(|_| vec!["worker panicked".into()]);
        all.extend(b.join().unwrap_or_else(|_| vec!["worker panicked".into()]));
        all
    });
    assert!(
        failures.is_empty(),
        "{} of {} cases failed:\n\n{}",
        failures.len(),
        cases.len(),
        failures.join("\n\n")
    );
}

#[test]
fn the_base_portal_checks_clean() {
    let out = bin()
        .arg("--root")
        .arg(bad_dir().join("_base"))
        .args(["check", "--format", "short", "--deny", "warnings"])
        .output()
        .expect("run");
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(0), "{stderr}");
    assert!(stderr.contains("0 errors, 0 warnings"), "{stderr}");
}

fn run_case(case: &Path) -> Result<(), String> {
    let name = case
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let fail = |what: String| Err(format!("[{name}] {what}"));
    let spec: CaseFile = match std::fs::read_to_string(case.join("case.toml")) {
        Ok(text) => toml::from_str(&text).map_err(|e| format!("[{name}] case.toml: {e}"))?,
        Err(_) => CaseFile::default(),
    };
    if cfg!(not(unix)) && !spec.symlinks.is_empty() {
        return Ok(());
    }
    let dir = tempfile::tempdir().map_err(|e| e.to_string())?;
    let root = dir.path();
    copy_tree(&bad_dir().join("_base"), root, false);
    let first = bin()
        .current_dir(root)
        .arg("build")
        .output()
        .map_err(|e| e.to_string())?;
    if first.status.code() != Some(0) {
        return fail(format!(
            "the base portal does not build: {}",
            String::from_utf8_lossy(&first.stderr)
        ));
    }
    let before = snapshot(&root.join("public"));

    if case.join("files").is_dir() {
        copy_tree(&case.join("files"), root, false);
    }
    for rel in &spec.remove {
        std::fs::remove_file(root.join(rel)).map_err(|e| format!("[{name}] remove {rel}: {e}"))?;
    }
    for (rel, text) in &spec.write {
        let path = root.join(rel);
        std::fs::create_dir_all(path.parent().unwrap_or(root)).map_err(|e| e.to_string())?;
        std::fs::write(&path, text).map_err(|e| format!("[{name}] write {rel}: {e}"))?;
    }
    for (link, target) in &spec.symlinks {
        make_symlink(target, &root.join(link)).map_err(|e| format!("[{name}] symlink {link}: {e}"))?;
    }

    let args: Vec<String> = if spec.args.is_empty() {
        vec!["check".into(), "--format".into(), "short".into()]
    } else {
        spec.args.clone()
    };
    let out = bin()
        .current_dir(root)
        .args(&args)
        .output()
        .map_err(|e| e.to_string())?;
    let code = out.status.code().unwrap_or(-1);
    let text = format!(
        "exit: {code}\n{}{}",
        normalize(&String::from_utf8_lossy(&out.stderr), root),
        normalize(&String::from_utf8_lossy(&out.stdout), root)
    );
    let expected_path = case.join("expected.txt");
    if std::env::var_os("PRONGSAI_BLESS").is_some() {
        std::fs::write(&expected_path, &text).map_err(|e| e.to_string())?;
    } else {
        let expected = std::fs::read_to_string(&expected_path).unwrap_or_default();
        if expected != text {
            return fail(format!(
                "output differs from expected.txt\n--- expected\n{expected}--- actual\n{text}"
            ));
        }
    }
    for code in printed_codes(&text) {
        if prongsai::rules::find(&code).is_none() {
            return fail(format!("code `{code}` is not a registered rule"));
        }
    }

    let has_errors = text.contains("error[") || text.contains("\"level\": \"error\"");
    match args[0].as_str() {
        "check" => {
            let build = bin()
                .current_dir(root)
                .arg("build")
                .output()
                .map_err(|e| e.to_string())?;
            let expected_code = i32::from(has_errors);
            if build.status.code() != Some(expected_code) {
                return fail(format!(
                    "build exited {:?}, expected {expected_code}:\n{}",
                    build.status.code(),
                    String::from_utf8_lossy(&build.stderr)
                ));
            }
            let after = snapshot(&root.join("public"));
            if (has_errors || spec.same_output) && after != before {
                let changed: Vec<&str> = after
                    .iter()
                    .filter(|(path, bytes)| !before.iter().any(|(p, b)| p == path && b == bytes))
                    .map(|(path, _)| path.as_str())
                    .collect();
                return fail(format!("the output differs from the base portal's: {changed:?}"));
            }
            for (file, text) in &spec.output_lacks {
                let path = root.join("public").join(file);
                let found = match std::fs::read(&path) {
                    Ok(bytes) => text.is_empty() || String::from_utf8_lossy(&bytes).contains(text.as_str()),
                    Err(_) => false,
                };
                if found {
                    return fail(format!("public/{file} contains {text:?}"));
                }
            }
        }
        "build" if code != 0 && snapshot(&root.join("public")) != before => {
            return fail("a refused build changed the previous output".into());
        }
        _ => {}
    }
    if root.join("SECRET.txt").exists()
        && std::fs::read(root.join("SECRET.txt")).ok().as_deref() != Some(&b"canary: must never be published\n"[..])
    {
        return fail("the canary file changed".into());
    }
    Ok(())
}

/// The temp folder's path (as given and as resolved) becomes `<root>`.
fn normalize(text: &str, root: &Path) -> String {
    let mut out = text.to_string();
    let mut roots = vec![root.to_string_lossy().into_owned()];
    if let Ok(real) = std::fs::canonicalize(root) {
        roots.push(real.to_string_lossy().into_owned());
    }
    roots.sort_by_key(|r| std::cmp::Reverse(r.len()));
    for r in roots {
        out = out.replace(&r, "<root>");
    }
    out
}

/// The codes of `level[code]` markers in printed diagnostics (and `"code"` in JSON).
fn printed_codes(text: &str) -> Vec<String> {
    let mut out = Vec::new();
    for (i, _) in text.match_indices("\"code\": \"") {
        let rest = &text[i + 9..];
        if let Some(end) = rest.find('"') {
            out.push(rest[..end].to_string());
        }
    }
    for marker in ["error[", "warning["] {
        for (i, _) in text.match_indices(marker) {
            let rest = &text[i + marker.len()..];
            if let Some(end) = rest.find(']') {
                out.push(rest[..end].to_string());
            }
        }
    }
    out
}

#[cfg(unix)]
fn make_symlink(target: &str, link: &Path) -> std::io::Result<()> {
    if let Some(parent) = link.parent() {
        std::fs::create_dir_all(parent)?;
    }
    std::os::unix::fs::symlink(target, link)
}

#[cfg(not(unix))]
fn make_symlink(_target: &str, _link: &Path) -> std::io::Result<()> {
    Ok(())
}
