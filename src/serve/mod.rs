//! `prongsai serve`: the site built in memory and served on loopback, rebuilt as sources
//! change, with live reload over Server-Sent Events. No async runtime: tiny_http, a few
//! threads and a watcher (typst-cli's server is the model).
//!
//! - `resolve`: request targets → site keys, strictly (the disk is never touched)
//! - `access`: the Host/Origin allow-list against DNS rebinding
//! - `http`: one request → one response, script and overlay injection
//! - `events`: the live-reload stream
//! - `listen`: the socket, the worker pool and the watchdog that keeps accepting
//! - `watch`: file-system events, batched and classified
//! - `rebuild`: full and incremental rebuilds in memory
//! - `guard`: copied files judged again by `source::symlinks` at request time

pub mod access;
pub mod events;
pub mod guard;
pub mod http;
pub mod listen;
pub mod rebuild;
pub mod resolve;
pub mod state;
pub mod watch;

use std::net::IpAddr;
use std::path::Path;
use std::sync::Arc;
use std::time::{Duration, Instant};

use crate::diag::print::{print_build_diagnostics, print_diagnostics, print_lines, stderr_color, Format};
use crate::diag::Diagnostic;
use crate::site::BuildOptions;
use rebuild::{Outcome, Rebuilder};
use state::{Snapshot, State};
use watch::{Changes, SourceWatcher};

#[derive(Debug, Clone)]
pub struct Args {
    pub port: u16,
    pub bind: String,
    pub poll: bool,
    pub open: bool,
    pub drafts: bool,
}

/// Runs until interrupted; returns the exit code when it cannot start.
pub fn run(root: &Path, args: &Args) -> u8 {
    match serve(root, args) {
        Ok(()) => 0,
        Err(d) => {
            print_diagnostics(&d, Format::Human);
            1
        }
    }
}

fn serve(root: &Path, args: &Args) -> Result<(), Vec<Diagnostic>> {
    let ip: IpAddr = args.bind.trim_matches(['[', ']']).parse().map_err(|_| {
        vec![Diagnostic::new(
            &crate::rules::serve_bind::RULE,
            format!("`{}` ไม่ใช่ที่อยู่ IP (is not an IP address)", args.bind),
        )
        .with_help("use --bind 127.0.0.1 (the default) or --bind 0.0.0.0 to allow other machines")]
    })?;
    listen::raise_fd_limit();
    quiet_panics();
    let listener = listen::bind(ip, args.port).map_err(|d| vec![d])?;
    let port = listener.local_addr().map(|a| a.port()).unwrap_or(args.port);
    let shown = if ip.is_loopback() || ip.is_unspecified() {
        format!("http://127.0.0.1:{port}/")
    } else {
        match ip {
            IpAddr::V6(v6) => format!("http://[{v6}]:{port}/"),
            IpAddr::V4(v4) => format!("http://{v4}:{port}/"),
        }
    };
    let options = BuildOptions {
        drafts: args.drafts,
        base_url: Some(shown.clone()),
        index_html_links: false,
        source_date: crate::ops::source_date(),
    };

    let state = Arc::new(State::default());
    let mut rebuilder = Rebuilder::new(root, options);
    // pages reach the browser first; the search index and the checks of the pages follow
    // from a background thread (the first build makes its index itself)
    rebuilder.defer_search(true);
    let started = Instant::now();
    let first = rebuilder.full();
    set_guard(&state, root, &rebuilder);
    publish(&state, first, started, &[], true);

    listen::spawn(listener, state.clone()).map_err(|e| {
        vec![Diagnostic::new(
            &crate::rules::serve_bind::RULE,
            format!("เริ่มเซิร์ฟเวอร์ไม่ได้ (cannot start the server): {e}"),
        )]
    })?;
    let mut watcher = match SourceWatcher::start(root, args.poll) {
        Ok(watcher) => watcher,
        // out of inotify watches or instances: polling still reloads, so say why and go on
        Err(d) if !args.poll => {
            eprintln!("{}", d.human(false));
            eprintln!("คำเตือน: เปลี่ยนไปตรวจไฟล์ทุกครึ่งวินาทีแทน (warning: falling back to polling the disk every 0.5 s)");
            SourceWatcher::start(root, true).map_err(|d| vec![d])?
        }
        Err(d) => return Err(vec![d]),
    };
    if !ip.is_loopback() {
        let reachable: Vec<String> = listen::reachable_addresses(ip)
            .into_iter()
            .map(|a| match a {
                IpAddr::V6(v6) => format!("http://[{v6}]:{port}/"),
                IpAddr::V4(v4) => format!("http://{v4}:{port}/"),
            })
            .collect();
        eprintln!(
            "คำเตือน: เครื่องอื่นในเครือข่ายเปิดดูได้ (warning: other machines can reach this preview): {}",
            if reachable.is_empty() {
                "?".to_string()
            } else {
                reachable.join(" ")
            }
        );
    }
    eprintln!("ดูตัวอย่างได้ที่ {shown} (serving at {shown}) — กด Ctrl+C เพื่อหยุด (Ctrl+C to stop)");
    if args.open {
        open_browser(&shown);
    }
    let (search_tx, search_rx) = std::sync::mpsc::channel::<(u64, rebuild::Background)>();
    let background = background_pool();
    let mut searching = false;
    let mut queued: Option<rebuild::SearchJob> = rebuilder.take_search_job();
    // the check lines printed last, so the same problems are not printed after every save
    let mut last_checks: Vec<String> = Vec::new();
    let mut idle = Instant::now();
    loop {
        let wait = if searching {
            Duration::from_millis(50)
        } else {
            Duration::from_secs(15)
        };
        match watcher.next_batch(wait) {
            Ok(None) => {
                if idle.elapsed() >= Duration::from_secs(15) {
                    state.events.ping();
                    idle = Instant::now();
                }
            }
            Ok(Some(changes)) => {
                let started = Instant::now();
                let outcome = apply(&mut rebuilder, &changes);
                set_guard(&state, root, &rebuilder);
                let names: Vec<String> = changes.content.iter().cloned().collect();
                publish(&state, outcome, started, &names, false);
                if let Some(job) = rebuilder.take_search_job() {
                    queued = Some(job);
                }
            }
            Err(d) => return Err(vec![d]),
        }
        if let Ok((generation, done)) = search_rx.try_recv() {
            searching = false;
            if rebuilder.is_current(generation) {
                report_checks(&done.checks, &mut last_checks);
            }
            if let Some((files, _)) = done.index.and_then(|index| rebuilder.apply_search(generation, index)) {
                let previous = state.snapshot();
                state.publish(Snapshot {
                    files,
                    overlay: previous.overlay.clone(),
                    errors: previous.errors.clone(),
                });
            }
        }
        if !searching {
            if let Some(job) = queued.take() {
                searching = true;
                let tx = search_tx.clone();
                let run = move || {
                    let generation = job.generation;
                    let _ = tx.send((generation, job.run()));
                };
                match &background {
                    Some(pool) => pool.spawn(run),
                    None => {
                        std::thread::spawn(run);
                    }
                }
            }
        }
    }
}

