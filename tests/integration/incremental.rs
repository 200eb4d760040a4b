//! The incremental rebuilds of `serve` (in memory) and of `build` (pages kept in the output
//! folder) give exactly what a full build gives, over random sequences of edits, adds,
//! deletes, renames, broken files and fixes, on the example portal (every ITA kind, so
//! coverage, plan, report and data files all move).

use std::collections::BTreeMap;
use std::path::Path;

use proptest::prelude::*;

use prongsai::cache::NoCache;
use prongsai::output::MemorySink;
use prongsai::pipeline::{self, Inputs, Plan};
use prongsai::serve::rebuild::Rebuilder;
use prongsai::site::BuildOptions;

use crate::harness::{copy_tree, snapshot};

fn options() -> BuildOptions {
    BuildOptions {
        base_url: Some("http://127.0.0.1:1111/".into()),
        ..Default::default()
    }
}

/// A full build from scratch (no cache, with the checks `serve` leaves to the background
/// left out too), or `None` if the portal has errors.
fn full_build(root: &Path) -> Option<BTreeMap<String, Vec<u8>>> {
    let options = options();
    let inputs = Inputs::load(root, &options).ok()?;
    let sink = MemorySink::default();
    let plan = Plan {
        defer_index: false,
        ..Plan::SERVE
    };
    pipeline::run(
        root,
        &inputs,
        &options,
        &mut NoCache,
        &sink,
        plan,
        &mut prongsai::timings::Stages::start(),
    )
    .ok()?;
    Some(sink.into_files().into_iter().map(|(k, v)| (k, v.to_vec())).collect())
}

#[derive(Debug, Clone)]
enum Op {
    Title(usize, u8),
    Body(usize, u8),
    Status(usize),
    Weight(usize, i8),
    Add(u8, bool),
    Delete(usize),
    Rename(usize, u8),
    Break(usize),
    Restore(usize),
}

fn op() -> impl Strategy<Value = Op> {
    prop_oneof![
        (0..40usize, any::<u8>()).prop_map(|(f, n)| Op::Title(f, n)),
        (0..40usize, any::<u8>()).prop_map(|(f, n)| Op::Body(f, n)),
        (0..40usize).prop_map(Op::Status),
        (0..40usize, any::<i8>()).prop_map(|(f, n)| Op::Weight(f, n)),
        (any::<u8>(), any::<bool>()).prop_map(|(n, measure)| Op::Add(n, measure)),
        (0..40usize).prop_map(Op::Delete),
        (0..40usize, any::<u8>()).prop_map(|(f, n)| Op::Rename(f, n)),
        (0..40usize).prop_map(Op::Break),
        (0..40usize).prop_map(Op::Restore),
    ]
}

