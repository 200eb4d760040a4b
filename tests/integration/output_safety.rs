//! The output folder: dangerous targets are refused, a failed build loses nothing, deploy
//! files users add by hand are kept.

use crate::harness::{snapshot, SiteTest};

#[test]
fn dangerous_output_folders_are_refused() {
    let mut t = SiteTest::fixture("basic");
    for dir in [".", "content", "content/2564", "/", "..", "static"] {
        t.run(&["build", "--output-dir", dir])
            .fails_with(1)
            .stderr_contains("output-refused");
    }
    let home = std::env::var("HOME").unwrap_or_else(|_| "/root".into());
    t.run(&["build", "--output-dir", &home])
        .fails_with(1)
        .stderr_contains("output-refused");
    assert!(t.root().join("content/2564/plan.md").exists());
}

#[test]
fn a_foreign_folder_needs_force() {
    let mut t = SiteTest::fixture("basic");
    t.write("site/keep-me.txt", "mine");
    t.run(&["build", "--output-dir", "site"])
        .fails_with(1)
        .stderr_contains("--force");
    assert!(t.root().join("site/keep-me.txt").exists());
    t.run(&["build", "--output-dir", "site", "--force"]).success();
    assert!(t.root().join("site/index.html").exists());
}

#[test]
fn a_failed_build_leaves_the_previous_output_byte_identical() {
    let mut t = SiteTest::fixture("basic");
    t.build();
    let before = snapshot(&t.root().join("public"));
    t.write("content/2564/plan.md", "+++\ntitle = 3\n+++\n");
    t.run(&["build"]).fails_with(1).stderr_contains("content/2564/plan.md");
    assert_eq!(before, snapshot(&t.root().join("public")));
    // A template error found while rendering, after the staging folder exists, too.
    t.write("content/2564/plan.md", "+++\ntitle = \"แผน\"\n+++\n");
    t.write("templates/page.html", "{{ page.no_such_field.deeper }}");
    t.run(&["build"]).fails_with(1).stderr_contains("template");
    assert_eq!(before, snapshot(&t.root().join("public")));
    let leftovers: Vec<_> = std::fs::read_dir(t.root())
        .expect("ls")
        .filter_map(Result::ok)
        .map(|e| e.file_name())
        .collect();
    assert!(
        !leftovers.iter().any(|n| n.to_string_lossy().contains("staging")),
        "{leftovers:?}"
    );
}

#[test]
fn git_cname_and_nojekyll_are_kept() {
    let mut t = SiteTest::fixture("basic");
    t.build();
    t.write("public/CNAME", "ita.example.go.th\n")
        .write("public/.nojekyll", "")
        .write("public/.git/HEAD", "ref: x\n");
    t.write("public/stale.html", "old");
    t.build();
    assert_eq!(t.read("CNAME"), "ita.example.go.th\n");
    assert!(t.exists(".nojekyll") && t.exists(".git/HEAD"));
    assert!(!t.exists("stale.html"), "files of the old build are gone");
}

/// A build reads each page body again when it renders the page; a file edited in between is
/// an error (the build stops and publishes nothing) rather than a page made of two versions.
#[test]
fn a_file_edited_during_a_build_stops_it() {
    use prongsai::site::{body::Body, BuildOptions, Site};
    let mut t = SiteTest::fixture("basic");
    let site = Site::load(t.root(), BuildOptions::default()).unwrap_or_else(|d| panic!("{d:?}"));
    let plan = site
        .pages
        .iter()
        .position(|p| p.file.ends_with("2564/plan.md"))
        .expect("the plan page");
    let body = Body::reload(&site, plan).unwrap_or_else(|d| panic!("{d:?}"));
    assert!(!body.rendered.html.is_empty());
    let text = std::fs::read_to_string(t.root().join("content/2564/plan.md")).expect("read the plan");
    t.write("content/2564/plan.md", format!("{text}\nอีกย่อหน้า\n"));
    let error = Body::reload(&site, plan).expect_err("the edit is noticed");
    assert_eq!(error.code, "io");
    assert!(
        error.message.contains("changed while the site was being built"),
        "{}",
        error.message
    );
    assert_eq!(
        error.file.as_deref(),
        Some(std::path::Path::new("content/2564/plan.md"))
    );
}
