// Shared setup of the browser tests: build the example portal with the real binary, serve it
// under a sub-path with a tiny static server (not prongsai's own), launch the system Chromium
// through playwright-core, and watch every page for console errors and failed requests.
import assert from "node:assert/strict";
import fs from "node:fs";
import http from "node:http";
import os from "node:os";
import path from "node:path";
import { execFileSync } from "node:child_process";
import { fileURLToPath, pathToFileURL } from "node:url";
import { chromium } from "playwright-core";

const here = path.dirname(fileURLToPath(import.meta.url));
export const crate = path.resolve(here, "..", "..");
export const axePath = path.join(here, "node_modules", "axe-core", "axe.min.js");
export const CHROMIUM = process.env.PRONGSAI_CHROMIUM || "/usr/bin/chromium";
export const SUB = "/portal/";

// The prongsai binary: $PRONGSAI_BIN, else a `cargo build` (a no-op when up to date).
let binary = null;
export function prongsaiBin() {
  if (binary) return binary;
  if (process.env.PRONGSAI_BIN) return (binary = process.env.PRONGSAI_BIN);
  execFileSync("cargo", ["build", "--quiet", "--locked", "--bin", "prongsai"], { cwd: crate, stdio: "inherit" });
  const target = process.env.CARGO_TARGET_DIR ? path.resolve(crate, process.env.CARGO_TARGET_DIR) : path.join(crate, "target");
  binary = path.join(target, "debug", process.platform === "win32" ? "prongsai.exe" : "prongsai");
  assert.ok(fs.existsSync(binary), `no binary at ${binary}`);
  return binary;
}

export function tmpDir(prefix) {
  return fs.mkdtempSync(path.join(os.tmpdir(), `prongsai-browser-${prefix}-`));
}

// Builds a portal (by default the example portal, content/ of this repository) into a new
// temp folder.
export function buildSite(args, prefix, root = crate) {
  const out = path.join(tmpDir(prefix), "out");
  try {
    execFileSync(prongsaiBin(), ["--root", root, "build", "--output-dir", out, ...args], { cwd: crate, stdio: "pipe" });
  } catch (e) {
    throw new Error(`prongsai build of ${root} failed:\n${e.stderr ? e.stderr.toString() : e.message}`);
  }
  assert.ok(fs.existsSync(path.join(out, "search", "index.html")), "the build wrote no search page");
  return out;
}

const TYPES = {
  ".html": "text/html; charset=utf-8", ".css": "text/css; charset=utf-8", ".js": "text/javascript; charset=utf-8",
  ".json": "application/json", ".xml": "application/xml", ".txt": "text/plain; charset=utf-8",
  ".csv": "text/csv; charset=utf-8", ".svg": "image/svg+xml", ".png": "image/png", ".jpg": "image/jpeg",
  ".pdf": "application/pdf", ".woff2": "font/woff2",
};

// The Content-Security-Policy every page is served with: nothing but the portal's own files,
// no inline script or style. A violation shows as a console error, which fails the test.
export const CSP = "default-src 'self'";

// A static server at http://127.0.0.1:PORT/portal/ for the folder `site.dir` (set once the
// site is built: its base_url needs the port). Nothing is served outside the sub-path; folders
// answer with their index.html, a folder without its trailing slash is redirected, and a
// missing path gets the portal's 404.html with status 404, as a static host does.
export async function serve(site) {
  const server = http.createServer((req, res) => {
    const url = new URL(req.url, "http://x");
    let rel;
    try { rel = decodeURIComponent(url.pathname); } catch { rel = null; }
    if (!site.dir || rel === null || !rel.startsWith(SUB) || rel.includes("\0")) return notFound(res, site);
    const file = path.join(site.dir, rel.slice(SUB.length));
    if (file !== site.dir && !file.startsWith(site.dir + path.sep)) return notFound(res, site);
    let st = fs.statSync(file, { throwIfNoEntry: false });
    if (st && st.isDirectory()) {
      if (!url.pathname.endsWith("/")) {
        res.writeHead(301, { location: url.pathname + "/" + url.search });
        return res.end();
      }
      const index = path.join(file, "index.html");
      if (fs.existsSync(index)) return send(res, index);
    } else if (st && st.isFile()) return send(res, file);
    notFound(res, site);
  });
  await new Promise((ok) => server.listen(0, "127.0.0.1", ok));
  return { port: server.address().port, close: () => new Promise((ok) => server.close(ok)) };
}
function send(res, file, status = 200) {
  const type = TYPES[path.extname(file)] || "application/octet-stream";
  res.writeHead(status, { "content-type": type, "cache-control": "no-store", "content-security-policy": CSP });
  fs.createReadStream(file).pipe(res);
}
function notFound(res, site) {
  const page = site && site.dir ? path.join(site.dir, "404.html") : null;
  if (page && fs.existsSync(page)) return send(res, page, 404);
  res.writeHead(404, { "content-type": "text/plain" });
  res.end("not found");
}

