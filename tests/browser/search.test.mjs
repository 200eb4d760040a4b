// Search in a real browser, on the example portal built twice: served over HTTP under a
// sub-path, and opened from a folder (--file-links, file://). Typing a Thai query into the
// header form or the search page shows results, the first result is the right page and opens,
// a spacing/tone-mark variant finds the same, a query with no hits says so in Thai, and
// nothing logs an error or fails to load.
import { after, before, describe, test } from "node:test";
import assert from "node:assert/strict";
import { launch, modes, watchedPage } from "./helpers.mjs";

// From content/2564/measures/: a word of one measure's title, and the title of another.
const PROPERTY = { path: "2564/measures/05-state-property/", title: "มาตรการการใช้ทรัพย์สินของราชการ" };
const SERVICE = {
  path: "2564/measures/01-service-facilitation/",
  title: "กิจกรรมการอำนวยความสะดวกในการให้บริการประชาชนอย่างเท่าเทียมและทั่วถึง",
};
const NO_RESULTS = "ไม่พบผลลัพธ์";

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

// Waits until the search box has answered `query` (its status says found / not found).
async function answered(page, query) {
  await page.waitForFunction(
    (q) => {
      const box = document.querySelector("[data-prongsai-search]");
      const status = box && box.querySelector("[data-status]").textContent;
      return box.querySelector("input").value === q && /^(พบ|ไม่พบ)/.test(status || "");
    },
    query,
    { timeout: 10_000 },
  );
  return page.evaluate(() => {
    const box = document.querySelector("[data-prongsai-search]");
    return {
      status: box.querySelector("[data-status]").textContent,
      links: [...box.querySelectorAll(".search-results li > a")].map((a) => ({ href: a.href, text: a.textContent })),
      marks: [...box.querySelectorAll(".search-results mark")].map((m) => m.textContent),
    };
  });
}

for (const [mode, open] of Object.entries(modes)) {
  describe(`search (${mode})`, () => {
    let site, context;
    before(async () => {
      site = await open();
      context = await browser.newContext({ locale: "th-TH" });
      context.setDefaultTimeout(10_000);
    });
    after(async () => {
      await context?.close();
      await site?.close();
    });

    test("the header form finds a measure by a word of its title, and the result opens it", async () => {
      const page = await watchedPage(context);
      await page.goto(site.url(""));
      await page.locator("#site-search-q").fill("ทรัพย์สินของราชการ");
      await Promise.all([page.waitForURL(/\/search\/(index\.html)?\?q=/), page.locator("#site-search-q").press("Enter")]);
      assert.equal(new URL(page.url()).searchParams.get("q"), "ทรัพย์สินของราชการ");
      const got = await answered(page, "ทรัพย์สินของราชการ");
      assert.match(got.status, /^พบ \d+ รายการ/);
      assert.ok(got.links.length >= 1, "no results listed");
      assert.equal(got.links[0].href, site.url(PROPERTY.path), `first result: ${JSON.stringify(got.links)}`);
      assert.equal(got.links[0].text, PROPERTY.title);
      assert.ok(got.marks.some((m) => m.includes("ทรัพย์สินของราชการ")), `highlights: ${got.marks}`);
      await Promise.all([page.waitForURL(site.url(PROPERTY.path)), page.locator(".search-results li > a").first().click()]);
      assert.equal(await page.locator("main h1").textContent(), PROPERTY.title);
      page.assertClean();
      await page.close();
    });

    test("a spacing or tone-mark variant finds what the canonical query finds", async () => {
      const page = await watchedPage(context);
      await page.goto(site.url("search/"));
      const input = page.locator("#search-input");
      const run = async (q) => {
        await input.fill("");
        await input.pressSequentially(q);
        return answered(page, q);
      };
      const canonical = await run("อำนวยความสะดวก");
      assert.match(canonical.status, /^พบ/);
      assert.equal(canonical.links[0].href, site.url(SERVICE.path));
      // sara am typed as nikhahit + sara aa, and a space between Thai words
      const spaced = await run("อํานวยความ สะดวก");
      assert.deepEqual(spaced.links, canonical.links);
      assert.equal(spaced.status, canonical.status);
      // tone mark typed before mai han-akat (ท่ั for ทั่)
      const tone = await run("เท่าเทียมและท่ัวถึง");
      assert.match(tone.status, /^พบ/);
      assert.equal(tone.links[0].href, site.url(SERVICE.path));
      assert.equal(tone.links[0].text, SERVICE.title);
      // keyboard: ArrowDown from the box focuses the first result, Enter opens it
      await input.press("ArrowDown");
      assert.equal(await page.evaluate(() => document.activeElement.href), site.url(SERVICE.path));
      await Promise.all([page.waitForURL(site.url(SERVICE.path)), page.keyboard.press("Enter")]);
      assert.equal(await page.locator("main h1").textContent(), SERVICE.title);
      page.assertClean();
      await page.close();
    });

    test("a query with no hits says so in Thai", async () => {
      const page = await watchedPage(context);
      await page.goto(site.url("search/"));
      await page.locator("#search-input").pressSequentially("ไม่มีคำนี้ในเว็บไซต์แน่นอน");
      const got = await answered(page, "ไม่มีคำนี้ในเว็บไซต์แน่นอน");
      assert.equal(got.status, NO_RESULTS);
      assert.deepEqual(got.links, []);
      assert.equal(await page.locator("[data-status]").getAttribute("aria-live"), "polite");
      page.assertClean();
      await page.close();
    });
  });
}
