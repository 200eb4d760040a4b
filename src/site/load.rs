//! Loading: every Markdown file under `content/` becomes a `Page` (front matter parsed,
//! body rendered to HTML), in parallel; every other file becomes an `Asset`.

use std::path::{Path, PathBuf};
use std::sync::Arc;

use rayon::prelude::*;

use super::body::source_hash;
use super::{Asset, BuildOptions, Page};
use crate::date::Date;
use crate::diag::Diagnostic;
use crate::model::front::RawFront;
use crate::model::PageKind;
use crate::source::{decode_owned, split_front_matter, walk_content, ContentFile, Symlinks};
use crate::toml_diag::toml_error;

pub const CONTENT_DIR: &str = "content";

/// What loading `content/` gives: the pages, the other files, and the problems found.
#[derive(Debug, Default)]
pub struct Content {
    pub pages: Vec<Page>,
    pub assets: Vec<Asset>,
    pub diagnostics: Vec<Diagnostic>,
}

pub fn load_content(root: &Path, links: &Symlinks, options: &BuildOptions) -> Content {
    let (markdown, assets, mut diagnostics) = scan_content(root, links);
    let results: Vec<Loaded> = markdown
        .par_iter()
        // the text is dropped here: a body is read again when its page is rendered
        .map(|file| load_page(root, file, options).map(|page| page.map(|(page, _text)| page)))
        .collect();
    let (pages, mut errors) = collect_pages(results.iter());
    diagnostics.append(&mut errors);
    Content {
        pages,
        assets,
        diagnostics,
    }
}

/// The files under `content/`: the Markdown files to load, the assets, and what could not
/// be read or was refused by `links` (or the missing folder itself).
pub fn scan_content(root: &Path, links: &Symlinks) -> (Vec<ContentFile>, Vec<Asset>, Vec<Diagnostic>) {
    let content = root.join(CONTENT_DIR);
    let mut diagnostics = Vec::new();
    if !content.is_dir() {
        diagnostics.push(
            Diagnostic::new(
                &crate::rules::content_missing::RULE,
                "ไม่พบโฟลเดอร์ content/ (no content/ folder)",
            )
            .in_file(CONTENT_DIR)
            .with_help(
                "create content/_index.md, or run `prongsai init` (สร้าง content/_index.md หรือใช้ `prongsai init`)",
            ),
        );
        return (Vec::new(), Vec::new(), diagnostics);
    }
    let (files, mut walk_errors) = walk_content(&content, links);
    diagnostics.append(&mut walk_errors);
    let (markdown, others): (Vec<ContentFile>, Vec<ContentFile>) =
        files.into_iter().partition(ContentFile::is_markdown);
    (markdown, load_assets(others), diagnostics)
}

/// What loading one Markdown file gives: a page, nothing (a draft left out), or errors.
pub type Loaded = Result<Option<Page>, Vec<Diagnostic>>;

/// The pages and the errors of loaded files, in the order given.
pub fn collect_pages<'a>(results: impl Iterator<Item = &'a Loaded>) -> (Vec<Page>, Vec<Diagnostic>) {
    let mut pages = Vec::new();
    let mut diagnostics = Vec::new();
    for result in results {
        match result {
            Ok(Some(page)) => {
                diagnostics.extend(page.warnings.iter().cloned());
                pages.push(page.clone());
            }
            Ok(None) => {}
            Err(d) => diagnostics.extend(d.iter().cloned()),
        }
    }
    (pages, diagnostics)
}

/// Non-Markdown files under `content/` become assets copied beside their pages, sorted by
/// output path so pages find theirs by binary search.
pub fn load_assets(files: Vec<ContentFile>) -> Vec<Asset> {
    let mut assets: Vec<Asset> = files
        .into_iter()
        .map(|f| {
            let size = std::fs::metadata(&f.path).map(|m| m.len()).unwrap_or(0);
            Asset {
                source: f.path,
                path: f.relative,
                size,
            }
        })
        .collect();
    assets.sort_by(|a, b| a.path.cmp(&b.path));
    assets
}