function removeBuild(out) {
  if (!process.env.PRONGSAI_KEEP) fs.rmSync(path.dirname(out), { recursive: true, force: true });
}

// The two ways a portal is read: over HTTP under a sub-path (built with that base_url), and
// from a folder built with --file-links (file://). `site.url(p)` is the address of the site
// path p ("" for home, "2564/" ...) as that mode's links write it.
export async function httpSite(root = crate) {
  const site = { mode: "http", dir: null };
  const srv = await serve(site);
  site.base = `http://127.0.0.1:${srv.port}${SUB}`;
  site.origin = `http://127.0.0.1:${srv.port}`;
  site.dir = buildSite(["--base-url", site.base], "http", root);
  site.url = (p = "") => site.base + p;
  site.close = async () => {
    await srv.close();
    removeBuild(site.dir);
  };
  return site;
}
export function fileSite() {
  const site = { mode: "file", dir: buildSite(["--file-links"], "file") };
  site.base = pathToFileURL(site.dir).href + "/";
  site.url = (p = "") => site.base + (p === "" || p.endsWith("/") ? p + "index.html" : p);
  site.close = async () => removeBuild(site.dir);
  return site;
}
export const modes = { http: httpSite, file: async () => fileSite() };

// Chromium as the project runs it: the system build, no network beyond this machine. Playwright
// gives every launch a fresh temporary profile (user-data-dir) and removes it on close.
export async function launch() {
  assert.ok(fs.existsSync(CHROMIUM), `no Chromium at ${CHROMIUM}: apt-get install chromium (see .ci/run)`);
  return chromium.launch({
    executablePath: CHROMIUM,
    args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
      "--disable-background-networking", "--disable-component-update", "--disable-sync"],
  });
}

// A page that records what a person would notice broke: console errors (a CSP violation is
// one), uncaught exceptions, requests that failed or answered >= 400 (but the 404 page when
// `page.expect404` is set). `problems()` lists them; `assertClean()` fails on any;
// `requests()` lists every URL the page asked for.
export async function watchedPage(context) {
  const page = await context.newPage();
  const seen = [];
  page.on("console", (m) => {
    if (m.type() !== "error") return;
    // the 404 page answers 404, and Chromium says so in the console
    if (page.expect404 && /status of 404/.test(m.text()) && m.location().url === page.url()) return;
    seen.push(`console error: ${m.text()} (${m.location().url})`);
  });
  page.on("pageerror", (e) => seen.push(`page error: ${e.message}`));
  page.on("requestfailed", (r) => {
    const why = r.failure() ? r.failure().errorText : "failed";
    // a navigation that the page itself replaces (clicking a result) aborts the old load
    if (why !== "net::ERR_ABORTED" || !r.isNavigationRequest()) seen.push(`request failed: ${r.url()} ${why}`);
  });
  page.on("response", (r) => {
    // the 404 page itself answers 404, as it should
    if (r.status() >= 400 && !(r.status() === 404 && page.expect404 && r.request().isNavigationRequest())) seen.push(`HTTP ${r.status()}: ${r.url()}`);
  });
  const requested = [];
  page.on("request", (r) => requested.push(r.url()));
  page.requests = () => requested.slice();
  page.problems = () => seen.slice();
  page.assertClean = (what = "") => assert.deepEqual(seen, [], `${what} console errors or failed requests:\n${seen.join("\n")}`);
  return page;
}

// The axe-core rules the theme must pass: WCAG 2.0 and 2.1, levels A and AA.
export const WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"];

// Runs axe (WCAG 2.1 A/AA rules only) on the page as it is; returns every violation, one
// line per element ("rule (impact): help — selector: snippet [why]").
// axe goes in through the DevTools protocol, not a <script> tag, which the page's
// Content-Security-Policy would (rightly) refuse.
let axeSource = null;
export async function axe(page) {
  axeSource = axeSource || fs.readFileSync(axePath, "utf8");
  if (!(await page.evaluate(() => Boolean(window.axe)))) await page.evaluate(`${axeSource};0`);
  const result = await page.evaluate((tags) => window.axe.run(document, {
    runOnly: { type: "tag", values: tags }, resultTypes: ["violations"],
  }), WCAG_TAGS);
  const lines = [];
  for (const v of result.violations) {
    for (const n of v.nodes) {
      const why = (n.any[0] || n.all[0] || n.none[0] || {}).message || "";
      lines.push(`${v.id} (${v.impact}): ${v.help} — ${n.target.join(" ")}: ${n.html.slice(0, 160)}${why ? ` [${why}]` : ""}`);
    }
  }
  return lines;
}
