// What the default theme promises beyond accessibility: no request ever leaves the portal
// (fonts, icon, styles and search are all its own files), a strict Content-Security-Policy
// (`default-src 'self'`) is never violated, print hides navigation and prints a memo and a
// report on A4 with repeated table headers and printed link targets, and `language = "en"`
// gives an English interface.
import { after, before, describe, test } from "node:test";
import assert from "node:assert/strict";
import fs from "node:fs";
import path from "node:path";
import { axe, CSP, httpSite, launch, watchedPage } from "./helpers.mjs";
import { PAGE_KINDS, englishPortal, openKind, portalSites } from "./pages.mjs";

let browser, sites;
before(async () => {
  [browser, sites] = await Promise.all([launch(), portalSites()]);
});
after(async () => {
  await browser?.close();
  await sites?.close();
});

// Records Content-Security-Policy violations as the page reports them (the script goes in
// through the DevTools protocol, which the policy does not govern).
async function cspWatchedPage(context) {
  const page = await watchedPage(context);
  await page.addInitScript(() => {
    window.__csp = [];
    document.addEventListener("securitypolicyviolation", (e) => window.__csp.push(`${e.violatedDirective} ${e.blockedURI}`));
  });
  return page;
}

describe("requests and Content-Security-Policy", () => {
  let context;
  before(async () => {
    context = await browser.newContext({ locale: "th-TH" });
    context.setDefaultTimeout(10_000);
  });
  after(async () => { await context?.close(); });

  for (const kind of PAGE_KINDS) {
    test(`${kind[0]} page: every request stays on the portal's origin, the CSP holds`, async () => {
      const page = await cspWatchedPage(context);
      const response = await openKind(page, sites, kind);
      assert.equal(response.headers()["content-security-policy"], CSP);
      const origin = sites[kind[1]].origin;
      const requests = page.requests();
      assert.ok(requests.some((u) => u.endsWith("/style.css")), `the stylesheet was not requested: ${requests.join(", ")}`);
      const away = requests.filter((u) => new URL(u).origin !== origin);
      assert.deepEqual(away, [], `requests that left ${origin}`);
      assert.deepEqual(await page.evaluate(() => window.__csp), [], "CSP violations");
      page.assertClean();
      await page.close();
    });
  }

  test("the self-hosted Sarabun font is what the text is set in", async () => {
    const page = await cspWatchedPage(context);
    await openKind(page, sites, PAGE_KINDS[0]);
    const fonts = await page.evaluate(async () => {
      await document.fonts.ready;
      return [...document.fonts].filter((f) => f.status === "loaded").map((f) => `${f.family} ${f.weight}`);
    });
    assert.ok(fonts.includes("Sarabun 400") && fonts.includes("Sarabun 700"), `loaded fonts: ${fonts.join(", ")}`);
    assert.ok(page.requests().some((u) => /fonts\/sarabun-thai-400-normal\.woff2$/.test(u)), "the Thai subset was not loaded");
    page.assertClean();
    await page.close();
  });

  test("control: an inline style and an inline script on the portal's origin are reported", async () => {
    const site = sites.example;
    fs.writeFileSync(path.join(site.dir, "csp-probe.html"),
      "<!doctype html><title>probe</title><style>p{color:red}</style><p style=\"color:blue\">x</p><script>document.title='ran'</script>");
    const page = await cspWatchedPage(context);
    await page.goto(site.url("csp-probe.html"));
    const seen = await page.evaluate(() => ({ csp: window.__csp, title: document.title }));
    assert.equal(seen.title, "probe", "the inline script ran: the policy was not applied");
    assert.ok(seen.csp.some((v) => v.startsWith("style-src")), `no style violation seen: ${JSON.stringify(seen)}`);
    assert.ok(seen.csp.some((v) => v.startsWith("script-src")), `no script violation seen: ${JSON.stringify(seen)}`);
    await page.close();
    fs.rmSync(path.join(site.dir, "csp-probe.html"));
  });
});

