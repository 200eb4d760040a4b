//! Request targets → keys of the in-memory site. Pure and strict: the server never maps a
//! URL to the disk, and this is the only place a URL becomes a file name.
//!
//! A target is decoded exactly once, segment by segment; a segment that decodes to a
//! separator, a control character, a dot segment, a dotfile, a Windows drive or stream
//! (`:`), a trailing dot or space, or invalid UTF-8 is refused. Segments are compared in
//! NFC, the form output paths are written in; an NFD request is redirected to the NFC URL.

use unicode_normalization::{is_nfc, UnicodeNormalization};

/// What a request target resolves to.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Target {
    /// A site key (`2564/plan/index.html`); it may or may not exist in the site.
    Key(String),
    /// Redirect to this same-origin path (always starts with exactly one `/`).
    Redirect(String),
    /// Not a valid target at all (400).
    Bad(&'static str),
    /// Can never name a file of the site (404).
    Refused(&'static str),
}

/// Resolves `target` (the request line's target, query included) against `exists`, which
/// answers whether a site key exists.
pub fn resolve(target: &str, exists: impl Fn(&str) -> bool) -> Target {
    if target == "*" {
        return Target::Bad("asterisk-form");
    }
    if !target.starts_with('/') {
        return Target::Bad("not origin-form");
    }
    let path = target.split(['?', '#']).next().unwrap_or("");
    let raw: Vec<&str> = path[1..].split('/').collect();
    let last = raw.len() - 1;
    let mut segments = Vec::with_capacity(raw.len());
    let mut needs_nfc = false;
    for (i, seg) in raw.iter().enumerate() {
        if seg.is_empty() {
            if i == last {
                continue;
            }
            return Target::Refused("empty segment");
        }
        let bytes = match percent_decode(seg) {
            Some(b) => b,
            None => return Target::Bad("bad escape"),
        };
        let text = match String::from_utf8(bytes) {
            Ok(t) => t,
            Err(_) => return Target::Bad("invalid UTF-8"),
        };
        if let Some(why) = refused_segment(&text) {
            return Target::Refused(why);
        }
        if !is_nfc(&text) {
            needs_nfc = true;
        }
        segments.push(text.nfc().collect::<String>());
    }
    let dir = path.ends_with('/');
    let joined = segments.join("/");
    if needs_nfc {
        let mut location = String::from("/");
        location.push_str(&segments.iter().map(|s| percent_encode(s)).collect::<Vec<_>>().join("/"));
        if dir && !segments.is_empty() {
            location.push('/');
        }
        return Target::Redirect(location);
    }
    if dir || joined.is_empty() {
        let key = if joined.is_empty() {
            "index.html".to_string()
        } else {
            format!("{joined}/index.html")
        };
        return Target::Key(key);
    }
    if !exists(&joined) && exists(&format!("{joined}/index.html")) {
        // `/2564/plan` → `/2564/plan/`; the raw path is reused so the redirect stays same-origin
        return Target::Redirect(format!("{path}/"));
    }
    Target::Key(joined)
}

/// Why a decoded segment can never be part of a site key.
fn refused_segment(s: &str) -> Option<&'static str> {
    if s == "." || s == ".." {
        return Some("dot segment");
    }
    if s.starts_with('.') {
        return Some("dotfile");
    }
    if s.ends_with('.') || s.ends_with(' ') {
        return Some("trailing dot or space");
    }
    if s.chars()
        .any(|c| c.is_control() || matches!(c, '/' | '\\' | ':' | '\u{FEFF}'))
    {
        return Some("forbidden character");
    }
    None
}

/// Decodes `%XX` escapes once; `None` on a malformed escape.
pub fn percent_decode(s: &str) -> Option<Vec<u8>> {
    let bytes = s.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'%' {
            let hex = bytes.get(i + 1..i + 3)?;
            let hi = (hex[0] as char).to_digit(16)?;
            let lo = (hex[1] as char).to_digit(16)?;
            out.push((hi * 16 + lo) as u8);
            i += 3;
        } else {
            out.push(bytes[i]);
            i += 1;
        }
    }
    Some(out)
}

