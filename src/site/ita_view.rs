//! What the ITA templates see under `ita`: per kind, the typed data made readable (Thai
//! labels, BE dates, two-decimal scores, rendered Markdown), and for the home page, the
//! fiscal-year sections and the catalog pages the year overview and the coverage.

use serde_json::{json, Value};

use super::ita::{report_round, Year};
use super::Site;
use crate::ita::indicators;
use crate::ita::oit::{projected_oit, OitComputation};
use crate::ita::score::{format_score, round2};
use crate::ita::status::Status;
use crate::ita::verdict::Verdict;
use crate::model::measure::Measure;
use crate::model::memo::Memo;
use crate::model::KindData;
use crate::model::PageKind;
use crate::render::render_markdown;

const STATUSES: [Status; 4] = [Status::Done, Status::InProgress, Status::NotStarted, Status::Cancelled];

impl Site {
    fn en(&self) -> bool {
        self.config.language == "en"
    }

    fn show_date(&self, date: Option<crate::date::Date>) -> Option<String> {
        date.map(|d| super::context::display_date(d, &self.config.language, self.config.thai_digits))
    }

    fn digits(&self, text: String) -> String {
        if self.config.thai_digits {
            crate::thai::digits::to_thai_digits(&text)
        } else {
            text
        }
    }

    fn markdown(&self, text: &Option<String>) -> Option<String> {
        text.as_deref().map(|t| render_markdown(t, self.config.trust_html).html)
    }

