//! Answering one request from the in-memory site: method and header checks, the target
//! resolved by `resolve`, headers that stop sniffing and caching, and the live-reload
//! script (plus the error overlay after a failed rebuild) injected into HTML.

use std::io::Cursor;
use std::sync::Arc;

use tiny_http::{Header, Method, Request, Response, StatusCode};

use super::access::{self, Access};
use super::resolve::{for_log, resolve, Target};
use super::state::{Snapshot, State};
use crate::render::highlight::html_escape;

// Internal routes live under `/__prongsai/`, which no site file uses.
pub const EVENTS: &str = "/__prongsai/events";
pub const RELOAD_JS: &str = "/__prongsai/reload.js";

const CLIENT: &str = include_str!("reload.js");

/// Answers `request`; never panics on request data.
pub fn handle(request: Request, state: &State) {
    let method = request.method().clone();
    if !matches!(method, Method::Get | Method::Head) {
        let status = if request.url() == "*" { 400 } else { 405 };
        let response = text(status, "method not allowed").with_header(header("Allow", "GET, HEAD"));
        log(status, &request);
        let _ = request.respond(response);
        return;
    }
    let hosts: Vec<&str> = header_values(&request, "Host");
    let origins: Vec<&str> = header_values(&request, "Origin");
    match access::check(&hosts, &origins) {
        Access::Allowed => {}
        Access::Malformed => return reply(request, text(400, "bad Host or Origin header"), 400),
        Access::Forbidden => {
            return reply(
                request,
                text(403, "forbidden: this preview server only answers to localhost"),
                403,
            )
        }
    }
    let target = request.url().to_string();
    if target == EVENTS || target.starts_with("/__prongsai/events?") {
        return state.events.subscribe(request, &state.snapshot());
    }
    if target == super::listen::HEALTH {
        return reply(
            request,
            bytes_response(204, "text/plain; charset=utf-8", Arc::from(&b""[..])),
            204,
        );
    }
    if target == RELOAD_JS {
        let response = bytes_response(200, "text/javascript; charset=utf-8", CLIENT.as_bytes().to_vec().into());
        return reply(request, response, 200);
    }
    let snapshot = state.snapshot();
    match resolve(&target, |k| snapshot.files.contains_key(k)) {
        Target::Key(key) => match snapshot.files.get(key.as_str()) {
            Some(_) if refused_now(state, &key) => not_found(request, &snapshot),
            Some(bytes) => {
                let mime = content_type(&key);
                let body = if mime.starts_with("text/html") {
                    inject(bytes, &snapshot).into()
                } else {
                    bytes.clone()
                };
                reply(request, bytes_response(200, mime, body), 200)
            }
            None => not_found(request, &snapshot),
        },
        Target::Redirect(location) => {
            let response = text(301, "moved").with_header(header("Location", &location));
            reply(request, response, 301)
        }
        Target::Bad(_) => reply(request, text(400, "bad request"), 400),
        Target::Refused(_) => not_found(request, &snapshot),
    }
}

/// Whether a file `key` may have been copied from is now a link `source::links` refuses;
/// says so on the terminal.
fn refused_now(state: &State, key: &str) -> bool {
    let Some(refused) = state.guard().and_then(|g| g.refused(key)) else {
        return false;
    };
    eprintln!("{}", refused.short());
    true
}

fn not_found(request: Request, snapshot: &Snapshot) {
    let response = match snapshot.files.get("404.html") {
        Some(page) => bytes_response(404, "text/html; charset=utf-8", inject(page, snapshot).into()),
        None => text(404, "not found"),
    };
    reply(request, response, 404);
}

fn reply(request: Request, response: Response<Cursor<Arc<[u8]>>>, status: u16) {
    if status >= 400 {
        log(status, &request);
    }
    // a client that went away is not an error of ours
    let _ = request.respond(response);
}

fn log(status: u16, request: &Request) {
    eprintln!("{status} {} {}", request.method(), for_log(request.url()));
}

fn header_values<'a>(request: &'a Request, name: &'static str) -> Vec<&'a str> {
    request
        .headers()
        .iter()
        .filter(|h| h.field.equiv(name))
        .map(|h| h.value.as_str())
        .collect()
}

pub fn header(name: &str, value: &str) -> Header {
    // names and values here are ours, ASCII and without CR/LF
    Header::from_bytes(name.as_bytes(), value.as_bytes())
        .unwrap_or_else(|_| Header::from_bytes(&b"X-Invalid-Header"[..], &b"1"[..]).expect("a constant header"))
}

fn text(status: u16, body: &str) -> Response<Cursor<Arc<[u8]>>> {
    bytes_response(status, "text/plain; charset=utf-8", body.as_bytes().to_vec().into())
}

/// A response with the headers every answer of the preview server carries.
pub fn bytes_response(status: u16, mime: &str, body: Arc<[u8]>) -> Response<Cursor<Arc<[u8]>>> {
    let len = body.len();
    Response::new(
        StatusCode(status),
        vec![
            header("Content-Type", mime),
            header("X-Content-Type-Options", "nosniff"),
            header("Cache-Control", "no-store"),
            header("Referrer-Policy", "no-referrer"),
        ],
        Cursor::new(body),
        Some(len),
        None,
    )
}

