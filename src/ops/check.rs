//! Checking a portal: the whole pipeline in memory with every rule, no cache and no output.

use std::path::Path;

use crate::cache::NoCache;
use crate::diag::{self, Diagnostic};
use crate::output::NullSink;
use crate::pipeline::{self, Inputs, Plan};
use crate::site::BuildOptions;
use crate::timings::Stages;

/// Every diagnostic of the portal at `root`, sorted.
pub fn check(root: &Path, drafts: bool) -> Vec<Diagnostic> {
    let options = BuildOptions {
        drafts,
        source_date: super::source_date(),
        this_month: super::this_month(),
        ..BuildOptions::default()
    };
    let inputs = match Inputs::load(root, &options) {
        Ok(inputs) => inputs,
        Err(d) => return d,
    };
    let run = pipeline::run(
        root,
        &inputs,
        &options,
        &mut NoCache,
        &NullSink,
        Plan::CHECK,
        &mut Stages::start(),
    );
    let mut diagnostics = match run {
        Ok(done) => done.diagnostics.into_sorted(),
        Err(found) => found.into_sorted(),
    };
    diag::sort(&mut diagnostics);
    diagnostics
}