/// Applies `op`; returns the content-relative paths a watcher would report.
fn apply(root: &Path, originals: &[(String, String)], op: &Op) -> Vec<String> {
    let content = root.join("content");
    let pick = |i: usize| &originals[i % originals.len()];
    let current = |rel: &str| std::fs::read_to_string(content.join(rel)).ok();
    let write = |rel: &str, text: &str| {
        let path = content.join(rel);
        std::fs::create_dir_all(path.parent().expect("parent")).expect("mkdir");
        std::fs::write(path, text).expect("write");
    };
    match op {
        Op::Title(i, n) => {
            let (rel, _) = pick(*i);
            let Some(text) = current(rel) else { return vec![] };
            let lines: Vec<String> = text
                .lines()
                .map(|l| {
                    if l.starts_with("title =") {
                        format!("title = \"หัวข้อ {n}\"")
                    } else {
                        l.to_string()
                    }
                })
                .collect();
            write(rel, &(lines.join("\n") + "\n"));
            vec![rel.clone()]
        }
        Op::Body(i, n) => {
            let (rel, _) = pick(*i);
            let Some(text) = current(rel) else { return vec![] };
            write(rel, &format!("{text}\nย่อหน้าเพิ่ม {n} ทรัพย์สิน\n"));
            vec![rel.clone()]
        }
        Op::Status(i) => {
            let (rel, _) = pick(*i);
            let Some(text) = current(rel) else { return vec![] };
            let flipped = if text.contains("status = \"done\"") {
                text.replacen("status = \"done\"", "status = \"in-progress\"", 1)
            } else {
                text.replacen("status = \"in-progress\"", "status = \"done\"", 1)
            };
            write(rel, &flipped);
            vec![rel.clone()]
        }
        Op::Weight(i, n) => {
            let (rel, _) = pick(*i);
            let Some(text) = current(rel) else { return vec![] };
            if text.contains("\nweight =") || !text.starts_with("+++\n") {
                return vec![];
            }
            write(rel, &text.replacen("+++\n", &format!("+++\nweight = {n}\n"), 1));
            vec![rel.clone()]
        }
        Op::Add(n, measure) => {
            if *measure {
                let rel = format!("2564/measures/9{n:03}-new.md");
                write(
                    &rel,
                    &format!(
                        "+++\nkind = \"measure\"\nnumber = {}\ntitle = \"มาตรการใหม่ {n}\"\nstatus = \"in-progress\"\n+++\nใหม่\n",
                        1000 + u32::from(*n)
                    ),
                );
                vec![rel]
            } else {
                let rel = format!("news-{n}.md");
                write(
                    &rel,
                    &format!("+++\ntitle = \"ข่าว {n}\"\ndate = 2021-01-{:02}\n+++\nข่าว\n", n % 28 + 1),
                );
                vec![rel]
            }
        }
        Op::Delete(i) => {
            let (rel, _) = pick(*i);
            let _ = std::fs::remove_file(content.join(rel));
            vec![rel.clone()]
        }
        Op::Rename(i, n) => {
            let (rel, _) = pick(*i);
            if rel.ends_with("_index.md") || !content.join(rel).exists() {
                return vec![];
            }
            let to = match rel.rsplit_once('/') {
                Some((dir, _)) => format!("{dir}/moved-{n}.md"),
                None => format!("moved-{n}.md"),
            };
            if content.join(&to).exists() {
                return vec![];
            }
            std::fs::rename(content.join(rel), content.join(&to)).expect("rename");
            vec![rel.clone(), to]
        }
        Op::Break(i) => {
            let (rel, _) = pick(*i);
            write(rel, "+++\ntitle = \"ไม่ปิด\n+++\n");
            vec![rel.clone()]
        }
        Op::Restore(i) => {
            let (rel, original) = pick(*i);
            write(rel, original);
            vec![rel.clone()]
        }
    }
}

fn example_portal() -> tempfile::TempDir {
    let dir = tempfile::tempdir().expect("temp");
    let repo = Path::new(env!("CARGO_MANIFEST_DIR"));
    copy_tree(&repo.join("content"), &dir.path().join("content"), false);
    std::fs::copy(repo.join("prongsai.toml"), dir.path().join("prongsai.toml")).expect("config");
    dir
}

fn originals(root: &Path) -> Vec<(String, String)> {
    let content = root.join("content");
    let mut files: Vec<(String, String)> = walkdir::WalkDir::new(&content)
        .sort_by_file_name()
        .into_iter()
        .filter_map(Result::ok)
        .filter(|e| e.path().extension().is_some_and(|x| x == "md"))
        .map(|e| {
            let rel = e
                .path()
                .strip_prefix(&content)
                .expect("rel")
                .to_string_lossy()
                .replace('\\', "/");
            (rel, std::fs::read_to_string(e.path()).expect("read"))
        })
        .collect();
    files.sort();
    files
}

fn check_equal(root: &Path, rebuilder: &mut Rebuilder, changed: &[String], step: &str) {
    let incremental = rebuilder.content_changed(changed);
    let full = full_build(root);
    match (incremental, full) {
        (Ok(outcome), Some(full)) => {
            let got: BTreeMap<String, Vec<u8>> =
                outcome.files.iter().map(|(k, v)| (k.to_string(), v.to_vec())).collect();
            let missing: Vec<&String> = full.keys().filter(|k| !got.contains_key(*k)).collect();
            let extra: Vec<&String> = got.keys().filter(|k| !full.contains_key(*k)).collect();
            let differ: Vec<&String> = full
                .iter()
                .filter(|(k, v)| got.get(*k).is_some_and(|g| g != *v))
                .map(|(k, _)| k)
                .collect();
            assert!(
                missing.is_empty() && extra.is_empty() && differ.is_empty(),
                "{step}: missing {missing:?}, extra {extra:?}, differ {differ:?}"
            );
        }
        (Err(_), None) => {}
        (Ok(_), None) => panic!("{step}: the full build fails but the incremental one succeeded"),
        (Err(d), Some(_)) => panic!(
            "{step}: the incremental build failed: {:?}",
            d.first().map(|d| d.human(false))
        ),
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 8, failure_persistence: None, ..ProptestConfig::default() })]

    #[test]
    fn incremental_rebuilds_equal_full_builds(ops in proptest::collection::vec(op(), 1..7)) {
        let dir = example_portal();
        let root = dir.path();
        let originals = originals(root);
        let mut rebuilder = Rebuilder::new(root, options());
        prop_assert!(rebuilder.full().is_ok());
        for (n, op) in ops.iter().enumerate() {
            let changed = apply(root, &originals, op);
            check_equal(root, &mut rebuilder, &changed, &format!("step {n} {op:?}"));
        }
    }

    #[test]
    fn builds_that_keep_unchanged_pages_equal_full_builds(ops in proptest::collection::vec(op(), 1..6)) {
        let dir = example_portal();
        let root = dir.path();
        let originals = originals(root);
        prop_assert!(check_build_equal(root, "first").is_some());
        for (n, op) in ops.iter().enumerate() {
            apply(root, &originals, op);
            check_build_equal(root, &format!("step {n} {op:?}"));
        }
    }
}

