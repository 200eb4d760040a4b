//! The one integration-test binary: fixture portals under `tests/fixtures/<case>/`, built by
//! the real `prongsai` binary, compared with the expected output checked in beside them.

mod actions;
mod harness;

mod bad_input;
mod book;
mod build;
mod catalog;
mod cli;
mod example;
mod import;
mod incremental;
mod ita;
mod itas;
mod kinds;
mod output_safety;
mod periodic;
mod properties;
mod publish;
mod search;
mod serve;
mod symlinks;
mod workflows;
