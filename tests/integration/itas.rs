//! Issue 20, points 5 and 6: what a webmaster needs for NACC's ITAS system — the links to the
//! agency's IIT and EIT questionnaires from `[organization] itas_code`, and the answer sheet.

use crate::harness::SiteTest;

fn portal(itas_code: Option<&str>) -> SiteTest {
    let mut site = SiteTest::empty();
    let code = itas_code.map_or(String::new(), |c| format!("itas_code = \"{c}\"\n"));
    site.write(
        "prongsai.toml",
        format!(
            "title = \"ทดสอบ\"\nbase_url = \"https://example.org/ita/\"\n\n[organization]\nname = \"เทศบาลทดสอบ\"\n{code}"
        ),
    )
    .write("content/_index.md", "+++\ntitle = \"หน้าแรก\"\n+++\n")
    .write(
        "content/2569/_index.md",
        "+++\ntitle = \"ปีงบประมาณ 2569\"\nfiscal_year = 2569\n+++\n",
    );
    site
}

#[test]
fn an_itas_code_links_the_iit_and_eit_questionnaires_from_home_and_year_pages() {
    let mut site = portal(Some("u4gpi2"));
    site.build().success();
    for page in ["index.html", "2569/index.html"] {
        let html = site.read(page);
        assert!(
            html.contains("href=\"https://itas.nacc.go.th/go/iit/u4gpi2\""),
            "{page}: {html}"
        );
        assert!(
            html.contains("href=\"https://itas.nacc.go.th/go/eit/u4gpi2\""),
            "{page}: {html}"
        );
        assert!(html.contains("แบบวัด IIT"), "{page}");
    }
}

#[test]
fn without_an_itas_code_there_are_no_itas_links() {
    let mut site = portal(None);
    site.build().success();
    assert!(!site.read("index.html").contains("itas.nacc.go.th/go/"));
}

#[test]
fn a_malformed_itas_code_is_an_error_at_its_line() {
    for bad in ["u4 gpi2", "abc", "รหัส1234", "u4gpi2/../x"] {
        let mut site = portal(Some(bad));
        site.run(&["build"]).fails_with(1);
        let err = site.stderr();
        assert!(err.contains("prongsai.toml:6:1"), "{bad}: {err}");
        assert!(err.contains("config-value"), "{bad}: {err}");
        assert!(err.contains("itas_code"), "{bad}: {err}");
        assert!(!site.exists("index.html"), "{bad}: nothing is written");
    }
}