/// What a build gave: the output files, the warnings and how many pages it rendered.
struct BuildResult {
    files: Vec<(String, Vec<u8>)>,
    warnings: Vec<String>,
    rendered: usize,
    indexed: usize,
    unread: usize,
}

/// `build` into `out` as the command line runs it, or `None` when the build fails.
fn build_into(root: &Path, out: &Path) -> Option<BuildResult> {
    build_with(
        root,
        prongsai::commands::build::Args {
            output_dir: Some(out.to_path_buf()),
            ..Default::default()
        },
    )
}

fn build_with(root: &Path, args: prongsai::commands::build::Args) -> Option<BuildResult> {
    let out = args.output_dir.clone().unwrap_or_else(|| root.join("public"));
    let out = &out;
    let built = prongsai::commands::build::build(root, &args).ok()?;
    let warnings = built.warnings.human_lines(false);
    Some(BuildResult {
        files: snapshot(out),
        warnings,
        rendered: built.rendered,
        indexed: built.indexed,
        unread: built.unread,
    })
}

/// The build into the portal's kept `public/` equals a build into a new folder.
fn check_build_equal(root: &Path, step: &str) -> Option<usize> {
    let kept = build_into(root, &root.join("public"));
    let fresh_dir = tempfile::tempdir().expect("temp");
    let fresh = build_into(root, &fresh_dir.path().join("public"));
    match (kept, fresh) {
        (Some(kept), Some(fresh)) => {
            let names = |f: &[(String, Vec<u8>)]| f.iter().map(|(n, _)| n.clone()).collect::<Vec<_>>();
            assert_eq!(names(&kept.files), names(&fresh.files), "{step}: the same files");
            let differ: Vec<&String> = kept
                .files
                .iter()
                .zip(&fresh.files)
                .filter(|(a, b)| a.1 != b.1)
                .map(|(a, _)| &a.0)
                .collect();
            assert!(differ.is_empty(), "{step}: differ {differ:?}");
            assert_eq!(kept.warnings, fresh.warnings, "{step}: the same warnings");
            Some(kept.rendered)
        }
        (None, None) => None,
        (kept, fresh) => panic!(
            "{step}: the kept build {} but the fresh one {}",
            if kept.is_some() { "succeeded" } else { "failed" },
            if fresh.is_some() { "succeeded" } else { "failed" }
        ),
    }
}

#[test]
fn a_build_after_an_edit_renders_only_what_depends_on_it() {
    let dir = example_portal();
    let root = dir.path();
    let out = root.join("public");
    let built = build_into(root, &out).expect("build");
    let first = built.rendered;
    assert!(
        built.indexed > 1 && built.indexed < first,
        "{} of {first} indexed",
        built.indexed
    );
    let about = root.join("content/about.md");
    let text = std::fs::read_to_string(&about).expect("read");
    std::fs::write(&about, format!("{text}\nเพิ่มเติม\n")).expect("write");
    let rebuilt = build_into(root, &out).expect("rebuild");
    assert_eq!(rebuilt.rendered, 1, "only about/ of {first}");
    assert_eq!(rebuilt.indexed, 1, "only about/ is indexed again");
    // every other page with a file is kept without being read: the example has no warnings
    let sources = walkdir::WalkDir::new(root.join("content"))
        .into_iter()
        .flatten()
        .filter(|e| e.path().extension().is_some_and(|x| x == "md"))
        .count();
    assert_eq!((built.unread, rebuilt.unread), (0, sources - 1), "of {sources} files");
    // a changed template renders every page again, but their search text is the same
    std::fs::create_dir_all(root.join("templates")).expect("mkdir");
    let base = root.join("templates/404.html");
    std::fs::write(&base, "{% extends \"base.html\" %}").expect("write");
    let rebuilt = build_into(root, &out).expect("rebuild");
    assert_eq!(rebuilt.rendered, first, "a site-wide input renders everything");
    assert_eq!(rebuilt.indexed, 0, "no page's search text changed");
    assert_eq!(rebuilt.unread, 0, "every page is read to be rendered");
    // with nothing changed the build is skipped
    let again = build_into(root, &out).expect("rebuild").rendered;
    assert_eq!(again, 0, "nothing changed");
    check_build_equal(root, "after the template");
    // a command-line option renders every page again too: each shows its canonical URL
    let moved = build_with(
        root,
        prongsai::commands::build::Args {
            output_dir: Some(out.clone()),
            base_url: Some("https://example.go.th/ita/".into()),
            ..Default::default()
        },
    )
    .expect("rebuild");
    assert_eq!(moved.rendered, first, "a new base URL renders everything");
    assert!(moved.files.iter().any(|(name, bytes)| name == "about/index.html"
        && String::from_utf8_lossy(bytes).contains("https://example.go.th/ita/about/")));
}

