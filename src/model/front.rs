//! The front matter as written: the common keys of SPEC §3, the section keys, and the keys of
//! every page kind of SPEC §4 as spanned raw values. One struct with `deny_unknown_fields`
//! makes a typo an error at its line and column; the kind modules then type and validate the
//! raw values (Thai digits, BE dates, item ids) with the span at hand for their diagnostics.

use serde::Deserialize;
use toml::Spanned;

/// Boxed: most keys are absent from a page, and a loaded site keeps every page's front matter.
pub type Raw = Option<Box<Spanned<toml::Value>>>;

#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawFront {
    // Common to every page (SPEC §3).
    pub title: Option<Spanned<String>>,
    pub description: Option<String>,
    pub date: Raw,
    pub updated: Raw,
    #[serde(default)]
    pub draft: bool,
    pub weight: Option<i64>,
    pub slug: Option<Spanned<String>>,
    #[serde(default)]
    pub aliases: Vec<Spanned<String>>,
    pub template: Option<Spanned<String>>,
    pub kind: Option<Spanned<String>>,
    pub extra: Option<toml::Table>,

    // Sections (`_index.md`).
    pub fiscal_year: Raw,
    pub framework: Raw,
    /// Sort the section's pages by `weight` (default), `date` or `title`.
    pub sort_by: Option<Spanned<String>>,

    // o-item
    pub item: Raw,
    pub links: Raw,
    pub files: Raw,

    // measure
    pub number: Raw,
    pub indicators: Raw,
    pub items: Raw,
    pub owners: Raw,
    pub steps: Raw,
    pub period: Raw,
    pub start: Raw,
    pub end: Raw,
    pub reporting: Raw,
    pub progress: Raw,

    // analysis
    pub assessed_year: Raw,
    pub published_total: Raw,
    pub published_grade: Raw,
    pub oit_failed: Raw,
    pub scores: Raw,
    pub findings: Raw,

    // report
    pub round: Raw,

    // memo, and `[memo]` covers of plan/report/analysis
    pub agency: Raw,
    #[serde(rename = "ref")]
    pub reference: Raw,
    pub subject: Raw,
    pub to: Raw,
    pub signatures: Raw,
    pub memo: Raw,
}

/// The names of the kind-specific keys above, with the kinds that use them, so a key used
/// on the wrong kind gets a clear message.
pub const KIND_KEYS: &[(&str, &[&str])] = &[
    ("fiscal_year", &["section"]),
    ("framework", &["section"]),
    ("sort_by", &["section"]),
    ("item", &["o-item"]),
    ("links", &["o-item"]),
    (
        "files",
        &["o-item", "page", "measure", "analysis", "plan", "report", "memo"],
    ),
    ("number", &["measure"]),
    ("indicators", &["measure"]),
    ("items", &["measure"]),
    ("owners", &["measure"]),
    ("steps", &["measure"]),
    ("period", &["measure"]),
    ("start", &["measure"]),
    ("end", &["measure"]),
    ("reporting", &["measure"]),
    ("progress", &["measure"]),
    ("assessed_year", &["analysis"]),
    ("published_total", &["analysis"]),
    ("published_grade", &["analysis"]),
    ("oit_failed", &["analysis"]),
    ("scores", &["analysis"]),
    ("findings", &["analysis"]),
    ("round", &["report"]),
    ("agency", &["memo"]),
    ("ref", &["memo"]),
    ("subject", &["memo"]),
    ("to", &["memo"]),
    ("signatures", &["memo"]),
    ("memo", &["plan", "report", "analysis"]),
];

impl RawFront {
    /// The kind-specific keys that are set, with their spans.
    pub fn set_kind_keys(&self) -> Vec<(&'static str, std::ops::Range<usize>)> {
        let fields: [(&'static str, &Raw); 29] = [
            ("fiscal_year", &self.fiscal_year),
            ("framework", &self.framework),
            ("item", &self.item),
            ("links", &self.links),
            ("files", &self.files),
            ("number", &self.number),
            ("indicators", &self.indicators),
            ("items", &self.items),
            ("owners", &self.owners),
            ("steps", &self.steps),
            ("period", &self.period),
            ("start", &self.start),
            ("end", &self.end),
            ("reporting", &self.reporting),
            ("progress", &self.progress),
            ("assessed_year", &self.assessed_year),
            ("published_total", &self.published_total),
            ("published_grade", &self.published_grade),
            ("oit_failed", &self.oit_failed),
            ("scores", &self.scores),
            ("findings", &self.findings),
            ("round", &self.round),
            ("agency", &self.agency),
            ("ref", &self.reference),
            ("subject", &self.subject),
            ("to", &self.to),
            ("signatures", &self.signatures),
            ("memo", &self.memo),
            ("updated", &None),
        ];
        let mut set: Vec<_> = fields
            .into_iter()
            .filter_map(|(name, value)| value.as_ref().map(|v| (name, v.span())))
            .collect();
        if let Some(s) = &self.sort_by {
            set.push(("sort_by", s.span()));
        }
        set
    }
}
