//! Who may talk to the preview server: the `Host` allow-list that stops DNS rebinding and
//! the `Origin` check that stops other sites' pages from reading the event stream.
//!
//! A host is allowed when it is `localhost` (or a name under `.localhost`, which browsers
//! resolve to loopback themselves) or an IP literal: a rebinding attack always arrives with
//! the attacker's own host name, never with an address, so addresses are safe to accept and
//! `--bind 0.0.0.0` works from a phone on the LAN.

use std::net::{Ipv4Addr, Ipv6Addr};

/// The verdict on a request's `Host` and `Origin` headers.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Access {
    Allowed,
    /// 400: a header is malformed or repeated.
    Malformed,
    /// 403: a host or origin that is not this server.
    Forbidden,
}

/// Checks the `Host` headers (all of them) and the `Origin` headers of a request.
pub fn check(hosts: &[&str], origins: &[&str]) -> Access {
    let host = match hosts {
        // HTTP/1.0 clients may leave it out; browsers always send it
        [] => None,
        [one] => match parse_authority(one) {
            Some(a) => Some(a),
            None => return Access::Malformed,
        },
        _ => return Access::Malformed,
    };
    if let Some((name, _)) = &host {
        if !allowed_name(name) {
            return Access::Forbidden;
        }
    }
    match origins {
        [] => Access::Allowed,
        [origin] => {
            let origin = origin.trim();
            if origin == "null" {
                return Access::Forbidden;
            }
            let Some(rest) = origin
                .strip_prefix("http://")
                .or_else(|| origin.strip_prefix("https://"))
            else {
                return Access::Malformed;
            };
            let Some((name, port)) = parse_authority(rest) else {
                return Access::Malformed;
            };
            if !allowed_name(&name) {
                return Access::Forbidden;
            }
            // same origin as the Host the browser asked for, port included
            match &host {
                Some((h, p)) if h.eq_ignore_ascii_case(&name) && *p == port => Access::Allowed,
                Some(_) => Access::Forbidden,
                None => Access::Allowed,
            }
        }
        _ => Access::Malformed,
    }
}

/// `name[:port]` or `[v6][:port]` → (name, port); `None` when malformed.
pub fn parse_authority(s: &str) -> Option<(String, Option<u16>)> {
    let s = s.trim();
    if s.is_empty() || s.len() > 300 {
        return None;
    }
    let (name, port) = if let Some(rest) = s.strip_prefix('[') {
        let end = rest.find(']')?;
        let addr = &rest[..end];
        addr.parse::<Ipv6Addr>().ok()?;
        let after = &rest[end + 1..];
        let port = match after {
            "" => None,
            p => Some(parse_port(p.strip_prefix(':')?)?),
        };
        (format!("[{addr}]"), port)
    } else {
        let mut parts = s.split(':');
        let name = parts.next()?;
        let port = match parts.next() {
            None => None,
            Some(p) => Some(parse_port(p)?),
        };
        if parts.next().is_some() {
            return None;
        }
        if name.is_empty()
            || !name
                .bytes()
                .all(|b| b.is_ascii_alphanumeric() || b == b'.' || b == b'-')
        {
            return None;
        }
        (name.to_ascii_lowercase(), port)
    };
    Some((name, port))
}

fn parse_port(p: &str) -> Option<u16> {
    if p.is_empty() || p.len() > 5 || !p.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    p.parse().ok()
}

fn allowed_name(name: &str) -> bool {
    let lower = name.to_ascii_lowercase();
    lower == "localhost" || lower.ends_with(".localhost") || lower.starts_with('[') || lower.parse::<Ipv4Addr>().is_ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hosts() {
        for ok in [
            "127.0.0.1:1111",
            "localhost:1111",
            "LOCALHOST",
            "[::1]:1111",
            "192.168.1.20:1111",
            "a.localhost",
        ] {
            assert_eq!(check(&[ok], &[]), Access::Allowed, "{ok}");
        }
        for bad in [
            "evil.example:1111",
            "evil.example",
            "127.0.0.1.nip.io:1111",
            "localhost.evil.example",
        ] {
            assert_eq!(check(&[bad], &[]), Access::Forbidden, "{bad}");
        }
        let long = "a".repeat(10 * 1024);
        for malformed in [
            "[::1",
            ":::",
            "",
            "[::1]x",
            "a:b:c",
            "host:99999",
            "host:",
            "ho st",
            long.as_str(),
        ] {
            assert_eq!(check(&[malformed], &[]), Access::Malformed, "{malformed}");
        }
        assert_eq!(check(&["127.0.0.1", "127.0.0.1"], &[]), Access::Malformed);
        assert_eq!(check(&[], &[]), Access::Allowed);
    }

    #[test]
    fn origins() {
        let host = ["127.0.0.1:1111"];
        assert_eq!(check(&host, &["http://127.0.0.1:1111"]), Access::Allowed);
        assert_eq!(check(&host, &["http://evil.example"]), Access::Forbidden);
        assert_eq!(check(&host, &["http://evil.example:1111"]), Access::Forbidden);
        assert_eq!(check(&host, &["null"]), Access::Forbidden);
        // another local dev server is another origin
        assert_eq!(check(&host, &["http://127.0.0.1:3000"]), Access::Forbidden);
        assert_eq!(check(&host, &["http://localhost:1111"]), Access::Forbidden);
        assert_eq!(check(&host, &["ftp://127.0.0.1:1111"]), Access::Malformed);
        assert_eq!(check(&host, &["http://[::1"]), Access::Malformed);
        assert_eq!(check(&host, &["http://a", "http://b"]), Access::Malformed);
    }
}
