//! The live-reload event stream (Server-Sent Events over a plain HTTP response, no async
//! runtime): `reload` after a successful rebuild, `failed` with the diagnostics after a
//! failed one. Messages carry site paths and diagnostic text only, never file contents.

use std::io::Write;
use std::sync::Mutex;

use tiny_http::Request;

use super::state::Snapshot;

/// More open streams than this get 503: each holds two file handles.
pub const MAX_CLIENTS: usize = 256;

type Client = Box<dyn Write + Send + 'static>;

#[derive(Default)]
pub struct Events {
    clients: Mutex<Vec<Client>>,
}

impl Events {
    /// Takes over the connection of `request` as an event stream.
    pub fn subscribe(&self, request: Request, snapshot: &Snapshot) {
        let mut clients = match self.clients.lock() {
            Ok(c) => c,
            Err(p) => p.into_inner(),
        };
        if clients.len() >= MAX_CLIENTS {
            let response =
                super::http::bytes_response(503, "text/plain; charset=utf-8", b"too many clients"[..].into());
            let _ = request.respond(response);
            return;
        }
        let mut writer = request.into_writer();
        let mut head = String::from(
            "HTTP/1.1 200 OK\r\nContent-Type: text/event-stream; charset=utf-8\r\nCache-Control: no-store\r\n\
             X-Content-Type-Options: nosniff\r\nConnection: keep-alive\r\n\r\nretry: 1000\n\n",
        );
        if !snapshot.errors.is_empty() {
            head.push_str(&message("failed", &failed_data(&snapshot.errors)));
        }
        if writer.write_all(head.as_bytes()).and_then(|_| writer.flush()).is_ok() {
            clients.push(writer);
        }
    }

    /// Sends an event to every client, dropping those that went away.
    pub fn send(&self, event: &str, data: &str) {
        self.broadcast(&message(event, data));
    }

    /// A comment line that keeps proxies from timing the stream out and finds dead clients.
    pub fn ping(&self) {
        self.broadcast(": ping\n\n");
    }

    fn broadcast(&self, text: &str) {
        let mut clients = match self.clients.lock() {
            Ok(c) => c,
            Err(p) => p.into_inner(),
        };
        clients.retain_mut(|w| w.write_all(text.as_bytes()).and_then(|_| w.flush()).is_ok());
    }
}

/// The JSON payload of a `failed` event.
pub fn failed_data(errors: &[String]) -> String {
    serde_json::json!({ "errors": errors }).to_string()
}

fn message(event: &str, data: &str) -> String {
    let mut out = format!("event: {event}\n");
    for line in data.lines() {
        out.push_str("data: ");
        out.push_str(line);
        out.push('\n');
    }
    out.push('\n');
    out
}
