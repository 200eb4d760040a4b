//! The kind of a page: what its front matter is typed as and which template renders it. A
//! webmaster writes one of the [`PageKind::WRITTEN`] kinds in `kind = "…"`; the others are
//! pages the build makes (the O-item catalog pages of a year, the search page).

use serde::Serialize;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum PageKind {
    /// A plain page (no `kind`).
    #[default]
    Page,
    OItem,
    Measure,
    Analysis,
    Plan,
    Report,
    Memo,
    /// A year's O-item catalog section, made by the build.
    OitCatalog,
    /// The search page, made by the build.
    Search,
}

impl PageKind {
    /// The kinds a front matter may name, in the order the book lists them.
    pub const WRITTEN: [PageKind; 7] = [
        PageKind::Page,
        PageKind::OItem,
        PageKind::Measure,
        PageKind::Analysis,
        PageKind::Plan,
        PageKind::Report,
        PageKind::Memo,
    ];

    /// The name written in `kind = "…"`, in templates (`page.kind`) and in template file
    /// names (`measure.html`).
    pub fn as_str(self) -> &'static str {
        match self {
            PageKind::Page => "page",
            PageKind::OItem => "o-item",
            PageKind::Measure => "measure",
            PageKind::Analysis => "analysis",
            PageKind::Plan => "plan",
            PageKind::Report => "report",
            PageKind::Memo => "memo",
            PageKind::OitCatalog => "oit-catalog",
            PageKind::Search => "search",
        }
    }

    /// The kind a front matter names, if it is one a webmaster may write.
    pub fn parse(written: &str) -> Option<PageKind> {
        PageKind::WRITTEN.into_iter().find(|k| k.as_str() == written)
    }

    /// The names a front matter may use, for messages.
    pub fn written_names() -> impl Iterator<Item = &'static str> + Clone {
        PageKind::WRITTEN.into_iter().map(PageKind::as_str)
    }
}

impl std::fmt::Display for PageKind {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_round_trip_and_serialise_as_written() {
        for kind in PageKind::WRITTEN {
            assert_eq!(PageKind::parse(kind.as_str()), Some(kind));
            assert_eq!(
                serde_json::to_value(kind).ok(),
                Some(serde_json::Value::from(kind.as_str()))
            );
        }
        assert_eq!(PageKind::parse("oit-catalog"), None, "made by the build only");
        assert_eq!(PageKind::parse("Measure"), None);
        assert_eq!(
            serde_json::to_value(PageKind::OitCatalog).ok(),
            Some("oit-catalog".into())
        );
    }
}
