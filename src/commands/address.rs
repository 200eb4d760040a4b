//! The line `prongsai build` ends with: the address the site expects to be published at (its
//! `base_url`, from `--base-url` or `prongsai.toml`), because the sitemap, the feed and the
//! canonical links name it, and a site uploaded elsewhere points search engines and the
//! assessors' tools at the wrong place. It says so when the address is unset or is still the
//! example that `prongsai init` wrote.

use std::path::Path;

use crate::config::{normalize_base_url, Config};

/// Prints the address line for a build of `root` with `base_url` (the `--base-url` override)
/// and `file_links`, to stderr.
pub fn print(root: &Path, base_url: Option<&str>, file_links: bool) {
    let configured = Config::load(root).map(|c| c.base_url).unwrap_or_default();
    eprintln!("{}", line(base_url.unwrap_or(&configured), file_links));
}

/// The address line for the `base_url` in force.
pub fn line(base_url: &str, file_links: bool) -> String {
    let url = normalize_base_url(base_url);
    if url.is_empty() {
        return "ยังไม่ได้ตั้ง base_url: ตั้งเป็นที่อยู่เว็บที่จะเผยแพร่ใน prongsai.toml หรือ --base-url \
                (no base_url: set it in prongsai.toml or with --base-url to the address the site will be published at)"
            .to_string();
    }
    let mut out = format!("ที่อยู่ที่จะเผยแพร่ {url} (the site expects to be published at {url})");
    if is_example(&url) {
        out.push_str(
            "\nนี่คือที่อยู่ตัวอย่างจาก prongsai init: แก้ base_url ใน prongsai.toml เป็นที่อยู่จริง \
             (this is the example address prongsai init wrote: set base_url in prongsai.toml to the real one)",
        );
    }
    if file_links {
        out.push_str(
            "\nลิงก์ลงท้ายด้วย index.html: เปิด public/index.html จากโฟลเดอร์ได้ \
             (links end in index.html: public/index.html opens from the folder)",
        );
    }
    out
}

/// Whether the host of `url` is an example domain (`example.com`, `example.github.io`, …).
fn is_example(url: &str) -> bool {
    let host = url.split_once("://").map_or(url, |(_, rest)| rest);
    let host = host.split(['/', ':']).next().unwrap_or("");
    host.split('.').any(|label| label.eq_ignore_ascii_case("example"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_line_names_the_address_and_flags_the_example() {
        let real = line("https://www.tambon.go.th/ita", false);
        assert_eq!(
            real,
            "ที่อยู่ที่จะเผยแพร่ https://www.tambon.go.th/ita/ (the site expects to be published at https://www.tambon.go.th/ita/)"
        );
        assert!(line("https://example.github.io/portal/", false).contains("example address"));
        assert!(!line("https://examples.go.th/", false).contains("example address"));
        assert!(line("", false).contains("no base_url"));
        assert!(line("https://a.go.th/", true).contains("index.html"));
    }
}
