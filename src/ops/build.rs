//! Building a portal into its output folder: skipped when no input changed, else the
//! pipeline with the disk cache, published only when it found no error.

use std::path::{Path, PathBuf};

use crate::cache::disk::{up_to_date, DiskCache, Remember};
use crate::config::Config;
use crate::diag::{Collected, Diagnostic};
use crate::output::check_output_dir;
use crate::output::publish::{Publish, Published};
use crate::pipeline::{self, Inputs, Plan};
use crate::site::BuildOptions;
use crate::theme::Theme;
use crate::timings::Stages;

#[derive(Debug, Clone, Default)]
pub struct Args {
    pub output_dir: Option<PathBuf>,
    pub base_url: Option<String>,
    pub drafts: bool,
    pub force: bool,
    pub file_links: bool,
}

/// What a successful build reports.
#[derive(Debug)]
pub struct Built {
    pub pages: usize,
    /// Pages put through their template; the others were kept as the last build wrote them.
    pub rendered: usize,
    /// Pages whose search terms were counted; the others were taken from the last index.
    pub indexed: usize,
    /// Pages kept without reading their file again.
    pub unread: usize,
    pub output: PathBuf,
    /// The address the site expects to be published at (`base_url`).
    pub base_url: String,
    /// The warnings, as printed.
    pub warnings: Collected,
    /// What was written; `None` when no input changed and the build was skipped.
    pub published: Option<Published>,
    /// The warnings of the last full build, as printed then, when this one was skipped.
    pub replayed: Vec<String>,
}

/// Builds the portal at `root` into its output folder. On any error nothing is published.
pub fn build(root: &Path, args: &Args) -> Result<Built, Collected> {
    let mut clock = Stages::start();
    let options = BuildOptions {
        drafts: args.drafts,
        base_url: args.base_url.clone(),
        index_html_links: args.file_links,
        source_date: super::source_date(),
    };
    if let Some(url) = &args.base_url {
        if !url.is_empty() && !crate::config::is_http_url(url) {
            return Err(Diagnostic::new(
                &crate::rules::base_url::RULE,
                format!("--base-url `{url}` ต้องขึ้นต้นด้วย http:// หรือ https://"),
            )
            .into());
        }
    }
    let config = Config::load(root)?;
    let out = args.output_dir.clone().unwrap_or_else(|| root.join(&config.output_dir));
    let base_url = crate::config::normalize_base_url(options.base_url.as_deref().unwrap_or(&config.base_url));
    check_output_dir(root, &out, args.force)?;
    let fingerprint = Theme::locate(root, &config).ok().and_then(|theme| {
        crate::cache::inputs::fingerprint(root, theme.dir.as_deref(), theme.symlinks(), &format!("{options:?}"))
    });
    clock.lap("fingerprint");
    if let Some(replay) = up_to_date(&out, fingerprint) {
        return Ok(Built {
            pages: replay.pages,
            rendered: 0,
            indexed: 0,
            unread: 0,
            output: out,
            base_url,
            warnings: Collected::printed(),
            published: None,
            replayed: replay.warnings,
        });
    }
    let inputs = Inputs::load(root, &options)?;
    let publish = Publish::create(&out).map_err(|e| {
        Diagnostic::new(
            &crate::rules::io::RULE,
            format!("สร้างโฟลเดอร์ชั่วคราวไม่ได้ (cannot create the staging folder): {e}"),
        )
    })?;
    clock.lap("templates");
    let mut cache = DiskCache::open(&publish, fingerprint);
    let done = match pipeline::run(root, &inputs, &options, &mut cache, &publish, Plan::BUILD, &mut clock) {
        Ok(done) => done,
        Err(diagnostics) => {
            drop(cache);
            publish.abandon();
            return Err(diagnostics);
        }
    };
    let memo = cache.memo(
        &done.site,
        Remember {
            prints: &done.prints,
            links: &done.links,
            quiet: &done.quiet,
            index: done.index.clone(),
            warnings: done.diagnostics.human_lines(false),
        },
    );
    let published = publish.commit(memo).map_err(|e| {
        Diagnostic::new(
            &crate::rules::io::RULE,
            format!("ย้ายผลลัพธ์เข้าที่ไม่ได้ (cannot move the output into place): {e}"),
        )
    })?;
    clock.lap("commit");
    clock.report();
    let built = Built {
        pages: done.site.pages.len(),
        rendered: done.rendered,
        indexed: done.indexed,
        unread: done.unread,
        output: out,
        base_url,
        warnings: done.diagnostics,
        published: Some(published),
        replayed: Vec::new(),
    };
    // Freeing a large site takes a noticeable part of a build; a thread does it, so the
    // command prints its summary and exits at once (the process ends before it is done).
    let site = done.site;
    std::thread::spawn(move || drop(site));
    Ok(built)
}
