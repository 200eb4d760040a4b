//! Symbolic links in a portal's source folders: the one place that decides whether a link is
//! followed. A portal is often cloned from someone else, and a link in it could otherwise
//! publish any file the builder's account can read (keys, other documents). The content
//! walk, the copy of `static/` and the theme, templates, catalogs and `serve` (again at
//! request time) all ask [`Symlinks`].
//!
//! A link is followed when its target, resolved with every link on the way, lies inside one
//! of the portal's source folders (`content/`, `static/`, `templates/`, `catalogs/`,
//! `themes/`) or inside a folder named in `allow_symlinks_to`, and no part of the target
//! below that folder is hidden (`.git`, `.env`). Anything else is refused: a target outside
//! (`symlink-outside`), a target that does not exist or a loop (`symlink-broken`). The
//! portal root itself is not a source folder: it holds `prongsai.toml`, `.git` and the
//! output, none of which is ever published.

use std::io;
use std::path::{Path, PathBuf};

use crate::diag::Diagnostic;
use crate::rules::{symlink_broken, symlink_outside};

/// The portal's source folders: what a build reads, and where links may lead.
pub const SOURCE_DIRS: &[&str] = &["content", "static", "templates", "catalogs", "themes"];

/// The link policy of one portal.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Symlinks {
    /// The portal root, as given (messages name files relative to it).
    root: PathBuf,
    /// The portal root with every link resolved.
    real_root: PathBuf,
    /// Where link targets may lie: the source folders (joined to the resolved root, not
    /// resolved themselves, so a linked `content/` does not vouch for its own target) and
    /// the allowed outside folders (resolved).
    bases: Vec<PathBuf>,
}

/// Why a link is not followed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Refused {
    /// The target lies outside the source folders and the allowed folders.
    Outside { target: String },
    /// The target lies in a hidden file or folder (`.git`, `.env`).
    Hidden { target: String },
    /// The target does not exist.
    Dangling { target: String },
    /// Following the link never ends: a chain of links that comes back, or a folder link to
    /// a folder that holds the link.
    Loop { target: String },
}

impl Symlinks {
    /// The policy of the portal at `root` with the allowed outside folders `allowed`
    /// (relative ones are relative to `root`; ones that cannot be resolved allow nothing —
    /// `Config::load` has reported them).
    pub fn new(root: &Path, allowed: &[PathBuf]) -> Symlinks {
        let real_root = std::fs::canonicalize(root).unwrap_or_else(|_| root.to_path_buf());
        let mut bases: Vec<PathBuf> = SOURCE_DIRS.iter().map(|d| real_root.join(d)).collect();
        bases.extend(allowed.iter().filter_map(|a| std::fs::canonicalize(root.join(a)).ok()));
        Symlinks {
            root: root.to_path_buf(),
            real_root,
            bases,
        }
    }

    /// Checks `path` (below the portal root) when it is itself a symbolic link: what a walk
    /// does for each entry it meets. `Ok` for anything that is not a link.
    pub fn check_entry(&self, path: &Path) -> Result<(), Diagnostic> {
        if !is_link(path) {
            return Ok(());
        }
        self.resolve(path)
            .map(|_| ())
            .map_err(|why| self.diagnostic(path, &why))
    }

    /// Checks `path` and every folder on the way to it from the portal root: for a file
    /// named from outside a walk (a changed file `serve` reads again, a request).
    pub fn check_path(&self, path: &Path) -> Result<(), Diagnostic> {
        let mut links = Vec::new();
        let mut current = Some(path);
        while let Some(p) = current {
            if p == self.root || p == self.real_root {
                break;
            }
            if is_link(p) {
                links.push(p);
            }
            current = p.parent();
        }
        // the outermost link first: it is the one a user made
        for link in links.into_iter().rev() {
            self.check_entry(link)?;
        }
        Ok(())
    }

