//! Bar charts drawn at build time as inline SVG, for the analysis page (indicator scores
//! against the maximum) and the year-over-year overview. No script and no inline style: the
//! geometry is in SVG attributes and every colour is a CSS class of the theme, so a strict
//! Content-Security-Policy holds and dark mode works. The chart is an image with a name
//! (`role="img"`, `aria-label`, `<title>`) and a `<desc>` listing the values; templates show
//! the same data as a table beside it.
//!
//! `{{ bar_chart(data=ita.indicators, title="…", max=100) }}` reads each row's `label`,
//! `value` (a number, or null for "no data") and `text` (the value as shown; Thai digits
//! already applied); `label=`, `value=`, `text=` and `class=` name other keys, `digits=true`
//! writes the axis in Thai digits.

use std::collections::HashMap;
use std::fmt::Write;

use tera::Value;

use super::highlight::html_escape;

/// The chart's width in SVG units; the theme scales it to the column (CSS `max-width`).
const WIDTH: f64 = 320.0;
const ROW: f64 = 24.0;
const BAR: f64 = 14.0;
const AXIS: f64 = 18.0;
const VALUE_COLUMN: f64 = 44.0;
const PAD: f64 = 6.0;

/// One bar: its label, value (none when there is no score) and the value as shown.
#[derive(Debug, Clone, PartialEq)]
pub struct Bar {
    pub label: String,
    pub value: Option<f64>,
    pub text: String,
    /// An extra CSS class for the bar (`tool-iit` …), when the data gives one.
    pub class: Option<String>,
}

/// How wide a label is in SVG units at the theme's chart font size, roughly: Thai vowels and
/// tone marks above or below a consonant take no width of their own.
fn label_width(label: &str) -> f64 {
    let advancing = label
        .chars()
        .filter(|&c| !matches!(c, '\u{0E31}' | '\u{0E34}'..='\u{0E3A}' | '\u{0E47}'..='\u{0E4E}'))
        .count();
    advancing as f64 * 7.6
}

fn fmt(x: f64) -> String {
    let rounded = (x * 10.0).round() / 10.0;
    if rounded.fract() == 0.0 {
        format!("{}", rounded as i64)
    } else {
        format!("{rounded:.1}")
    }
}

