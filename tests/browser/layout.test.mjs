// Phone layout: at 360×740 (a small Android phone) no page of the example portal scrolls
// sideways; wide tables scroll inside their own box. Screenshots of the home page (desktop and
// phone) go to a temp folder (or $PRONGSAI_SHOTS), for a person to look at; never committed.
import { after, before, describe, test } from "node:test";
import assert from "node:assert/strict";
import { httpSite, launch, screenshotPath, watchedPage } from "./helpers.mjs";

const PHONE = { viewport: { width: 360, height: 740 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true };
const DESKTOP = { viewport: { width: 1280, height: 800 } };
const PAGES = [
  ["home", ""],
  ["measure", "2564/measures/01-service-facilitation/"],
  ["year", "2564/"],
  ["OIT catalog", "2564/oit/"],
  ["report", "2564/report-h1/"],
  ["plan", "2564/plan/"],
  ["analysis", "2564/analysis/"],
  ["search with results", `search/?q=${encodeURIComponent("ทรัพย์สินของราชการ")}`],
];

let browser, site;
before(async () => {
  [browser, site] = await Promise.all([launch(), httpSite()]);
});
after(async () => {
  await browser?.close();
  await site?.close();
});

describe("phone layout, 360×740", () => {
  let context;
  before(async () => {
    context = await browser.newContext({ locale: "th-TH", ...PHONE });
    context.setDefaultTimeout(10_000);
  });
  after(async () => { await context?.close(); });

  for (const [name, rel] of PAGES) {
    test(`${name} page has no horizontal scroll`, async () => {
      const page = await watchedPage(context);
      await page.goto(site.url(rel));
      if (rel.startsWith("search/")) await page.waitForSelector(".search-results li > a");
      const m = await page.evaluate((width) => {
        const wide = []; // the widest offenders, to say what to fix
        for (const el of document.body.querySelectorAll("*")) {
          const r = el.getBoundingClientRect();
          if (r.right > width + 0.5) wide.push([r.right, `${el.tagName.toLowerCase()}${el.className ? "." + el.className : ""} ${Math.round(r.right)}px`]);
        }
        wide.sort((a, b) => b[0] - a[0]);
        return { innerWidth, scrollWidth: document.scrollingElement.scrollWidth, wide: wide.slice(0, 6).map((w) => w[1]) };
      }, PHONE.viewport.width);
      // a mobile browser zooms out on a page wider than the device: innerWidth must stay 360
      assert.equal(m.innerWidth, PHONE.viewport.width, `${name} widened the layout viewport: ${JSON.stringify(m)}`);
      assert.ok(m.scrollWidth <= m.innerWidth, `${name} scrolls sideways: scrollWidth ${m.scrollWidth} > ${m.innerWidth}; too wide: ${m.wide.join(", ")}`);
      if (name === "home") await page.screenshot({ path: screenshotPath("home-phone.png"), fullPage: true });
      if (name === "measure") await page.screenshot({ path: screenshotPath("measure-phone.png"), fullPage: true });
      page.assertClean();
      await page.close();
    });
  }
});

test("desktop screenshot of the home page", async (t) => {
  const context = await browser.newContext({ locale: "th-TH", ...DESKTOP });
  const page = await watchedPage(context);
  await page.goto(site.url(""));
  const file = screenshotPath("home-desktop.png");
  await page.screenshot({ path: file, fullPage: true });
  t.diagnostic(`screenshots in ${file.replace(/[^/]+$/, "")}`);
  // the header title is laid out on one or two lines, not one glyph per line
  const box = await page.locator(".site-title").boundingBox();
  assert.ok(box && box.width > 200, `site title box ${JSON.stringify(box)}`);
  page.assertClean();
  await context.close();
});
