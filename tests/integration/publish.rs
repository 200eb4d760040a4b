//! Writing only what changed: a rebuild touches exactly the files whose bytes differ, removes
//! what the site no longer makes, keeps deploy files, and repairs whatever a killed build
//! left behind. Every incremental result is compared with a fresh build of the same sources.

use std::collections::BTreeMap;
use std::time::{Duration, SystemTime};

#[cfg(unix)]
use crate::harness::bin;
use crate::harness::{snapshot, SiteTest};

/// (modification time, bytes) of every file of the output but the manifest.
fn stamps(t: &SiteTest) -> BTreeMap<String, (SystemTime, Vec<u8>)> {
    let out = t.root().join("public");
    snapshot(&out)
        .into_iter()
        .map(|(rel, bytes)| {
            let time = std::fs::metadata(out.join(&rel))
                .and_then(|m| m.modified())
                .expect("mtime");
            (rel, (time, bytes))
        })
        .collect()
}

/// The output of a build of the same sources into a fresh folder.
fn fresh_build(t: &mut SiteTest) -> Vec<(String, Vec<u8>)> {
    let fresh = t.root().join("fresh-out");
    let _ = std::fs::remove_dir_all(&fresh);
    t.run(&["build", "--output-dir", "fresh-out"]).success();
    let files = snapshot(&fresh);
    std::fs::remove_dir_all(&fresh).expect("rm fresh");
    files
}

/// Lets the clock move on, so a rewritten file gets a new modification time.
fn tick() {
    std::thread::sleep(Duration::from_millis(30));
}

#[test]
fn a_rebuild_with_nothing_changed_touches_no_file() {
    let mut t = SiteTest::fixture("basic");
    t.build();
    let before = stamps(&t);
    tick();
    t.build().stderr_contains("no input changed");
    assert_eq!(before, stamps(&t));
    // An input that changes no output byte (editor litter is read by nothing) renders the
    // site again and still writes nothing.
    t.write("content/2564/plan.md~", "backup");
    tick();
    t.build().stderr_contains("wrote 0 files, removed 0");
    assert_eq!(before, stamps(&t));
}

#[test]
fn a_one_page_edit_rewrites_only_the_files_whose_bytes_changed() {
    let mut t = SiteTest::fixture("basic");
    t.build();
    let before = stamps(&t);
    tick();
    t.write(
        "content/2564/plan.md",
        "+++\ntitle = \"แผนมาตรการ\"\ndate = 2020-12-01\nweight = 1\n+++\nแผนปี ๒๕๖๔ ฉบับแก้ไข\n",
    );
    t.build().stderr_contains("removed 0");
    let after = stamps(&t);
    assert_eq!(before.keys().collect::<Vec<_>>(), after.keys().collect::<Vec<_>>());
    let mut rewritten = Vec::new();
    for (path, (time, bytes)) in &after {
        let (old_time, old_bytes) = &before[path];
        assert_eq!(
            old_bytes != bytes,
            old_time != time,
            "{path}: rewritten if and only if its bytes changed"
        );
        if old_time != time {
            rewritten.push(path.as_str());
        }
    }
    assert!(rewritten.contains(&"2564/plan/index.html"), "{rewritten:?}");
    assert!(!rewritten.contains(&"2564/report-h1/index.html"), "{rewritten:?}");
    assert!(!rewritten.contains(&"style.css"), "{rewritten:?}");
    let wrote = format!("wrote {} files", rewritten.len());
    t.stderr_contains(&wrote);
    // the pages that do not show the plan were kept, not rendered again
    t.stderr_contains("unchanged pages not rendered again")
        .stderr_contains("ไม่ต้องสร้างใหม่");
    assert_eq!(snapshot(&t.root().join("public")), fresh_build(&mut t));
}

#[test]
fn a_deleted_page_loses_its_file_and_folder() {
    let mut t = SiteTest::fixture("basic");
    t.build();
    assert!(t.exists("2564/plan/index.html"));
    remove_plan(&t);
    t.build();
    assert!(!t.exists("2564/plan/index.html") && !t.exists("2564/plan"));
    assert_eq!(snapshot(&t.root().join("public")), fresh_build(&mut t));
}

