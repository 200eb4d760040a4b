//! Issue 23: symbolic links in a portal. Links that stay in the source folders work; links
//! out of the portal are refused by `build` and `check` alike (the refused cases, one per
//! folder, are in the bad-input corpus, `c13`/`c25-symlink-*`), except into a folder named
//! in `allow_symlinks_to`, and a refused build leaves the previous output byte-identical.
//! `serve` is tested in `serve::symlinks_made_while_serving_are_refused`.

#![cfg(unix)]

use std::os::unix::fs::symlink;
use std::path::Path;

use crate::harness::{snapshot, SiteTest};

const CANARY: &str = "CANARY-links-5d1e";

fn link(target: impl AsRef<Path>, at: &Path) {
    std::fs::create_dir_all(at.parent().expect("parent")).expect("mkdir");
    symlink(target, at).expect("symlink");
}

#[test]
fn links_inside_the_source_folders_are_followed() {
    let mut site = SiteTest::fixture("basic");
    let root = site.root().to_path_buf();
    // a file and a folder of static/ reused under content/, and a page kept in static/
    link("../../static/files/a.txt", &root.join("content/2564/a-copy.txt"));
    link("../static/files", &root.join("content/shared"));
    site.write("static/pages/extra.md", "+++\ntitle = \"หน้าที่ลิงก์มา\"\n+++\nเนื้อหา\n");
    link("../static/pages/extra.md", &root.join("content/extra.md"));
    site.run(&["check"]).success();
    site.build();
    let a = std::fs::read(root.join("static/files/a.txt")).expect("read");
    assert_eq!(std::fs::read(root.join("public/2564/a-copy.txt")).expect("copied"), a);
    assert_eq!(std::fs::read(root.join("public/shared/a.txt")).expect("copied"), a);
    assert!(site.read("extra/index.html").contains("หน้าที่ลิงก์มา"));
}

#[test]
fn allow_symlinks_to_opens_the_named_folders_and_nothing_else() {
    let mut site = SiteTest::fixture("basic");
    let root = site.root().to_path_buf();
    let outside = tempfile::tempdir().expect("temp");
    let shared = outside.path().join("shared");
    std::fs::create_dir_all(shared.join("docs")).expect("mkdir");
    std::fs::write(shared.join("o10.pdf"), "%PDF shared").expect("write");
    std::fs::write(shared.join("docs/o11.pdf"), "%PDF folder").expect("write");
    std::fs::write(outside.path().join("secret.txt"), CANARY).expect("write");
    site.build();
    let before = snapshot(&root.join("public"));

    // refused without the setting; the previous output stays as it was
    link(shared.join("o10.pdf"), &root.join("static/o10.pdf"));
    site.run(&["build"]).fails_with(1).stderr_contains("symlink-outside");
    assert!(site.stderr().contains("static/o10.pdf"), "{}", site.stderr());
    assert_eq!(
        snapshot(&root.join("public")),
        before,
        "a failed build changed the output"
    );
    link(shared.join("docs"), &root.join("content/docs"));
    site.run(&["build"]).fails_with(1).stderr_contains("symlink-outside");
    assert!(site.stderr().contains("content/docs"), "{}", site.stderr());
    assert_eq!(
        snapshot(&root.join("public")),
        before,
        "a failed build changed the output"
    );

    let config = std::fs::read_to_string(root.join("prongsai.toml")).expect("config");
    let allowed = format!("allow_symlinks_to = [\"{}\"]\n{config}", shared.display());
    site.write("prongsai.toml", &allowed);
    site.run(&["check"]).success();
    site.build();
    assert_eq!(site.read("o10.pdf"), "%PDF shared");
    assert_eq!(site.read("docs/o11.pdf"), "%PDF folder");

    // a link to a file beside the allowed folder is still refused
    link(outside.path().join("secret.txt"), &root.join("static/secret.txt"));
    let before = snapshot(&root.join("public"));
    site.run(&["build"]).fails_with(1).stderr_contains("static/secret.txt");
    assert_eq!(
        snapshot(&root.join("public")),
        before,
        "a failed build changed the output"
    );
    assert!(!snapshot(&root.join("public"))
        .iter()
        .any(|(_, bytes)| String::from_utf8_lossy(bytes).contains(CANARY)));
}

#[test]
fn a_folder_loop_is_an_error_not_a_hang() {
    let mut site = SiteTest::fixture("basic");
    let root = site.root().to_path_buf();
    site.build();
    let before = snapshot(&root.join("public"));
    // each link leads into the folder that holds the other
    link("../static", &root.join("content/2564/to-static"));
    link("../content", &root.join("static/to-content"));
    link("../../content/2564", &root.join("static/files/here"));
    let started = std::time::Instant::now();
    site.run(&["build"]).fails_with(1).stderr_contains("symlink-broken");
    assert!(started.elapsed().as_secs() < 60);
    assert_eq!(
        snapshot(&root.join("public")),
        before,
        "a failed build changed the output"
    );
    site.run(&["check"]).fails_with(1).stderr_contains("symlink-broken");
}
