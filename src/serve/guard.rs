//! The request-time check of copied files. `serve` answers from memory, and every rebuild
//! judges links with `source::symlinks`; but between a change on disk and the rebuild it
//! causes (or when the watcher misses an event: network disks, watch limits), the memory
//! may still hold a file that is now a refused link. So before a copied file is sent, the
//! files it may have come from (`static/<key>`, `content/<key>`, the theme's
//! `static/<key>`) are judged again, and a refused one is answered with 404.

use std::path::{Path, PathBuf};

use crate::diag::Diagnostic;
use crate::source::Symlinks;
use crate::theme::Theme;

/// Where the served files were copied from, and the link policy they were copied under.
#[derive(Debug, Clone)]
pub struct Guard {
    root: PathBuf,
    links: Symlinks,
    theme_static: Option<PathBuf>,
}

impl Guard {
    pub fn new(root: &Path, theme: &Theme) -> Guard {
        Guard::of(root, theme.symlinks(), theme.dir.as_deref())
    }

    fn of(root: &Path, symlinks: &Symlinks, theme_dir: Option<&Path>) -> Guard {
        Guard {
            root: root.to_path_buf(),
            links: symlinks.clone(),
            theme_static: theme_dir.map(|d| d.join("static")),
        }
    }

    /// Why the site file `key` (a key `resolve` made: no `..`, no dot segments) must not be
    /// sent now, if one of the files it may have been copied from is a refused link.
    pub fn refused(&self, key: &str) -> Option<Diagnostic> {
        let sources = [self.root.join("static"), self.root.join("content")]
            .into_iter()
            .chain(self.theme_static.clone());
        for dir in sources {
            if let Err(d) = self.links.check_path(&dir.join(key)) {
                return Some(d);
            }
        }
        None
    }
}

#[cfg(all(test, unix))]
mod tests {
    use super::*;

    #[test]
    fn judges_the_source_of_a_key_again() {
        let dir = tempfile::tempdir().expect("temp");
        let root = dir.path().join("portal");
        std::fs::create_dir_all(root.join("static")).expect("mkdir");
        std::fs::write(dir.path().join("secret.txt"), "s").expect("write");
        std::fs::write(root.join("static/ok.txt"), "ok").expect("write");
        let guard = Guard::of(&root, &Symlinks::new(&root, &[]), None);
        assert!(guard.refused("ok.txt").is_none());
        assert!(guard.refused("2564/plan/index.html").is_none());
        std::os::unix::fs::symlink("../../secret.txt", root.join("static/leak.txt")).expect("link");
        assert_eq!(guard.refused("leak.txt").map(|d| d.code), Some("symlink-outside"));
    }
}
