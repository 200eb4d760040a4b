//! The book stays true: its reference pages are checked against the program. The CLI page
//! holds the real `--help` output; every key of `prongsai.toml` and of the front matter that
//! the parser accepts is documented (and nothing else); the template context and filters the
//! templates can use are documented; and every command of the Thai quick start is run.
//!
//! `PRONGSAI_BLESS=1` rewrites the `--help` blocks of `book/src/cli.md` after a CLI change.

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

use super::harness::{bin, SiteTest};

fn book(page: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("book/src").join(page)
}

fn read_book(page: &str) -> String {
    std::fs::read_to_string(book(page)).unwrap_or_else(|e| panic!("book/src/{page}: {e}"))
}

fn help_of(subcommand: &str) -> String {
    let mut cmd = bin();
    if !subcommand.is_empty() {
        cmd.arg(subcommand);
    }
    let out = cmd.arg("--help").output().expect("run prongsai --help");
    assert!(out.status.success(), "prongsai {subcommand} --help failed");
    String::from_utf8_lossy(&out.stdout).trim_end().to_string()
}

/// The `(marker, fenced block body)` pairs that follow `<!-- help: NAME -->` lines, with the
/// byte range of each body so it can be rewritten.
fn help_blocks(text: &str) -> Vec<(String, std::ops::Range<usize>)> {
    let mut blocks = Vec::new();
    let mut search = 0;
    while let Some(at) = text[search..].find("<!-- help:") {
        let start = search + at;
        let Some(close) = text[start..].find("-->") else { break };
        let name = text[start + "<!-- help:".len()..start + close].trim().to_string();
        let after = start + close;
        let Some(fence) = text[after..].find("```text\n") else {
            break;
        };
        let body_start = after + fence + "```text\n".len();
        let Some(end) = text[body_start..].find("```") else {
            break;
        };
        blocks.push((name, body_start..body_start + end));
        search = body_start + end + 3;
    }
    blocks
}

#[test]
fn cli_reference_is_the_programs_help() {
    let path = book("cli.md");
    let mut text = read_book("cli.md");
    let blocks = help_blocks(&text);
    let documented: BTreeSet<&str> = blocks.iter().map(|(n, _)| n.as_str()).collect();
    let top = help_of("");
    let mut commands: BTreeSet<&str> = top
        .lines()
        .skip_while(|l| !l.starts_with("Commands:"))
        .skip(1)
        .take_while(|l| l.starts_with("  "))
        .filter_map(|l| l.split_whitespace().next())
        .filter(|c| *c != "help")
        .collect();
    commands.insert("");
    assert_eq!(
        documented, commands,
        "book/src/cli.md must have a help block for every command"
    );

    let bless = std::env::var_os("PRONGSAI_BLESS").is_some();
    let mut stale = Vec::new();
    for (name, range) in blocks.into_iter().rev() {
        let help = format!("{}\n", help_of(&name));
        if text[range.clone()] != help {
            stale.push(if name.is_empty() { "prongsai".to_string() } else { name });
            text.replace_range(range, &help);
        }
    }
    if bless {
        std::fs::write(&path, text).expect("write book/src/cli.md");
    } else {
        assert!(
            stale.is_empty(),
            "book/src/cli.md is out of date for {stale:?}: run with PRONGSAI_BLESS=1 and review"
        );
    }
}

/// The keys listed in the first column of the table after `<!-- keys: NAME -->`.
fn documented_keys(text: &str, table: &str) -> Option<BTreeSet<String>> {
    let marker = format!("<!-- keys: {table} -->");
    let start = text.find(&marker)? + marker.len();
    let keys = text[start..]
        .lines()
        .skip_while(|l| l.trim().is_empty())
        .take_while(|l| l.starts_with('|'))
        .skip(2) // header and separator rows
        .filter_map(|row| {
            let first = row.trim_start_matches('|').split('|').next()?.trim();
            let key = first.strip_prefix('`')?.split('`').next()?;
            Some(key.trim_start_matches('[').trim_end_matches(']').to_string())
        })
        .collect();
    Some(keys)
}

