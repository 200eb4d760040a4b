//! `prongsai` started without a command: usually a double-click on `prongsai.exe`, whose
//! console window would otherwise show a usage error and close at once. It says, in Thai and
//! English, what prongsai is and what to type, and offers the next step for the folder it was
//! started in: preview the portal there (or the `my-portal` folder it made before), or create
//! `my-portal` and preview it. Without a terminal to answer it only prints the guide. On
//! Windows, when the console is prongsai's own (a double-click), it waits for Enter before the
//! window closes, so a message is never lost.

use std::io::{BufRead, IsTerminal};
use std::path::{Path, PathBuf};

/// The folder a double-click creates and later previews.
pub const PORTAL_FOLDER: &str = "my-portal";

/// What starting prongsai in a folder offers to do.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Next {
    /// Preview the portal in this folder.
    Serve(PathBuf),
    /// Create a portal in this folder, then preview it.
    Create(PathBuf),
}

/// The step offered in `dir`.
pub fn next_step(dir: &Path) -> Next {
    let nearby = dir.join(PORTAL_FOLDER);
    if dir.join(crate::config::CONFIG_FILE).is_file() {
        Next::Serve(dir.to_path_buf())
    } else if nearby.join(crate::config::CONFIG_FILE).is_file() {
        Next::Serve(nearby)
    } else {
        Next::Create(nearby)
    }
}

/// The text printed first: what prongsai is and the commands.
pub fn guide() -> String {
    String::from(
        "prongsai (โปร่งใส) สร้างเว็บไซต์เปิดเผยข้อมูล ITA จากไฟล์ Markdown\n\
         prongsai builds a Thai ITA transparency portal from Markdown files.\n\
         \n\
         prongsai เป็นโปรแกรมบรรทัดคำสั่ง: เปิด Command Prompt หรือ Terminal ในโฟลเดอร์นี้แล้วพิมพ์\n\
         It is a command-line program: open a Command Prompt or Terminal in this folder and type\n\
         \n\
         \x20 prongsai init my-portal --name \"ชื่อหน่วยงาน\"   สร้างพอร์ทัลใหม่ (create a portal)\n\
         \x20 prongsai --root my-portal serve --open        ดูตัวอย่าง (preview it in the browser)\n\
         \x20 prongsai --root my-portal check               ตรวจเนื้อหา (find mistakes)\n\
         \x20 prongsai --root my-portal build               สร้างเว็บไซต์ลง public/ (build the site)\n\
         \x20 prongsai --help                               คำสั่งทั้งหมด (every command)\n",
    )
}

/// The offer, for a terminal that can answer it.
pub fn offer(next: &Next) -> String {
    let shown = |dir: &Path| {
        std::path::absolute(dir)
            .unwrap_or_else(|_| dir.to_path_buf())
            .display()
            .to_string()
    };
    let mut out = String::from("\n");
    match next {
        Next::Serve(dir) => out.push_str(&format!(
            "กด Enter เพื่อเปิดดูตัวอย่างพอร์ทัลใน {} ในเบราว์เซอร์\n\
             Press Enter to preview the portal in {} in your browser.\n",
            shown(dir),
            shown(dir)
        )),
        Next::Create(dir) => out.push_str(&format!(
            "กด Enter เพื่อสร้างพอร์ทัลใหม่ที่ {} แล้วเปิดดูตัวอย่างในเบราว์เซอร์\n\
             Press Enter to create a new portal in {} and preview it in your browser.\n",
            shown(dir),
            shown(dir)
        )),
    }
    out.push_str("พิมพ์ n แล้วกด Enter หรือปิดหน้าต่างเพื่อยกเลิก (type n and Enter, or close the window, to cancel)\n");
    out
}

/// Whether the answer read from `input` accepts the offer: an empty line (or `y`) does; `n`,
/// anything else and the end of the input do not.
pub fn accepts(input: &mut impl BufRead) -> bool {
    let mut line = String::new();
    match input.read_line(&mut line) {
        Ok(0) | Err(_) => false,
        Ok(_) => matches!(line.trim().to_lowercase().as_str(), "" | "y" | "yes" | "ใช่"),
    }
}

/// Runs the welcome in `dir`; returns the exit code (2, a usage error, when nothing was run).
pub fn run(dir: &Path) -> u8 {
    let next = next_step(dir);
    eprint!("{}", guide());
    let interactive = std::io::stdin().is_terminal();
    if interactive {
        eprint!("{}", offer(&next));
    }
    let code = if interactive && accepts(&mut std::io::stdin().lock()) {
        act(&next)
    } else {
        2
    };
    pause_if_own_console();
    code
}

fn act(next: &Next) -> u8 {
    let dir = match next {
        Next::Serve(dir) => dir.clone(),
        Next::Create(dir) => {
            if super::init::run(dir, None, None) != 0 {
                return 1;
            }
            dir.clone()
        }
    };
    let args = crate::serve::Args {
        port: 1111,
        bind: "127.0.0.1".to_string(),
        poll: false,
        open: true,
        drafts: false,
    };
    crate::serve::run(&dir, &args)
}

/// Waits for Enter when the console window is prongsai's own (started by a double-click),
/// which closes as soon as prongsai exits.
fn pause_if_own_console() {
    if own_console() {
        eprintln!("กด Enter เพื่อปิดหน้าต่างนี้ (press Enter to close this window)");
        let _ = std::io::stdin().lock().read_line(&mut String::new());
    }
}

/// Whether prongsai is the only process of its console: a double-clicked program is, one
/// started from a Command Prompt shares the console with it.
#[cfg(windows)]
fn own_console() -> bool {
    #[link(name = "kernel32")]
    extern "system" {
        fn GetConsoleProcessList(process_list: *mut u32, process_count: u32) -> u32;
    }
    let mut ids = [0u32; 2];
    // SAFETY: the buffer holds `ids.len()` process ids, the count passed.
    let count = unsafe { GetConsoleProcessList(ids.as_mut_ptr(), ids.len() as u32) };
    count == 1
}

#[cfg(not(windows))]
fn own_console() -> bool {
    false
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_offer_follows_the_folder() {
        let dir = tempfile::tempdir().expect("temp");
        let root = dir.path();
        assert_eq!(next_step(root), Next::Create(root.join(PORTAL_FOLDER)));
        std::fs::create_dir_all(root.join(PORTAL_FOLDER)).expect("mkdir");
        std::fs::write(root.join(PORTAL_FOLDER).join("prongsai.toml"), "").expect("write");
        assert_eq!(next_step(root), Next::Serve(root.join(PORTAL_FOLDER)));
        std::fs::write(root.join("prongsai.toml"), "").expect("write");
        assert_eq!(next_step(root), Next::Serve(root.to_path_buf()));
    }

    #[test]
    fn enter_accepts_and_anything_else_cancels() {
        for (input, accepted) in [
            ("\n", true),
            ("\r\n", true),
            ("y\n", true),
            ("n\n", false),
            ("q\n", false),
            ("", false),
        ] {
            assert_eq!(accepts(&mut input.as_bytes()), accepted, "{input:?}");
        }
    }

    #[test]
    fn the_guide_is_thai_and_english() {
        let text = offer(&Next::Create(PathBuf::from("my-portal")));
        assert!(text.contains("กด Enter เพื่อสร้างพอร์ทัลใหม่"), "{text}");
        assert!(
            text.contains("Press Enter to create a new portal in /"),
            "an absolute path: {text}"
        );
        assert!(offer(&Next::Serve(PathBuf::from("."))).contains("Press Enter to preview"));
        assert!(guide().contains("prongsai init my-portal") && guide().contains("serve --open"));
    }
}