    fn status_label(&self, status: Status) -> &'static str {
        if self.en() {
            status.label_en()
        } else {
            status.label_th()
        }
    }

    fn round_name(&self, round: u8) -> &'static str {
        let name = if self.en() {
            crate::ita::fiscal::round_name_en(round)
        } else if self.config.thai_digits {
            crate::ita::fiscal::round_name_th(round)
        } else {
            crate::ita::fiscal::round_name_th_ascii(round)
        };
        name.unwrap_or("")
    }

    pub fn year_of(&self, index: usize) -> Option<&Year> {
        self.pages[index].fiscal_year.and_then(|fy| self.ita.years.get(&fy))
    }

    /// The size of the asset at the site-relative `path` (assets are sorted by path).
    fn asset_size(&self, path: &str) -> Option<u64> {
        let i = self.assets.binary_search_by(|a| a.path.as_str().cmp(path)).ok()?;
        Some(self.assets[i].size)
    }

    /// The `ita` context of a page, or `Null` for plain pages.
    pub fn ita_view(&self, index: usize) -> Value {
        let page = &self.pages[index];
        if page.kind == PageKind::OitCatalog {
            return self.year_of(index).map_or(Value::Null, |y| self.catalog_view(y));
        }
        if page.is_section && page.path.is_empty() {
            return self.home_view();
        }
        if page.is_section {
            if let Some(year) = self.ita.years.values().find(|y| y.section == index) {
                return self.year_view(year);
            }
        }
        match &page.data {
            KindData::Page => Value::Null,
            KindData::Measure(m) => self.measure_view(index, m),
            KindData::OItem(o) => {
                let year = self.year_of(index);
                let item = year
                    .and_then(|y| self.ita.catalogs.get(y.framework))
                    .and_then(|c| c.item(o.item));
                let files: Vec<Value> = o
                    .files
                    .iter()
                    .map(|f| {
                        let rel = format!("{}/{}", page.dir, f);
                        let size = self.asset_size(&rel);
                        let ext = f.rsplit('.').next().unwrap_or("").to_uppercase();
                        json!({"name": f, "path": rel, "type": ext, "size": size.map(human_size), "exists": size.is_some()})
                    })
                    .collect();
                json!({
                    "id": o.item.to_string(),
                    "official_title": item.map(|i| i.title_th.clone()),
                    "confirmed": item.is_some_and(|i| i.is_confirmed()),
                    "confidence": item.map(|i| self.confidence_label(i.confidence)),
                    "notice": year.map_or(Value::Null, |y| self.catalog_notice(y)),
                    "sub_indicator": item.map(|i| format!("{} {}", i.sub_indicator, i.sub_indicator_title)),
                    "indicator": item.map(|i| i.indicator),
                    "data_year": item.map(|i| if self.en() { i.data_year.label_en() } else { i.data_year.label_th() }),
                    "fiscal_year": page.fiscal_year,
                    "framework": year.map(|y| y.framework),
                    "links": o.links,
                    "files": files,
                    "reader_path": self.reader_path(index),
                })
            }
            KindData::Analysis { analysis, memo } => {
                let a = analysis;
                let tools = a.scores.tools();
                let total = a.scores.total().map(round2);
                let tool_bars: Vec<Value> = [("IIT", tools.iit), ("EIT", tools.eit), ("OIT", tools.oit)]
                    .iter()
                    .map(
                        |(code, v)| json!({"label": code, "value": v, "text": v.map(|v| self.digits(format_score(v)))}),
                    )
                    .collect();
                let rows: Vec<Value> = (1..=10u8)
                    .map(|n| {
                        json!({
                            "number": n,
                            "name": if self.en() { indicators::name_en(n) } else { indicators::name_th(n) },
                            "tool": indicators::tool_of(n).map(|t| t.code()),
                            "label": if self.en() { format!("Indicator {n}") } else { self.digits(format!("ตัวชี้วัด {n}")) },
                            "score": a.scores.get(n).map(|s| self.digits(format_score(s))),
                            "value": a.scores.get(n),
                            "findings": a.findings.iter().filter(|f| f.indicator == Some(n)).map(|f| &f.text).collect::<Vec<_>>(),
                        })
                    })
                    .collect();
                let oit = a.oit_failed.as_ref().and_then(|failed| {
                    let catalog = self.ita.catalogs.get(a.assessed_year)?;
                    crate::ita::oit::oit_from_failed(catalog, failed)
                        .ok()
                        .map(|c| self.oit_table(&c))
                });
                json!({
                    "assessed_year": a.assessed_year,
                    "indicators": rows,
                    "tools": {
                        "IIT": tools.iit.map(|v| self.digits(format_score(v))),
                        "EIT": tools.eit.map(|v| self.digits(format_score(v))),
                        "OIT": tools.oit.map(|v| self.digits(format_score(v))),
                    },
                    "tool_bars": tool_bars,
                    "total": total.map(|t| self.digits(format_score(t))),
                    "total_value": total,
                    "history": self.score_history(),
                    "verdict": total.map(|t| { let v = Verdict::for_year(a.assessed_year, t); if self.en() { v.label_en() } else { v.label_th() } }),
                    "passed": total.map(crate::ita::verdict::passed),
                    "published_total": a.published_total.map(|t| self.digits(format_score(t))),
                    "published_grade": a.published_grade,
                    "general_findings": a.findings.iter().filter(|f| f.indicator.is_none()).map(|f| &f.text).collect::<Vec<_>>(),
                    "oit": oit,
                    "memo": memo.as_ref().map(|m| self.memo_view(m)),
                })
            }
            KindData::Plan { memo } => {
                let year = self.year_of(index);
                let measures: Vec<Value> = year.map_or(Vec::new(), |y| {
                    y.measures.iter().map(|&m| self.measure_row(m)).collect()
                });
                json!({"measures": measures, "memo": memo.as_ref().map(|m| self.memo_view(m))})
            }
            KindData::Report { round, memo } => {
                let mut view = self
                    .year_of(index)
                    .map_or(Value::Null, |y| self.report_table(y, *round));
                view["memo"] = memo.as_ref().map_or(Value::Null, |m| self.memo_view(m));
                view
            }
            KindData::Memo(m) => self.memo_view(m),
        }
    }

    fn measure_row(&self, index: usize) -> Value {
        let KindData::Measure(m) = &self.pages[index].data else {
            return Value::Null;
        };
        json!({
            "path": self.pages[index].path,
            "title": self.pages[index].title,
            "number": self.digits(m.number.to_string()),
            "steps": m.steps,
            "owners": m.owners,
            "period": m.period,
            "start": self.show_date(m.start),
            "end": self.show_date(m.end),
            "reporting": m.reporting,
            "indicators": m.indicators,
            "items": m.items.iter().map(|i| i.to_string()).collect::<Vec<_>>(),
        })
    }

    fn measure_view(&self, index: usize, m: &Measure) -> Value {
        let mut row = self.measure_row(index);
        row["indicator_names"] = json!(m
            .indicators
            .iter()
            .map(|&n| json!({"number": n, "name": if self.en() { indicators::name_en(n) } else { indicators::name_th(n) }}))
            .collect::<Vec<_>>());
        let year = self.year_of(index);
        row["item_links"] = json!(m
            .items
            .iter()
            .map(|id| json!({"id": id.to_string(), "path": year.and_then(|y| y.o_items.get(id)).map(|&p| &self.pages[p].path)}))
            .collect::<Vec<_>>());
        row["progress"] = json!(m
            .progress
            .iter()
            .map(|p| json!({
                "round": p.round,
                "round_name": self.round_name(p.round),
                "status": p.status.as_str(),
                "status_label": self.status_label(p.status),
                "result": self.markdown(&p.result),
                "outcome": self.markdown(&p.outcome),
                "suggestion": self.markdown(&p.suggestion),
                "date": self.show_date(p.date),
            }))
            .collect::<Vec<_>>());
        row
    }

    fn report_table(&self, year: &Year, round: u8) -> Value {
        let mut counts = [0usize; 4];
        let mut not_reported = 0usize;
        let rows: Vec<Value> = year
            .measures
            .iter()
            .map(|&i| {
                let KindData::Measure(m) = &self.pages[i].data else {
                    return Value::Null;
                };
                let mut row = self.measure_row(i);
                match m.progress_for(round) {
                    Some(p) => {
                        counts[STATUSES.iter().position(|s| *s == p.status).unwrap_or(0)] += 1;
                        row["reported"] = json!(true);
                        row["status"] = json!(p.status.as_str());
                        row["status_label"] = json!(self.status_label(p.status));
                        row["result"] = json!(self.markdown(&p.result));
                        row["outcome"] = json!(self.markdown(&p.outcome));
                        row["suggestion"] = json!(self.markdown(&p.suggestion));
                    }
                    None => {
                        not_reported += 1;
                        row["reported"] = json!(false);
                        row["status"] = json!("not-reported");
                        row["status_label"] = json!(if self.en() {
                            "Not reported"
                        } else {
                            "ยังไม่รายงาน"
                        });
                    }
                }
                row
            })
            .collect();
        let total = year.measures.len();
        let share = |n: usize| {
            if total == 0 {
                0.0
            } else {
                round2(n as f64 * 100.0 / total as f64)
            }
        };
        let mut summary: Vec<Value> = STATUSES
            .iter()
            .zip(counts)
            .map(|(s, n)| json!({"status": s.as_str(), "label": self.status_label(*s), "count": n, "share": share(n), "share_display": self.digits(format!("{:.0}", share(n)))}))
            .collect();
        summary.push(json!({"status": "not-reported", "label": if self.en() { "Not reported" } else { "ยังไม่รายงาน" }, "count": not_reported, "share": share(not_reported), "share_display": self.digits(format!("{:.0}", share(not_reported)))}));
        json!({"round": round, "round_name": self.round_name(round), "rows": rows, "summary": summary, "total": total})
    }

    fn memo_view(&self, m: &Memo) -> Value {
        json!({
            "agency": m.agency,
            "ref": m.reference,
            "date": self.show_date(m.date),
            "subject": m.subject,
            "to": m.to,
            "signatures": m.signatures.iter().map(|s| json!({
                "name": s.name, "position": s.position, "note": s.note,
                "date": s.date_text(&self.config.language, self.config.thai_digits),
            })).collect::<Vec<_>>(),
        })
    }

    fn oit_table(&self, c: &OitComputation) -> Value {
        json!({
            "indicator9": c.indicator(9).map(|v| self.digits(format_score(v))),
            "indicator10": c.indicator(10).map(|v| self.digits(format_score(v))),
            "oit": c.oit().map(|v| self.digits(format_score(v))),
            "exact": c.exact,
            "sub_indicators": c.sub_indicators.iter().map(|s| json!({
                "id": s.id, "title": s.title_th, "passed": s.passed, "total": s.total,
                "score": s.score().map(|v| self.digits(format_score(v))),
                "failed": s.items.iter().filter(|(_, ok)| !ok).map(|(id, _)| id.to_string()).collect::<Vec<_>>(),
            })).collect::<Vec<_>>(),
        })
    }

    /// "หน้าแรก → ปีงบประมาณ … → รายการข้อมูล OIT → O43 …": what a reader clicks from the
    /// home page, to paste into the assessors' explanation field.
    pub fn reader_path(&self, index: usize) -> String {
        let home = crate::i18n::get(&self.config.language, "home");
        let mut parts: Vec<String> = self
            .breadcrumbs(index)
            .iter()
            .map(|c| {
                if c.path.is_empty() {
                    home.to_string()
                } else {
                    c.title.to_string()
                }
            })
            .collect();
        parts.push(self.pages[index].title.clone());
        parts.join(" → ")
    }

    /// The year's O-item catalog: each item published (linked) or missing, and the OIT the
    /// published items would earn.
    pub fn catalog_view(&self, year: &Year) -> Value {
        let Some(catalog) = self.ita.catalogs.get(year.framework) else {
            return json!({"framework": year.framework, "missing_catalog": true, "notice": null});
        };
        let published = year.o_items.keys().copied().collect();
        let projected = projected_oit(catalog, &published);
        let groups: Vec<Value> = [9u8, 10]
            .iter()
            .map(|&n| {
                let subs: Vec<Value> = catalog
                    .sub_indicators_of(n)
                    .map(|s| {
                        let items: Vec<Value> = catalog
                            .items_in_sub_indicator(&s.id)
                            .map(|item| {
                                let page = year.o_items.get(&item.id).copied();
                                json!({
                                    "id": item.id.to_string(),
                                    "title": item.title_th,
                                    "confirmed": item.is_confirmed(),
                                    "confidence": self.confidence_label(item.confidence),
                                    "data_year": if self.en() { item.data_year.label_en() } else { item.data_year.label_th() },
                                    "published": page.is_some(),
                                    "path": page.map(|p| &self.pages[p].path),
                                    "reader_path": page.map(|p| self.reader_path(p)),
                                })
                            })
                            .collect();
                        json!({"id": s.id, "title": s.title_th, "confirmed": s.is_confirmed(), "items": items})
                    })
                    .collect();
                json!({"indicator": n, "title": catalog.indicator_title_th(n), "sub_indicators": subs})
            })
            .collect();
        let (passed, total) = projected.passed_and_total();
        json!({
            "framework": year.framework,
            "fiscal_year": year.fiscal_year,
            "provisional": catalog.is_provisional(),
            "notice": self.catalog_notice(year),
            "groups": groups,
            "published": passed,
            "total": total,
            "projected": self.oit_table(&projected),
        })
    }

    /// What a reader must be told about the year's catalog, or `Null` when NACC's list is
    /// in force as read from its manual: the catalog is research (its confidence is not
    /// high), or it stands in for a year NACC has not published (`provisional_for`).
    /// Templates show it on every page that uses the catalog (year, home, OIT list, items).
    pub fn catalog_notice(&self, year: &Year) -> Value {
        let Some(catalog) = self.ita.catalogs.get(year.framework) else {
            return Value::Null;
        };
        let confidence = catalog.framework.confidence;
        let research = confidence < crate::ita::catalog::Confidence::High;
        if !research && year.provisional_for.is_none() {
            return Value::Null;
        }
        json!({
            "framework": year.framework,
            "research": research,
            "confidence": self.confidence_label(confidence),
            "provisional_for": year.provisional_for,
            "source": catalog.source_name,
        })
    }

    fn confidence_label(&self, confidence: crate::ita::catalog::Confidence) -> &'static str {
        if self.en() {
            confidence.as_str()
        } else {
            confidence.label_th()
        }
    }

    fn year_view(&self, year: &Year) -> Value {
        let link = |i: &usize| json!({"path": self.pages[*i].path, "title": self.pages[*i].title});
        let catalog = self.catalog_view(year);
        let latest_report = year
            .reports
            .last()
            .map(|&r| self.report_table(year, report_round(&self.pages[r])));
        json!({
            "fiscal_year": year.fiscal_year,
            "framework": year.framework,
            "analyses": year.analyses.iter().map(link).collect::<Vec<_>>(),
            "plans": year.plans.iter().map(link).collect::<Vec<_>>(),
            "reports": year.reports.iter().map(link).collect::<Vec<_>>(),
            "memos": year.memos.iter().map(link).collect::<Vec<_>>(),
            "measures": year.measures.iter().map(|&m| self.measure_row(m)).collect::<Vec<_>>(),
            "catalog": year.catalog_page.map(|p| json!({"path": self.pages[p].path, "title": self.pages[p].title})),
            "notice": catalog["notice"],
            "coverage": {"published": catalog["published"], "total": catalog["total"], "projected_oit": catalog["projected"]["oit"]},
            "score": year.analyses.first().map(|&a| self.ita_view(a)),
            "progress": latest_report,
            "years": self.ita.years.values().rev().map(|y| json!({"fiscal_year": y.fiscal_year, "path": self.pages[y.section].path})).collect::<Vec<_>>(),
        })
    }

    fn home_view(&self) -> Value {
        match self.ita.years.values().next_back() {
            Some(latest) => json!({"latest": self.year_view(latest), "history": self.score_history()}),
            None => Value::Null,
        }
    }

    /// The total of every analysis on the site, oldest assessment first: the year-over-year
    /// chart's bars (`label` the assessed year, `value` the total, `text` as shown).
    fn score_history(&self) -> Vec<Value> {
        let mut rows: Vec<(i32, Option<f64>, &str)> = self
            .ita
            .years
            .values()
            .flat_map(|y| y.analyses.iter())
            .filter_map(|&i| match &self.pages[i].data {
                KindData::Analysis { analysis, .. } => Some((
                    analysis.assessed_year,
                    analysis.scores.total().map(round2),
                    self.pages[i].path.as_str(),
                )),
                _ => None,
            })
            .collect();
        rows.sort_by_key(|r| r.0);
        rows.iter()
            .map(|(year, total, path)| {
                json!({
                    "assessed_year": year,
                    "label": self.digits(year.to_string()),
                    "value": total,
                    "text": total.map(|t| self.digits(format_score(t))),
                    "path": path,
                })
            })
            .collect()
    }
}

pub fn human_size(bytes: u64) -> String {
    match bytes {
        b if b >= 1 << 20 => format!("{:.1} MB", b as f64 / (1u64 << 20) as f64),
        b if b >= 1 << 10 => format!("{:.0} KB", b as f64 / 1024.0),
        b => format!("{b} B"),
    }
}
