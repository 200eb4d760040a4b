//! The one place URLs are made. Pages live at site-relative paths (`2564/plan/`, `""` for
//! the home page); links between pages are relative (`../../2564/plan/`) so the same output
//! works at any sub-path and from a folder; sitemap, feed and canonical links are absolute,
//! made from `base_url`.

/// The prefix that leads from the page at `path` back to the site root: `""` → `./`,
/// `2564/plan/` → `../../`, `2564/feed.xml` → `../`.
pub fn root_prefix(path: &str) -> String {
    let depth = path.matches('/').count();
    if depth == 0 {
        "./".to_string()
    } else {
        "../".repeat(depth)
    }
}

/// The link from a page (given by its `root_prefix`) to a site-relative `target`. External
/// URLs, fragments and already-relative links pass through. With `index_html`, folder links
/// end in `index.html` so the site works opened from a folder (`file://`).
pub fn link(root: &str, target: &str, index_html: bool) -> String {
    if is_external(target) || target.starts_with('#') || leads_from_page(target) {
        return target.to_string();
    }
    let target = target.trim_start_matches('/');
    let mut out = String::with_capacity(root.len() + target.len() + 10);
    out.push_str(root);
    out.push_str(&encode_path(target));
    if index_html && (target.is_empty() || target.ends_with('/')) {
        out.push_str("index.html");
    }
    out
}

/// Whether a path written in front matter leads from the page (`../plan/`, `./a.pdf`);
/// any other path leads from the site root.
pub fn leads_from_page(target: &str) -> bool {
    target.starts_with("../") || target.starts_with("./")
}

/// The absolute URL of a site-relative path, for sitemap, feed and canonical links.
pub fn absolute(base_url: &str, path: &str) -> String {
    format!("{}{}", base_url, encode_path(path.trim_start_matches('/')))
}

pub fn is_external(url: &str) -> bool {
    let scheme_end = url.find(':');
    let slash = url.find('/');
    match scheme_end {
        Some(i) if i > 0 => {
            slash.is_none_or(|s| s > i) && url[..i].chars().all(|c| c.is_ascii_alphanumeric() || "+-.".contains(c))
        }
        _ => url.starts_with("//"),
    }
}

/// Percent-encodes what may not stand in a URL path (non-ASCII, spaces, quotes, `<>`,
/// `?`, `#` inside a file name), keeping `/` and what is already encoded.
pub fn encode_path(path: &str) -> String {
    let mut out = String::with_capacity(path.len());
    for byte in path.bytes() {
        match byte {
            b'A'..=b'Z'
            | b'a'..=b'z'
            | b'0'..=b'9'
            | b'-'
            | b'_'
            | b'.'
            | b'~'
            | b'/'
            | b'%'
            | b'!'
            | b'$'
            | b'&'
            | b'\''
            | b'('
            | b')'
            | b'*'
            | b'+'
            | b','
            | b';'
            | b'='
            | b':'
            | b'@' => out.push(byte as char),
            other => out.push_str(&format!("%{other:02X}")),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn links_are_relative_to_the_page() {
        assert_eq!(root_prefix(""), "./");
        assert_eq!(root_prefix("2564/plan/"), "../../");
        assert_eq!(link("../../", "2564/report-h1/", false), "../../2564/report-h1/");
        assert_eq!(link("../", "", true), "../index.html");
        assert_eq!(link("./", "style.css", true), "./style.css");
        assert_eq!(link("../", "https://x.go.th/", false), "https://x.go.th/");
    }

    #[test]
    fn thai_paths_are_encoded() {
        assert_eq!(encode_path("ก/"), "%E0%B8%81/");
        assert_eq!(absolute("https://a.b/ita/", "2564/"), "https://a.b/ita/2564/");
        assert!(is_external("mailto:a@b.c") && !is_external("a/b:c") && is_external("//cdn.x"));
    }
}