    /// Where the link at `path` leads, when it may be followed.
    fn resolve(&self, path: &Path) -> Result<PathBuf, Refused> {
        let target = std::fs::read_link(path)
            .map(|t| t.to_string_lossy().into_owned())
            .unwrap_or_default();
        let real = match std::fs::canonicalize(path) {
            Ok(real) => real,
            Err(e) if is_loop(&e) => return Err(Refused::Loop { target }),
            Err(_) => return Err(Refused::Dangling { target }),
        };
        let at = path
            .parent()
            .and_then(|p| std::fs::canonicalize(p).ok())
            .unwrap_or_default();
        if real.is_dir() && at.starts_with(&real) {
            return Err(Refused::Loop { target });
        }
        let Some(base) = self.bases.iter().find(|b| real.starts_with(b)) else {
            return Err(Refused::Outside { target });
        };
        let below = real.strip_prefix(base).unwrap_or(&real);
        if below
            .components()
            .any(|c| c.as_os_str().to_string_lossy().starts_with('.'))
        {
            return Err(Refused::Hidden { target });
        }
        Ok(real)
    }

    /// `path` as messages name it: relative to the portal root, `/`-separated.
    pub fn shown(&self, path: &Path) -> String {
        crate::diag::display_path(path.strip_prefix(&self.root).unwrap_or(path))
    }

    /// The diagnostic for the refused link at `path`, named relative to the portal root.
    pub fn diagnostic(&self, path: &Path, why: &Refused) -> Diagnostic {
        let shown = self.shown(path);
        let (rule, message, help) = match why {
            Refused::Outside { target } => (
                &symlink_outside::RULE,
                format!(
                    "{shown} เป็นลิงก์สัญลักษณ์ที่ชี้ไปที่ {target} ซึ่งอยู่นอกโฟลเดอร์ต้นฉบับของพอร์ทัล จึงไม่ถูกอ่านหรือเผยแพร่ \
                     (a symlink to {target}, outside the portal's source folders; nothing of it is read or published)"
                ),
                "copy the file into the portal instead of linking to it; a folder of shared files kept elsewhere \
                 can be named in `allow_symlinks_to` in prongsai.toml \
                 (คัดลอกไฟล์จริงมาไว้ในพอร์ทัลแทนลิงก์ หรือระบุโฟลเดอร์ที่ใช้ร่วมกันใน allow_symlinks_to)",
            ),
            Refused::Hidden { target } => (
                &symlink_outside::RULE,
                format!(
                    "{shown} เป็นลิงก์สัญลักษณ์ที่ชี้ไปที่ {target} ซึ่งเป็นไฟล์หรือโฟลเดอร์ซ่อน จึงไม่ถูกอ่านหรือเผยแพร่ \
                     (a symlink to {target}, a hidden file or folder; nothing of it is read or published)"
                ),
                "link to the file itself, not into a hidden folder such as .git (ชี้ลิงก์ไปที่ไฟล์ที่ไม่ใช่ไฟล์ซ่อน)",
            ),
            Refused::Dangling { target } => (
                &symlink_broken::RULE,
                format!("{shown} เป็นลิงก์สัญลักษณ์ที่ชี้ไปที่ {target} ซึ่งไม่มีอยู่ (a symlink to {target}, which does not exist)"),
                "point the link at an existing file, or remove it (แก้ลิงก์ให้ชี้ไปที่ไฟล์ที่มีอยู่ หรือลบลิงก์ทิ้ง)",
            ),
            Refused::Loop { target } => (
                &symlink_broken::RULE,
                format!(
                    "{shown} เป็นลิงก์สัญลักษณ์ที่วนกลับมาที่เดิม (ชี้ไปที่ {target}) ตามไปเท่าไรก็ไม่จบ \
                     (a symlink loop: it points to {target}, and following it never ends)"
                ),
                "point the link at a real file or a folder that does not hold the link, or remove it \
                 (แก้ลิงก์ให้ชี้ไปที่ไฟล์จริง หรือลบลิงก์ทิ้ง)",
            ),
        };
        Diagnostic::new(rule, message).in_file(shown).with_help(help)
    }

    /// The diagnostic for a loop walkdir found below `path` (a folder link to a folder the
    /// walk is already in).
    pub fn loop_diagnostic(&self, path: &Path) -> Diagnostic {
        let target = std::fs::read_link(path)
            .map(|t| t.to_string_lossy().into_owned())
            .unwrap_or_default();
        self.diagnostic(path, &Refused::Loop { target })
    }
}

/// Whether `path` itself is a symbolic link.
fn is_link(path: &Path) -> bool {
    std::fs::symlink_metadata(path).is_ok_and(|m| m.file_type().is_symlink())
}

/// Whether resolving failed because links lead round in a circle.
fn is_loop(e: &io::Error) -> bool {
    #[cfg(unix)]
    {
        e.raw_os_error() == Some(libc::ELOOP)
    }
    #[cfg(not(unix))]
    {
        let _ = e;
        false
    }
}

