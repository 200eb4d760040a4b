//! Property tests over arbitrary input (reliability-security.md §5 H, Z-01 and Z-04): the
//! decoder, the front-matter splitter and TOML parsing never panic and every error points at
//! a real file line; the Thai date parser never panics and only returns days that exist; the
//! Markdown + sanitizer pipeline never publishes `<script>`, an `on*` attribute or a
//! `javascript:` URL, checked with the HTML tokenizer of `check::html`, not a regex.

use std::path::Path;

use proptest::prelude::*;

use prongsai::check::body::BodyFacts;
use prongsai::check::html::{tokenize, Token};
use prongsai::model::front::RawFront;
use prongsai::render::render_markdown;
use prongsai::source::{decode, split_front_matter};
use prongsai::toml_diag::toml_error;

fn config() -> ProptestConfig {
    ProptestConfig {
        cases: 256,
        failure_persistence: None,
        ..ProptestConfig::default()
    }
}

/// Pieces of front matter, valid and broken, Thai and not, joined at random.
fn front_matter_text() -> impl Strategy<Value = String> {
    let piece = prop_oneof![
        Just("+++\n".to_string()),
        Just("title = \"แผน\"\n".to_string()),
        Just("title = \"x\n".to_string()),
        Just("date = 2567-02-29\n".to_string()),
        Just("score = ๙๒.๖๙\n".to_string()),
        Just("[[progress]]\nround = 1\n".to_string()),
        Just("titel = 1\n".to_string()),
        Just("\r\n".to_string()),
        Just("\u{feff}".to_string()),
        "[ -~]{0,12}",
        "\\PC{0,6}",
    ];
    proptest::collection::vec(piece, 0..12).prop_map(|v| v.concat())
}

/// Markdown with the markup an attacker (or Word) would paste.
fn hostile_markdown() -> impl Strategy<Value = String> {
    let piece = prop_oneof![
        Just("<script>alert(1)</script>"),
        Just("<SCRIPT SRC=//x></SCRIPT>"),
        Just("<img src=x onerror=alert(1)>"),
        Just("<a href=\"javascript:alert(1)\">x</a>"),
        Just("<a href=\"jav&#x61;script:alert(1)\">x</a>"),
        Just("<a href=\"java\tscript:x\">x</a>"),
        Just("[x](javascript:alert(1))"),
        Just("[x](JaVaScRiPt:alert(1))"),
        Just("![x](data:text/html,<script>x</script>)"),
        Just("<svg><a><set attributeName=\"href\" to=\"javascript:alert(1)\"/></a></svg>"),
        Just("<math><annotation-xml encoding=\"text/html\"><img src=x onerror=alert(1)></annotation-xml></math>"),
        Just("<iframe srcdoc=\"<script>x</script>\"></iframe>"),
        Just("<p style=\"x\" onclick=\"y\">ก</p>"),
        Just("<div onmouseover=x>"),
        Just("<!-- <script> -->"),
        Just("```\n<script>\n```"),
        Just("| a | b |\n|---|---|\n| <b onclick=x>1</b> | 2 |"),
        Just("\n\n"),
        Just("\n"),
        Just("<"),
        Just(">"),
        Just("\""),
        Just("`"),
        Just("["),
        Just("]("),
        Just(")"),
        Just("ข้อความไทย"),
        Just("ໂກຮັກ"),
    ];
    let free = "\\PC{0,6}";
    proptest::collection::vec(prop_oneof![piece.prop_map(str::to_string), free], 0..16).prop_map(|v| v.concat())
}

/// Whether published HTML contains executable markup.
fn executable(html: &str) -> Option<String> {
    for token in tokenize(html) {
        let Token::Start { name, attrs, .. } = token else {
            continue;
        };
        if matches!(name.as_str(), "script" | "iframe" | "object" | "embed" | "svg" | "math") {
            return Some(format!("<{name}>"));
        }
        for (attr, value) in attrs {
            if attr.starts_with("on") {
                return Some(format!("{attr} on <{name}>"));
            }
            let compact: String = value
                .chars()
                .filter(|c| !c.is_whitespace() && !c.is_control())
                .collect::<String>()
                .to_ascii_lowercase();
            if compact.starts_with("javascript:") || compact.starts_with("vbscript:") || compact.starts_with("data:") {
                return Some(format!("{attr}={value} on <{name}>"));
            }
        }
    }
    None
}

