//! The ITA domain: O-item ids and catalogs, the score formula, grades and verdicts, the fiscal
//! calendar and the progress-status vocabulary.
//!
//! Everything here is pure (no file or clock access) and table-tested against the numbers in
//! `ita/ita-domain.md`, so the rest of prongsai can trust it. The catalogs of the frameworks
//! 2563–2568 are embedded from `catalogs/`; a portal can replace or add one at run time.

pub mod catalog;
pub mod data_year;
pub mod fiscal;
pub mod indicators;
pub mod item_id;
pub mod migration;
pub mod oit;
pub mod periods;
pub mod score;
pub mod status;
pub mod verdict;

pub use catalog::{Catalog, CatalogError, Catalogs, Confidence, DataYear, Item};
pub use item_id::{ItemId, ItemIdError};
pub use oit::{oit_from_failed, projected_oit, OitComputation, OitError};
pub use score::{format_score, round2, IndicatorScores, Tools};
pub use status::Status;
pub use verdict::{passed, Grade, Verdict};