#[cfg(all(test, unix))]
mod tests {
    use super::*;
    use std::os::unix::fs::symlink;

    fn portal() -> (tempfile::TempDir, PathBuf) {
        let dir = tempfile::tempdir().expect("temp");
        let root = dir.path().join("portal");
        for d in ["content", "static", "shared"] {
            std::fs::create_dir_all(root.join(d)).expect("mkdir");
        }
        std::fs::create_dir_all(dir.path().join("outside")).expect("mkdir");
        std::fs::write(dir.path().join("outside/secret.txt"), "secret").expect("write");
        std::fs::write(root.join("static/logo.svg"), "<svg/>").expect("write");
        std::fs::write(root.join("SECRET.txt"), "secret").expect("write");
        (dir, root)
    }

    fn code(links: &Symlinks, path: &Path) -> Option<&'static str> {
        links.check_entry(path).err().map(|d| d.code)
    }

    #[test]
    fn follows_links_inside_and_refuses_the_rest() {
        let (_dir, root) = portal();
        let c = root.join("content");
        symlink("../static/logo.svg", c.join("logo.svg")).expect("link");
        symlink("../../outside/secret.txt", c.join("secret.txt")).expect("link");
        symlink("../../outside", c.join("docs")).expect("link");
        symlink("../SECRET.txt", c.join("root.txt")).expect("link");
        symlink("missing.txt", c.join("dangling.txt")).expect("link");
        symlink("b", c.join("a")).expect("link");
        symlink("a", c.join("b")).expect("link");
        symlink("..", c.join("up")).expect("link");
        symlink(".", c.join("here")).expect("link");
        std::fs::create_dir_all(root.join("static/.git")).expect("mkdir");
        std::fs::write(root.join("static/.git/config"), "x").expect("write");
        symlink("../static/.git/config", c.join("git.txt")).expect("link");
        let links = Symlinks::new(&root, &[]);
        assert_eq!(code(&links, &c.join("logo.svg")), None);
        assert_eq!(code(&links, &root.join("static/logo.svg")), None, "not a link");
        assert_eq!(code(&links, &c.join("secret.txt")), Some("symlink-outside"));
        assert_eq!(code(&links, &c.join("docs")), Some("symlink-outside"));
        assert_eq!(code(&links, &c.join("root.txt")), Some("symlink-outside"));
        assert_eq!(code(&links, &c.join("git.txt")), Some("symlink-outside"));
        assert_eq!(code(&links, &c.join("dangling.txt")), Some("symlink-broken"));
        assert_eq!(code(&links, &c.join("a")), Some("symlink-broken"));
        assert_eq!(code(&links, &c.join("up")), Some("symlink-broken"));
        assert_eq!(code(&links, &c.join("here")), Some("symlink-broken"));
        let d = links.check_entry(&c.join("secret.txt")).expect_err("refused");
        assert_eq!(d.file.as_deref(), Some(Path::new("content/secret.txt")));
        assert!(d.message.contains("../../outside/secret.txt"), "{}", d.message);
    }

    #[test]
    fn allowed_folders_open_only_themselves() {
        let (dir, root) = portal();
        let c = root.join("content");
        std::fs::create_dir_all(dir.path().join("other")).expect("mkdir");
        std::fs::write(dir.path().join("other/x.txt"), "x").expect("write");
        symlink("../../outside/secret.txt", c.join("secret.txt")).expect("link");
        symlink("../../other/x.txt", c.join("x.txt")).expect("link");
        symlink("../SECRET.txt", root.join("shared/root.txt")).expect("link");
        let links = Symlinks::new(&root, &[PathBuf::from("../outside")]);
        assert_eq!(code(&links, &c.join("secret.txt")), None);
        assert_eq!(code(&links, &c.join("x.txt")), Some("symlink-outside"));
        // a link inside a folder link is judged by where it finally leads
        symlink("../shared", c.join("shared")).expect("link");
        assert_eq!(code(&links, &c.join("shared")), Some("symlink-outside"));
        let links = Symlinks::new(&root, &[PathBuf::from("shared")]);
        assert_eq!(code(&links, &c.join("shared")), None);
        assert_eq!(
            links.check_path(&c.join("shared/root.txt")).err().map(|d| d.code),
            Some("symlink-outside")
        );
    }
}
