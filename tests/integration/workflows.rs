//! The GitHub workflows run here, as far as they can: the Pages workflow `prongsai init`
//! writes, and this repository's release workflow (`.github/workflows/release.yml`).
//!
//! - Each workflow is read with a YAML parser and its jobs, triggers, matrix and `uses:`
//!   actions are checked, so they cannot rot silently.
//! - The release's `run:` steps that need no cross toolchain (the tag check, trying the binary,
//!   packaging, SHA256SUMS) run on the binary under test and make a release folder of the
//!   same archives a real release has.
//! - The Pages workflow's `run:` steps run in order, in a portal made by `init`, with the
//!   repository address replaced by a `file://` folder: its install step downloads that
//!   release, checks its SHA-256 and installs it; `check` and `build` end with a built site.
//! - `pages_workflow_builds_prongsai_from_the_tagged_source` (ignored here: a whole build of
//!   prongsai, run by `.ci/run`) takes the other path of the install step, `cargo install
//!   --git` from a local clone of this repository with the release tag.

// the steps run in bash on Linux only; elsewhere the parsing tests run and the runner rests
#![cfg_attr(not(target_os = "linux"), allow(dead_code))]

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

use super::actions::{log, Runner, Step, Workflow};
use super::harness::bin;

const VERSION: &str = env!("CARGO_PKG_VERSION");

fn release_workflow() -> Workflow {
    Workflow::read(&Path::new(env!("CARGO_MANIFEST_DIR")).join(".github/workflows/release.yml"))
}

fn uses(steps: &[Step]) -> Vec<&str> {
    steps.iter().filter_map(|s| s.uses.as_deref()).collect()
}

fn step<'a>(steps: &'a [Step], name: &str) -> &'a Step {
    steps
        .iter()
        .find(|s| s.name.as_deref() == Some(name))
        .unwrap_or_else(|| panic!("no step `{name}`"))
}

/// The release target whose archive the Pages workflow downloads on this machine's runner
/// (what its `uname -m` maps to).
fn runner_target() -> &'static str {
    match std::env::consts::ARCH {
        "aarch64" => "aarch64-unknown-linux-musl",
        _ => "x86_64-unknown-linux-musl",
    }
}

#[test]
fn the_release_workflow_builds_every_platform_on_a_version_tag() {
    let workflow = release_workflow();
    let tags: Vec<&str> = workflow.doc["on"]["push"]["tags"]
        .as_vec()
        .expect("on.push.tags")
        .iter()
        .filter_map(|t| t.as_str())
        .collect();
    assert_eq!(tags, ["v*"]);
    let matrix = workflow.job("build")["strategy"]["matrix"]["include"]
        .as_vec()
        .expect("a matrix of targets");
    let entries: BTreeSet<(&str, &str, &str)> = matrix
        .iter()
        .map(|m| {
            let field = |k: &str| m[k].as_str().unwrap_or_else(|| panic!("matrix entry without {k}"));
            (field("target"), field("os"), field("tool"))
        })
        .collect();
    let expected: BTreeSet<(&str, &str, &str)> = [
        ("x86_64-unknown-linux-musl", "ubuntu-latest", "cross"),
        ("aarch64-unknown-linux-musl", "ubuntu-latest", "cross"),
        ("x86_64-pc-windows-msvc", "windows-latest", "cargo"),
        ("universal-apple-darwin", "macos-latest", "lipo"),
    ]
    .into();
    assert_eq!(entries, expected);

    let build = workflow.steps("build");
    assert_eq!(
        uses(&build),
        [
            "actions/checkout@v4",
            "dtolnay/rust-toolchain@stable",
            "taiki-e/install-action@v2",
            "actions/upload-artifact@v4"
        ]
    );
    let script = build
        .iter()
        .find(|s| s.name.as_deref() == Some("Build"))
        .and_then(|s| s.run.clone());
    let script = script.expect("a Build step");
    for needed in [
        "cross build --release --locked --target \"$TARGET\"",
        "cargo build --release --locked --target \"$TARGET\"",
        "target/$TARGET/release/prongsai.exe",
        "--target aarch64-apple-darwin",
        "--target x86_64-apple-darwin",
        "lipo -create",
    ] {
        assert!(script.contains(needed), "the Build step lacks `{needed}`:\n{script}");
    }
    let package = step(&build, "Package").run.clone().unwrap_or_default();
    assert!(
        package.contains("7z a -tzip") && package.contains("$name.zip"),
        "Windows gets a .zip"
    );
    assert_eq!(workflow.job("build")["needs"].as_str(), Some("version"));

    let release = workflow.job("release");
    assert_eq!(release["needs"].as_str(), Some("build"));
    assert_eq!(release["permissions"]["contents"].as_str(), Some("write"));
    let steps = workflow.steps("release");
    assert_eq!(
        uses(&steps),
        ["actions/download-artifact@v4", "softprops/action-gh-release@v2"]
    );
    let upload = steps
        .iter()
        .find(|s| s.uses.as_deref() == Some("softprops/action-gh-release@v2"));
    assert_eq!(upload.and_then(|s| s.input("files")), Some("dist/*"));
}

