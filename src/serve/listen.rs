//! The listening socket and what keeps it alive.
//!
//! tiny_http 0.12 runs one accept thread per server; that thread stops for good when
//! `accept` fails (EMFILE pushes an error) or panics (EMFILE while cloning the new stream).
//! We hold our own clone of the listening socket, so the port stays open, and a watchdog
//! probes the server every few seconds; when the accept loop is gone a new server takes
//! over the same socket. The old server's pump keeps forwarding whatever its accept thread
//! still delivers: a probe can time out on a busy machine while that thread is alive, and a
//! server whose requests nobody reads would hang every connection the kernel gives it.
//! At start-up the soft limit on open files is raised to the hard limit.

use std::io::{Read, Write};
use std::net::{IpAddr, Ipv4Addr, SocketAddr, TcpListener, TcpStream};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::mpsc::{self, Receiver, Sender};
use std::sync::{Arc, Mutex};
use std::thread;
use std::time::{Duration, Instant};

use tiny_http::{Request, Server};

use super::state::State;
use crate::diag::Diagnostic;

/// Request workers. Responses come from memory, so workers are busy only while a slow
/// client drains a large file.
pub const WORKERS: usize = 32;
pub const HEALTH: &str = "/__prongsai/health";
const PROBE_EVERY: Duration = Duration::from_secs(1);
const PROBE_TIMEOUT: Duration = Duration::from_secs(2);

/// Binds `ip:port`; a busy port or a bad address is a clear error.
pub fn bind(ip: IpAddr, port: u16) -> Result<TcpListener, Diagnostic> {
    let listener = TcpListener::bind(SocketAddr::new(ip, port)).map_err(|e| {
        let (message, help) = match e.kind() {
            std::io::ErrorKind::AddrInUse => (
                format!("พอร์ต {port} ถูกโปรแกรมอื่นใช้อยู่ (port {port} is already in use)"),
                format!(
                    "stop the other program or choose another port: prongsai serve --port {} (เลือกพอร์ตอื่น)",
                    port.wrapping_add(1).max(1024)
                ),
            ),
            std::io::ErrorKind::AddrNotAvailable => (
                format!("ไม่มีที่อยู่ {ip} ในเครื่องนี้ (address {ip} is not on this machine)"),
                "use --bind 127.0.0.1 (the default)".to_string(),
            ),
            std::io::ErrorKind::PermissionDenied => (
                format!("ไม่มีสิทธิ์ใช้พอร์ต {port} (permission denied for port {port})"),
                "ports below 1024 need administrator rights; use --port 1111".to_string(),
            ),
            _ => (
                format!("เปิดพอร์ต {port} ไม่ได้ (cannot listen on {ip}:{port}): {e}"),
                String::new(),
            ),
        };
        let d = Diagnostic::new(&crate::rules::serve_bind::RULE, message);
        if help.is_empty() {
            d
        } else {
            d.with_help(help)
        }
    })?;
    tune(&listener);
    Ok(listener)
}

/// Socket settings tiny_http does not make:
/// - std listens with a backlog of 128: a browser's burst of connections, or a load test's,
///   beyond that waits for SYN retransmits (1 s, then 3 s) before the server even sees it.
///   Listening again on Linux and the BSDs only changes the backlog (capped at `somaxconn`).
/// - tiny_http writes a response's head and body separately; with Nagle's algorithm the body
///   then waits for the client's delayed ACK, 40 ms on every keep-alive request. Accepted
///   sockets inherit `TCP_NODELAY` from the listening one on Linux.
fn tune(listener: &TcpListener) {
    #[cfg(unix)]
    {
        use std::os::fd::AsRawFd;
        let fd = listener.as_raw_fd();
        let on: libc::c_int = 1;
        // SAFETY: plain socket options on our own listening socket; on failure the defaults
        // stay, which only costs speed.
        unsafe {
            libc::listen(fd, 1024);
            libc::setsockopt(
                fd,
                libc::IPPROTO_TCP,
                libc::TCP_NODELAY,
                std::ptr::addr_of!(on).cast(),
                std::mem::size_of::<libc::c_int>() as libc::socklen_t,
            );
        }
    }
    #[cfg(not(unix))]
    let _ = listener;
}

