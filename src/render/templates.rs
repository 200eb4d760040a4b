//! Tera templates: the theme's `templates/`, overridden file by file by the portal's own
//! `templates/`. Tera 1.20 overflows the stack on an include/extends loop, so the template
//! graph is checked for cycles before Tera sees it, and a loop is an error naming the files.

use std::collections::{BTreeMap, HashMap};
use std::path::{Path, PathBuf};

use tera::{Tera, Value};

use super::urls;
use crate::diag::Diagnostic;
use crate::source::Symlinks;

/// One template's source, with the file it came from (for error messages).
#[derive(Debug, Clone)]
pub struct TemplateSource {
    pub name: String,
    pub origin: PathBuf,
    pub text: String,
}

pub struct Templates {
    pub tera: Tera,
    origins: HashMap<String, PathBuf>,
}

impl Templates {
    /// Compiles the templates (later sources override earlier ones of the same name).
    pub fn compile(sources: Vec<TemplateSource>, index_html: bool) -> Result<Templates, Vec<Diagnostic>> {
        let mut by_name: BTreeMap<String, TemplateSource> = BTreeMap::new();
        for source in sources {
            by_name.insert(source.name.clone(), source);
        }
        if let Some(cycle) = find_cycle(&by_name) {
            let origin = by_name.get(&cycle[0]).map(|s| s.origin.clone()).unwrap_or_default();
            return Err(vec![Diagnostic::new(
                &crate::rules::template_loop::RULE,
                format!(
                    "เทมเพลตเรียกกันเป็นวง (templates include or extend each other in a loop): {}",
                    cycle.join(" → ")
                ),
            )
            .in_file(origin)
            .with_help(
                "remove one of the include/extends so the chain ends (ตัด include/extends ตัวใดตัวหนึ่งออก)",
            )]);
        }
        let mut tera = Tera::default();
        tera.autoescape_on(vec![".html", ".xml"]);
        // Tera's own escaping also turns `/` into `&#x2F;`, which is valid but unreadable.
        tera.set_escape_fn(super::highlight::html_escape_ref);
        register_filters(&mut tera, index_html);
        let origins: HashMap<String, PathBuf> = by_name.iter().map(|(n, s)| (n.clone(), s.origin.clone())).collect();
        let raw: Vec<(String, String)> = by_name.into_values().map(|s| (s.name, s.text)).collect();
        if let Err(e) = tera.add_raw_templates(raw) {
            return Err(vec![tera_diagnostic(&e, &origins)]);
        }
        Ok(Templates { tera, origins })
    }

    pub fn has(&self, name: &str) -> bool {
        self.tera.get_template_names().any(|n| n == name)
    }

    pub fn render(&self, name: &str, context: &tera::Context) -> Result<String, Diagnostic> {
        self.tera
            .render(name, context)
            .map_err(|e| tera_diagnostic(&e, &self.origins))
    }
}

/// A Tera error as a diagnostic: the template file, the line when Tera gives one, and the
/// whole cause chain (Tera hides the useful part in the sources).
pub fn tera_diagnostic(error: &tera::Error, origins: &HashMap<String, PathBuf>) -> Diagnostic {
    let mut chain = vec![error.to_string()];
    let mut source = std::error::Error::source(error);
    while let Some(s) = source {
        chain.push(s.to_string());
        source = s.source();
    }
    let text = chain.join(": ");
    // Tera names the template the error is in ("error happened in 'page.html'"); otherwise
    // the longest name mentioned, ties broken by name so the message is the same every run.
    let happened_in = text
        .split("error happened in '")
        .nth(1)
        .and_then(|rest| rest.split('\'').next())
        .filter(|name| origins.contains_key(*name))
        .map(str::to_string);
    let template = happened_in.or_else(|| {
        origins
            .keys()
            .filter(|name| text.contains(&format!("'{name}'")))
            .max_by(|a, b| a.len().cmp(&b.len()).then_with(|| b.cmp(a)))
            .cloned()
    });
    let mut d = Diagnostic::new(
        &crate::rules::template::RULE,
        format!("เทมเพลตผิดพลาด (template error): {text}"),
    );
    if let Some(name) = template {
        d = d.in_file(origins[&name].clone());
        if let Some(line) = line_in_message(&text) {
            d.position = Some(crate::diag::Position { line, column: 1 });
        }
    }
    d
}

/// Tera's parse errors carry ` --> LINE:COL`.
fn line_in_message(text: &str) -> Option<usize> {
    let rest = &text[text.find("--> ")? + 4..];
    rest.split(':').next()?.trim().parse().ok()
}

/// The names a template includes, extends or imports.
fn references(text: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut rest = text;
    while let Some(start) = rest.find("{%") {
        let after = &rest[start + 2..];
        let end = after.find("%}").unwrap_or(after.len());
        let tag = after[..end].trim_start_matches('-').trim();
        let keyword = tag.split_whitespace().next().unwrap_or("");
        if matches!(keyword, "include" | "extends" | "import") {
            let mut parts = tag[keyword.len()..].split(['"', '\'']);
            parts.next();
            for (i, part) in parts.enumerate() {
                if i % 2 == 0 {
                    out.push(part.to_string());
                }
                if keyword == "import" {
                    break;
                }
            }
        }
        rest = &after[end..];
    }
    out
}