/// Runs the release workflow's steps that need no cross toolchain on the binary under test
/// in a copy of the checkout: the tag check, trying the binary, packaging for this machine's
/// Linux target, SHA256SUMS. Returns the folder of release files.
fn make_release(scratch: &Path) -> PathBuf {
    let workflow = release_workflow();
    let checkout = scratch.join("checkout");
    std::fs::create_dir_all(checkout.join("dist/bin")).expect("mkdir");
    let manifest = Path::new(env!("CARGO_MANIFEST_DIR"));
    for file in ["README.md", "Cargo.toml"] {
        std::fs::copy(manifest.join(file), checkout.join(file)).expect("copy");
    }
    std::fs::copy(env!("CARGO_BIN_EXE_prongsai"), checkout.join("dist/bin/prongsai")).expect("copy the binary");
    let tag = format!("v{VERSION}");
    let mut runner = Runner::new(&checkout, &scratch.join("release-runner"));
    runner
        .expression("github.ref_name", &tag)
        .expression("matrix.target", runner_target());

    let version = workflow.steps("version");
    let compare = step(&version, "The tag is the version in Cargo.toml");
    let out = runner.run(compare, &[]);
    assert!(out.status.success(), "{}", log(&out));
    let mut wrong = Runner::new(&checkout, &scratch.join("wrong-tag"));
    wrong.expression("github.ref_name", "v99.0.0");
    let out = wrong.run(compare, &[]);
    assert!(
        !out.status.success(),
        "a tag that is not the version fails:\n{}",
        log(&out)
    );
    assert!(String::from_utf8_lossy(&out.stdout).contains("::error file=Cargo.toml::"));

    let build = workflow.steps("build");
    let out = runner.run(step(&build, "Try the binary"), &[]);
    assert!(out.status.success(), "{}", log(&out));
    assert!(checkout
        .join("smoke/public/2568/measures/02-ร้องเรียน/index.html")
        .exists());
    let out = runner.run(step(&build, "Package"), &[]);
    assert!(out.status.success(), "{}", log(&out));

    // the release job: the artifacts of every build merged into dist/
    let dist = checkout.join("dist");
    let out = Runner::new(&checkout, &scratch.join("sums")).run(step(&workflow.steps("release"), "SHA256SUMS"), &[]);
    assert!(out.status.success(), "{}", log(&out));
    let name = format!("prongsai-{tag}-{}", runner_target());
    let sums = std::fs::read_to_string(dist.join("SHA256SUMS")).expect("SHA256SUMS");
    assert!(sums.contains(&format!("  {name}.tar.gz")), "{sums}");
    let listing = std::process::Command::new("tar")
        .arg("-tzf")
        .arg(dist.join(format!("{name}.tar.gz")))
        .output()
        .expect("tar");
    let listing = String::from_utf8_lossy(&listing.stdout);
    assert!(listing.lines().any(|l| l == format!("{name}/prongsai")), "{listing}");
    dist
}

/// A repository address whose `releases/download/<tag>/` holds the files of `dist`.
fn publish_release(dist: &Path, repository: &Path) -> String {
    let folder = repository.join(format!("releases/download/v{VERSION}"));
    std::fs::create_dir_all(&folder).expect("mkdir");
    for entry in std::fs::read_dir(dist).expect("dist").map_while(Result::ok) {
        if entry.path().is_file() {
            std::fs::copy(entry.path(), folder.join(entry.file_name())).expect("copy");
        }
    }
    format!("file://{}", repository.display())
}

/// A new portal from `prongsai init`, and its Pages workflow.
fn new_portal(scratch: &Path) -> (PathBuf, Workflow) {
    let out = bin()
        .current_dir(scratch)
        .args(["init", "portal", "--name", "เทศบาลตำบลตัวอย่าง"])
        .output()
        .expect("run init");
    assert!(out.status.success(), "{}", log(&out));
    let portal = scratch.join("portal");
    let workflow = Workflow::read(&portal.join(".github/workflows/pages.yml"));
    (portal, workflow)
}