/// The threads the search index and the checks of the pages are made on after a rebuild:
/// as many as the rebuild's own, each at a low scheduling priority, so on a small machine
/// this work gives the cores up to the answers to the browser and the next rebuild (on the
/// global pool) instead of sharing them. `None` if the threads cannot be started (the work
/// then runs on one thread of its own, on the global pool).
fn background_pool() -> Option<rayon::ThreadPool> {
    rayon::ThreadPoolBuilder::new()
        .num_threads(rayon::current_num_threads())
        .thread_name(|i| format!("prongsai-background-{i}"))
        .start_handler(|_| background_priority())
        .build()
        .ok()
}

/// Lowers the calling thread's scheduling priority.
fn background_priority() {
    #[cfg(target_os = "linux")]
    // SAFETY: setpriority on the calling thread (a thread id is a process id for Linux's
    // PRIO_PROCESS); failure only leaves the priority as it was.
    unsafe {
        let tid = libc::syscall(libc::SYS_gettid) as libc::id_t;
        libc::setpriority(libc::PRIO_PROCESS, tid, 10);
    }
}

/// Prints what the body and link rules found after a rebuild, when it is not what was
/// printed last: the problems and a count, or that they are gone.
fn report_checks(checks: &crate::diag::Collected, last: &mut Vec<String>) {
    let lines = checks.human_lines(false);
    if lines == *last {
        return;
    }
    let (errors, warnings) = (checks.errors(), checks.warnings());
    if errors + warnings == 0 {
        eprintln!("ตรวจลิงก์และเนื้อหาแล้ว ไม่พบปัญหา (links and pages checked: no problems)");
    } else {
        print_lines(&checks.human_lines(stderr_color()));
        let stops = if errors > 0 {
            " — prongsai build จะไม่ผ่านจนกว่าจะแก้ (prongsai build stops until they are fixed)"
        } else {
            ""
        };
        eprintln!(
            "ตรวจลิงก์และเนื้อหา: ข้อผิดพลาด {errors} คำเตือน {warnings}{stops} (links and pages: {errors} errors, {warnings} warnings)"
        );
    }
    *last = lines;
}