/// A horizontal bar chart of `bars` on a scale from 0 to `max`, as an SVG element.
pub fn bar_chart(bars: &[Bar], title: &str, max: f64, thai_digits: bool) -> String {
    let max = if max.is_finite() && max > 0.0 { max } else { 100.0 };
    let label_col = bars
        .iter()
        .map(|b| label_width(&b.label))
        .fold(0.0, f64::max)
        .clamp(24.0, 150.0)
        + PAD;
    let plot = WIDTH - label_col - VALUE_COLUMN;
    let height = bars.len() as f64 * ROW + AXIS;
    let digits = |s: String| {
        if thai_digits {
            crate::thai::digits::to_thai_digits(&s)
        } else {
            s
        }
    };
    let title = html_escape(title);
    let desc: Vec<String> = bars.iter().map(|b| format!("{} {}", b.label, b.text)).collect();
    let mut svg = String::with_capacity(256 + bars.len() * 320);
    let _ = write!(
        svg,
        "<svg class=\"bar-chart\" role=\"img\" aria-label=\"{title}\" viewBox=\"0 0 {w} {h}\" preserveAspectRatio=\"xMinYMin meet\" xmlns=\"http://www.w3.org/2000/svg\"><title>{title}</title><desc>{desc}</desc>",
        w = fmt(WIDTH),
        h = fmt(height),
        desc = html_escape(&desc.join(", ")),
    );
    // Grid lines and ticks at quarters of the scale.
    svg.push_str("<g class=\"axis\">");
    let rows_bottom = bars.len() as f64 * ROW;
    for q in 0..=4 {
        let x = label_col + plot * f64::from(q) / 4.0;
        let _ = write!(
            svg,
            "<line class=\"grid\" x1=\"{x}\" y1=\"0\" x2=\"{x}\" y2=\"{y}\"/><text class=\"tick\" x=\"{x}\" y=\"{ty}\" text-anchor=\"middle\">{t}</text>",
            x = fmt(x),
            y = fmt(rows_bottom),
            ty = fmt(rows_bottom + AXIS - 4.0),
            t = digits(fmt(max * f64::from(q) / 4.0)),
        );
    }
    svg.push_str("</g>");
    for (i, b) in bars.iter().enumerate() {
        let top = i as f64 * ROW;
        let middle = top + ROW / 2.0;
        let _ = write!(
            svg,
            "<g class=\"row\"><text class=\"label\" x=\"{lx}\" y=\"{my}\" text-anchor=\"end\" dominant-baseline=\"central\">{label}</text>",
            lx = fmt(label_col - PAD),
            my = fmt(middle),
            label = html_escape(&b.label),
        );
        let mut end = label_col;
        if let Some(v) = b.value.filter(|v| v.is_finite()) {
            let w = (v.clamp(0.0, max) / max) * plot;
            end = label_col + w;
            let class = b
                .class
                .as_deref()
                .map(|c| format!(" {}", html_escape(c)))
                .unwrap_or_default();
            let _ = write!(
                svg,
                "<rect class=\"bar{class}\" x=\"{x}\" y=\"{y}\" width=\"{w}\" height=\"{h}\"/>",
                x = fmt(label_col),
                y = fmt(top + (ROW - BAR) / 2.0),
                w = fmt(w),
                h = fmt(BAR),
            );
        }
        let _ = write!(
            svg,
            "<text class=\"value\" x=\"{x}\" y=\"{my}\" dominant-baseline=\"central\">{text}</text></g>",
            x = fmt(end + 4.0),
            my = fmt(middle),
            text = html_escape(&b.text),
        );
    }
    svg.push_str("</svg>");
    svg
}

/// The rows of `data` (an array of objects) as bars, reading the keys named in `args`.
fn bars_from(data: &Value, args: &HashMap<String, Value>) -> tera::Result<Vec<Bar>> {
    let key = |name: &str| args.get(name).and_then(Value::as_str).unwrap_or(name).to_string();
    let (label_key, value_key, text_key) = (key("label"), key("value"), key("text"));
    let class_key = args.get("class").and_then(Value::as_str);
    let rows = data
        .as_array()
        .ok_or_else(|| tera::Error::msg("bar_chart: `data` must be an array of objects"))?;
    Ok(rows
        .iter()
        .map(|row| {
            let value = match &row[&value_key] {
                Value::Number(n) => n.as_f64(),
                Value::String(s) => crate::thai::digits::parse_number(s),
                _ => None,
            };
            let text = match &row[&text_key] {
                Value::String(s) => s.clone(),
                Value::Number(n) => n.to_string(),
                _ if value.is_some() => value.map(fmt).unwrap_or_default(),
                _ => "–".to_string(),
            };
            let label = match &row[&label_key] {
                Value::String(s) => s.clone(),
                Value::Null => String::new(),
                other => other.to_string(),
            };
            let class = class_key.and_then(|k| row[k].as_str()).map(|c| c.to_ascii_lowercase());
            Bar {
                label,
                value,
                text,
                class,
            }
        })
        .collect())
}

struct BarChart;

impl tera::Function for BarChart {
    fn call(&self, args: &HashMap<String, Value>) -> tera::Result<Value> {
        let data = args
            .get("data")
            .ok_or_else(|| tera::Error::msg("bar_chart: needs `data`"))?;
        let bars = bars_from(data, args)?;
        let title = args.get("title").and_then(Value::as_str).unwrap_or("");
        let max = args.get("max").and_then(Value::as_f64).unwrap_or(100.0);
        let digits = args.get("digits").and_then(Value::as_bool).unwrap_or(false);
        Ok(Value::String(bar_chart(&bars, title, max, digits)))
    }

    fn is_safe(&self) -> bool {
        true
    }
}

pub fn register(tera: &mut tera::Tera) {
    tera.register_function("bar_chart", BarChart);
}