/// The `Content-Type` of a site file, by extension.
pub fn content_type(key: &str) -> &'static str {
    let ext = key
        .rsplit_once('.')
        .map(|(_, e)| e.to_ascii_lowercase())
        .unwrap_or_default();
    match ext.as_str() {
        "html" | "htm" => "text/html; charset=utf-8",
        "css" => "text/css; charset=utf-8",
        "js" | "mjs" => "text/javascript; charset=utf-8",
        "json" => "application/json",
        "xml" => "application/xml; charset=utf-8",
        "txt" => "text/plain; charset=utf-8",
        "csv" => "text/csv; charset=utf-8",
        "svg" => "image/svg+xml",
        "png" => "image/png",
        "jpg" | "jpeg" => "image/jpeg",
        "gif" => "image/gif",
        "webp" => "image/webp",
        "ico" => "image/x-icon",
        "pdf" => "application/pdf",
        "woff2" => "font/woff2",
        "woff" => "font/woff",
        "ttf" => "font/ttf",
        "xlsx" => "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        "docx" => "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        "xls" => "application/vnd.ms-excel",
        "doc" => "application/msword",
        "zip" => "application/zip",
        _ => "application/octet-stream",
    }
}

/// The page with the reload script (and the error overlay, if the last rebuild failed)
/// inserted before `</body>`.
pub fn inject(page: &[u8], snapshot: &Snapshot) -> Vec<u8> {
    let mut extra = String::new();
    if let Some(overlay) = &snapshot.overlay {
        extra.push_str(overlay);
    }
    extra.push_str(&format!("<script src=\"{RELOAD_JS}\"></script>"));
    let at = find_last(page, b"</body>").unwrap_or(page.len());
    let mut out = Vec::with_capacity(page.len() + extra.len());
    out.extend_from_slice(&page[..at]);
    out.extend_from_slice(extra.as_bytes());
    out.extend_from_slice(&page[at..]);
    out
}

fn find_last(haystack: &[u8], needle: &[u8]) -> Option<usize> {
    haystack
        .windows(needle.len())
        .rposition(|w| w.eq_ignore_ascii_case(needle))
}

/// The overlay shown on every page while the site has errors; all text HTML-escaped.
pub fn overlay_html(lines: &[String]) -> String {
    let mut html = String::from(
        "<div id=\"prongsai-overlay\" role=\"alert\" style=\"position:fixed;inset:0;z-index:2147483647;\
         overflow:auto;background:rgba(20,20,20,.94);color:#fff;padding:2rem;font:16px/1.5 sans-serif\">\
         <h2 style=\"margin-top:0;color:#ffb4a8\">สร้างเว็บไซต์ไม่สำเร็จ (build failed)</h2>\
         <p>หน้าที่เห็นอยู่เป็นผลลัพธ์ที่สำเร็จครั้งล่าสุด แก้ไฟล์แล้วบันทึก หน้าจะโหลดใหม่เอง \
         (this is the last good build; fix the file and save, the page reloads by itself)</p>\
         <pre style=\"white-space:pre-wrap;font:14px/1.5 monospace\">",
    );
    for line in lines {
        html.push_str(&html_escape(line));
        html.push_str("\n\n");
    }
    html.push_str("</pre></div>");
    html
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn content_types() {
        assert_eq!(content_type("a/index.html"), "text/html; charset=utf-8");
        assert_eq!(content_type("x.CSS"), "text/css; charset=utf-8");
        assert_eq!(content_type("search/client.js"), "text/javascript; charset=utf-8");
        assert_eq!(content_type("logo.svg"), "image/svg+xml");
        assert_eq!(content_type("o1.pdf"), "application/pdf");
        assert_eq!(
            content_type("budget.xlsx"),
            "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
        );
        assert_eq!(content_type("f.woff2"), "font/woff2");
        assert_eq!(content_type("Makefile"), "application/octet-stream");
        assert_eq!(content_type("x.unknown"), "application/octet-stream");
    }

    #[test]
    fn injects_before_the_last_body_end() {
        let snapshot = Snapshot::default();
        let out = String::from_utf8(inject(b"<body><p>a</body></BODY>", &snapshot)).unwrap_or_default();
        assert!(
            out.ends_with(&format!("<script src=\"{RELOAD_JS}\"></script></BODY>")),
            "{out}"
        );
        let out = String::from_utf8(inject(b"<p>no body", &snapshot)).unwrap_or_default();
        assert!(out.starts_with("<p>no body<script"), "{out}");
    }

    #[test]
    fn overlay_escapes_hostile_text() {
        let html = overlay_html(&["content/<img src=x onerror=alert(1)>.md:1:1: </pre><script>x</script>".into()]);
        assert!(!html.contains("<img"));
        assert!(!html.contains("<script>"));
        assert!(html.contains("&lt;/pre&gt;&lt;script&gt;"));
    }
}