#[test]
fn deploy_files_survive_the_skipped_build_too() {
    let mut t = SiteTest::fixture("basic");
    t.build();
    t.write("public/CNAME", "ita.example.go.th\n")
        .write("public/.git/HEAD", "ref: x\n");
    t.build().stderr_contains("no input changed");
    assert_eq!(t.read("CNAME"), "ita.example.go.th\n");
    assert!(t.exists(".git/HEAD"));
    t.write("content/2564/plan.md", "+++\ntitle = \"แผนใหม่\"\n+++\n");
    t.build();
    assert_eq!(t.read("CNAME"), "ita.example.go.th\n");
    assert!(t.exists(".git/HEAD"));
}

#[test]
fn a_hand_edited_or_deleted_output_file_is_restored() {
    let mut t = SiteTest::fixture("basic");
    t.build();
    let good = t.read("2564/plan/index.html");
    t.write("public/2564/plan/index.html", "edited by hand");
    std::fs::remove_file(t.root().join("public/style.css")).expect("rm");
    t.build().stderr_contains("wrote 2 files");
    assert_eq!(t.read("2564/plan/index.html"), good);
    assert!(t.exists("style.css"));
}

/// What a build killed at any point leaves — a staging folder, a half-written manifest, a
/// folder with some new files moved in and no manifest — the next build cleans up.
#[test]
fn leftovers_of_a_killed_build_are_cleaned_up() {
    let mut t = SiteTest::fixture("basic");
    t.build();
    let expected = snapshot(&t.root().join("public"));
    t.write(".public.prongsai-staging/2564/plan/index.html", "half");
    t.write(".public.old/index.html", "old backup");
    t.write(".public.prongsai-manifest.tmp", "{\"version\":");
    t.write("public/2564/plan/index.html", "a newer file moved in");
    t.write("public/gone/index.html", "a page the site no longer has");
    std::fs::remove_file(t.root().join(".public.prongsai-manifest")).expect("rm manifest");
    t.build();
    assert_eq!(snapshot(&t.root().join("public")), expected);
    assert!(!t.root().join(".public.prongsai-staging").exists());
    assert!(!t.root().join(".public.old").exists());
    assert!(t.root().join(".public.prongsai-manifest").exists());
    assert!(!t.root().join(".public.prongsai-manifest.tmp").exists());
}

/// The real thing: builds killed with SIGKILL at different moments, each followed by a
/// build that must give exactly what a fresh build gives.
#[cfg(unix)]
#[test]
fn a_build_killed_at_any_moment_is_repaired_by_the_next() {
    let mut t = SiteTest::fixture("basic");
    t.build();
    let mut step = 0;
    for delay_ms in [0u64, 2, 5, 10, 20, 40] {
        step += 1;
        t.write(
            "content/2564/plan.md",
            format!("+++\ntitle = \"แผน {step}\"\n+++\nรอบ {step}\n"),
        );
        let mut child = bin()
            .current_dir(t.root())
            .arg("build")
            .stdout(std::process::Stdio::null())
            .stderr(std::process::Stdio::null())
            .spawn()
            .expect("spawn");
        std::thread::sleep(Duration::from_millis(delay_ms));
        let _ = child.kill();
        let _ = child.wait();
        t.build();
        assert_eq!(
            snapshot(&t.root().join("public")),
            fresh_build(&mut t),
            "killed after {delay_ms} ms"
        );
    }
}

#[test]
fn a_page_that_becomes_a_file_replaces_the_folder() {
    let mut t = SiteTest::fixture("basic");
    t.build();
    assert!(t.exists("2564/plan/index.html"));
    // A static file where the page's folder was.
    remove_plan(&t);
    t.write("static/2564/plan", "now a file");
    t.build();
    assert_eq!(t.read("2564/plan"), "now a file");
    assert_eq!(snapshot(&t.root().join("public")), fresh_build(&mut t));
}

/// Deletes the basic fixture's plan page and the report's link to it (a link to a page that
/// is gone is a `broken-link` error, which would stop the build).
fn remove_plan(t: &SiteTest) {
    std::fs::remove_file(t.root().join("content/2564/plan.md")).expect("rm");
    let report = t.root().join("content/2564/report-h1.md");
    let text = std::fs::read_to_string(&report).expect("read report");
    assert!(text.contains("[แผน](../plan/)"), "the fixture links the plan");
    std::fs::write(&report, text.replace("[แผน](../plan/)", "แผน")).expect("write report");
}
