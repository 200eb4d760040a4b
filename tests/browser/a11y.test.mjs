// Accessibility of the default theme in a real browser: axe-core on each kind of page (no
// serious or critical violation, light and dark colour schemes), and the keyboard path in:
// the first Tab from the top of a page reaches a visible "skip to content" link that moves
// focus to the main content.
import { after, before, describe, test } from "node:test";
import assert from "node:assert/strict";
import { axePath, httpSite, launch, watchedPage } from "./helpers.mjs";

const PAGES = [
  ["home", ""],
  ["year", "2564/"],
  ["measure", "2564/measures/05-state-property/"],
  ["OIT catalog", "2564/oit/"],
  ["O-item", "2564/oit/o42/"],
  ["analysis", "2564/analysis/"],
  ["plan", "2564/plan/"],
  ["report", "2564/report-h1/"],
  ["about", "about/"],
  ["search with results", `search/?q=${encodeURIComponent("ทรัพย์สินของราชการ")}`],
];
const FAIL_ON = new Set(["serious", "critical"]);

let browser, site;
before(async () => {
  [browser, site] = await Promise.all([launch(), httpSite()]);
});
after(async () => {
  await browser?.close();
  await site?.close();
});

// Runs axe on the page as it is; returns the violations of FAIL_ON impact, one line per
// element ("rule (impact): help — selector: snippet").
async function axe(page) {
  await page.addScriptTag({ path: axePath });
  const result = await page.evaluate(() => window.axe.run(document, { resultTypes: ["violations"] }));
  const lines = [];
  for (const v of result.violations) {
    if (!FAIL_ON.has(v.impact)) continue;
    for (const n of v.nodes) {
      const why = (n.any[0] || n.all[0] || n.none[0] || {}).message || "";
      lines.push(`${v.id} (${v.impact}): ${v.help} — ${n.target.join(" ")}: ${n.html.slice(0, 160)}${why ? ` [${why}]` : ""}`);
    }
  }
  return lines;
}

for (const scheme of ["light", "dark"]) {
  describe(`axe-core, ${scheme} colour scheme`, () => {
    let context;
    before(async () => {
      context = await browser.newContext({ locale: "th-TH", colorScheme: scheme });
      context.setDefaultTimeout(10_000);
    });
    after(async () => { await context?.close(); });

    for (const [name, rel] of PAGES) {
      test(`${name} page has no serious or critical violations`, async () => {
        const page = await watchedPage(context);
        await page.goto(site.url(rel));
        if (rel.startsWith("search/")) {
          await page.waitForSelector(".search-results li > a");
        }
        const found = await axe(page);
        assert.ok(found.length === 0, `${found.length} axe violation(s) on ${site.url(rel)}:\n${found.join("\n")}`);
        page.assertClean();
        await page.close();
      });
    }
  });
}

describe("keyboard", () => {
  let context;
  before(async () => {
    context = await browser.newContext({ locale: "th-TH" });
    context.setDefaultTimeout(10_000);
  });
  after(async () => { await context?.close(); });

  for (const [name, rel] of [["home", ""], ["measure", "2564/measures/05-state-property/"]]) {
    test(`on the ${name} page the first Tab reaches the skip link, which moves focus to main`, async () => {
      const page = await watchedPage(context);
      await page.goto(site.url(rel));
      await page.keyboard.press("Tab");
      const first = await page.evaluate(() => {
        const el = document.activeElement, r = el.getBoundingClientRect();
        return { cls: el.className, text: el.textContent.trim(), href: el.getAttribute("href"),
          visible: r.width > 0 && r.height > 0 && r.left >= 0 && r.top >= 0 && r.right <= innerWidth };
      });
      assert.equal(first.text, "ข้ามไปยังเนื้อหา", `first Tab stop: ${JSON.stringify(first)}`);
      assert.equal(first.href, "#main");
      assert.ok(first.visible, `the focused skip link is not on screen: ${JSON.stringify(first)}`);
      await page.keyboard.press("Enter");
      assert.equal(await page.evaluate(() => document.activeElement.id), "main");
      // the next Tab goes on inside the main content, not back to the header
      await page.keyboard.press("Tab");
      assert.ok(await page.evaluate(() => document.querySelector("main").contains(document.activeElement)),
        "Tab after the skip link left the main content");
      page.assertClean();
      await page.close();
    });
  }
});
