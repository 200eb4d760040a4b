// Phone layout: at 320 px wide (the narrowest phone WCAG reflow asks for) no kind of page
// scrolls sideways: the report and plan tables stack into one card per row, other wide tables
// scroll inside their own labelled box. At desktop width the header title is laid out as a
// line, not one glyph per line, and the report is a table again.
import { after, before, describe, test } from "node:test";
import assert from "node:assert/strict";
import { launch, watchedPage } from "./helpers.mjs";
import { PAGE_KINDS, openKind, portalSites } from "./pages.mjs";

const PHONE = { viewport: { width: 320, height: 640 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true };
const DESKTOP = { viewport: { width: 1280, height: 800 } };

let browser, sites;
before(async () => {
  [browser, sites] = await Promise.all([launch(), portalSites()]);
});
after(async () => {
  await browser?.close();
  await sites?.close();
});

describe("phone layout, 320×640", () => {
  let context;
  before(async () => {
    context = await browser.newContext({ locale: "th-TH", ...PHONE });
    context.setDefaultTimeout(10_000);
  });
  after(async () => { await context?.close(); });

  for (const kind of PAGE_KINDS) {
    const name = kind[0];
    test(`${name} page has no horizontal scroll`, async () => {
      const page = await watchedPage(context);
      await openKind(page, sites, kind);
      const m = await page.evaluate((width) => {
        const wide = []; // the widest offenders outside a scroll box, to say what to fix
        for (const el of document.body.querySelectorAll("*")) {
          if (el.closest(".table-wrap") && !el.classList.contains("table-wrap")) continue;
          const r = el.getBoundingClientRect();
          if (r.right > width + 0.5) wide.push([r.right, `${el.tagName.toLowerCase()}${el.className ? "." + el.className : ""} ${Math.round(r.right)}px`]);
        }
        wide.sort((a, b) => b[0] - a[0]);
        // every box that does scroll is reachable by keyboard and named when it is a region
        const boxes = [...document.querySelectorAll(".table-wrap")].map((b) => ({
          scrolls: b.scrollWidth > b.clientWidth, tabindex: b.getAttribute("tabindex"),
          role: b.getAttribute("role"), named: Boolean(b.getAttribute("aria-labelledby") || b.getAttribute("aria-label")),
        }));
        return { innerWidth, scrollWidth: document.scrollingElement.scrollWidth, wide: wide.slice(0, 6).map((w) => w[1]), boxes };
      }, PHONE.viewport.width);
      // a mobile browser zooms out on a page wider than the device: innerWidth must stay 320
      assert.equal(m.innerWidth, PHONE.viewport.width, `${name} widened the layout viewport: ${JSON.stringify(m)}`);
      assert.ok(m.scrollWidth <= m.innerWidth, `${name} scrolls sideways: scrollWidth ${m.scrollWidth} > ${m.innerWidth}; too wide: ${m.wide.join(", ")}`);
      for (const b of m.boxes) {
        if (b.scrolls) assert.equal(b.tabindex, "0", `${name}: a table box scrolls but cannot be focused: ${JSON.stringify(b)}`);
        if (b.role === "region") assert.ok(b.named, `${name}: a table region has no name: ${JSON.stringify(b)}`);
      }
      page.assertClean();
      await page.close();
    });
  }

  test("the O-item catalog tables scroll inside their named box on a phone, the page does not", async () => {
    const page = await watchedPage(context);
    await openKind(page, sites, PAGE_KINDS.find((k) => k[0] === "O-item catalog"));
    const box = await page.evaluate(() => {
      const b = document.querySelector("table.catalog").closest(".table-wrap");
      return { scrolls: b.scrollWidth > b.clientWidth, label: document.getElementById(b.getAttribute("aria-labelledby"))?.textContent };
    });
    assert.ok(box.scrolls, "the catalog table fits 320 px, so this test no longer shows the scroll box");
    assert.ok(box.label && box.label.length > 0, `the scroll box is not named by the caption: ${JSON.stringify(box)}`);
    page.assertClean();
    await page.close();
  });

  test("the report table stacks on a phone: each row a card, each cell under its column's name", async () => {
    const page = await watchedPage(context);
    await openKind(page, sites, PAGE_KINDS.find((k) => k[0] === "report"));
    const t = await page.evaluate(() => {
      const table = document.querySelector("table.report"), wrap = table.closest(".table-wrap");
      const td = table.querySelector("tbody td[data-label]");
      return { row: getComputedStyle(table.querySelector("tbody tr")).display, scrolls: wrap.scrollWidth > wrap.clientWidth,
        label: getComputedStyle(td, "::before").content, expected: td.dataset.label };
    });
    assert.equal(t.row, "block", "report rows are not stacked");
    assert.equal(t.scrolls, false, "a stacked report still scrolls sideways in its box");
    assert.ok(t.label.includes(t.expected), `a stacked cell does not show its column's name: ${JSON.stringify(t)}`);
    page.assertClean();
    await page.close();
  });
});

test("desktop: the header title is one or two lines, not one glyph per line; the report is a table", async () => {
  const context = await browser.newContext({ locale: "th-TH", ...DESKTOP });
  const page = await watchedPage(context);
  await openKind(page, sites, PAGE_KINDS[0]);
  const box = await page.locator(".site-title").boundingBox();
  assert.ok(box && box.width > 200, `site title box ${JSON.stringify(box)}`);
  await openKind(page, sites, PAGE_KINDS.find((k) => k[0] === "report"));
  const row = await page.evaluate(() => getComputedStyle(document.querySelector("table.report tbody tr")).display);
  assert.equal(row, "table-row");
  page.assertClean();
  await context.close();
});
