//! The rules reference of the book (`book/src/rules.md`), made from each rule's `//!` doc
//! comment and constant. A test regenerates it and fails on any difference, so the book
//! cannot drift from the code (`PRONGSAI_BLESS=1` rewrites it).

use crate::diag::Level;
use crate::diag::Rule;

/// The leading `//!` lines of a Rust source file, without the markers.
pub fn module_doc(source: &str) -> String {
    let mut out = String::new();
    for line in source.lines() {
        let Some(rest) = line.strip_prefix("//!") else { break };
        out.push_str(rest.strip_prefix(' ').unwrap_or(rest));
        out.push('\n');
    }
    out
}

/// The whole page, from every rule with its doc comment.
pub fn rules_page(rules: &[(Rule, String)]) -> String {
    let mut out = String::from(
        "# กฎการตรวจ (Check rules)\n\n\
         <!-- Generated from src/rules/*.rs by a test; edit the rule files, then run\n     \
         PRONGSAI_BLESS=1 cargo test rules_page -->\n\n\
         ทุกข้อความของ `prongsai check` และ `prongsai build` มีรหัส (code) ของกฎหนึ่งข้อด้านล่าง\n\
         ระดับ error หยุดการสร้างเว็บไซต์ ระดับ warning แสดงผลแต่ยังสร้างได้ (`--deny warnings` ทำให้ไม่ผ่าน)\n\n\
         Every message of `prongsai check` and `prongsai build` carries the code of one rule below.\n\
         Errors stop a build; warnings are printed and the build goes on (`check --deny warnings`\n\
         makes them fail).\n\n\
         | code | level | summary |\n|---|---|---|\n",
    );
    for (rule, _) in rules {
        out.push_str(&format!(
            "| [`{}`](#{}) | {} | {} |\n",
            rule.code,
            rule.code,
            level_name(rule.level),
            rule.summary
        ));
    }
    for (rule, doc) in rules {
        // The doc's first line repeats code and summary; the heading replaces it.
        let body = doc.split_once('\n').map_or("", |(_, rest)| rest).trim();
        out.push_str(&format!(
            "\n## `{}`\n\n**{}** — {}\n\n{}\n",
            rule.code,
            level_name(rule.level),
            rule.summary,
            body
        ));
    }
    out
}

fn level_name(level: Level) -> &'static str {
    match level {
        Level::Error => "error",
        Level::Warning => "warning",
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::ALL;

    #[test]
    fn rules_page_is_generated_from_the_rule_files() {
        let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
        let rules: Vec<(Rule, String)> = ALL
            .iter()
            .map(|rule| {
                let file = root.join(format!("src/rules/{}.rs", rule.code.replace('-', "_")));
                let source = std::fs::read_to_string(&file).unwrap_or_default();
                (*rule, module_doc(&source))
            })
            .collect();
        let page = rules_page(&rules);
        let path = root.join("book/src/rules.md");
        if std::env::var_os("PRONGSAI_BLESS").is_some() {
            std::fs::write(&path, &page).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
            return;
        }
        let current = std::fs::read_to_string(&path).unwrap_or_default();
        assert!(
            current == page,
            "book/src/rules.md is out of date with src/rules/; run PRONGSAI_BLESS=1 cargo test rules_page"
        );
    }

    #[test]
    fn module_doc_stops_at_the_first_other_line() {
        assert_eq!(module_doc("//! a\n//!\n//! b\nuse x;\n//! c\n"), "a\n\nb\n");
    }
}