#[test]
fn every_key_the_parser_accepts_is_documented() {
    let pages = [read_book("configuration.md"), read_book("front-matter.md")].join("\n");
    for table in prongsai::model::schema::tables() {
        let documented = documented_keys(&pages, table.name)
            .unwrap_or_else(|| panic!("no `<!-- keys: {} -->` table in the book", table.name));
        let accepted: BTreeSet<String> = table.keys.iter().map(|k| k.to_string()).collect();
        assert_eq!(documented, accepted, "keys of {} in the book vs the parser", table.name);
    }
}

#[test]
fn the_template_context_is_documented() {
    use prongsai::site::{BuildOptions, Site};
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let site = Site::load(root, BuildOptions::default()).unwrap_or_else(|d| panic!("{d:?}"));
    let index = site
        .pages
        .iter()
        .position(|p| p.kind == prongsai::model::PageKind::Measure)
        .expect("a measure page");
    let body = prongsai::site::body::Body::reload(&site, index).unwrap_or_else(|d| panic!("{d:?}"));
    let context = serde_json::to_value(site.context(index, &body)).expect("context as JSON");
    let text = read_book("templates.md");
    for (table, value) in [
        ("context", &context),
        ("page", &context["page"]),
        ("config", &context["config"]),
    ] {
        let keys: BTreeSet<String> = value.as_object().expect("an object").keys().cloned().collect();
        let documented = documented_keys(&text, table)
            .unwrap_or_else(|| panic!("no `<!-- keys: {table} -->` table in templates.md"));
        assert_eq!(documented, keys, "template context `{table}` in the book vs the code");
    }
}

/// The filters and functions registered in `src/`, read from the source, so a new one without
/// a line in the book fails here.
fn registered_helpers() -> BTreeSet<String> {
    let mut names = BTreeSet::new();
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    for entry in walkdir::WalkDir::new(src).into_iter().filter_map(Result::ok) {
        if entry.path().extension().is_none_or(|e| e != "rs") {
            continue;
        }
        let text = std::fs::read_to_string(entry.path()).unwrap_or_default();
        for call in ["register_filter(\"", "register_function(\""] {
            for part in text.split(call).skip(1) {
                if let Some(name) = part.split('"').next() {
                    names.insert(name.to_string());
                }
            }
        }
    }
    names
}

#[test]
fn every_template_helper_is_documented() {
    let text = read_book("templates.md");
    let documented = documented_keys(&text, "helpers").expect("a `<!-- keys: helpers -->` table");
    let registered = registered_helpers();
    assert!(registered.contains("url") && registered.contains("thai_digits"));
    assert_eq!(documented, registered, "template helpers in the book vs the code");
}

/// Splits a quick-start command line into words: double quotes group, nothing else is special.
fn words(line: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut current = String::new();
    let mut quoted = false;
    let mut any = false;
    for c in line.chars() {
        match c {
            '"' => {
                quoted = !quoted;
                any = true;
            }
            c if c.is_whitespace() && !quoted => {
                if any {
                    out.push(std::mem::take(&mut current));
                    any = false;
                }
            }
            c => {
                current.push(c);
                any = true;
            }
        }
    }
    if any {
        out.push(current);
    }
    out
}

