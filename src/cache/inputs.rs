//! A fingerprint of everything a build reads: the config, `content/`, `templates/`,
//! `static/`, `catalogs/`, the theme folder, the options of the command line and the prongsai
//! binary itself (the default theme and catalogs are built into it). When the fingerprint and
//! the output folder both match the manifest of the last build, `build` has nothing to do.
//! A second fingerprint leaves `content/` out: while it holds, a page whose own fingerprint
//! (`cache::fingerprint`) did not move is not rendered again.
//!
//! It hashes file bytes, not modification times, so a file restored to what it was, or a
//! checkout that touches every file, is judged by its content. A folder added to what a build
//! reads must be added here, or edits to it would be missed by the no-change check.

use std::path::{Path, PathBuf};

use rayon::prelude::*;

use crate::config::CONFIG_FILE;
use crate::source::Symlinks;

/// The folders of a portal a build reads, beside the theme's own folder.
const INPUT_DIRS: &[&str] = &["content", "templates", "static", "catalogs"];

/// The fingerprints of a build's inputs.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct InputPrints {
    /// Of every input.
    pub all: u64,
    /// Of every input but `content/`: what all pages share (config, templates, theme,
    /// catalogs, static files, options, binary).
    pub site_wide: u64,
}

/// The fingerprints of the inputs of a build of `root` with theme folder `theme_dir`;
/// `options` stands for everything the command line changes. `None` when something could
/// not be read, or a symbolic link is one `symlinks` refuses (the build then runs in full and
/// reports it): nothing outside the portal is read to fingerprint it.
pub fn fingerprint(root: &Path, theme_dir: Option<&Path>, symlinks: &Symlinks, options: &str) -> Option<InputPrints> {
    let mut files: Vec<(String, PathBuf)> = vec![(CONFIG_FILE.to_string(), root.join(CONFIG_FILE))];
    let dirs = INPUT_DIRS
        .iter()
        .map(|d| (d.to_string(), root.join(d)))
        .chain(theme_dir.map(|d| ("theme".to_string(), d.to_path_buf())));
    for (label, dir) in dirs {
        if !dir.exists() {
            continue;
        }
        for entry in walkdir::WalkDir::new(&dir).follow_links(true).sort_by_file_name() {
            let entry = entry.ok()?;
            // a refused link is left before the walk enters it
            if entry.path_is_symlink() && symlinks.check_entry(entry.path()).is_err() {
                return None;
            }
            if entry.file_type().is_file() {
                let rel = entry.path().strip_prefix(&dir).ok()?;
                files.push((format!("{label}/{}", rel.to_string_lossy()), entry.into_path()));
            }
        }
    }
    let hashes: Option<Vec<u64>> = files
        .par_iter()
        .map(|(name, path)| {
            let bytes = std::fs::read(path).ok()?;
            let mut h = xxhash_rust::xxh3::Xxh3::new();
            h.update(name.as_bytes());
            h.update(&[0]);
            h.update(&bytes);
            Some(h.digest())
        })
        .collect();
    let hashes = hashes?;
    let shared = format!("{}\0{options}", crate::engine::identity()?);
    let mut all = xxhash_rust::xxh3::Xxh3::new();
    let mut site_wide = xxhash_rust::xxh3::Xxh3::new();
    for (hash, (name, _)) in hashes.iter().zip(&files) {
        all.update(&hash.to_le_bytes());
        if !name.starts_with("content/") {
            site_wide.update(&hash.to_le_bytes());
        }
    }
    all.update(shared.as_bytes());
    site_wide.update(shared.as_bytes());
    Some(InputPrints {
        all: all.digest(),
        site_wide: site_wide.digest(),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn moves_with_any_input_and_option() {
        let dir = tempfile::tempdir().expect("temp");
        let root = dir.path();
        std::fs::write(root.join(CONFIG_FILE), "title = \"t\"\n").expect("write");
        std::fs::create_dir_all(root.join("content/a")).expect("mkdir");
        std::fs::write(root.join("content/a/p.md"), "one").expect("write");
        let all = |o: u8| fingerprint(root, None, &Symlinks::new(root, &[]), &o.to_string()).map(|f| f.all);
        let site_wide = |o: u8| fingerprint(root, None, &Symlinks::new(root, &[]), &o.to_string()).map(|f| f.site_wide);
        let (base, base_site) = (all(1).expect("fingerprint"), site_wide(1));
        assert_eq!(all(1), Some(base), "stable");
        assert_ne!(all(2), Some(base), "options count");
        assert_ne!(site_wide(2), base_site, "options count site-wide");
        std::fs::write(root.join("content/a/p.md"), "two").expect("write");
        assert_ne!(all(1), Some(base), "content counts");
        assert_eq!(site_wide(1), base_site, "but not site-wide");
        std::fs::write(root.join("content/a/p.md"), "one").expect("write");
        assert_eq!(all(1), Some(base), "bytes, not times");
        std::fs::create_dir_all(root.join("static")).expect("mkdir");
        std::fs::write(root.join("static/x.css"), "").expect("write");
        assert_ne!(all(1), Some(base), "static counts");
        assert_ne!(site_wide(1), base_site, "site-wide too");
    }
}
