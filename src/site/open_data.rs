//! Open data in every fiscal-year folder (SPEC §5): `scores.json`, `measures.json`,
//! `measures.csv` (UTF-8 with BOM so Excel opens Thai correctly) and `oit.json`. Dates are
//! ISO 8601 in the common era, numbers are numbers, statuses are in English.

use serde_json::{json, Value};

use super::ita::Year;
use super::Site;
use crate::ita::oit::projected_oit;
use crate::ita::score::round2;
use crate::ita::verdict::Verdict;
use crate::model::KindData;

/// (site-relative path, bytes) of every data file.
pub fn files(site: &Site) -> Vec<(String, Vec<u8>)> {
    let mut out = Vec::new();
    for year in site.ita.years.values() {
        let dir = &site.pages[year.section].path;
        if let Some(scores) = scores(site, year) {
            out.push((format!("{dir}scores.json"), pretty(&scores)));
        }
        let measures = measures(site, year);
        out.push((format!("{dir}measures.csv"), measures_csv(&measures)));
        out.push((format!("{dir}measures.json"), pretty(&Value::Array(measures))));
        out.push((format!("{dir}oit.json"), pretty(&oit(site, year))));
    }
    out
}

fn pretty(value: &Value) -> Vec<u8> {
    let mut bytes = serde_json::to_vec_pretty(value).unwrap_or_default();
    bytes.push(b'\n');
    bytes
}

fn scores(site: &Site, year: &Year) -> Option<Value> {
    let KindData::Analysis { analysis, .. } = &site.pages[*year.analyses.first()?].data else {
        return None;
    };
    let indicators: serde_json::Map<String, Value> = (1..=10u8)
        .filter_map(|n| analysis.scores.get(n).map(|s| (n.to_string(), json!(round2(s)))))
        .collect();
    let tools = analysis.scores.tools();
    let total = analysis.scores.total().map(round2);
    Some(json!({
        "fiscal_year": year.fiscal_year,
        "assessed_year": analysis.assessed_year,
        "framework": year.framework,
        "indicators": indicators,
        "tools": {"IIT": tools.iit.map(round2), "EIT": tools.eit.map(round2), "OIT": tools.oit.map(round2)},
        "total": total,
        "grade": total.map(|t| Verdict::for_year(analysis.assessed_year, t).label_th()),
        "passed": total.map(crate::ita::verdict::passed),
    }))
}

fn measures(site: &Site, year: &Year) -> Vec<Value> {
    year.measures
        .iter()
        .filter_map(|&i| {
            let page = &site.pages[i];
            let KindData::Measure(m) = &page.data else { return None };
            Some(json!({
                "number": m.number,
                "title": page.title,
                "indicators": m.indicators,
                "items": m.items,
                "owners": m.owners,
                "steps": m.steps,
                "period": m.period,
                "start": m.start,
                "end": m.end,
                "reporting": m.reporting,
                "url": crate::render::urls::absolute(&site.base_url(), &page.path),
                "progress": m.progress.iter().map(|p| json!({
                    "round": p.round, "status": p.status.as_str(), "result": p.result,
                    "outcome": p.outcome, "suggestion": p.suggestion, "date": p.date,
                })).collect::<Vec<_>>(),
            }))
        })
        .collect()
}

/// One row per measure and round (a measure with no progress gets one row without one).
fn measures_csv(measures: &[Value]) -> Vec<u8> {
    const COLUMNS: [&str; 17] = [
        "number",
        "title",
        "indicators",
        "items",
        "owners",
        "steps",
        "period",
        "start",
        "end",
        "reporting",
        "url",
        "round",
        "status",
        "result",
        "outcome",
        "suggestion",
        "date",
    ];
    let mut out = String::from("\u{FEFF}");
    out.push_str(&COLUMNS.join(","));
    out.push_str("\r\n");
    for m in measures {
        let progress = m["progress"].as_array().cloned().unwrap_or_default();
        let rounds = if progress.is_empty() {
            vec![Value::Null]
        } else {
            progress
        };
        for p in rounds {
            let cells: Vec<String> = COLUMNS
                .iter()
                .map(|&c| {
                    let v = if ["round", "status", "result", "outcome", "suggestion", "date"].contains(&c) {
                        &p[c]
                    } else {
                        &m[c]
                    };
                    csv_cell(v)
                })
                .collect();
            out.push_str(&cells.join(","));
            out.push_str("\r\n");
        }
    }
    out.into_bytes()
}

fn csv_cell(value: &Value) -> String {
    let text = match value {
        Value::Null => String::new(),
        Value::String(s) => s.clone(),
        Value::Array(items) => items
            .iter()
            .map(|i| i.as_str().map_or_else(|| i.to_string(), str::to_string))
            .collect::<Vec<_>>()
            .join("; "),
        other => other.to_string(),
    };
    // Cells that a spreadsheet would run as a formula are prefixed (CSV injection).
    let text = if text.starts_with(['=', '+', '-', '@']) && text.parse::<f64>().is_err() {
        format!("'{text}")
    } else {
        text
    };
    if text.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", text.replace('"', "\"\""))
    } else {
        text
    }
}

fn oit(site: &Site, year: &Year) -> Value {
    let Some(catalog) = site.ita.catalogs.get(year.framework) else {
        return json!({"framework": year.framework, "items": [], "projected_oit": null});
    };
    let items: Vec<Value> = catalog
        .items
        .iter()
        .map(|item| {
            let page = year.o_items.get(&item.id);
            json!({
                "id": item.id,
                "title": item.title_th,
                "indicator": item.indicator,
                "sub_indicator": item.sub_indicator,
                "published": page.is_some(),
                "url": page.map(|&p| crate::render::urls::absolute(&site.base_url(), &site.pages[p].path)),
            })
        })
        .collect();
    let projected = projected_oit(catalog, &year.o_items.keys().copied().collect());
    json!({
        "fiscal_year": year.fiscal_year,
        "framework": year.framework,
        "items": items,
        "projected": {"indicator9": projected.indicator(9).map(round2), "indicator10": projected.indicator(10).map(round2), "OIT": projected.oit().map(round2)},
    })
}