#[test]
fn an_edit_renders_only_what_depends_on_it() {
    let dir = example_portal();
    let root = dir.path();
    let mut rebuilder = Rebuilder::new(root, options());
    let first = rebuilder.full().expect("build");
    assert_eq!(first.rendered, first.pages);
    // a body edit of a page outside the ITA year touches that page only
    let about = root.join("content/about.md");
    let text = std::fs::read_to_string(&about).expect("read");
    std::fs::write(&about, format!("{text}\nเพิ่มเติม\n")).expect("write");
    let outcome = rebuilder.content_changed(&["about.md".into()]).expect("rebuild");
    assert_eq!(outcome.rendered, 1, "{:?}", outcome.changed);
    assert!(outcome.changed.contains(&"about/index.html".to_string()));
    // a measure's status moves its page, its year's lists, plan, report and coverage
    let rel = "2564/measures/03-monitoring.md";
    let path = root.join("content").join(rel);
    let text = std::fs::read_to_string(&path).expect("read");
    let flipped = text.replacen("status = \"in-progress\"", "status = \"done\"", 1);
    assert_ne!(flipped, text, "the example measure has a status to flip");
    std::fs::write(&path, flipped).expect("write");
    let outcome = rebuilder.content_changed(&[rel.into()]).expect("rebuild");
    assert!(
        outcome.rendered < outcome.pages,
        "{} of {}",
        outcome.rendered,
        outcome.pages
    );
    for page in [
        "2564/measures/03-monitoring/index.html",
        "2564/report-h1/index.html",
        "index.html",
        "2564/measures.json",
    ] {
        assert!(
            outcome.changed.contains(&page.to_string()),
            "{page} not in {:?}",
            outcome.changed
        );
    }
    assert!(!outcome.changed.contains(&"about/index.html".to_string()));
    check_equal(root, &mut rebuilder, &[], "after status flip");
}

/// A rebuilder as `serve` runs one, after its first build.
fn serving(root: &Path) -> Rebuilder {
    let mut rebuilder = Rebuilder::new(root, options());
    rebuilder.defer_search(true);
    rebuilder.full().expect("build");
    rebuilder
}

#[test]
fn deferred_search_catches_up_to_a_full_build() {
    let dir = example_portal();
    let root = dir.path();
    let mut rebuilder = serving(root);
    let first = rebuilder
        .take_search_job()
        .expect("the checks of the first build")
        .run();
    assert!(first.index.is_none(), "a full build makes its index at once");
    assert_eq!((first.checks.errors(), first.checks.warnings()), (0, 0));
    let about = root.join("content/about.md");
    let text = std::fs::read_to_string(&about).expect("read");
    std::fs::write(&about, format!("{text}\nคำค้นใหม่ซีบรา\n")).expect("write");
    let outcome = rebuilder.content_changed(&["about.md".into()]).expect("rebuild");
    assert!(outcome
        .changed
        .iter()
        .all(|p| !p.starts_with("search/") || p == "search/index.html"));
    let stale_job = rebuilder.take_search_job().expect("a search job");
    // a newer rebuild makes the older job's result stale
    let again = rebuilder.content_changed(&["about.md".into()]).expect("rebuild");
    assert!(again.changed.is_empty(), "{:?}", again.changed);
    let generation = stale_job.generation;
    let stale = stale_job.run().index.expect("an index");
    assert!(rebuilder.apply_search(generation, stale).is_none());
    let job = rebuilder.take_search_job().expect("a search job");
    let generation = job.generation;
    let index = job.run().index.expect("an index");
    let (files, changed) = rebuilder.apply_search(generation, index).expect("current");
    assert!(changed.iter().any(|p| p.starts_with("search/")), "{changed:?}");
    let full = full_build(root).expect("full build");
    let got: BTreeMap<String, Vec<u8>> = files.iter().map(|(k, v)| (k.to_string(), v.to_vec())).collect();
    assert!(got == full, "after the search job the site equals a full build");
}

