//! The command line: help everywhere, exit codes, `init`.

use crate::harness::{bin, copy_tree, fixtures_dir, SiteTest};

#[test]
fn every_command_has_help() {
    for args in [
        &["--help"][..],
        &["build", "--help"],
        &["serve", "--help"],
        &["check", "--help"],
        &["init", "--help"],
        &["import", "--help"],
    ] {
        let out = bin().args(args).output().expect("run");
        assert_eq!(out.status.code(), Some(0), "{args:?}");
        assert!(String::from_utf8_lossy(&out.stdout).contains("Usage"), "{args:?}");
    }
}

#[test]
fn usage_errors_exit_2() {
    let out = bin().args(["no-such-command"]).output().expect("run");
    assert_eq!(out.status.code(), Some(2));
    let out = bin().args(["build", "--no-such-flag"]).output().expect("run");
    assert_eq!(out.status.code(), Some(2));
    // `--deny` takes only what it can deny: a typo is not a check that passes
    let out = bin().args(["check", "--deny", "warning"]).output().expect("run");
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("possible values: warnings"));
}

/// Started with no command and nobody to answer (a pipe, CI), prongsai prints the guide in
/// Thai and English and exits as a usage error, without waiting or offering.
#[test]
fn no_command_explains_what_to_do() {
    let mut t = SiteTest::empty();
    let out = bin()
        .current_dir(t.root())
        .stdin(std::process::Stdio::null())
        .output()
        .expect("run");
    t.last = Some(out);
    t.fails_with(2)
        .stderr_contains("สร้างพอร์ทัลใหม่")
        .stderr_contains("It is a command-line program")
        .stderr_contains("prongsai init my-portal");
    assert!(!t.stderr().contains("Press Enter"), "{}", t.stderr());
    assert!(!t.root().join("my-portal").exists(), "nothing is created unasked");
}

#[test]
fn init_scaffolds_a_portal_that_builds_at_once() {
    let mut t = SiteTest::empty();
    t.run(&["init", "portal", "--name", "เทศบาลตำบลตัวอย่าง", "--year", "2568"])
        .success();
    for file in [
        "prongsai.toml",
        "content/_index.md",
        "content/2568/_index.md",
        ".github/workflows/pages.yml",
    ] {
        assert!(t.root().join("portal").join(file).exists(), "{file}");
    }
    t.run(&["--root", "portal", "build"]).success();
    assert!(t.root().join("portal/public/2568/index.html").exists());
    let workflow = std::fs::read_to_string(t.root().join("portal/.github/workflows/pages.yml")).expect("read");
    assert!(workflow.contains("actions/deploy-pages"));
    // A second init never overwrites.
    t.run(&["init", "portal"])
        .fails_with(1)
        .stderr_contains("already exists");
}

#[test]
fn build_prints_the_address_the_site_expects() {
    let mut t = SiteTest::empty();
    t.run(&["init", "portal"]).success();
    t.run(&["--root", "portal", "build"])
        .success()
        .stderr_contains("the site expects to be published at https://example.github.io/portal/")
        .stderr_contains("example address");
    // the same line when nothing changed, and --base-url wins over prongsai.toml
    t.run(&[
        "--root",
        "portal",
        "build",
        "--base-url",
        "https://www.tambon.go.th/ita",
    ])
    .success()
    .stderr_contains("ที่อยู่ที่จะเผยแพร่ https://www.tambon.go.th/ita/");
    t.run(&[
        "--root",
        "portal",
        "build",
        "--base-url",
        "https://www.tambon.go.th/ita",
    ])
    .success()
    .stderr_contains("no input changed")
    .stderr_contains("published at https://www.tambon.go.th/ita/");
    assert!(!t.stderr().contains("example address"), "{}", t.stderr());
}

#[test]
fn missing_config_is_a_clear_error() {
    let mut t = SiteTest::empty();
    t.run(&["build"])
        .fails_with(1)
        .stderr_contains("prongsai.toml")
        .stderr_contains("prongsai init");
}

#[test]
fn check_prints_json_diagnostics() {
    let mut t = SiteTest::fixture("basic");
    t.write("content/2564/plan.md", "+++\ntitle = \"แผน\"\nkind = \"mesure\"\n+++\n");
    t.run(&["check", "--format", "json"]).fails_with(1);
    let json: serde_json::Value = serde_json::from_str(&t.stdout()).expect("json");
    let first = &json[0];
    assert_eq!(first["code"], "unknown-kind");
    assert_eq!(first["position"]["line"], 3);
    assert!(first["help"].as_str().unwrap_or_default().contains("`measure`"));
}

#[test]
fn check_prints_github_annotations() {
    let mut t = SiteTest::fixture("basic");
    t.write("content/2564/plan.md", "+++\ntitle = \"แผน\"\nkind = \"mesure\"\n+++\n");
    t.run(&["check", "--format", "github"]).fails_with(1);
    let first = t.stdout().lines().next().unwrap_or_default().to_string();
    assert!(
        first.starts_with("::error file=content/2564/plan.md,line=3,col=8,title=unknown-kind::"),
        "{first}"
    );
    assert!(first.contains("%0Ahelp: ") && first.contains("`measure`"), "{first}");
    // from the repository root, with the portal in a sub-folder, the path starts there
    let out = bin()
        .current_dir(t.root().parent().expect("parent"))
        .args(["--root"])
        .arg(t.root())
        .args(["check", "--format", "github"])
        .output()
        .expect("run");
    let stdout = String::from_utf8_lossy(&out.stdout);
    let name = t.root().file_name().expect("name").to_string_lossy().into_owned();
    assert!(
        stdout.starts_with(&format!("::error file={name}/content/2564/plan.md,line=3")),
        "{stdout}"
    );
}

#[test]
fn build_prints_ten_warnings_of_a_code_and_counts_the_rest() {
    let mut t = SiteTest::empty();
    copy_tree(&fixtures_dir().join("bad/_base"), t.root(), true);
    let links: String = (1..=12)
        .map(|i| format!("- ดู[รายงาน {i}](/2564/report-h1/)\n"))
        .collect();
    t.write(
        "content/2564/plan.md",
        format!("+++\nkind = \"plan\"\ntitle = \"แผน\"\ndate = 2563-12-01\n+++\n{links}"),
    );
    let warning = "warning[root-relative-link]";
    let summary = "2 more [root-relative-link] warnings; `prongsai check` lists them all";
    for (args, shown, summarized) in [
        (&["build"][..], 10, true),
        (&["build"], 10, true), // nothing changed: the skipped build replays the same lines
        (&["check"], 12, false),
    ] {
        t.run(args).success();
        let stderr = t.stderr();
        assert_eq!(stderr.matches(warning).count(), shown, "{args:?}\n{stderr}");
        assert_eq!(stderr.contains(summary), summarized, "{args:?}\n{stderr}");
    }
}
