//! Themes: the default theme is embedded in the binary, so a portal made by `prongsai init`
//! anywhere builds without a copy of it. A `themes/<name>/` folder in the portal (the repo's
//! own `themes/default/` included) is read from disk instead, and the portal's `templates/`
//! override theme templates of the same name.

use std::path::{Path, PathBuf};

use crate::config::Config;
use crate::diag::Diagnostic;
use crate::render::templates::{read_template_dir, TemplateSource, Templates};
use crate::source::Symlinks;

macro_rules! embedded {
    ($($name:literal),* $(,)?) => {
        &[$(($name, include_bytes!(concat!(env!("CARGO_MANIFEST_DIR"), "/themes/default/", $name)) as &[u8])),*]
    };
}

/// The default theme's files, relative to `themes/default/`.
pub const DEFAULT_THEME: &[(&str, &[u8])] = embedded![
    "theme.toml",
    "templates/base.html",
    "templates/index.html",
    "templates/section.html",
    "templates/page.html",
    "templates/404.html",
    "templates/macros.html",
    "templates/year.html",
    "templates/measure.html",
    "templates/o-item.html",
    "templates/analysis.html",
    "templates/plan.html",
    "templates/report.html",
    "templates/memo.html",
    "templates/oit-catalog.html",
    "templates/search.html",
    "static/style.css",
    "static/favicon.svg",
    "static/fonts/OFL.txt",
    "static/fonts/sarabun-thai-400-normal.woff2",
    "static/fonts/sarabun-thai-700-normal.woff2",
    "static/fonts/sarabun-latin-400-normal.woff2",
    "static/fonts/sarabun-latin-700-normal.woff2",
];

pub struct Theme {
    pub name: String,
    /// The theme folder on disk, when the portal has one.
    pub dir: Option<PathBuf>,
    /// Which symbolic links the theme's and the portal's files may follow.
    symlinks: Symlinks,
}

impl Theme {
    /// The theme `config` names, in the portal at `root`.
    pub fn locate(root: &Path, config: &Config) -> Result<Theme, Diagnostic> {
        let name = config.theme.as_str();
        let links = config.symlinks(root);
        let dir = root.join("themes").join(name);
        if dir.is_dir() || dir.symlink_metadata().is_ok_and(|m| m.file_type().is_symlink()) {
            links.check_path(&dir)?;
            return Ok(Theme {
                name: name.to_string(),
                dir: Some(dir),
                symlinks: links,
            });
        }
        if name == "default" {
            return Ok(Theme {
                name: name.to_string(),
                dir: None,
                symlinks: links,
            });
        }
        Err(Diagnostic::new(
            &crate::rules::theme_missing::RULE,
            format!("ไม่พบธีม `{name}` (no theme `{name}` in themes/)"),
        )
        .in_file(crate::config::CONFIG_FILE)
        .with_help("use theme = \"default\" or add the theme folder under themes/ (ใช้ธีม default หรือเพิ่มโฟลเดอร์ธีม)"))
    }

    /// The link policy of the portal, for the other folders a build copies.
    pub fn symlinks(&self) -> &Symlinks {
        &self.symlinks
    }

    /// The theme's templates, then the portal's overrides, compiled.
    pub fn templates(&self, root: &Path, index_html: bool) -> Result<Templates, Vec<Diagnostic>> {
        let mut sources = match &self.dir {
            Some(dir) => read_template_dir(&dir.join("templates"), &self.symlinks)?,
            None => DEFAULT_THEME
                .iter()
                .filter_map(|(name, bytes)| {
                    let name = name.strip_prefix("templates/")?;
                    Some(TemplateSource {
                        name: name.to_string(),
                        origin: PathBuf::from("themes/default/templates").join(name),
                        text: String::from_utf8_lossy(bytes).into_owned(),
                    })
                })
                .collect(),
        };
        sources.extend(read_template_dir(&root.join("templates"), &self.symlinks)?);
        Templates::compile(sources, index_html)
    }

    /// The theme's static files as (site-relative path, bytes), and the links refused on
    /// the way.
    pub fn static_files(&self) -> (Vec<(String, Vec<u8>)>, Vec<Diagnostic>) {
        match &self.dir {
            Some(dir) => {
                let base = dir.join("static");
                if base.symlink_metadata().is_err() {
                    return (Vec::new(), Vec::new());
                }
                let (files, refused) = crate::source::walk_content(&base, &self.symlinks);
                let files = files
                    .into_iter()
                    .filter_map(|f| std::fs::read(&f.path).ok().map(|b| (f.relative, b)))
                    .collect();
                (files, refused)
            }
            None => (
                DEFAULT_THEME
                    .iter()
                    .filter_map(|(name, bytes)| Some((name.strip_prefix("static/")?.to_string(), bytes.to_vec())))
                    .collect(),
                Vec::new(),
            ),
        }
    }
}
