// Every kind of page the default theme draws, and the portals they come from: the example
// portal (content/ of this repository), the memo fixture (the only memo page) and the
// analysis fixture (two analyses, so the year-over-year chart shows). Shared by the
// accessibility, layout and print tests and by screenshots.mjs.
import fs from "node:fs";
import path from "node:path";
import { crate, httpSite, tmpDir } from "./helpers.mjs";

export const PORTALS = {
  example: crate,
  memo: path.join(crate, "tests", "fixtures", "kind-memo"),
  years: path.join(crate, "tests", "fixtures", "kind-analysis"),
};

// [name, portal, site path, what to wait for before looking]
export const PAGE_KINDS = [
  ["home", "example", ""],
  ["home with several years", "years", ""],
  ["fiscal year", "example", "2564/"],
  ["analysis", "example", "2564/analysis/"],
  ["analysis with history", "years", "2567/analysis/"],
  ["plan", "example", "2564/plan/"],
  ["report", "example", "2564/report-h1/"],
  ["measure", "example", "2564/measures/05-state-property/"],
  ["O-item catalog", "example", "2564/oit/"],
  ["O-item", "example", "2564/oit/o42/"],
  ["memo", "memo", "2564/memo/"],
  ["plain page", "example", "about/"],
  ["search", "example", `search/?q=${encodeURIComponent("ทรัพย์สินของราชการ")}`, ".search-results li > a"],
  ["404", "example", "no-such-page/"],
];

// One HTTP site per portal that the kinds use, built once: { example: site, … }.
export async function portalSites(kinds = PAGE_KINDS) {
  const names = [...new Set(kinds.map((k) => k[1]))];
  const sites = await Promise.all(names.map((n) => httpSite(PORTALS[n])));
  const out = Object.fromEntries(names.map((n, i) => [n, sites[i]]));
  out.close = () => Promise.all(sites.map((s) => s.close()));
  return out;
}

// Opens one page kind on `page` (a watchedPage) and waits until it is ready to look at.
export async function openKind(page, sites, [name, portal, rel, ready]) {
  if (name === "404") page.expect404 = true;
  const response = await page.goto(sites[portal].url(rel));
  if (ready) await page.waitForSelector(ready);
  await page.evaluate(() => document.fonts.ready);
  return response;
}

// A copy of the example portal with `language = "en"` (and Arabic digits), in a temp
// folder (its root).
export function englishPortal() {
  const root = tmpDir("en");
  for (const part of ["content", "catalogs"]) {
    fs.cpSync(path.join(crate, part), path.join(root, part), { recursive: true });
  }
  const config = fs.readFileSync(path.join(crate, "prongsai.toml"), "utf8");
  // an English portal writes Arabic digits
  const english = config.replace(/^language = "th"$/m, 'language = "en"').replace(/^thai_digits = true$/m, "thai_digits = false");
  if (english === config) throw new Error("prongsai.toml has no language = \"th\" line to switch");
  fs.writeFileSync(path.join(root, "prongsai.toml"), english);
  return root;
}