describe("print", () => {
  // A4 less the theme's @page margins (3 cm left, 2 cm right): 16 cm of line, in CSS px.
  const A4_LINE = Math.floor((16 / 2.54) * 96);
  let context;
  before(async () => {
    context = await browser.newContext({ locale: "th-TH", viewport: { width: A4_LINE, height: 1000 } });
    context.setDefaultTimeout(20_000);
  });
  after(async () => { await context?.close(); });

  // What print shows: the hidden chrome, the table heads, the clipped tables, link targets.
  async function printed(page) {
    await page.emulateMedia({ media: "print" });
    return page.evaluate(() => {
      const shown = (sel) => [...document.querySelectorAll(sel)].filter((e) => getComputedStyle(e).display !== "none").length;
      const main = document.querySelector("main");
      // one external and one internal link, to see what print adds after each
      const ext = Object.assign(document.createElement("a"), { href: "https://www.example.org/doc.pdf", textContent: "ext" });
      const int = Object.assign(document.createElement("a"), { href: "../plan/", textContent: "int" });
      main.append(ext, int);
      const after = (a) => getComputedStyle(a, "::after").content;
      return {
        chrome: { nav: shown(".site-nav"), search: shown(".site-search"), skip: shown(".skip-link"), crumbs: shown(".breadcrumbs"), pager: shown(".pager") },
        theads: [...document.querySelectorAll("main thead")].map((t) => getComputedStyle(t).display),
        clipped: [...document.querySelectorAll("main .table-wrap")].filter((b) => b.scrollWidth > b.clientWidth + 1).map((b) => b.querySelector("caption")?.textContent),
        external: after(ext), internal: after(int),
        memoTitle: shown(".memo-title"),
      };
    });
  }

  // The page sizes of a PDF, from its MediaBox entries, in points.
  function pdfPages(pdf) {
    const text = pdf.toString("latin1");
    return [...text.matchAll(/\/MediaBox\s*\[\s*0 0 ([\d.]+) ([\d.]+)\s*\]/g)].map((m) => [Number(m[1]), Number(m[2])]);
  }

  for (const name of ["report", "memo"]) {
    test(`the ${name} prints on A4: no navigation, table heads repeat, link targets shown, nothing clipped`, async () => {
      const page = await watchedPage(context);
      await openKind(page, sites, PAGE_KINDS.find((k) => k[0] === name));
      const p = await printed(page);
      assert.deepEqual(p.chrome, { nav: 0, search: 0, skip: 0, crumbs: 0, pager: 0 }, "navigation printed");
      assert.equal(p.memoTitle, 1, "the memo form's title is not printed");
      assert.ok(p.theads.length > 0 || name === "memo", "no table head to repeat");
      for (const d of p.theads) assert.equal(d, "table-header-group");
      assert.deepEqual(p.clipped, [], "tables clipped by their scroll box in print");
      assert.match(p.external, /https:\/\/www\.example\.org\/doc\.pdf/, "an external link's address is not printed");
      assert.equal(p.internal, "none", "an internal link got a printed address");
      const pdf = await page.pdf({ preferCSSPageSize: true, printBackground: false });
      const pages = pdfPages(pdf);
      assert.ok(pages.length >= 1, "no page in the PDF");
      for (const [w, h] of pages) {
        assert.ok(Math.abs(w - 595.3) < 2 && Math.abs(h - 841.9) < 2, `a page is ${w}×${h} pt, not A4`);
      }
      if (process.env.PRONGSAI_KEEP) fs.writeFileSync(path.join(path.dirname(sites.example.dir), `${name}.pdf`), pdf);
      page.assertClean();
      await page.close();
    });
  }
});

describe("English interface (language = \"en\")", () => {
  let site, root, context;
  before(async () => {
    root = englishPortal();
    site = await httpSite(root);
    context = await browser.newContext({ locale: "en-GB" });
    context.setDefaultTimeout(10_000);
  });
  after(async () => {
    await context?.close();
    await site?.close();
    if (root && !process.env.PRONGSAI_KEEP) fs.rmSync(root, { recursive: true, force: true });
  });

  test("home and report speak English and stay accessible", async () => {
    const page = await watchedPage(context);
    await page.goto(site.url(""));
    const ui = await page.evaluate(() => ({
      lang: document.documentElement.lang,
      skip: document.querySelector(".skip-link").textContent.trim(),
      search: document.querySelector(".site-search button").textContent.trim(),
      nav: document.querySelector(".main-nav").getAttribute("aria-label"),
      years: document.querySelector(".year-switcher").getAttribute("aria-label"),
      glance: document.querySelector("#glance-heading").textContent.trim(),
      status: [...document.querySelectorAll(".glance .status")].map((s) => s.textContent.trim()),
    }));
    assert.deepEqual(
      { lang: ui.lang, skip: ui.skip, search: ui.search, nav: ui.nav, years: ui.years },
      { lang: "en", skip: "Skip to content", search: "Search", nav: "Main navigation", years: "Choose a fiscal year" },
    );
    assert.match(ui.glance, /^At a glance Fiscal year 2564$/);
    assert.ok(ui.status.length > 0 && ui.status.every((s) => /^[A-Za-z ]+$/.test(s)), `status badges: ${ui.status}`);
    assert.deepEqual(await axe(page), []);
    await page.goto(site.url("2564/report-h1/"));
    const report = await page.evaluate(() => ({
      caption: document.querySelector("#cap-report").textContent.trim(),
      memo: document.querySelector(".memo-title")?.textContent.trim(),
      heads: [...document.querySelectorAll("table.report thead th")].map((t) => t.textContent.trim()),
    }));
    assert.equal(report.caption, "Progress by measure");
    assert.equal(report.memo, "Memorandum");
    assert.deepEqual(report.heads, ["Measure", "Status", "Result", "Responsible", "Period"]);
    assert.deepEqual(await axe(page), []);
    page.assertClean();
    await page.close();
  });
});
