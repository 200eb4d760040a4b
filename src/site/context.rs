//! What templates see: serializable views of the site, a page, its section and navigation.
//! Every link in the context is site-relative; templates pass it through the `url` filter
//! with the page's `root`, the one place links are made.

use std::collections::BTreeMap;

use serde::Serialize;

use super::body::Body;
use super::Site;
use crate::config::Organization;
use crate::render::urls;
use crate::render::Heading;

#[derive(Serialize)]
pub struct SiteView<'a> {
    pub title: &'a str,
    pub description: Option<&'a str>,
    pub base_url: String,
    pub language: &'a str,
    pub thai_digits: bool,
    pub organization: &'a Organization,
}

#[derive(Serialize, Clone)]
pub struct PageSummary<'a> {
    pub title: &'a str,
    pub path: &'a str,
    pub description: Option<&'a str>,
    pub kind: &'a str,
    pub date: Option<String>,
    pub date_display: Option<String>,
    pub fiscal_year: Option<i32>,
    pub weight: i64,
}

#[derive(Serialize)]
pub struct PageView<'a> {
    #[serde(flatten)]
    pub summary: PageSummary<'a>,
    pub content: &'a str,
    pub toc: &'a [Heading],
    pub updated: Option<String>,
    pub updated_display: Option<String>,
    pub extra: Option<&'a toml::Table>,
    pub is_section: bool,
    pub file: String,
}

/// What templates see: the part every page shares and the page's own part.
#[derive(Serialize)]
pub struct Context<'a> {
    #[serde(flatten)]
    pub shared: SharedContext<'a>,
    #[serde(flatten)]
    pub own: PageContext<'a>,
}

/// The part of the context that is the same for every page: made and converted for the
/// template engine once per build, not once per page.
#[derive(Serialize)]
pub struct SharedContext<'a> {
    pub lang: &'a str,
    pub t: &'static BTreeMap<&'static str, &'static str>,
    pub config: SiteView<'a>,
    pub nav: Vec<PageSummary<'a>>,
    /// The fiscal-year sections, newest first, for the theme's year switcher.
    pub years: Vec<YearLink<'a>>,
}

/// The part of the context that is the page's own.
#[derive(Serialize)]
pub struct PageContext<'a> {
    pub root: String,
    pub current_path: &'a str,
    pub canonical: String,
    pub page: PageView<'a>,
    pub section: Option<PageSummary<'a>>,
    pub pages: Vec<PageSummary<'a>>,
    pub subsections: Vec<PageSummary<'a>>,
    pub breadcrumbs: Vec<PageSummary<'a>>,
    pub prev: Option<PageSummary<'a>>,
    pub next: Option<PageSummary<'a>>,
    /// The ITA data of the page (see `site::ita_view`), `null` for plain pages.
    pub ita: serde_json::Value,
}

#[derive(Serialize)]
pub struct YearLink<'a> {
    pub fiscal_year: i32,
    /// The year as shown (Thai digits when the site uses them).
    pub label: String,
    pub path: &'a str,
}

pub use crate::thai::format::display_date;

impl Site {
    pub fn site_view(&self) -> SiteView<'_> {
        SiteView {
            title: &self.config.title,
            description: self.config.description.as_deref(),
            base_url: self.base_url(),
            language: &self.config.language,
            thai_digits: self.config.thai_digits,
            organization: &self.config.organization,
        }
    }

    pub fn summary(&self, index: usize) -> PageSummary<'_> {
        let p = &self.pages[index];
        PageSummary {
            title: &p.title,
            path: &p.path,
            description: p.description.as_deref(),
            kind: p.kind.as_str(),
            date: p.date.map(|d| d.to_string()),
            date_display: p
                .date
                .map(|d| display_date(d, &self.config.language, self.config.thai_digits)),
            fiscal_year: p.fiscal_year,
            weight: p.weight,
        }
    }

    /// The top navigation: the home page's sections and pages.
    pub fn nav(&self) -> Vec<PageSummary<'_>> {
        match self.home() {
            Some(home) => {
                let h = &self.pages[home];
                h.subsections
                    .iter()
                    .chain(h.pages.iter())
                    .map(|&i| self.summary(i))
                    .collect()
            }
            None => Vec::new(),
        }
    }

    pub fn breadcrumbs(&self, index: usize) -> Vec<PageSummary<'_>> {
        let mut chain = Vec::new();
        let mut current = self.pages[index].parent;
        while let Some(i) = current {
            chain.push(self.summary(i));
            current = self.pages[i].parent;
        }
        chain.reverse();
        chain
    }

    /// The whole context of page `index`, whose body is `body`.
    pub fn context<'a>(&'a self, index: usize, body: &'a Body) -> Context<'a> {
        Context {
            shared: self.shared_context(),
            own: self.page_context(index, body),
        }
    }

    pub fn shared_context(&self) -> SharedContext<'_> {
        let lang = self.config.language.as_str();
        SharedContext {
            lang,
            t: crate::i18n::strings(lang),
            config: self.site_view(),
            nav: self.nav(),
            years: self.year_links(),
        }
    }

    pub fn page_context<'a>(&'a self, index: usize, body: &'a Body) -> PageContext<'a> {
        let p = &self.pages[index];
        let lang = self.config.language.as_str();
        PageContext {
            root: urls::root_prefix(&p.path),
            current_path: &p.path,
            canonical: urls::absolute(&self.base_url(), &p.path),
            page: PageView {
                summary: self.summary(index),
                content: &body.rendered.html,
                toc: &body.rendered.toc,
                updated: p.updated.map(|d| d.to_string()),
                updated_display: p.updated.map(|d| display_date(d, lang, self.config.thai_digits)),
                extra: p.front.extra.as_ref(),
                is_section: p.is_section,
                file: p.file.to_string_lossy().replace('\\', "/"),
            },
            section: p.parent.map(|s| self.summary(s)),
            pages: p.pages.iter().map(|&i| self.summary(i)).collect(),
            subsections: p.subsections.iter().map(|&i| self.summary(i)).collect(),
            breadcrumbs: self.breadcrumbs(index),
            prev: p.prev.map(|i| self.summary(i)),
            next: p.next.map(|i| self.summary(i)),
            ita: self.ita_view(index),
        }
    }

    pub fn year_links(&self) -> Vec<YearLink<'_>> {
        self.ita
            .years
            .values()
            .rev()
            .map(|y| YearLink {
                fiscal_year: y.fiscal_year,
                label: if self.config.thai_digits {
                    crate::thai::digits::to_thai_digits(&y.fiscal_year.to_string())
                } else {
                    y.fiscal_year.to_string()
                },
                path: &self.pages[y.section].path,
            })
            .collect()
    }
}
