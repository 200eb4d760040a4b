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

// Builds the example portal (content/ of this repository) into a new temp folder.
export function buildSite(args, prefix) {
  const out = path.join(tmpDir(prefix), "out");
  execFileSync(prongsaiBin(), ["--root", crate, "build", "--output-dir", out, ...args], { cwd: crate, stdio: "pipe" });
  assert.ok(fs.existsSync(path.join(out, "search", "index.html")), "the build wrote no search page");
  return out;
}

const TYPES = {
  ".html": "text/html; charset=utf-8", ".css": "text/css; charset=utf-8", ".js": "text/javascript; charset=utf-8",
  ".json": "application/json", ".xml": "application/xml", ".txt": "text/plain; charset=utf-8",
  ".csv": "text/csv; charset=utf-8", ".svg": "image/svg+xml", ".png": "image/png", ".jpg": "image/jpeg",
  ".pdf": "application/pdf",
};

// A static server at http://127.0.0.1:PORT/portal/ for the folder `site.dir` (set once the
// site is built: its base_url needs the port). Nothing is served outside the sub-path; folders
// answer with their index.html, and a folder without its trailing slash is redirected.
export async function serve(site) {
  const server = http.createServer((req, res) => {
    const url = new URL(req.url, "http://x");
    let rel;
    try { rel = decodeURIComponent(url.pathname); } catch { rel = null; }
    // Chromium asks the host's root for an icon (the theme declares none): the host's
    // business, not the portal's, so it gets an empty answer rather than a 404.
    if (url.pathname === "/favicon.ico") return res.writeHead(204).end();
    if (!site.dir || rel === null || !rel.startsWith(SUB) || rel.includes("\0")) return notFound(res);
    const file = path.join(site.dir, rel.slice(SUB.length));
    if (file !== site.dir && !file.startsWith(site.dir + path.sep)) return notFound(res);
    let st = fs.statSync(file, { throwIfNoEntry: false });
    if (st && st.isDirectory()) {
      if (!url.pathname.endsWith("/")) {
        res.writeHead(301, { location: url.pathname + "/" + url.search });
        return res.end();
      }
      const index = path.join(file, "index.html");
      if (fs.existsSync(index)) return send(res, index);
    } else if (st && st.isFile()) return send(res, file);
    notFound(res);
  });
  await new Promise((ok) => server.listen(0, "127.0.0.1", ok));
  return { port: server.address().port, close: () => new Promise((ok) => server.close(ok)) };
}
function send(res, file) {
  const type = TYPES[path.extname(file)] || "application/octet-stream";
  res.writeHead(200, { "content-type": type, "cache-control": "no-store" });
  fs.createReadStream(file).pipe(res);
}
function notFound(res) {
  res.writeHead(404, { "content-type": "text/plain" });
  res.end("not found");
}

function removeBuild(out) {
  if (!process.env.PRONGSAI_KEEP) fs.rmSync(path.dirname(out), { recursive: true, force: true });
}

// The two ways a portal is read: over HTTP under a sub-path (built with that base_url), and
// from a folder built with --file-links (file://). `site.url(p)` is the address of the site
// path p ("" for home, "2564/" ...) as that mode's links write it.
export async function httpSite() {
  const site = { mode: "http", dir: null };
  const srv = await serve(site);
  site.base = `http://127.0.0.1:${srv.port}${SUB}`;
  site.dir = buildSite(["--base-url", site.base], "http");
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

// A page that records what a person would notice broke: console errors, uncaught exceptions,
// requests that failed or answered >= 400. `problems()` lists them; `assertClean()` fails on any.
export async function watchedPage(context) {
  const page = await context.newPage();
  const seen = [];
  page.on("console", (m) => { if (m.type() === "error") seen.push(`console error: ${m.text()} (${m.location().url})`); });
  page.on("pageerror", (e) => seen.push(`page error: ${e.message}`));
  page.on("requestfailed", (r) => {
    const why = r.failure() ? r.failure().errorText : "failed";
    // a navigation that the page itself replaces (clicking a result) aborts the old load
    if (why !== "net::ERR_ABORTED" || !r.isNavigationRequest()) seen.push(`request failed: ${r.url()} ${why}`);
  });
  page.on("response", (r) => { if (r.status() >= 400) seen.push(`HTTP ${r.status()}: ${r.url()}`); });
  page.problems = () => seen.slice();
  page.assertClean = (what = "") => assert.deepEqual(seen, [], `${what} console errors or failed requests:\n${seen.join("\n")}`);
  return page;
}

// Writes screenshots into one temp folder per run (never into the repository).
let shots = null;
export function screenshotPath(name) {
  shots = shots || process.env.PRONGSAI_SHOTS || tmpDir("shots");
  fs.mkdirSync(shots, { recursive: true });
  return path.join(shots, name);
}