fn find_cycle(templates: &BTreeMap<String, TemplateSource>) -> Option<Vec<String>> {
    let graph: BTreeMap<&str, Vec<String>> = templates
        .iter()
        .map(|(name, s)| (name.as_str(), references(&s.text)))
        .collect();
    // 0 = unvisited, 1 = on the stack, 2 = done.
    let mut state: HashMap<&str, u8> = HashMap::new();
    for start in graph.keys() {
        let mut stack: Vec<(&str, usize)> = vec![(start, 0)];
        while let Some((node, next)) = stack.pop() {
            if next == 0 {
                match state.get(node) {
                    Some(2) => continue,
                    _ => {
                        state.insert(node, 1);
                    }
                }
            }
            let edges = graph.get(node).map(Vec::as_slice).unwrap_or(&[]);
            if let Some(child) = edges.get(next) {
                stack.push((node, next + 1));
                let child = child.as_str();
                let Some((child_key, _)) = graph.get_key_value(child) else {
                    continue;
                };
                match state.get(child_key) {
                    Some(1) => {
                        let mut cycle: Vec<String> = stack.iter().map(|(n, _)| n.to_string()).collect();
                        let from = cycle.iter().position(|n| n == child).unwrap_or(0);
                        cycle.drain(..from);
                        cycle.push(child.to_string());
                        return Some(cycle);
                    }
                    Some(2) => {}
                    _ => stack.push((child_key, 0)),
                }
            } else {
                state.insert(node, 2);
            }
        }
    }
    None
}

/// `{{ path | url(root=root) }}`: the link from the current page to a site path, escaped
/// here and marked safe so Tera does not escape it again.
struct UrlFilter {
    index_html: bool,
}

impl tera::Filter for UrlFilter {
    fn filter(&self, value: &Value, args: &HashMap<String, Value>) -> tera::Result<Value> {
        let target = value
            .as_str()
            .ok_or_else(|| tera::Error::msg("url: expects a string"))?;
        let root = args.get("root").and_then(Value::as_str).unwrap_or("");
        Ok(Value::String(super::highlight::html_escape(&urls::link(
            root,
            target,
            self.index_html,
        ))))
    }

    fn is_safe(&self) -> bool {
        true
    }
}

fn register_filters(tera: &mut Tera, index_html: bool) {
    tera.register_filter("url", UrlFilter { index_html });
    super::helpers::register(tera);
    super::chart::register(tera);
}

/// Reads every template below `dir` (names use `/`), following only the symbolic links
/// `links` allows.
pub fn read_template_dir(dir: &Path, links: &Symlinks) -> Result<Vec<TemplateSource>, Vec<Diagnostic>> {
    let mut out = Vec::new();
    if dir.symlink_metadata().is_err() {
        return Ok(out);
    }
    let (files, mut errors) = crate::source::walk_content(dir, links);
    for file in files {
        match std::fs::read(&file.path).map(|b| crate::source::decode(&b)) {
            Ok(Ok(text)) => out.push(TemplateSource {
                name: file.relative,
                origin: file.path,
                text,
            }),
            Ok(Err(e)) => errors.push(
                Diagnostic::new(&crate::rules::encoding::RULE, e.to_string())
                    .in_file(&file.path)
                    .with_help(e.help()),
            ),
            Err(e) => errors.push(Diagnostic::new(&crate::rules::io::RULE, e.to_string()).in_file(&file.path)),
        }
    }
    if errors.is_empty() {
        Ok(out)
    } else {
        Err(errors)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn source(name: &str, text: &str) -> TemplateSource {
        TemplateSource {
            name: name.into(),
            origin: PathBuf::from(format!("templates/{name}")),
            text: text.into(),
        }
    }

    #[test]
    fn include_loops_are_errors_not_crashes() {
        let err = Templates::compile(
            vec![
                source("a.html", "{% include \"b.html\" %}"),
                source("b.html", "{%- include 'a.html' -%}"),
            ],
            false,
        )
        .err()
        .unwrap_or_default();
        assert_eq!(err[0].code, "template-loop");
        assert!(
            err[0].message.contains("a.html → b.html → a.html"),
            "{}",
            err[0].message
        );
        let self_extend = Templates::compile(vec![source("c.html", "{% extends \"c.html\" %}")], false);
        assert!(self_extend.is_err());
    }

    #[test]
    fn syntax_errors_name_the_template() {
        let err = Templates::compile(vec![source("page.html", "ok\n{{ broken ")], false)
            .err()
            .unwrap_or_default();
        assert_eq!(err[0].file.as_deref(), Some(Path::new("templates/page.html")));
    }

    #[test]
    fn url_filter_makes_relative_links() {
        let t = Templates::compile(vec![source("x.html", "{{ \"2564/\" | url(root=\"../\") }}")], true)
            .unwrap_or_else(|_| panic!("compile"));
        assert_eq!(
            t.render("x.html", &tera::Context::new()).ok().as_deref(),
            Some("../2564/index.html")
        );
    }
}
