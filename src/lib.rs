//! prongsai: a static site generator for Thai ITA transparency portals.
//!
//! # Where to start reading
//!
//! [`pipeline::run`] is the one driver `build`, `check` and `serve` share: load → assemble
//! → check the site → render every page → generated files and static copies → check the
//! output. To change how one page renders, read [`pipeline::page`] (template choice and
//! `render_page`) and [`site::context`] (what a template sees); the ITA data of a page
//! comes from [`site::ita_view`]. Reuse between runs is behind [`cache::Cache`]: the driver
//! does the same work whatever the cache, and a page the cache cannot vouch for is
//! rendered again.
//!
//! # The modules, in pipeline order (each depends only on those before it)
//!
//! | module | what it holds |
//! |---|---|
//! | [`date`], [`thai`], [`i18n`], [`engine`], [`timings`] | the calendar date, Thai text (digits, BE dates, Lao letters), UI strings, the binary's identity, stage timings |
//! | [`diag`], [`rules`] | diagnostics as values; the rule registry (one file per rule code, its book page) |
//! | [`ita`] | the domain: O-item ids, catalogs, score, grades, fiscal calendar, statuses |
//! | [`source`], [`config`], [`toml_diag`] | reading files (walk, decoding, front matter, the symlink policy); `prongsai.toml`; TOML errors that point at the line |
//! | [`output`] | the only code that writes the site: staging, publishing, the manifest |
//! | [`model`] | the front matter typed, one module per page kind (measure, O-item, analysis, report, memo) |
//! | [`render`], [`theme`] | Markdown to HTML, Tera templates, the embedded default theme |
//! | [`search`] | the static Thai full-text index and its reuse between runs |
//! | [`site`] | the assembled site: pages, sections, fiscal years, what templates see, generated files, open data |
//! | [`check`] | the rules that need the whole site, a body or the rendered output |
//! | [`cache`] | what a run may reuse: none (`check`), the manifest (`build`), memory (`serve`) |
//! | [`pipeline`] | the driver |
//! | [`ops`], [`serve`] | `build` and `check` as library calls; the preview server over the pipeline |
//! | [`import`], [`scaffold`] | tables webmasters already have (Word, CSV) into content; `init`'s portal |
//! | [`commands`] | the thin commands: each calls one operation and prints what it returns |
//!
//! The binary (`main.rs`, `cli.rs`) only parses the command line and calls [`commands`].

// Diagnostics are returned by value on the error path, which is cold; boxing them would make
// every call site noisier for no measurable gain.
#![allow(clippy::result_large_err)]

pub mod cache;
pub mod check;
pub mod commands;
pub mod config;
pub mod date;
pub mod diag;
pub mod engine;
pub mod i18n;
pub mod import;
pub mod ita;
pub mod model;
pub mod ops;
pub mod output;
pub mod pipeline;
pub mod render;
pub mod rules;
pub mod scaffold;
pub mod search;
pub mod serve;
pub mod site;
pub mod source;
pub mod thai;
pub mod theme;
pub mod timings;
pub mod toml_diag;
