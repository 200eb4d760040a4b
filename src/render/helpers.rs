//! Template helpers every template can use (SPEC §7): Thai digits, BE dates, fiscal year of a
//! date, round names, two-decimal scores and the grade of a score.
//!
//! - `{{ 2564 | thai_digits }}` → ๒๕๖๔; `thai_digits(on=config.thai_digits)` converts only when
//!   the site shows Thai digits (for numbers the views do not format)
//! - `{{ "2021-04-26" | date_th }}` → 26 เมษายน 2564; `date_th(style="abbr")` → 26 เม.ย. 2564;
//!   `date_th(digits=true)` uses Thai digits
//! - `{{ "2021-04-26" | fiscal_year }}` → 2564
//! - `{{ 1 | round_name }}` → รอบ 6 เดือน (ตุลาคม – มีนาคม); `round_name(lang="en")`
//! - `{{ 92.898 | score }}` → 92.90
//! - `{{ 92.898 | grade(year=2566) }}` → ผ่าน (letters through 2565)

use std::collections::HashMap;

use tera::{Tera, Value};

use crate::thai::format::{format_date, DateStyle, Lang};

fn date_arg(value: &Value) -> tera::Result<crate::date::Date> {
    let text = value
        .as_str()
        .ok_or_else(|| tera::Error::msg("expects a date string such as \"2021-04-26\""))?;
    crate::thai::dates::parse_date_value(text).map_err(|e| tera::Error::msg(e.to_string()))
}

fn number_arg(value: &Value) -> tera::Result<f64> {
    match value {
        Value::Number(n) => n.as_f64().ok_or_else(|| tera::Error::msg("not a number")),
        Value::String(s) => {
            crate::thai::digits::parse_number(s).ok_or_else(|| tera::Error::msg(format!("\"{s}\" is not a number")))
        }
        _ => Err(tera::Error::msg("expects a number")),
    }
}

pub fn register(tera: &mut Tera) {
    tera.register_filter("thai_digits", |value: &Value, args: &HashMap<String, Value>| {
        let text = match value {
            Value::String(s) => s.clone(),
            Value::Null => String::new(),
            other => other.to_string(),
        };
        if args.get("on").and_then(Value::as_bool) == Some(false) {
            return Ok(Value::String(text));
        }
        Ok(Value::String(crate::thai::digits::to_thai_digits(&text)))
    });
    tera.register_filter("date_th", |value: &Value, args: &HashMap<String, Value>| {
        let date = date_arg(value)?;
        let style = match args.get("style").and_then(Value::as_str) {
            Some("abbr") => DateStyle::Abbr,
            Some("iso") => DateStyle::Iso,
            _ => DateStyle::Full,
        };
        let lang: Lang = args
            .get("lang")
            .and_then(Value::as_str)
            .unwrap_or("th")
            .parse()
            .unwrap_or_default();
        let digits = args.get("digits").and_then(Value::as_bool).unwrap_or(false);
        Ok(Value::String(format_date(date, style, lang, digits)))
    });
    tera.register_filter("fiscal_year", |value: &Value, _: &HashMap<String, Value>| {
        Ok(Value::from(crate::ita::fiscal::fiscal_year_of(date_arg(value)?)))
    });
    tera.register_filter("round_name", |value: &Value, args: &HashMap<String, Value>| {
        let round = value
            .as_u64()
            .and_then(|r| u8::try_from(r).ok())
            .ok_or_else(|| tera::Error::msg("round_name: expects 1 or 2"))?;
        let name = match args.get("lang").and_then(Value::as_str) {
            Some("en") => crate::ita::fiscal::round_name_en(round),
            _ => crate::ita::fiscal::round_name_th_ascii(round),
        };
        Ok(Value::String(name.unwrap_or("").to_string()))
    });
    tera.register_filter("score", |value: &Value, _: &HashMap<String, Value>| {
        Ok(Value::String(crate::ita::score::format_score(number_arg(value)?)))
    });
    tera.register_filter("grade", |value: &Value, args: &HashMap<String, Value>| {
        let total = crate::ita::score::round2(number_arg(value)?);
        let year = args.get("year").and_then(Value::as_i64).unwrap_or(2565) as i32;
        Ok(Value::String(
            crate::ita::verdict::Verdict::for_year(year, total)
                .label_th()
                .to_string(),
        ))
    });
}

#[cfg(test)]
mod tests {
    use super::*;

    fn render(template: &str) -> String {
        let mut tera = Tera::default();
        register(&mut tera);
        tera.render_str(template, &tera::Context::new())
            .unwrap_or_else(|e| format!("error: {e}"))
    }

    #[test]
    fn helpers_format_thai_values() {
        assert_eq!(render("{{ 2564 | thai_digits }}"), "๒๕๖๔");
        assert_eq!(render("{{ 2564 | thai_digits(on=true) }}"), "๒๕๖๔");
        assert_eq!(render("{{ 2564 | thai_digits(on=false) }}"), "2564");
        assert_eq!(render("{{ \"2021-04-26\" | date_th }}"), "26 เมษายน 2564");
        assert_eq!(
            render("{{ \"2021-04-26\" | date_th(style=\"abbr\", digits=true) }}"),
            "๒๖ เม.ย. ๒๕๖๔"
        );
        assert_eq!(render("{{ \"2020-10-01\" | fiscal_year }}"), "2564");
        assert_eq!(render("{{ 92.898 | score }}"), "92.90");
        assert_eq!(render("{{ 92.898 | grade(year=2564) }}"), "A");
        assert_eq!(render("{{ 92.6876 | grade(year=2567) }}"), "ผ่าน");
        assert!(render("{{ 1 | round_name }}").contains('6'));
    }
}