#[test]
fn a_page_kept_unread_still_has_its_links_checked() {
    let dir = example_portal();
    let root = dir.path();
    let out = root.join("public");
    let content = root.join("content");
    std::fs::write(
        content.join("2564/extra.md"),
        "+++\ntitle = \"เอกสารเพิ่มเติม\"\n+++\n## ส่วนแรก\nเนื้อหา\n",
    )
    .expect("write");
    std::fs::write(
        content.join("guide.md"),
        "+++\ntitle = \"คู่มือ\"\n+++\nดู [เอกสารเพิ่มเติม ส่วนแรก](../2564/extra/#ส่วนแรก)\n",
    )
    .expect("write");
    build_into(root, &out).expect("build");
    // the target loses its heading: the guide's context is the same, so it is not read again
    std::fs::write(
        content.join("2564/extra.md"),
        "+++\ntitle = \"เอกสารเพิ่มเติม\"\n+++\nเนื้อหา\n",
    )
    .expect("write");
    let rebuilt = build_into(root, &out).expect("a missing anchor is a warning");
    assert!(rebuilt.unread > 0);
    assert!(
        rebuilt
            .warnings
            .iter()
            .any(|w| w.contains("broken-anchor") && w.contains("guide.md")),
        "{:?}",
        rebuilt.warnings
    );
    // the target goes: the guide's link is broken
    std::fs::remove_file(content.join("2564/extra.md")).expect("rm");
    let built = prongsai::commands::build::build(
        root,
        &prongsai::commands::build::Args {
            output_dir: Some(out.clone()),
            ..Default::default()
        },
    );
    let Err(errors) = built else {
        panic!("the build must fail on the guide's broken link");
    };
    let lines = errors.human_lines(false).join("\n");
    assert!(
        lines.contains("broken-link") && lines.contains("content/guide.md"),
        "{lines}"
    );
}

#[test]
fn serve_checks_the_pages_it_rebuilds_as_build_does() {
    let dir = example_portal();
    let root = dir.path();
    let mut rebuilder = serving(root);
    let about = root.join("content/about.md");
    let text = std::fs::read_to_string(&about).expect("read");
    std::fs::write(
        &about,
        format!("{text}\n[แผนที่ย้ายไปแล้ว](../2564/nowhere/) และ [คลิกที่นี่](../2564/plan/)\n"),
    )
    .expect("write");
    rebuilder
        .content_changed(&["about.md".into()])
        .expect("a broken link does not stop serve");
    let checks = rebuilder.take_search_job().expect("a job").run().checks;
    let lines = checks.human_lines(false).join("\n");
    assert_eq!((checks.errors(), checks.warnings()), (1, 1), "{lines}");
    assert!(
        lines.contains("error[broken-link]") && lines.contains("content/about.md"),
        "{lines}"
    );
    assert!(lines.contains("warning[link-text]"), "{lines}");
    // the same problems as `check` finds
    let out = prongsai::commands::check::check(root, false);
    let codes: Vec<&str> = out.iter().map(|d| d.code).collect();
    assert_eq!(codes, ["broken-link", "link-text"]);
}

#[test]
fn a_damaged_last_index_is_not_trusted() {
    let dir = example_portal();
    let root = dir.path();
    let out = root.join("public");
    build_into(root, &out).expect("build");
    let about = root.join("content/about.md");
    let text = std::fs::read_to_string(&about).expect("read");
    // a text chunk deleted by hand: the pages in it are read again and the chunk restored
    std::fs::remove_file(out.join("search/t/0.js")).expect("rm");
    std::fs::write(&about, format!("{text}\nหนึ่ง\n")).expect("write");
    let rebuilt = check_build_equal(root, "chunk deleted").expect("builds");
    assert_eq!(rebuilt, 1);
    // a posting file edited by hand: nothing of the last index is reused
    std::fs::write(out.join("search/g/0.js"), "prongsai._load(\"g/0\",{});\n").expect("write");
    std::fs::write(&about, format!("{text}\nสอง\n")).expect("write");
    check_build_equal(root, "postings edited").expect("builds");
    let again = build_into(root, &out).expect("build");
    assert_eq!(again.rendered, 0, "nothing changed since");
}
