//! The example portals shipped in the repository build with zero diagnostics.

use std::path::Path;

use crate::harness::bin;

fn check_clean(root: &Path) {
    let out = bin()
        .args(["--root"])
        .arg(root)
        .args(["check", "--format", "short"])
        .output()
        .expect("run");
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(0), "{}:\n{stderr}", root.display());
    assert!(stderr.contains("0 errors, 0 warnings"), "{}:\n{stderr}", root.display());
}

#[test]
fn the_example_portal_checks_clean() {
    check_clean(Path::new(env!("CARGO_MANIFEST_DIR")));
}

#[test]
fn every_example_under_examples_checks_clean() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("examples");
    let mut count = 0;
    for entry in std::fs::read_dir(&dir).expect("examples/") {
        let path = entry.expect("entry").path();
        if path.join("prongsai.toml").exists() {
            check_clean(&path);
            count += 1;
        }
    }
    assert!(count >= 1);
}