/// A runner for a job of the Pages workflow, installing from `repository`; `scratch` holds
/// its `$HOME`, so two jobs with the same `scratch` share what the cache step would restore.
fn pages_runner(portal: &Path, workflow: &Workflow, scratch: &Path, repository: &str) -> Runner {
    let mut runner = Runner::new(portal, scratch);
    for (k, v) in workflow.env() {
        runner.set_env(&k, &v);
    }
    runner.set_env("PRONGSAI_REPOSITORY", repository);
    runner.expression("steps.pages.outputs.base_url", "https://example.github.io/portal");
    runner
}

/// Runs every step of `job`, in order: `run:` steps in bash (each must succeed), `uses:`
/// steps not at all. Returns the install step's output.
fn run_job(runner: &mut Runner, workflow: &Workflow, job: &str, extra: &[(&str, &str)]) -> String {
    let mut install_log = String::new();
    for step in workflow.steps(job) {
        assert!(
            step.condition.is_none(),
            "step conditions are not emulated: {}",
            step.label()
        );
        if step.run.is_none() {
            continue;
        }
        let out = runner.run(&step, extra);
        assert!(
            out.status.success(),
            "step `{}` of job `{job}` failed:\n{}",
            step.label(),
            log(&out)
        );
        if step.name.as_deref() == Some("Install prongsai") {
            install_log = log(&out);
        }
    }
    install_log
}

#[test]
fn the_pages_workflow_checks_and_builds() {
    let scratch = tempfile::tempdir().expect("temp");
    let (_portal, workflow) = new_portal(scratch.path());
    let doc = &workflow.doc;
    for trigger in ["push", "pull_request", "workflow_dispatch"] {
        assert!(!doc["on"][trigger].is_badvalue(), "triggered by {trigger}");
    }
    assert_eq!(doc["env"]["PRONGSAI_VERSION"].as_str(), Some(VERSION));
    let repository = env!("CARGO_PKG_REPOSITORY");
    assert_eq!(doc["env"]["PRONGSAI_REPOSITORY"].as_str(), Some(repository));
    assert_eq!(
        workflow.job("build")["if"].as_str(),
        Some("github.event_name != 'pull_request'")
    );
    assert_eq!(
        workflow.job("preview")["if"].as_str(),
        Some("github.event_name == 'pull_request'")
    );
    assert_eq!(workflow.job("deploy")["needs"].as_str(), Some("build"));
    assert_eq!(workflow.job("deploy")["permissions"]["pages"].as_str(), Some("write"));
    let build = workflow.steps("build");
    assert_eq!(
        uses(&build),
        [
            "actions/checkout@v4",
            "actions/cache@v4",
            "actions/configure-pages@v5",
            "actions/upload-pages-artifact@v3"
        ]
    );
    let preview = workflow.steps("preview");
    assert_eq!(
        uses(&preview),
        ["actions/checkout@v4", "actions/cache@v4", "actions/upload-artifact@v4"]
    );
    assert!(
        uses(&workflow.steps("deploy")) == ["actions/deploy-pages@v4"],
        "only the deploy job publishes"
    );
    let runs = |steps: &[Step]| steps.iter().filter_map(|s| s.run.clone()).collect::<Vec<_>>();
    let position = |steps: &[Step], command: &str| runs(steps).iter().position(|r| r.starts_with(command));
    for steps in [&build, &preview] {
        let check = position(steps, "prongsai check --format github").expect("a check step");
        let built = position(steps, "prongsai build").expect("a build step");
        assert!(check < built, "check runs before build");
        let cache = steps
            .iter()
            .find(|s| s.uses.as_deref() == Some("actions/cache@v4"))
            .expect("cache");
        let paths = cache.input("path").unwrap_or_default();
        assert!(
            paths.lines().any(|l| l.trim() == "~/.prongsai"),
            "the installed binary is cached: {paths}"
        );
        assert!(cache
            .input("key")
            .unwrap_or_default()
            .contains("${{ env.PRONGSAI_VERSION }}"));
    }
    assert!(runs(&build)
        .iter()
        .any(|r| r.contains("cargo install --git \"$PRONGSAI_REPOSITORY\" --tag \"$tag\" --locked")));
}