/// Percent-encodes everything but unreserved ASCII.
pub fn percent_encode(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for b in s.bytes() {
        if b.is_ascii_alphanumeric() || matches!(b, b'-' | b'_' | b'.' | b'~') {
            out.push(b as char);
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

/// A request target made safe for a terminal: control characters and non-ASCII escaped.
pub fn for_log(target: &str) -> String {
    let mut out: String = target.chars().take(200).flat_map(char::escape_default).collect();
    if target.chars().count() > 200 {
        out.push('…');
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn site(key: &str) -> bool {
        matches!(
            key,
            "index.html" | "style.css" | "2564/plan/index.html" | "รายงาน/index.html" | "%2e%2e"
        )
    }

    fn r(target: &str) -> Target {
        resolve(target, site)
    }

    #[test]
    fn maps_ordinary_targets() {
        assert_eq!(r("/"), Target::Key("index.html".into()));
        assert_eq!(r("/style.css?v=1"), Target::Key("style.css".into()));
        assert_eq!(r("/2564/plan/"), Target::Key("2564/plan/index.html".into()));
        assert_eq!(r("/2564/plan"), Target::Redirect("/2564/plan/".into()));
        assert_eq!(r("/2564/plan#x"), Target::Redirect("/2564/plan/".into()));
        assert_eq!(
            r("/%E0%B8%A3%E0%B8%B2%E0%B8%A2%E0%B8%87%E0%B8%B2%E0%B8%99/"),
            Target::Key("รายงาน/index.html".into())
        );
    }

    #[test]
    fn refuses_traversal_in_every_encoding() {
        for t in [
            "/../../SECRET.txt",
            "/./../SECRET.txt",
            "/%2e%2e/%2e%2e/SECRET.txt",
            "/%2E%2E/SECRET.txt",
            "/.%2e/SECRET.txt",
            "/%2e./SECRET.txt",
            "/..%2fSECRET.txt",
            "/%2f%2e%2e%2fSECRET.txt",
            "/..\\..\\SECRET.txt",
            "/..%5c..%5cSECRET.txt",
            "/foo/c:/windows/win.ini",
            "/C:%5cWindows",
            "/%5c%5cserver%5cshare",
            "/index.html::$DATA",
            "/index.html.",
            "/index.html%20",
            "//etc/passwd",
            "////SECRET.txt",
            "/%00",
            "/a%00.html",
            "/%0d%0aSet-Cookie:x",
            "/%1b%5d0;pwned%07",
            "/.git/config",
            "/.env",
            "/.prongsai-output",
            "/..%2fpublic-leak/secret.txt",
        ] {
            assert!(matches!(r(t), Target::Refused(_) | Target::Bad(_)), "{t} → {:?}", r(t));
        }
    }

    #[test]
    fn decodes_exactly_once() {
        // `%252e%252e` is the literal name `%2e%2e`, a valid (here existing) file name
        assert_eq!(r("/%252e%252e"), Target::Key("%2e%2e".into()));
        assert_eq!(r("/%252e%252e/SECRET.txt"), Target::Key("%2e%2e/SECRET.txt".into()));
        // decodes to the name `..%2fSECRET.txt`, a dotfile: refused, never decoded again
        assert_eq!(r("/..%252fSECRET.txt"), Target::Refused("dotfile"));
    }

    #[test]
    fn rejects_malformed_targets() {
        assert_eq!(r("*"), Target::Bad("asterisk-form"));
        assert!(matches!(r("http://evil.example/x"), Target::Bad(_)));
        assert!(matches!(r("evil.example:80"), Target::Bad(_)));
        assert!(matches!(r("/%ff%fe"), Target::Bad(_)));
        assert!(matches!(r("/%c0%ae%c0%ae/SECRET.txt"), Target::Bad(_)));
        assert!(matches!(r("/%zz"), Target::Bad(_)));
        assert!(matches!(r("/%4"), Target::Bad(_)));
    }

    #[test]
    fn redirects_nfd_to_nfc() {
        // "ก" + SARA AM decomposed (NIKHAHIT + SARA AA) is not NFC-stable for Thai, so use a
        // Latin example that is: e + combining acute
        let nfd = "/cafe%CC%81/";
        assert_eq!(r(nfd), Target::Redirect("/caf%C3%A9/".into()));
    }

    #[test]
    fn log_lines_escape_control_characters() {
        assert_eq!(for_log("/a\u{1b}]0;x\u{7}"), "/a\\u{1b}]0;x\\u{7}");
    }
}