/// Raises the soft limit on open files to the hard limit; returns the new soft limit.
#[cfg(unix)]
#[allow(clippy::unnecessary_cast)] // rlim_t is not u64 on every unix
pub fn raise_fd_limit() -> Option<u64> {
    // SAFETY: getrlimit/setrlimit only read and write the struct we pass.
    unsafe {
        let mut limit = libc::rlimit {
            rlim_cur: 0,
            rlim_max: 0,
        };
        if libc::getrlimit(libc::RLIMIT_NOFILE, &mut limit) != 0 {
            return None;
        }
        // macOS refuses values above OPEN_MAX even when the hard limit is "unlimited"
        let target = if cfg!(target_os = "macos") {
            limit.rlim_max.min(10_240)
        } else {
            limit.rlim_max
        };
        if limit.rlim_cur < target {
            let raised = libc::rlimit {
                rlim_cur: target,
                rlim_max: limit.rlim_max,
            };
            if libc::setrlimit(libc::RLIMIT_NOFILE, &raised) == 0 {
                return Some(target as u64);
            }
        }
        Some(limit.rlim_cur as u64)
    }
}

#[cfg(not(unix))]
pub fn raise_fd_limit() -> Option<u64> {
    None
}

/// Serves `listener` with `state` on background threads, for as long as the process runs.
pub fn spawn(listener: TcpListener, state: Arc<State>) -> std::io::Result<SocketAddr> {
    let addr = listener.local_addr()?;
    let (tx, rx) = mpsc::channel::<Request>();
    let rx = Arc::new(Mutex::new(rx));
    for i in 0..WORKERS {
        let rx = rx.clone();
        let state = state.clone();
        thread::Builder::new()
            .name(format!("serve-worker-{i}"))
            .spawn(move || worker(&rx, &state))?;
    }
    let probe_addr = probe_address(addr);
    thread::Builder::new()
        .name("serve-supervisor".into())
        .spawn(move || supervise(&listener, probe_addr, &tx))?;
    Ok(addr)
}

fn worker(rx: &Mutex<Receiver<Request>>, state: &State) {
    loop {
        let next = match rx.lock() {
            Ok(r) => r.recv(),
            Err(_) => return,
        };
        match next {
            Ok(request) => super::http::handle(request, state),
            Err(_) => return,
        }
    }
}

/// Where the watchdog connects: the bound address, or loopback for a wildcard bind.
fn probe_address(addr: SocketAddr) -> SocketAddr {
    match addr.ip() {
        IpAddr::V4(ip) if ip.is_unspecified() => SocketAddr::new(IpAddr::V4(Ipv4Addr::LOCALHOST), addr.port()),
        IpAddr::V6(ip) if ip.is_unspecified() => {
            SocketAddr::new(IpAddr::V6(std::net::Ipv6Addr::LOCALHOST), addr.port())
        }
        _ => addr,
    }
}

fn supervise(listener: &TcpListener, probe_addr: SocketAddr, tx: &Sender<Request>) {
    let mut backoff = Duration::from_millis(50);
    loop {
        let started = Instant::now();
        match listener
            .try_clone()
            .map_err(|e| e.to_string())
            .and_then(|l| Server::from_listener(l, None).map_err(|e| e.to_string()))
        {
            Ok(server) => {
                let alive = Arc::new(AtomicBool::new(true));
                let server = Arc::new(server);
                let (s, a, t) = (server.clone(), alive.clone(), tx.clone());
                let spawned = thread::Builder::new()
                    .name("serve-pump".into())
                    .spawn(move || pump(&s, &a, &t));
                if spawned.is_ok() {
                    watch(&alive, probe_addr);
                }
                alive.store(false, Ordering::SeqCst);
                eprintln!(
                    "ตัวรับการเชื่อมต่อหยุดทำงาน กำลังเริ่มใหม่ (the accept loop stopped; restarting it — too many open connections?)"
                );
            }
            Err(e) => eprintln!("เริ่มตัวรับการเชื่อมต่อไม่ได้ (cannot start the accept loop): {e}"),
        }
        if started.elapsed() > Duration::from_secs(10) {
            backoff = Duration::from_millis(50);
        }
        thread::sleep(backoff);
        backoff = (backoff * 2).min(Duration::from_secs(2));
    }
}

