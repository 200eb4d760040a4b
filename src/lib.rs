//! prongsai: a static site generator for Thai ITA transparency portals.
//!
//! The pipeline is load → assemble → render → write: `source` reads files, `model` types the
//! front matter, `site` assembles and renders in memory, `output` is the only code that
//! writes the site to disk. Commands in `commands` are thin layers over it.

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