/// The request-time link check of the inputs the rebuilder holds (kept as it was while
/// the config cannot be read).
fn set_guard(state: &State, root: &Path, rebuilder: &Rebuilder) {
    if let Some(theme) = rebuilder.theme() {
        state.set_guard(guard::Guard::new(root, theme));
    }
}

/// Runs the rebuild a batch of changes needs.
pub fn apply(rebuilder: &mut Rebuilder, changes: &Changes) -> Result<Outcome, Vec<Diagnostic>> {
    if changes.full {
        rebuilder.full()
    } else {
        let changed: Vec<String> = changes.content.iter().cloned().collect();
        rebuilder.content_changed(&changed)
    }
}

/// Makes a rebuild's result what the server shows, and tells the browsers.
fn publish(state: &State, outcome: Result<Outcome, Vec<Diagnostic>>, started: Instant, names: &[String], first: bool) {
    let ms = started.elapsed().as_secs_f64() * 1000.0;
    let what = if names.is_empty() {
        String::new()
    } else {
        format!(" [{}]", names.join(", "))
    };
    match outcome {
        Ok(outcome) => {
            print_build_diagnostics(&outcome.warnings);
            eprintln!(
                "สร้างแล้ว {} หน้า (สร้างใหม่ {} หน้า) ใน {ms:.0} มิลลิวินาที{what} (built {} pages, {} rendered, in {ms:.0} ms)",
                outcome.pages, outcome.rendered, outcome.pages, outcome.rendered
            );
            let paths: Vec<String> = outcome.changed.iter().map(|p| format!("/{p}")).collect();
            state.publish(Snapshot {
                files: outcome.files,
                overlay: None,
                errors: Vec::new(),
            });
            if !first {
                state
                    .events
                    .send("reload", &serde_json::json!({ "changed": paths }).to_string());
            }
        }
        Err(diagnostics) => {
            print_build_diagnostics(&diagnostics);
            eprintln!("สร้างไม่สำเร็จ{what} ยังแสดงผลลัพธ์ล่าสุดที่สำเร็จ (build failed; still serving the last good build)");
            let lines: Vec<String> = diagnostics.iter().map(|d| d.human(false)).collect();
            let previous = state.snapshot();
            let files = if previous.files.is_empty() {
                placeholder()
            } else {
                previous.files.clone()
            };
            state.publish(Snapshot {
                files,
                overlay: Some(http::overlay_html(&lines)),
                errors: lines.clone(),
            });
            state.events.send("failed", &events::failed_data(&lines));
        }
    }
}

/// What is served before any build has succeeded: an empty page to carry the overlay.
fn placeholder() -> rebuild::Files {
    let page: Arc<[u8]> = Arc::from(
        &b"<!doctype html><html lang=\"th\"><head><meta charset=\"utf-8\"><title>prongsai</title></head><body></body></html>"[..],
    );
    [(Arc::from("index.html"), page.clone()), (Arc::from("404.html"), page)]
        .into_iter()
        .collect()
}

/// tiny_http's accept thread panics when file handles run out; the watchdog recovers, so
/// a one-line note replaces the backtrace.
fn quiet_panics() {
    std::panic::set_hook(Box::new(|info| {
        let message = info
            .payload()
            .downcast_ref::<String>()
            .map(String::as_str)
            .or_else(|| info.payload().downcast_ref::<&str>().copied())
            .unwrap_or("panic");
        let place = info
            .location()
            .map(|l| format!(" at {}:{}", l.file(), l.line()))
            .unwrap_or_default();
        eprintln!("ข้อผิดพลาดภายใน (internal error){place}: {message}");
    }));
}

/// Opens `url` in the default browser: `open` on macOS, `cmd /C start` on Windows (the empty
/// argument is the window title `start` expects first), `xdg-open` elsewhere. The opener is
/// waited for on a thread, so one that starts but finds no browser is reported too.
fn open_browser(url: &str) {
    let (program, args): (&str, Vec<&str>) = if cfg!(target_os = "macos") {
        ("open", vec![url])
    } else if cfg!(windows) {
        ("cmd", vec!["/C", "start", "", url])
    } else {
        ("xdg-open", vec![url])
    };
    let failed = move |url: &str| {
        eprintln!("เปิดเบราว์เซอร์ไม่ได้ เปิด {url} เอง (cannot open a browser; open {url} yourself)");
    };
    match std::process::Command::new(program)
        .args(&args)
        .stdin(std::process::Stdio::null())
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::null())
        .spawn()
    {
        Ok(mut child) => {
            let url = url.to_string();
            std::thread::spawn(move || {
                if !child.wait().is_ok_and(|status| status.success()) {
                    failed(&url);
                }
            });
        }
        Err(_) => failed(url),
    }
}
