//! The command line (clap derive); the only module that knows clap.

use std::path::PathBuf;

use clap::{Parser, Subcommand, ValueEnum};

#[derive(Debug, Parser)]
#[command(
    name = "prongsai",
    version,
    about = "สร้างเว็บไซต์เปิดเผยข้อมูล ITA จากไฟล์ Markdown (a static site generator for Thai ITA transparency portals)",
    propagate_version = true
)]
pub struct Cli {
    /// The portal folder (with prongsai.toml); default: the current folder
    #[arg(long, global = true, value_name = "DIR", default_value = ".")]
    pub root: PathBuf,

    // Without a command (a double-click), prongsai explains what to do and offers to preview
    // or create a portal: commands::welcome
    #[command(subcommand)]
    pub command: Option<Command>,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Build the site into the output folder (สร้างเว็บไซต์)
    Build(BuildArgs),
    /// Preview the site with live reload (ดูตัวอย่างพร้อมโหลดใหม่อัตโนมัติ)
    Serve(ServeArgs),
    /// Check the portal for mistakes without writing anything (ตรวจสอบเนื้อหา)
    Check(CheckArgs),
    /// Create a new portal that builds at once (สร้างพอร์ทัลใหม่)
    Init(InitArgs),
    /// Turn a Word, CSV/TSV or Markdown table into measure files (นำเข้าตารางมาตรการ)
    Import(ImportArgs),
    /// O-item catalogs: list, diff, import NACC's table, migrate a year (รายการข้อ OIT ของแต่ละปี)
    #[command(subcommand)]
    Catalog(CatalogCommand),
}

#[derive(Debug, Subcommand)]
pub enum CatalogCommand {
    /// List a framework year's items (แสดงรายการข้อของปี)
    List {
        /// Framework year (BE), e.g. 2569
        year: i32,
    },
    /// What changed between two years: renumbered, merged, new, removed (เทียบสองปี)
    Diff {
        /// The earlier framework year
        from: i32,
        /// The later framework year
        to: i32,
    },
    /// Read NACC's published item table (.tsv/.csv/.docx) into catalogs/<year>.toml (นำเข้ารายการข้อ)
    Import {
        /// The table file
        file: PathBuf,
        /// The framework year the table is for, e.g. 2570
        #[arg(long)]
        year: i32,
        /// Overwrite an existing catalogs/<year>.toml
        #[arg(long)]
        force: bool,
    },
    /// Renumber a year's O-item pages from one framework to the next; dry run unless --apply (เปลี่ยนเลขข้อ)
    Migrate {
        /// The framework the year's pages are numbered as now, e.g. 2568
        #[arg(long)]
        from: i32,
        /// The framework to renumber them to, e.g. 2569
        #[arg(long)]
        to: i32,
        /// The fiscal-year folder to migrate; default: the one year using --to
        #[arg(long)]
        year: Option<i32>,
        /// Change the files (without it: print the plan only)
        #[arg(long)]
        apply: bool,
    },
}

#[derive(Debug, clap::Args)]
pub struct BuildArgs {
    /// Output folder (default: output_dir of prongsai.toml, "public")
    #[arg(long, short = 'o', value_name = "DIR")]
    pub output_dir: Option<PathBuf>,
    /// Override base_url, e.g. for a GitHub Pages project site
    #[arg(long, value_name = "URL")]
    pub base_url: Option<String>,
    /// Include pages with draft = true
    #[arg(long)]
    pub drafts: bool,
    /// Replace an output folder that prongsai did not create
    #[arg(long)]
    pub force: bool,
    /// Links end in index.html, for a site opened from a folder or USB stick
    #[arg(long)]
    pub file_links: bool,
}

#[derive(Debug, clap::Args)]
pub struct ServeArgs {
    /// Port to listen on
    #[arg(long, short = 'p', default_value_t = 1111)]
    pub port: u16,
    /// Address to bind; loopback by default
    #[arg(long, default_value = "127.0.0.1")]
    pub bind: String,
    /// Poll the disk instead of using file-system events (network disks, WSL)
    #[arg(long)]
    pub poll: bool,
    /// Open the browser
    #[arg(long)]
    pub open: bool,
    /// Include pages with draft = true
    #[arg(long)]
    pub drafts: bool,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Format {
    Human,
    Short,
    Json,
    // GitHub Actions annotations (`::error file=…,line=…::`), on stdout
    Github,
}

/// What `check --deny` turns into errors.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Deny {
    // every warning
    Warnings,
}

#[derive(Debug, clap::Args)]
pub struct CheckArgs {
    /// How to print diagnostics; github: annotations for GitHub Actions
    #[arg(long, value_enum, default_value_t = Format::Human)]
    pub format: Format,
    /// Treat warnings as errors: `--deny warnings`
    #[arg(long, value_enum, value_name = "LEVEL")]
    pub deny: Option<Deny>,
    /// Include pages with draft = true
    #[arg(long)]
    pub drafts: bool,
}

#[derive(Debug, clap::Args)]
pub struct InitArgs {
    /// Folder to create
    pub path: PathBuf,
    /// Organization name (ชื่อหน่วยงาน)
    #[arg(long)]
    pub name: Option<String>,
    /// Fiscal year (BE) of the first section, e.g. 2568
    #[arg(long)]
    pub year: Option<i32>,
}

#[derive(Debug, clap::Args)]
pub struct ImportArgs {
    /// The table file: .docx, .csv, .tsv, .md (pipe tables) or .txt
    pub file: PathBuf,
    /// Fiscal year (BE), e.g. 2564; default: read from the document
    #[arg(long)]
    pub year: Option<i32>,
    /// Round of the results: 1 = six months, 2 = full year; default: read from the document, else 1
    #[arg(long)]
    pub round: Option<u8>,
    /// Folder for the measure files; default: content/<year>/measures under --root
    #[arg(long, value_name = "DIR")]
    pub into: Option<PathBuf>,
    /// Import only this table (numbered as in the summary)
    #[arg(long, value_name = "N")]
    pub table: Option<usize>,
    /// Print the files instead of writing them
    #[arg(long)]
    pub dry_run: bool,
    /// Overwrite existing files
    #[arg(long)]
    pub force: bool,
}
