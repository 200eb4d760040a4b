//! The site model: every page with its front matter, typed data and place in the site
//! (sections, fiscal years, previous/next), and what templates see of it (`context`,
//! `ita_view`). Loading (`load`) keeps each page's front matter; a body (`body`) is rendered
//! when the page is. The files no content file makes are `generated` (sitemap, feed, 404,
//! aliases) and `open_data` (the JSON/CSV of each fiscal year). `pipeline` drives it;
//! nothing here writes or checks.

pub mod assemble;
pub mod body;
pub mod context;
pub mod generated;
pub mod ita;
pub mod ita_migration;
pub mod ita_view;
pub mod load;
pub mod open_data;
pub mod search_docs;

use std::path::{Path, PathBuf};

use crate::config::Config;
use crate::date::Date;
use crate::diag::Diagnostic;
use crate::model::front::RawFront;
use crate::model::PageKind;

/// What the command line may change about a build.
#[derive(Debug, Clone, Default)]
pub struct BuildOptions {
    pub drafts: bool,
    /// Overrides `base_url` of the config.
    pub base_url: Option<String>,
    /// Folder links end in `index.html`, for sites opened from a folder.
    pub index_html_links: bool,
    /// The build date for feeds when no page has one (`SOURCE_DATE_EPOCH`).
    pub source_date: Option<Date>,
}

/// A content page or section (`_index.md`).
#[derive(Debug, Clone)]
pub struct Page {
    /// The file, relative to the portal root (`content/2564/plan.md`), for messages.
    pub file: PathBuf,
    /// The decoded file text up to the body: the front matter, which diagnostics point into.
    /// The body is read again when the page is rendered (`body::Body::reload`).
    pub front_text: std::sync::Arc<str>,
    /// The hash of the whole file text ([`body::source_hash`]); `None` for a page the build
    /// makes itself.
    pub source_hash: Option<u64>,
    pub front: std::sync::Arc<RawFront>,
    pub front_offset: usize,
    pub body_offset: usize,
    pub kind: PageKind,
    pub is_section: bool,
    /// The folder under `content/` (`2564/measures`, `""` at the top).
    pub dir: String,
    /// The site-relative output path (`2564/plan/`; `""` for the home page).
    pub path: String,
    pub title: String,
    pub description: Option<String>,
    pub date: Option<Date>,
    pub updated: Option<Date>,
    pub weight: i64,
    pub draft: bool,
    /// The owning section (index into `Site::pages`).
    pub parent: Option<usize>,
    /// For sections: their pages and sub-sections, sorted.
    pub pages: Vec<usize>,
    pub subsections: Vec<usize>,
    /// Previous and next page in the section.
    pub prev: Option<usize>,
    pub next: Option<usize>,
    /// The fiscal year (BE) this page belongs to, from the nearest fiscal-year section.
    pub fiscal_year: Option<i32>,
    /// The typed data of the page's kind.
    pub data: crate::model::KindData,
    /// Warnings found while loading this page (errors keep a page out instead).
    pub warnings: Vec<Diagnostic>,
}

impl Page {
    /// The output file the page is written to (`2564/plan/index.html`).
    pub fn output_path(&self) -> String {
        format!("{}index.html", self.path)
    }
}

/// A file under `content/` that is not Markdown: copied beside its page.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Asset {
    pub source: PathBuf,
    /// Site-relative output path.
    pub path: String,
    pub size: u64,
}

pub struct Site {
    pub root: PathBuf,
    pub config: Config,
    pub options: BuildOptions,
    pub pages: Vec<Page>,
    pub assets: Vec<Asset>,
    /// Warnings (and errors) found while loading; errors stop a build.
    pub diagnostics: Vec<Diagnostic>,
    /// The ITA model: catalogs and the pages of each fiscal year.
    pub ita: ita::ItaModel,
}

impl Site {
    /// Loads and assembles the portal at `root`. Errors in the config are returned at once;
    /// content errors are collected in `diagnostics`.
    pub fn load(root: &Path, options: BuildOptions) -> Result<Site, Vec<Diagnostic>> {
        let config = Config::load(root)?;
        let content = load::load_content(root, &config.symlinks(root), &options);
        Ok(Site::assemble(root, config, options, content))
    }

    /// Assembles loaded pages: sections, fiscal years, the ITA model, previous/next.
    pub fn assemble(root: &Path, config: Config, options: BuildOptions, content: load::Content) -> Site {
        let load::Content {
            pages,
            assets,
            mut diagnostics,
        } = content;
        let mut site = Site {
            root: root.to_path_buf(),
            config,
            options,
            pages,
            assets,
            diagnostics: Vec::new(),
            ita: ita::ItaModel::default(),
        };
        assemble::assemble(&mut site, &mut diagnostics);
        site.ita = ita::build(&mut site, &mut diagnostics);
        assemble::link_siblings(&mut site);
        site.diagnostics = diagnostics;
        site
    }

    pub fn base_url(&self) -> String {
        crate::config::normalize_base_url(self.options.base_url.as_deref().unwrap_or(&self.config.base_url))
    }

    pub fn home(&self) -> Option<usize> {
        self.pages.iter().position(|p| p.is_section && p.path.is_empty())
    }
}