/// Every `sh` block of the Thai quick start is run, in order, in an empty folder, and every
/// file it tells the reader to write (a fenced block after `<!-- file: PATH -->`) is written
/// first. `prongsai serve` is started, asked for a page and stopped. Commands other than
/// prongsai, cd and git are not run: `cargo install` is what built the binary under test.
#[test]
fn the_thai_quick_start_works_as_written() {
    let text = read_book("quick-start-th.md");
    let site = SiteTest::empty();
    let mut cwd = site.root().to_path_buf();
    let mut ran = Vec::new();
    let mut lines = text.lines().peekable();
    let mut pending_file: Option<String> = None;
    while let Some(line) = lines.next() {
        if let Some(path) = line.trim().strip_prefix("<!-- file:") {
            pending_file = Some(path.trim_end_matches("-->").trim().to_string());
            continue;
        }
        let Some(info) = line.trim().strip_prefix("```") else {
            continue;
        };
        let body: Vec<&str> = lines.by_ref().take_while(|l| l.trim() != "```").collect();
        let indent = line.len() - line.trim_start().len();
        let body: Vec<&str> = body.iter().map(|l| l.get(indent..).unwrap_or("").trim_end()).collect();
        if let Some(path) = pending_file.take() {
            let target = cwd.join(&path);
            std::fs::create_dir_all(target.parent().expect("parent")).expect("mkdir");
            std::fs::write(&target, body.join("\n") + "\n").expect("write file");
            continue;
        }
        if info != "sh" {
            continue;
        }
        for command in body {
            let command = command.split(" #").next().unwrap_or("").trim();
            let w = words(command);
            let Some(program) = w.first() else { continue };
            match program.as_str() {
                "cd" => cwd = cwd.join(&w[1]),
                "prongsai" if w.get(1).map(String::as_str) == Some("serve") => {
                    serve_answers(&cwd, &w[2..]);
                    ran.push(command.to_string());
                }
                "prongsai" => {
                    let out = bin().current_dir(&cwd).args(&w[1..]).output().expect("run prongsai");
                    assert!(
                        out.status.success(),
                        "`{command}` failed:\n{}",
                        String::from_utf8_lossy(&out.stderr)
                    );
                    ran.push(command.to_string());
                }
                "git" => {
                    let out = std::process::Command::new("git")
                        .current_dir(&cwd)
                        .args(&w[1..])
                        .env("GIT_AUTHOR_NAME", "t")
                        .env("GIT_AUTHOR_EMAIL", "t@example.org")
                        .env("GIT_COMMITTER_NAME", "t")
                        .env("GIT_COMMITTER_EMAIL", "t@example.org")
                        .output()
                        .expect("run git");
                    assert!(out.status.success(), "`{command}` failed: {out:?}");
                    ran.push(command.to_string());
                }
                "cargo" => assert!(command.starts_with("cargo install"), "unexpected `{command}`"),
                other => panic!("the quick start runs `{other}`, which this test does not know"),
            }
        }
    }
    assert!(pending_file.is_none(), "a `<!-- file: -->` marker without a block");
    for expected in ["init", "build", "serve", "check"] {
        assert!(
            ran.iter().any(|c| c.split_whitespace().any(|w| w == expected)),
            "the quick start never runs `prongsai {expected}`: {ran:?}"
        );
    }
    // The page the reader wrote is published, with its measure number and its O-item.
    let portal = cwd;
    let plan = std::fs::read_to_string(portal.join("public/2568/measures/02-complaints/index.html"))
        .expect("the measure written in the quick start is published");
    assert!(plan.contains("ช่องทางแจ้งเรื่องร้องเรียน"), "{plan}");
    let item = std::fs::read_to_string(portal.join("public/2568/oit/o18/index.html"))
        .expect("the O-item page written in the quick start is published");
    assert!(item.contains("ช่องทางแจ้งเรื่องร้องเรียน"), "the official O18 title: {item}");
    assert!(portal.join("public/index.html").exists());
}

