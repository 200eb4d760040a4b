// Screenshots of every page kind of the default theme for the book (book/src/images/), made
// by hand, not by CI: `node tests/browser/screenshots.mjs [OUT_DIR]` (after
// `npm ci --prefix tests/browser`). Desktop shots are the first 1280×860 of each page; the
// phone shots (320 px wide) show how a table page and the home page read on a small screen.
import fs from "node:fs";
import { execFileSync } from "node:child_process";
import path from "node:path";
import { crate, launch, watchedPage } from "./helpers.mjs";
import { PAGE_KINDS, openKind, portalSites } from "./pages.mjs";

const out = path.resolve(process.argv[2] || path.join(crate, "book", "src", "images"));
fs.mkdirSync(out, { recursive: true });

const DESKTOP = { viewport: { width: 1280, height: 860 } };
const PHONE = { viewport: { width: 320, height: 640 }, isMobile: true, hasTouch: true };
const slug = (name) => name.toLowerCase().replace(/[^a-z0-9]+/g, "-").replace(/^-|-$/g, "");

// Where a desktop shot starts when the top of the page is not the interesting part.
const START_AT = { "analysis": "figure.chart", "analysis with history": "section.history" };
const ABOVE = 90; // px of what comes before it (its heading)

const shots = [
  ...PAGE_KINDS.map((k) => [k, DESKTOP, `theme-${slug(k[0])}.png`, false]),
  [PAGE_KINDS.find((k) => k[0] === "report"), PHONE, "theme-report-phone.png", "section.report-progress"],
  [PAGE_KINDS.find((k) => k[0] === "home"), PHONE, "theme-home-phone.png", true],
];

// Screenshots of text compress well to a palette: pngquant (Debian's package) when present
// keeps each under the book's ~150 KB budget.
function shrink(file) {
  try {
    execFileSync("pngquant", ["--force", "--skip-if-larger", "--quality", "65-90", "--output", file, file], { stdio: "pipe" });
  } catch (e) {
    if (e.code === "ENOENT") console.warn("pngquant not found: apt-get install pngquant for smaller images");
  }
}

const [browser, sites] = await Promise.all([launch(), portalSites()]);
try {
  for (const scheme of ["light", "dark"]) {
    for (const [kind, device, file, full] of shots) {
      // dark mode: one desktop shot is enough to show it
      if (scheme === "dark" && file !== "theme-home.png") continue;
      const context = await browser.newContext({ locale: "th-TH", colorScheme: scheme, ...device });
      const page = await watchedPage(context);
      await openKind(page, sites, kind);
      const start = !full && START_AT[kind[0]];
      if (start) {
        await page.evaluate(([sel, above]) => window.scrollTo(0, document.querySelector(sel).getBoundingClientRect().top + window.scrollY - above), [start, ABOVE]);
      }
      const name = scheme === "dark" ? file.replace(".png", "-dark.png") : file;
      const target = path.join(out, name);
      // a phone shot shows the first two screens, enough to see the header and a table
      // (from the element `full` names, when it names one)
      let clip;
      if (full) {
        const [top, height] = await page.evaluate((sel) => [
          sel === true ? 0 : Math.max(0, document.querySelector(sel).getBoundingClientRect().top + window.scrollY - 16),
          document.documentElement.scrollHeight,
        ], full);
        clip = { x: 0, y: top, width: device.viewport.width, height: Math.min(1400, height - top) };
      }
      await page.screenshot({ path: target, clip, fullPage: Boolean(full) });
      shrink(target);
      const problems = page.problems();
      if (problems.length) console.error(`${name}: ${problems.join("; ")}`);
      console.log(`${name}\t${fs.statSync(target).size} bytes`);
      await context.close();
    }
  }
} finally {
  await browser.close();
  await sites.close();
}
