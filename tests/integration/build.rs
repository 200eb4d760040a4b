//! `prongsai build`: pages, URLs, assets, Markdown, sanitizer, determinism.

use crate::harness::{snapshot, SiteTest};

#[test]
fn pretty_urls_assets_static_and_aliases() {
    let mut t = SiteTest::fixture("basic");
    t.build();
    for file in [
        "index.html",
        "2564/index.html",
        "2564/report-h1/index.html",
        "2564/plan/index.html",
        "2564/bundle/index.html",
        "2564/bundle/photo.txt",
        "2564/o43.pdf",
        "files/a.txt",
        "sitemap.xml",
        "atom.xml",
        "robots.txt",
        "404.html",
        "style.css",
        "old/report-h1.html",
        "2564/report/index.html",
    ] {
        assert!(t.exists(file), "missing {file}");
    }
    // Drafts and editor litter never become pages.
    assert!(!t.exists("draft/index.html"));
    assert!(!t.exists("notes.md~") && !t.exists(".#lock.md"));
    let redirect = t.read("old/report-h1.html");
    assert!(redirect.contains("url=../2564/report-h1/"), "{redirect}");
    assert!(redirect.contains("<link rel=\"canonical\" href=\"https://example.org/sub/2564/report-h1/\">"));
}

#[test]
fn report_page_main_region() {
    SiteTest::fixture("basic")
        .build()
        .main_eq("2564/report-h1/index.html")
        .main_eq("2564/index.html");
}

#[test]
fn drafts_only_with_the_flag() {
    let mut t = SiteTest::fixture("basic");
    t.run(&["build", "--drafts"]).success();
    assert!(t.exists("draft/index.html"));
}

#[test]
fn thai_heading_anchors_keep_every_mark() {
    let mut t = SiteTest::fixture("basic");
    t.build();
    let html = t.read("2564/report-h1/index.html");
    assert!(html.contains("<h2 id=\"ผลการดำเนินงาน\">"), "{html}");
    assert!(html.contains("<h2 id=\"ผลการดำเนินงาน-1\">"), "{html}");
    assert!(html.contains("hl-string"), "TOML is highlighted: {html}");
}

#[test]
fn internal_links_are_relative_so_any_sub_path_works() {
    let mut t = SiteTest::fixture("basic");
    t.build();
    for (path, bytes) in snapshot(&t.root().join("public")) {
        if !path.ends_with(".html") || path == "404.html" {
            continue;
        }
        let html = String::from_utf8(bytes).expect("utf-8");
        for attr in ["href=\"", "src=\""] {
            for part in html.split(attr).skip(1) {
                let url = &part[..part.find('"').unwrap_or(0)];
                let external = url.starts_with("https://") || url.starts_with("mailto:");
                assert!(external || !url.starts_with('/'), "{path}: root-relative link {url}");
            }
        }
    }
    // Absolute URLs come from base_url, which --base-url overrides.
    assert!(t
        .read("sitemap.xml")
        .contains("<loc>https://example.org/sub/2564/plan/</loc>"));
    t.run(&["build", "--base-url", "https://user.github.io/portal"])
        .success();
    assert!(t
        .read("sitemap.xml")
        .contains("<loc>https://user.github.io/portal/2564/plan/</loc>"));
    assert!(t
        .read("robots.txt")
        .contains("Sitemap: https://user.github.io/portal/sitemap.xml"));
    assert!(t.read("404.html").contains("href=\"/portal/style.css\""));
}

#[test]
fn folder_links_for_sites_opened_from_disk() {
    let mut t = SiteTest::fixture("basic");
    t.run(&["build", "--file-links"]).success();
    let html = t.read("2564/plan/index.html");
    assert!(html.contains("href=\"../../index.html\""), "{html}");
    assert!(html.contains("href=\"../../2564/index.html\""), "{html}");
}

#[test]
fn sanitizer_keeps_word_markup_and_drops_scripts() {
    let mut t = SiteTest::fixture("sanitize");
    t.build();
    let html = t.read("index.html");
    assert!(
        html.contains("<b>ตัวหนาจาก Word</b>") && html.contains("<li>รายการ</li>") && html.contains("<td>ช่อง</td>"),
        "{html}"
    );
    for bad in [
        "<script>alert",
        "onerror",
        "onclick",
        "javascript:",
        "<iframe",
        "data:text/html",
    ] {
        assert!(!html.contains(bad), "{bad} published:\n{html}");
    }
}