#[cfg(test)]
mod tests {
    use super::*;

    fn bar(label: &str, value: Option<f64>, text: &str) -> Bar {
        Bar {
            label: label.into(),
            value,
            text: text.into(),
            class: None,
        }
    }

    /// The `width` attributes of the bars, in order.
    fn widths(svg: &str) -> Vec<f64> {
        svg.split("<rect ")
            .skip(1)
            .filter_map(|r| r.split("width=\"").nth(1)?.split('"').next()?.parse().ok())
            .collect()
    }

    #[test]
    fn bars_are_proportional_to_the_value_against_the_max() {
        let svg = bar_chart(
            &[
                bar("A", Some(100.0), "100"),
                bar("B", Some(50.0), "50"),
                bar("C", Some(25.0), "25"),
            ],
            "t",
            100.0,
            false,
        );
        let w = widths(&svg);
        assert_eq!(w.len(), 3, "{svg}");
        assert!(w[0] > 0.0);
        assert!((w[1] * 2.0 - w[0]).abs() < 0.2, "{w:?}");
        assert!((w[2] * 4.0 - w[0]).abs() < 0.2, "{w:?}");
        // values beyond the scale are drawn at the scale's end, not past the chart
        let over = widths(&bar_chart(
            &[bar("A", Some(250.0), "250"), bar("B", Some(100.0), "100")],
            "t",
            100.0,
            false,
        ));
        assert_eq!(over[0], over[1]);
    }

    #[test]
    fn the_chart_is_a_named_image_with_its_values_in_text() {
        let svg = bar_chart(
            &[bar("ตัวชี้วัด ๑", Some(87.89), "๘๗.๘๙"), bar("<b>", None, "–")],
            "คะแนน \"ITA\"",
            100.0,
            true,
        );
        assert!(
            svg.starts_with("<svg class=\"bar-chart\" role=\"img\" aria-label=\"คะแนน &quot;ITA&quot;\""),
            "{svg}"
        );
        assert!(svg.contains("<title>คะแนน &quot;ITA&quot;</title>"));
        assert!(svg.contains("<desc>ตัวชี้วัด ๑ ๘๗.๘๙, &lt;b&gt; –</desc>"), "{svg}");
        // a missing value has its text but no bar; labels are escaped
        assert_eq!(widths(&svg).len(), 1);
        assert!(svg.contains(">&lt;b&gt;</text>"));
        // the axis is written in Thai digits when asked
        assert!(svg.contains(">๑๐๐</text>") && svg.contains(">๕๐</text>"), "{svg}");
        // no inline style: colours come from the theme's classes
        assert!(!svg.contains("style="), "{svg}");
        assert!(!svg.contains("fill="), "{svg}");
    }

    #[test]
    fn the_template_function_reads_named_keys() {
        let mut tera = tera::Tera::default();
        register(&mut tera);
        let mut ctx = tera::Context::new();
        ctx.insert(
            "rows",
            &serde_json::json!([
                {"name": "IIT", "v": 80.0, "s": "80.00", "tool": "IIT"},
                {"name": "EIT", "v": "40", "s": "40.00", "tool": "EIT"},
                {"name": "OIT", "v": null, "s": null, "tool": "OIT"},
            ]),
        );
        let out = tera
            .render_str(
                "{{ bar_chart(data=rows, label=\"name\", value=\"v\", text=\"s\", class=\"tool\", title=\"T\", max=100) }}",
                &ctx,
            )
            .unwrap_or_else(|e| format!("error: {e:?}"));
        assert!(out.starts_with("<svg"), "the output was escaped or failed: {out}");
        let w = widths(&out);
        assert_eq!(w.len(), 2, "{out}");
        assert!((w[0] - 2.0 * w[1]).abs() < 0.2, "{w:?}");
        assert!(out.contains("class=\"bar iit\""), "{out}");
        assert!(out.contains(">80.00</text>") && out.contains(">–</text>"), "{out}");
        let bad = tera.render_str("{{ bar_chart(data=1) }}", &tera::Context::new());
        assert!(bad.is_err());
    }
}