#[cfg(target_os = "linux")]
#[test]
fn the_pages_workflow_runs_with_the_release_binary() {
    let scratch = tempfile::tempdir().expect("temp");
    let dist = make_release(scratch.path());
    let repository = publish_release(&dist, &scratch.path().join("prongsai-repository"));
    let (portal, workflow) = new_portal(scratch.path());

    // the build job: install from the release, check, build with the Pages address
    let mut runner = pages_runner(&portal, &workflow, &scratch.path().join("job"), &repository);
    let install = run_job(&mut runner, &workflow, "build", &[]);
    assert!(install.contains("the release binary"), "{install}");
    assert!(!install.contains("from source"), "{install}");
    assert!(runner.home.join(".prongsai/bin/prongsai").is_file());
    let sitemap = std::fs::read_to_string(portal.join("public/sitemap.xml")).expect("a built site");
    assert!(sitemap.contains("https://example.github.io/portal/2568/"), "{sitemap}");

    // the preview job on the same runner state (what the cache restores): no download
    std::fs::remove_dir_all(portal.join("public")).expect("clean");
    let mut preview = pages_runner(&portal, &workflow, &scratch.path().join("job"), &repository);
    let install = run_job(&mut preview, &workflow, "preview", &[]);
    assert!(install.contains("from the cache"), "{install}");
    let home = std::fs::read_to_string(portal.join("public/index.html")).expect("a preview");
    assert!(home.contains("index.html\""), "preview links open from a folder");

    // a content error fails the check step with an annotation on its line
    let measure = portal.join("content/2568/measures/01-open-data.md");
    let text = std::fs::read_to_string(&measure).expect("read");
    std::fs::write(&measure, text.replacen("number = 1", "numbr = 1", 1)).expect("write");
    let check = workflow
        .steps("build")
        .into_iter()
        .find(|s| s.name.as_deref() == Some("Check the content"));
    let out = runner.run(&check.expect("a check step"), &[]);
    assert!(!out.status.success(), "{}", log(&out));
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(
        stdout.contains("::error file=content/2568/measures/01-open-data.md,line=3,col=1,title=unknown-key::"),
        "{}",
        log(&out)
    );
}

#[cfg(target_os = "linux")]
#[test]
fn a_release_binary_with_a_wrong_checksum_is_not_installed() {
    let scratch = tempfile::tempdir().expect("temp");
    let dist = make_release(scratch.path());
    let name = format!("prongsai-v{VERSION}-{}.tar.gz", runner_target());
    let sum = dist.join(format!("{name}.sha256"));
    std::fs::write(&sum, format!("{}  {name}\n", "0".repeat(64))).expect("tamper");
    let repository = publish_release(&dist, &scratch.path().join("prongsai-repository"));
    let (portal, workflow) = new_portal(scratch.path());
    let mut runner = pages_runner(&portal, &workflow, &scratch.path().join("job"), &repository);
    let steps = workflow.steps("build");
    let out = runner.run(step(&steps, "Install prongsai"), &[]);
    assert!(!out.status.success(), "{}", log(&out));
    assert!(log(&out).contains("did NOT match"), "{}", log(&out));
    assert!(!runner.home.join(".prongsai/bin/prongsai").exists());
}

/// The files a commit of the work tree would hold (tracked and new, not ignored), copied to
/// `to` and committed there with the release tag: the "remote" of the install step.
fn clone_with_tag(to: &Path) {
    let manifest = Path::new(env!("CARGO_MANIFEST_DIR"));
    let git = |dir: &Path, args: &[&str]| {
        let out = std::process::Command::new("git")
            .current_dir(dir)
            .args(args)
            .env("GIT_AUTHOR_NAME", "t")
            .env("GIT_AUTHOR_EMAIL", "t@example.org")
            .env("GIT_COMMITTER_NAME", "t")
            .env("GIT_COMMITTER_EMAIL", "t@example.org")
            .output()
            .expect("run git");
        assert!(out.status.success(), "git {args:?}: {}", log(&out));
        out.stdout
    };
    let files = git(
        manifest,
        &["ls-files", "-z", "--cached", "--others", "--exclude-standard"],
    );
    for rel in files.split(|&b| b == 0).filter(|f| !f.is_empty()) {
        let rel = String::from_utf8_lossy(rel).into_owned();
        let from = manifest.join(&rel);
        if !from.is_file() {
            continue; // deleted in the work tree
        }
        let target = to.join(&rel);
        std::fs::create_dir_all(target.parent().expect("parent")).expect("mkdir");
        std::fs::copy(&from, &target).expect("copy");
    }
    git(to, &["init", "-q", "-b", "main"]);
    git(to, &["add", "-A"]);
    git(to, &["commit", "-q", "-m", "release"]);
    git(to, &["tag", &format!("v{VERSION}")]);
}