#[test]
fn trusted_html_is_published_as_written() {
    let mut t = SiteTest::fixture("sanitize");
    t.write("prongsai.toml", "title = \"s\"\ntrust_html = true\n").build();
    assert!(t.read("index.html").contains("<iframe"));
}

/// The same portal saved by a Windows editor (UTF-8 BOM, CRLF) builds byte for byte the same.
#[test]
fn bom_and_crlf_give_identical_output() {
    let mut lf = SiteTest::fixture("basic");
    lf.build();
    let mut crlf = SiteTest::fixture("basic");
    for entry in walkdir::WalkDir::new(crlf.root()) {
        let entry = entry.expect("walk");
        let path = entry.path();
        if path.extension().is_some_and(|e| e == "md" || e == "toml") {
            let text = std::fs::read_to_string(path).expect("read");
            let mut bytes = vec![0xEF, 0xBB, 0xBF];
            bytes.extend(text.replace('\n', "\r\n").into_bytes());
            std::fs::write(path, bytes).expect("write");
        }
    }
    crlf.build();
    assert_eq!(
        snapshot(&lf.root().join("public")),
        snapshot(&crlf.root().join("public"))
    );
}

#[test]
fn builds_are_byte_identical_in_any_folder() {
    let mut a = SiteTest::fixture("basic");
    a.build();
    let mut b = SiteTest::fixture("basic");
    b.build().build();
    let snap_a = snapshot(&a.root().join("public"));
    assert_eq!(snap_a, snapshot(&b.root().join("public")));
    let root = a.root().to_string_lossy().into_owned();
    for (path, bytes) in &snap_a {
        assert!(
            !String::from_utf8_lossy(bytes).contains(&root),
            "{path} contains the build folder"
        );
    }
}

#[test]
fn portal_templates_override_the_theme() {
    let mut t = SiteTest::fixture("basic");
    t.write(
        "templates/page.html",
        "{% extends \"base.html\" %}{% block main %}<p class=\"mine\">{{ page.title }}</p>{% endblock %}",
    )
    .build();
    assert!(t
        .read("2564/plan/index.html")
        .contains("<p class=\"mine\">แผนมาตรการ</p>"));
}

#[test]
fn template_loops_are_errors_not_crashes() {
    let mut t = SiteTest::fixture("basic");
    t.write("templates/page.html", "{% include \"a.html\" %}")
        .write("templates/a.html", "{% include \"page.html\" %}");
    t.run(&["build"])
        .fails_with(1)
        .stderr_contains("template-loop")
        .stderr_contains("page.html");
}

#[test]
fn front_matter_errors_point_at_file_lines() {
    let mut t = SiteTest::fixture("basic");
    t.write(
        "content/2564/plan.md",
        "+++\ntitle = \"แผน\"\ntitel = \"x\"\n+++\nbody\n",
    );
    t.run(&["build"])
        .fails_with(1)
        .stderr_contains("content/2564/plan.md:3:1")
        .stderr_contains("`title`");
    t.write("content/2564/plan.md", "+++\ntitle = \"แผน\"\nweight = ๑\n+++\n");
    t.run(&["build"])
        .fails_with(1)
        .stderr_contains("content/2564/plan.md:3")
        .stderr_contains("thai-digits-in-number");
}

#[test]
fn config_errors_suggest_the_key() {
    let mut t = SiteTest::fixture("basic");
    t.write("prongsai.toml", "title = \"x\"\nbase_ulr = \"https://a.b/\"\n");
    t.run(&["build"])
        .fails_with(1)
        .stderr_contains("prongsai.toml:2:1")
        .stderr_contains("`base_url`");
}

#[test]
fn invalid_encodings_name_the_file() {
    let mut t = SiteTest::fixture("basic");
    t.write(
        "content/2564/plan.md",
        b"+++\ntitle = \"\xE4\xB7\xC2\"\n+++\n".as_slice(),
    );
    t.run(&["build"])
        .fails_with(1)
        .stderr_contains("content/2564/plan.md")
        .stderr_contains("TIS-620");
}

#[test]
fn url_collisions_name_both_files() {
    let mut t = SiteTest::fixture("basic");
    t.write("content/2564/Plan.md", "+++\ntitle = \"ซ้ำ\"\n+++\n");
    t.run(&["build"])
        .fails_with(1)
        .stderr_contains("url-collision")
        .stderr_contains("plan.md");
}

#[test]
fn sitemap_feed_and_robots_are_complete() {
    SiteTest::fixture("basic")
        .build()
        .file_eq("sitemap.xml")
        .file_eq("atom.xml")
        .file_eq("robots.txt");
}
