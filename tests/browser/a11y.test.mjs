// Accessibility of the default theme in a real browser: axe-core with the WCAG 2.0 and 2.1
// level A and AA rules finds no violation at all (any impact) on any kind of page, at desktop
// width (1280 px) and phone width (320 px), in the light and the dark colour scheme; and the
// keyboard path in: the first Tab from the top of a page reaches a visible "skip to content"
// link that moves focus to the main content.
import { after, before, describe, test } from "node:test";
import assert from "node:assert/strict";
import { axe, httpSite, launch, watchedPage } from "./helpers.mjs";
import { PAGE_KINDS, openKind, portalSites } from "./pages.mjs";

const WIDTHS = [1280, 320];

let browser, sites;
before(async () => {
  [browser, sites] = await Promise.all([launch(), portalSites()]);
});
after(async () => {
  await browser?.close();
  await sites?.close();
});

for (const scheme of ["light", "dark"]) {
  for (const width of WIDTHS) {
    describe(`axe-core WCAG 2.1 A/AA, ${scheme} colour scheme, ${width} px`, () => {
      let context;
      before(async () => {
        context = await browser.newContext({ locale: "th-TH", colorScheme: scheme, viewport: { width, height: 800 } });
        context.setDefaultTimeout(10_000);
      });
      after(async () => { await context?.close(); });

      for (const kind of PAGE_KINDS) {
        test(`${kind[0]} page has no violations`, async () => {
          const page = await watchedPage(context);
          await openKind(page, sites, kind);
          const found = await axe(page);
          assert.ok(found.length === 0, `${found.length} axe violation(s) on ${page.url()}:\n${found.join("\n")}`);
          page.assertClean();
          await page.close();
        });
      }
    });
  }
}

describe("keyboard", () => {
  let context, site;
  before(async () => {
    site = await httpSite();
    context = await browser.newContext({ locale: "th-TH" });
    context.setDefaultTimeout(10_000);
  });
  after(async () => {
    await context?.close();
    await site?.close();
  });

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

  test("focus is visible: a focused link and a focused table box are drawn differently from unfocused ones", async () => {
    const page = await watchedPage(context);
    await page.goto(site.url("2564/report-h1/"));
    const look = (sel) => page.evaluate((s) => {
      const st = getComputedStyle(document.querySelector(s));
      return `${st.outlineStyle} ${st.outlineWidth} ${st.boxShadow} ${st.backgroundColor}`;
    }, sel);
    for (const sel of ["main .table-wrap", "main table a"]) {
      const before = await look(sel);
      await page.focus(sel);
      // :focus-visible applies to keyboard focus; press Tab then Shift+Tab to land there by keyboard
      await page.keyboard.press("Tab");
      await page.keyboard.press("Shift+Tab");
      const during = await look(sel);
      assert.notEqual(during, before, `${sel} looks the same focused and unfocused: ${during}`);
    }
    page.assertClean();
    await page.close();
  });
});