/// The install step's other path: no release binary, so `cargo install --git` builds prongsai
/// from the tag of a local clone. A whole build: ignored in `cargo test`, run by `.ci/run`
/// (`cargo test --test integration -- --ignored --exact workflows::pages_workflow_builds_prongsai_from_the_tagged_source`).
/// The build goes to `target/workflow-install/` (kept, so a second run is quick) without
/// optimisation (`CARGO_PROFILE_RELEASE_OPT_LEVEL=0`), which the workflow's own command
/// honours as any cargo command does.
#[cfg(target_os = "linux")]
#[test]
#[ignore = "builds prongsai from source (a minute or more); run by .ci/run"]
fn pages_workflow_builds_prongsai_from_the_tagged_source() {
    let scratch = tempfile::tempdir().expect("temp");
    let clone = scratch.path().join("prongsai");
    clone_with_tag(&clone);
    let repository = format!("file://{}", clone.display());
    let (portal, workflow) = new_portal(scratch.path());
    let target_dir = Path::new(env!("CARGO_BIN_EXE_prongsai"))
        .ancestors()
        .nth(2)
        .expect("the target folder")
        .join("workflow-install");
    let real_home = PathBuf::from(std::env::var_os("HOME").expect("HOME"));
    let cargo_home = std::env::var("CARGO_HOME").unwrap_or_else(|_| real_home.join(".cargo").display().to_string());
    let rustup_home = std::env::var("RUSTUP_HOME").unwrap_or_else(|_| real_home.join(".rustup").display().to_string());
    // cargo takes a package from a git source as unchanged when its name, version and
    // address hash agree, whatever the tag holds: forget the last build of prongsai itself
    // (its dependencies stay built), so this run builds the code of this work tree
    if let Ok(entries) = std::fs::read_dir(target_dir.join("release/.fingerprint")) {
        for entry in entries.map_while(Result::ok) {
            if entry.file_name().to_string_lossy().starts_with("prongsai-") {
                std::fs::remove_dir_all(entry.path()).expect("remove a fingerprint");
            }
        }
    }
    let target_dir = target_dir.display().to_string();
    let extra = [
        ("CARGO_HOME", cargo_home.as_str()),
        ("RUSTUP_HOME", rustup_home.as_str()),
        ("CARGO_TARGET_DIR", target_dir.as_str()),
        ("CARGO_PROFILE_RELEASE_OPT_LEVEL", "0"),
        ("CARGO_PROFILE_RELEASE_DEBUG", "false"),
        ("CARGO_TERM_COLOR", "never"),
    ];
    let git_dirs = |home: &str| -> BTreeSet<PathBuf> {
        ["git/checkouts", "git/db"]
            .iter()
            .filter_map(|d| std::fs::read_dir(Path::new(home).join(d)).ok())
            .flat_map(|entries| entries.map_while(Result::ok).map(|e| e.path()))
            .filter(|p| {
                p.file_name()
                    .is_some_and(|n| n.to_string_lossy().starts_with("prongsai"))
            })
            .collect()
    };
    let before = git_dirs(&cargo_home);
    let mut runner = pages_runner(&portal, &workflow, &scratch.path().join("job"), &repository);
    let install = run_job(&mut runner, &workflow, "build", &extra);
    // the copies cargo made of the temporary repository in the shared CARGO_HOME
    for dir in git_dirs(&cargo_home).difference(&before) {
        let _ = std::fs::remove_dir_all(dir);
    }
    eprintln!("{install}");
    assert!(
        install.contains(&format!("building prongsai v{VERSION} from source")),
        "{install}"
    );
    assert!(install.contains(&format!("Compiling prongsai v{VERSION}")), "{install}");
    assert!(install.contains(&format!("prongsai {VERSION}")), "{install}");
    assert!(runner.home.join(".prongsai/bin/prongsai").is_file());
    assert!(portal.join("public/index.html").is_file());
    let sitemap = std::fs::read_to_string(portal.join("public/sitemap.xml")).expect("a built site");
    assert!(sitemap.contains("https://example.github.io/portal/"), "{sitemap}");
}