/// Returns when the server's accept loop is known to be gone.
fn watch(alive: &AtomicBool, probe_addr: SocketAddr) {
    let mut failures = 0;
    loop {
        thread::sleep(PROBE_EVERY);
        if !alive.load(Ordering::SeqCst) {
            return;
        }
        match probe(probe_addr) {
            Probe::Answered => failures = 0,
            Probe::Unknown => {}
            Probe::Silent => {
                failures += 1;
                if failures >= 2 {
                    return;
                }
            }
        }
    }
}

/// Forwards the server's requests to the workers for as long as its accept thread may run.
/// An accept error ends that thread (tiny_http pushes the error, then stops), so the pump
/// stops too; after a panic in the accept thread it idles, one sleeping thread per restart.
fn pump(server: &Server, alive: &AtomicBool, tx: &Sender<Request>) {
    loop {
        match server.recv_timeout(Duration::from_secs(5)) {
            Ok(Some(request)) => {
                if tx.send(request).is_err() {
                    return;
                }
            }
            Ok(None) => {}
            Err(e) => {
                eprintln!("รับการเชื่อมต่อไม่ได้ (accept failed): {e}");
                alive.store(false, Ordering::SeqCst);
                return;
            }
        }
    }
}

enum Probe {
    Answered,
    /// Accepted but never answered: the accept loop is gone.
    Silent,
    /// Could not even try (no file handles left, say).
    Unknown,
}

fn probe(addr: SocketAddr) -> Probe {
    let mut stream = match TcpStream::connect_timeout(&addr, PROBE_TIMEOUT) {
        Ok(s) => s,
        // out of file handles ourselves: no verdict
        Err(e) if matches!(e.raw_os_error(), Some(23 | 24)) => return Probe::Unknown,
        // refused, or timed out because the backlog is full: nobody is accepting
        Err(_) => return Probe::Silent,
    };
    let _ = stream.set_read_timeout(Some(PROBE_TIMEOUT));
    let request = format!("GET {HEALTH} HTTP/1.0\r\nHost: {}\r\n\r\n", host_for(addr));
    if stream.write_all(request.as_bytes()).is_err() {
        return Probe::Unknown;
    }
    let mut buf = [0u8; 12];
    match stream.read(&mut buf) {
        Ok(n) if n > 0 => Probe::Answered,
        _ => Probe::Silent,
    }
}

fn host_for(addr: SocketAddr) -> String {
    match addr.ip() {
        IpAddr::V4(ip) => format!("{ip}:{}", addr.port()),
        IpAddr::V6(ip) => format!("[{ip}]:{}", addr.port()),
    }
}

/// The addresses other machines can reach a wildcard or LAN bind on, for the warning.
#[cfg(unix)]
pub fn reachable_addresses(bind: IpAddr) -> Vec<IpAddr> {
    if !bind.is_unspecified() {
        return vec![bind];
    }
    let mut out = Vec::new();
    // SAFETY: getifaddrs fills a linked list we walk read-only and free once.
    unsafe {
        let mut list: *mut libc::ifaddrs = std::ptr::null_mut();
        if libc::getifaddrs(&mut list) != 0 {
            return out;
        }
        let mut cur = list;
        while !cur.is_null() {
            let addr = (*cur).ifa_addr;
            if !addr.is_null() {
                match i32::from((*addr).sa_family) {
                    libc::AF_INET if bind.is_ipv4() => {
                        let sin = &*(addr as *const libc::sockaddr_in);
                        out.push(IpAddr::V4(Ipv4Addr::from(u32::from_be(sin.sin_addr.s_addr))));
                    }
                    libc::AF_INET6 if bind.is_ipv6() => {
                        let sin6 = &*(addr as *const libc::sockaddr_in6);
                        out.push(IpAddr::V6(std::net::Ipv6Addr::from(sin6.sin6_addr.s6_addr)));
                    }
                    _ => {}
                }
            }
            cur = (*cur).ifa_next;
        }
        libc::freeifaddrs(list);
    }
    out.retain(|ip| !ip.is_loopback());
    out.sort();
    out.dedup();
    out
}

#[cfg(not(unix))]
pub fn reachable_addresses(bind: IpAddr) -> Vec<IpAddr> {
    vec![bind]
}