proptest! {
    #![proptest_config(config())]

    #[test]
    fn decoding_splitting_and_toml_never_panic_and_point_at_real_lines(bytes in proptest::collection::vec(any::<u8>(), 0..256)) {
        check_file_bytes(&bytes)?;
    }

    #[test]
    fn front_matter_errors_point_at_real_lines(text in front_matter_text()) {
        check_file_bytes(text.as_bytes())?;
    }

    #[test]
    fn config_errors_point_at_real_lines(text in front_matter_text()) {
        if let Err(diagnostics) = prongsai::config::Config::parse(&text, Path::new("prongsai.toml")) {
            for d in diagnostics {
                if let Some(p) = d.position {
                    prop_assert!(p.line >= 1 && p.line <= text.split('\n').count() && p.column >= 1, "{:?}", d);
                }
            }
        }
    }

    #[test]
    fn the_thai_date_parser_never_panics_and_gives_real_days(text in "\\PC{0,40}") {
        if let Ok(date) = prongsai::thai::dates::parse_date_value(&text) {
            prop_assert!(prongsai::date::Date::new(date.year, date.month, date.day).is_some());
        }
        let _ = prongsai::thai::dates::parse_thai_date(&text);
    }

    #[test]
    fn thai_date_shapes_never_panic(day in "[0-9๐-๙]{1,3}", month in "(ม\\.ค\\.|ก\\.พ\\.|กุมภาพันธ์|ตุลาคม|ต\\.ค\\.|[0-9]{1,2}|xx)", year in "[0-9๐-๙]{1,5}", sep in "( |/|-|\\.)") {
        let text = format!("{day}{sep}{month}{sep}{year}");
        if let Ok(date) = prongsai::thai::dates::parse_date_value(&text) {
            prop_assert!(prongsai::date::Date::new(date.year, date.month, date.day).is_some(), "{}", text);
        }
    }

    #[test]
    fn sanitized_markdown_has_no_executable_markup(md in hostile_markdown()) {
        let rendered = render_markdown(&md, false);
        prop_assert_eq!(executable(&rendered.html), None, "{}\n---\n{}", md, rendered.html);
        // The rules that read bodies never panic on it either.
        let facts = BodyFacts::of_body(&md, 0);
        for link in &facts.links {
            prop_assert!(link.offset <= md.len());
        }
        let _ = prongsai::check::table_header::tables_without_th(&md);
    }

    #[test]
    fn the_html_tokenizer_never_panics(text in "\\PC{0,80}") {
        let _ = tokenize(&text);
        let _ = prongsai::check::html::decode_entities(&text);
        let _ = prongsai::check::broken_link::percent_decode(&text);
        let _ = prongsai::check::broken_link::join("2564/plan/", &text);
    }
}

/// Decodes, splits and parses a file the way `load` does; every diagnostic must point at a
/// line of the file.
fn check_file_bytes(bytes: &[u8]) -> Result<(), TestCaseError> {
    let Ok(text) = decode(bytes) else { return Ok(()) };
    let Ok(split) = split_front_matter(&text) else {
        return Ok(());
    };
    prop_assert!(split.front_matter_offset <= text.len() && split.body_offset <= text.len());
    if let Err(e) = toml::from_str::<RawFront>(split.front_matter) {
        let d = toml_error(Path::new("content/a.md"), &text, split.front_matter_offset, &e);
        let p = d.position.ok_or_else(|| TestCaseError::fail("no position"))?;
        let lines = text.split('\n').count();
        prop_assert!(
            p.line >= 1 && p.line <= lines && p.column >= 1,
            "{:?} in {} lines",
            d,
            lines
        );
        prop_assert!(!d.message.contains('\n'), "{}", d.message);
        prop_assert!(prongsai::rules::find(d.code).is_some(), "{}", d.code);
    }
    Ok(())
}

/// The detector itself: trusted (unsanitized) output of the same inputs is caught.
#[test]
fn the_detector_finds_executable_markup_in_trusted_output() {
    for md in [
        "<script>alert(1)</script>",
        "<img src=x onerror=alert(1)>",
        "<a href=\"jav&#x61;script:alert(1)\">x</a>",
        "<p ONCLICK=x>y</p>",
    ] {
        let trusted = render_markdown(md, true);
        assert!(executable(&trusted.html).is_some(), "{md} → {}", trusted.html);
        assert_eq!(executable(&render_markdown(md, false).html), None, "{md}");
    }
}