/// Reads one Markdown file: its page and its whole text (the body is rendered from it with
/// [`Body::render`](super::body::Body::render)). `Ok(None)` for drafts left out of this build.
pub fn load_page(
    root: &Path,
    file: &ContentFile,
    options: &BuildOptions,
) -> Result<Option<(Page, Arc<str>)>, Vec<Diagnostic>> {
    let shown_path = PathBuf::from(CONTENT_DIR).join(&file.relative);
    let bytes = std::fs::read(&file.path).map_err(|e| {
        vec![Diagnostic::new(
            &crate::rules::io::RULE,
            format!("อ่านไฟล์ไม่ได้ (cannot read the file): {e}"),
        )
        .in_file(&shown_path)]
    })?;
    let text = decode_owned(bytes).map_err(|e| {
        let mut d = Diagnostic::new(&crate::rules::encoding::RULE, e.to_string())
            .in_file(&shown_path)
            .with_help(e.help());
        if let crate::source::DecodeError::NotUtf8 { line, .. } = e {
            d.position = Some(crate::diag::Position { line, column: 1 });
        }
        vec![d]
    })?;
    let _ = root;
    let split = split_front_matter(&text).map_err(|u| {
        vec![Diagnostic::new(
            &crate::rules::front_matter_unclosed::RULE,
            "ส่วนหัว +++ ไม่มีบรรทัดปิด (the +++ front matter is never closed)",
        )
        .in_file(&shown_path)
        .at_offset(&text, u.offset)
        .with_help("add a line with only +++ after the front matter (เพิ่มบรรทัด +++ ปิดท้ายส่วนหัว)")]
    })?;
    let front: RawFront = toml::from_str(split.front_matter)
        .map_err(|e| vec![toml_error(&shown_path, &text, split.front_matter_offset, &e)])?;
    if front.draft && !options.drafts {
        return Ok(None);
    }
    let front_offset = split.front_matter_offset;
    let body_offset = split.body_offset;
    let mut diagnostics = Vec::new();

    let file_name = file.relative.rsplit('/').next().unwrap_or(&file.relative);
    let is_section = file_name == "_index.md";
    let dir = match file.relative.rfind('/') {
        Some(i) => file.relative[..i].to_string(),
        None => String::new(),
    };
    let slug = front.slug.as_ref().map(|s| s.get_ref().trim().to_string());
    let slug_problem = slug.as_deref().and_then(crate::model::values::slug_problem);
    if let (Some(s), Some(problem)) = (&front.slug, &slug_problem) {
        diagnostics.push(
            Diagnostic::new(&crate::rules::slug::RULE, problem.clone())
                .in_file(&shown_path)
                .at_offset(&text, front_offset + s.span().start)
                .with_help("write one short name, e.g. slug = \"plan\" (ตั้งเป็นชื่อสั้น ๆ ชื่อเดียว)"),
        );
    }
    let path = page_path(
        &dir,
        file_name,
        is_section,
        slug.as_deref().filter(|_| slug_problem.is_none()),
    );

    let date = date_field(&front.date, "date", &shown_path, &text, front_offset, &mut diagnostics);
    let updated = date_field(
        &front.updated,
        "updated",
        &shown_path,
        &text,
        front_offset,
        &mut diagnostics,
    );
    // a kind not known is reported when the site is assembled (`unknown-kind`), from the
    // name as written; the page is typed as a plain page meanwhile
    let kind = front
        .kind
        .as_ref()
        .and_then(|k| PageKind::parse(k.get_ref().trim()))
        .unwrap_or_default();
    let title = front
        .title
        .as_ref()
        .map(|t| t.get_ref().trim().to_string())
        .unwrap_or_default();
    let mut fields = crate::model::fields::Fields::new(&shown_path, &text, front_offset);
    let data = crate::model::type_page(kind, &front, &mut fields);
    diagnostics.append(&mut fields.diagnostics);
    if diagnostics.iter().any(Diagnostic::is_error) {
        return Err(diagnostics);
    }
    let page = Page {
        file: shown_path,
        kind,
        is_section,
        dir,
        path,
        title,
        description: front.description.clone(),
        date,
        updated,
        weight: front.weight.unwrap_or(0),
        draft: front.draft,
        parent: None,
        pages: Vec::new(),
        subsections: Vec::new(),
        prev: None,
        next: None,
        fiscal_year: None,
        data,
        warnings: diagnostics,
        front_offset,
        body_offset,
        front: front.into(),
        front_text: text[..body_offset].into(),
        source_hash: Some(source_hash(&text)),
    };
    Ok(Some((page, text.into())))
}

/// `2564/plan.md` → `2564/plan/`; `2564/o43/index.md` → `2564/o43/`; `2564/_index.md` →
/// `2564/`; `_index.md` → `""`.
pub fn page_path(dir: &str, file_name: &str, is_section: bool, slug: Option<&str>) -> String {
    let prefix = if dir.is_empty() {
        String::new()
    } else {
        format!("{dir}/")
    };
    if is_section {
        return prefix;
    }
    let stem = file_name.strip_suffix(".md").unwrap_or(file_name);
    if stem == "index" {
        return match slug {
            Some(slug) => match dir.rfind('/') {
                Some(i) => format!("{}/{slug}/", &dir[..i]),
                None => format!("{slug}/"),
            },
            None => prefix,
        };
    }
    format!("{prefix}{}/", slug.unwrap_or(stem))
}

fn date_field(
    raw: &crate::model::front::Raw,
    key: &str,
    file: &Path,
    text: &str,
    offset: usize,
    diagnostics: &mut Vec<Diagnostic>,
) -> Option<Date> {
    let value = raw.as_ref()?;
    match crate::model::values::date(value.get_ref()) {
        Ok(date) => Some(date),
        Err(message) => {
            diagnostics.push(
                Diagnostic::new(&crate::rules::date::RULE, format!("`{key}`: {message}"))
                    .in_file(file)
                    .at_offset(text, offset + value.span().start)
                    .with_help("write a date as 2564-04-26, 2021-04-26 or \"๒๖ เมษายน ๒๕๖๔\" (เขียนวันที่เป็น 2564-04-26 หรือ \"๒๖ เมษายน ๒๕๖๔\")"),
            );
            None
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pretty_paths() {
        assert_eq!(page_path("2564", "report-h1.md", false, None), "2564/report-h1/");
        assert_eq!(page_path("2564", "_index.md", true, None), "2564/");
        assert_eq!(page_path("", "_index.md", true, None), "");
        assert_eq!(page_path("2564/o43", "index.md", false, None), "2564/o43/");
        assert_eq!(page_path("2564", "a.md", false, Some("report")), "2564/report/");
        assert_eq!(page_path("", "about.md", false, None), "about/");
    }
}