/// Starts `prongsai serve` on a free port in `dir`, asks for `/`, then stops it.
fn serve_answers(dir: &Path, extra: &[String]) {
    use std::io::{BufRead, BufReader, Read, Write};
    let mut child = bin()
        .current_dir(dir)
        .args(["serve", "--port", "0"])
        .args(extra)
        .stderr(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .spawn()
        .expect("start serve");
    let stderr = child.stderr.take().expect("stderr");
    let mut address = None;
    for line in BufReader::new(stderr).lines().map_while(Result::ok) {
        if let Some(at) = line.find("http://127.0.0.1:") {
            let rest = &line[at + "http://127.0.0.1:".len()..];
            address = rest.split('/').next().map(|p| format!("127.0.0.1:{p}"));
            break;
        }
    }
    let address = address.expect("serve prints its address");
    let mut stream = std::net::TcpStream::connect(&address).expect("connect");
    write!(stream, "GET / HTTP/1.1\r\nHost: {address}\r\nConnection: close\r\n\r\n").expect("send");
    let mut response = String::new();
    let _ = stream.read_to_string(&mut response);
    let _ = child.kill();
    let _ = child.wait();
    assert!(response.starts_with("HTTP/1.1 200"), "{response}");
}

/// The codemap in `src/lib.rs` names every module of the crate, and lists them in an order
/// the code keeps: a module uses (`crate::x`) only modules on its own row or above it.
#[test]
fn the_codemap_names_every_module_in_dependency_order() {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let lib = std::fs::read_to_string(src.join("lib.rs")).expect("lib.rs");
    let declared: BTreeSet<String> = lib
        .lines()
        .filter_map(|l| l.strip_prefix("pub mod "))
        .map(|m| m.trim_end_matches(';').to_string())
        .collect();
    // row of each module in the table
    let mut row_of = std::collections::BTreeMap::new();
    let rows = lib.lines().filter(|l| l.starts_with("//! | [`"));
    for (row, line) in rows.enumerate() {
        let names = line.split('|').nth(1).unwrap_or_default();
        for name in names.split(',') {
            let name = name.trim().trim_start_matches("[`").trim_end_matches("`]");
            row_of.insert(name.to_string(), row);
        }
    }
    let listed: BTreeSet<String> = row_of.keys().cloned().collect();
    assert_eq!(listed, declared, "modules in the codemap vs `pub mod` in lib.rs");
    let mut wrong = Vec::new();
    for module in &declared {
        let file = src.join(format!("{module}.rs"));
        let files: Vec<PathBuf> = if file.is_file() {
            vec![file]
        } else {
            walkdir::WalkDir::new(src.join(module))
                .into_iter()
                .filter_map(Result::ok)
                .filter(|e| e.path().extension().is_some_and(|x| x == "rs"))
                .map(|e| e.into_path())
                .collect()
        };
        for file in files {
            let text = std::fs::read_to_string(&file).expect("read");
            // the unit tests at the end of a file may use anything
            let code = text.split("#[cfg(test)]\nmod tests").next().unwrap_or_default();
            for (at, _) in code.match_indices("crate::") {
                let used: String = code[at + 7..]
                    .chars()
                    .take_while(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || *c == '_')
                    .collect();
                let line_start = code[..at].rfind('\n').map_or(0, |i| i + 1);
                if code[line_start..at].trim_start().starts_with("//") {
                    continue; // a doc comment naming a module is not a use
                }
                if let (Some(&mine), Some(&theirs)) = (row_of.get(module), row_of.get(&used)) {
                    if theirs > mine {
                        wrong.push(format!("{} uses crate::{used}", file.display()));
                    }
                }
            }
        }
    }
    wrong.sort();
    wrong.dedup();
    assert!(
        wrong.is_empty(),
        "uses against the codemap's order:\n{}",
        wrong.join("\n")
    );
}

/// The keys of the `ita` object templates see, per kind, in the example portal.
fn ita_keys_by_kind() -> std::collections::BTreeMap<String, BTreeSet<String>> {
    use prongsai::site::{BuildOptions, Site};
    let repo = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut portals = vec![repo.to_path_buf()];
    for entry in std::fs::read_dir(repo.join("tests/fixtures"))
        .expect("fixtures")
        .flatten()
    {
        let name = entry.file_name().to_string_lossy().to_string();
        if name.starts_with("kind-") && entry.path().join("prongsai.toml").is_file() {
            portals.push(entry.path());
        }
    }
    let mut out: std::collections::BTreeMap<String, BTreeSet<String>> = Default::default();
    for root in portals {
        let site = Site::load(&root, BuildOptions::default()).unwrap_or_else(|d| panic!("{d:?}"));
        for (i, page) in site.pages.iter().enumerate() {
            let view = site.ita_view(i);
            let Some(object) = view.as_object() else { continue };
            let name = if page.path.is_empty() {
                "home".to_string()
            } else if page.is_section && page.kind == prongsai::model::PageKind::Page {
                "year".to_string()
            } else {
                page.kind.as_str().to_string()
            };
            out.entry(name).or_default().extend(object.keys().cloned());
        }
    }
    out
}

#[test]
fn the_ita_data_of_every_kind_is_documented() {
    let text = read_book("templates.md");
    let found = ita_keys_by_kind();
    for kind in [
        "o-item",
        "measure",
        "analysis",
        "plan",
        "report",
        "memo",
        "year",
        "home",
        "oit-catalog",
    ] {
        let keys = found
            .get(kind)
            .unwrap_or_else(|| panic!("no `{kind}` page in the portals read"));
        let table = format!("ita.{kind}");
        let documented = documented_keys(&text, &table)
            .unwrap_or_else(|| panic!("no `<!-- keys: {table} -->` table in templates.md"));
        assert_eq!(&documented, keys, "`ita` of {kind} pages in the book vs the code");
    }
}
