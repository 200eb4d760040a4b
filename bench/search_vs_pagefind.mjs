#!/usr/bin/env node
// prongsai's search index against Pagefind, on the same built site, in one run.
//
//   node bench/search_vs_pagefind.mjs [--pages 10000 | --portal DIR] [--work DIR]
//                                     [--runs 3] [--pagefind-runs 3]
//
// 1. Generates the corpus with shared/bench/gen_corpus.py (or copies --portal), builds it
//    with `prongsai build` (timed, for context) and dumps what the indexer is fed
//    (`search_corpus docs`).
// 2. Times the index stage alone (`search_corpus index`, all cores and RAYON_NUM_THREADS=1)
//    and Pagefind (npm `pagefind`, pinned, installed by this script; its pagefind_extended
//    binary run directly on the built HTML), each under /usr/bin/time: wall time and peak RSS,
//    medians of the runs. Pagefind gets `--root-selector article --exclude-selectors .meta`:
//    the same text the prongsai index holds (title and body, no navigation, no dates).
// 3. Serves the site over HTTP and runs each tool's own browser code in headless Chromium
//    (playwright-core from tests/browser/node_modules): the files a first query fetches in a
//    fresh browser context (prongsai: client.js plus index files for the top 10;
//    Pagefind: pagefind.js, its WebAssembly, metadata, index chunks and the fragments of the
//    top 10), and every page each tool returns.
// 4. Ground truth is a Ctrl-F oracle computed here: the 10,000 generated pages
//    (`YYYY/section/name/`) whose title (h1) or body (the article without its date line)
//    contains the query after normalisation (the client's `prongsai.normalize`); a query
//    starting with a Latin letter or digit must start a word (`ita` is not found in `dita`).
//    Results outside the generated pages (section listings) are left out on both sides.
// Prints Markdown tables. Needs node >= 20, python3, cargo, /usr/bin/time, npm and Chromium
// (`npm ci --prefix tests/browser` once).
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import zlib from "node:zlib";
import { execFileSync, spawnSync } from "node:child_process";
import { fileURLToPath, pathToFileURL } from "node:url";

const PAGEFIND_VERSION = "1.6.0";
const here = path.dirname(fileURLToPath(import.meta.url));
const crate = path.resolve(here, "..");

// common ITA terms, words inside longer words, phrases, rare strings, Latin and digits, Thai
// digits, tone-mark pairs (one of each pair occurs nowhere), and words that occur nowhere
const QUERIES = [
  "งบประมาณ", "โปร่งใส", "การรับสินบน", "ความเสี่ยงการทุจริต", "ผลประโยชน์ทับซ้อน",
  "ประมวลจริยธรรม", "คู่มือการปฏิบัติงาน", "กองช่าง", "ป.ป.ช.", "ค่าวัสดุคอมพิวเตอร์",
  "ทุจริต", "ประมาณ", "กองคลังอนุมัติการรับสินบน", "ข้อมูลข่าวสาร", "ข้อมูลข้าวสาร",
  "ค่าจ้างเหมาบริการ", "ค้าจ้างเหมาบริการ", "O31", "405,000", "ปีงบประมาณ ๒๕๖๖",
  "ทุเรียนหมอนทอง", "blockchain",
];

function arg(name, fallback) {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 && process.argv[i + 1] !== undefined ? process.argv[i + 1] : fallback;
}
const pages = Number(arg("pages", 10000));
const runs = Number(arg("runs", 3));
const pfRuns = Number(arg("pagefind-runs", 3));
const work = path.resolve(arg("work", path.join(os.tmpdir(), "prongsai-search-bench")));
const gen = path.resolve(arg("gen", path.join(crate, "..", "shared", "bench", "gen_corpus.py")));
const pfDir = path.resolve(arg("pagefind-dir", path.join(work, `pagefind-${PAGEFIND_VERSION}`)));

const log = (...a) => console.error("·", ...a);
const median = (xs) => { const s = [...xs].sort((a, b) => a - b); return s[Math.floor((s.length - 1) / 2)]; };

// Runs a command under /usr/bin/time: wall seconds, peak RSS in MB, stdout.
function timed(cmd, args, env = {}) {
  const out = path.join(work, ".time");
  const r = spawnSync("/usr/bin/time", ["-f", "%e %M", "-o", out, cmd, ...args], {
    env: { ...process.env, ...env }, encoding: "utf8", maxBuffer: 1 << 26,
  });
  if (r.status !== 0) throw new Error(`${cmd} ${args.join(" ")} failed:\n${r.stderr}`);
  const [wall, kb] = fs.readFileSync(out, "utf8").trim().split("\n").pop().split(" ").map(Number);
  return { wall, mb: kb / 1024, stdout: r.stdout };
}
// Nothing is deleted while anything is timed: on ext4, creating thousands of files in the
// minutes after deleting thousands is several times slower (the inode allocator skips
// recently freed inodes), which would time the file system instead of the tool. Old output
// is renamed into `trash/` and removed at the end.
const trashDir = path.join(work, "trash");
let trashed = 0;
function trash(dir) {
  if (!fs.existsSync(dir)) return;
  fs.mkdirSync(trashDir, { recursive: true });
  fs.renameSync(dir, path.join(trashDir, String(trashed++)));
}
// Runs `run(dir)` n times, each into a new folder; the last one becomes `out`.
function repeat(n, out, run) {
  const all = [], dirs = [];
  for (let k = 0; k < n; k++) {
    dirs.push(`${out}.${k}`);
    trash(dirs[k]);
    all.push(run(dirs[k]));
  }
  trash(out);
  fs.renameSync(dirs[n - 1], out);
  dirs.slice(0, -1).forEach(trash);
  return { wall: median(all.map((r) => r.wall)), mb: median(all.map((r) => r.mb)), all };
}

function dirStats(dir) { // files, bytes, and bytes if each file were served gzipped
  let files = 0, bytes = 0, gzip = 0;
  for (const e of fs.readdirSync(dir, { withFileTypes: true, recursive: true })) {
    if (!e.isFile()) continue;
    const b = fs.readFileSync(path.join(e.parentPath ?? e.path, e.name));
    files++; bytes += b.length; gzip += zlib.gzipSync(b).length;
  }
  return { files, bytes, gzip };
}

// ---- 1. corpus, binaries, build ----
fs.mkdirSync(work, { recursive: true });
const portal = path.join(work, "portal");
const site = path.join(work, "site");
if (fs.existsSync(trashDir)) { // a run that stopped early
  const old = `${trashDir}.${process.pid}`;
  fs.renameSync(trashDir, old);
  trash(old);
}
trash(portal);
if (arg("portal")) {
  fs.mkdirSync(portal);
  for (const f of ["prongsai.toml", "content"]) fs.cpSync(path.join(arg("portal"), f), path.join(portal, f), { recursive: true });
} else {
  log(`generating ${pages} pages with ${gen}`);
  execFileSync("python3", [gen, "--flavor", "plain", "--pages", String(pages), "--out", portal, "--force"], { stdio: "ignore" });
}
log("cargo build --release (prongsai, search_corpus)");
execFileSync("cargo", ["build", "--release", "--locked", "--bin", "prongsai", "--example", "search_corpus"], { cwd: crate, stdio: "inherit" });
const target = process.env.CARGO_TARGET_DIR ? path.resolve(crate, process.env.CARGO_TARGET_DIR) : path.join(crate, "target");
const bin = path.join(target, "release", "prongsai");
const corpusBin = path.join(target, "release", "examples", "search_corpus");

log(`prongsai build × ${runs}`);
const build = repeat(runs, site, (out) => timed(bin, ["--root", portal, "build", "--output-dir", out]));
const docs = path.join(work, "docs.json");
execFileSync(corpusBin, ["docs", portal, docs], { stdio: "ignore" });

// ---- 2. index stage alone, and Pagefind ----
const ours = path.join(work, "ours");
const indexRun = (env) => (out) => {
  const r = timed(corpusBin, ["index", docs, out], env);
  const sec = (k) => Number(new RegExp(`${k}_seconds ([\\d.]+)`).exec(r.stdout)[1]);
  [r.inner, r.read, r.write] = [sec("build_index"), sec("read"), sec("write")];
  return r;
};
log(`search index × ${runs}, all cores and one thread`);
const index1 = repeat(runs, ours, indexRun({ RAYON_NUM_THREADS: "1" }));
const index = repeat(runs, ours, indexRun({}));
const inner = (r, k = "inner") => median(r.all.map((x) => x[k]));
// the index stage must write what `prongsai build` wrote
for (const e of fs.readdirSync(path.join(ours, "search"), { recursive: true })) {
  const a = path.join(ours, "search", e), b = path.join(site, "search", e);
  if (fs.statSync(a).isFile() && !fs.readFileSync(a).equals(fs.readFileSync(b))) throw new Error(`search/${e} differs from the build's`);
}

const pfPkg = path.join(pfDir, "node_modules", "pagefind", "package.json");
if (!fs.existsSync(pfPkg) || JSON.parse(fs.readFileSync(pfPkg, "utf8")).version !== PAGEFIND_VERSION) {
  log(`npm install pagefind@${PAGEFIND_VERSION} into ${pfDir}`);
  fs.mkdirSync(pfDir, { recursive: true });
  execFileSync("npm", ["install", "--prefix", pfDir, "--no-save", "--no-audit", "--no-fund", `pagefind@${PAGEFIND_VERSION}`], { stdio: "ignore" });
}
const { resolveBinaryPath } = await import(pathToFileURL(path.join(pfDir, "node_modules", "pagefind", "lib", "resolveBinary.js")).href);
const pfBin = resolveBinaryPath(["pagefind_extended", "pagefind"]);
const pfOut = path.join(site, "pagefind");
log(`pagefind ${PAGEFIND_VERSION} × ${pfRuns} (${pfBin})`);
const pf = repeat(pfRuns, pfOut, (out) => timed(pfBin, ["--site", site, "--output-subdir", path.basename(out),
  "--root-selector", "article", "--exclude-selectors", ".meta", "--silent"]));

// ---- 3. the oracle ----
const { loadClient } = await import(pathToFileURL(path.join(crate, "tests", "js", "harness.mjs")).href);
const { normalize } = loadClient().prongsai;
const LEAF = /^\d{4}\/[^/]+\/[^/]+\/index\.html$/;
const BLOCK = /^(address|article|aside|blockquote|br|caption|dd|div|dl|dt|figcaption|figure|footer|h[1-6]|header|hr|li|main|nav|ol|p|pre|section|table|tbody|td|tfoot|th|thead|tr|ul)$/i;
function visible(html) {
  return html.replace(/<(\/?)([a-zA-Z0-9]+)[^>]*>/g, (_, __, tag) => (BLOCK.test(tag) ? " " : ""))
    .replace(/&(#x[0-9a-f]+|#\d+|amp|lt|gt|quot|apos|nbsp);/gi, (_, e) => {
      const named = { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'", nbsp: "\u00a0" }[e.toLowerCase()];
      if (named) return named;
      return String.fromCodePoint(e[1] === "x" || e[1] === "X" ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10));
    });
}
const truth = new Map(); // url → [title key, body key]
for (const rel of fs.readdirSync(site, { recursive: true })) {
  if (!LEAF.test(rel)) continue;
  const html = fs.readFileSync(path.join(site, rel), "utf8");
  const article = /<article\b[^>]*>([\s\S]*?)<\/article>/.exec(html);
  if (!article) continue;
  const body = article[1].replace(/<p class="meta">[\s\S]*?<\/p>/, "");
  const h1 = /<h1\b[^>]*>([\s\S]*?)<\/h1>/.exec(body);
  truth.set(rel.slice(0, -"index.html".length), [normalize(visible(h1 ? h1[1] : "")), normalize(visible(body.replace(/<h1\b[\s\S]*?<\/h1>/, "")))]);
}
const latin = (c) => (/[a-z]/.test(c) ? 1 : /[0-9]/.test(c) ? 2 : 0);
function contains(hay, key) {
  for (let p = hay.indexOf(key); p >= 0; p = hay.indexOf(key, p + 1)) {
    if (!(p > 0 && latin(key[0]) && latin(hay[p - 1]) === latin(key[0]))) return true;
  }
  return false;
}
const oracle = (q) => {
  const key = normalize(q);
  return new Set([...truth].filter(([, keys]) => key && keys.some((k) => contains(k, key))).map(([u]) => u));
};
log(`oracle over ${truth.size} pages`);

// ---- 4. the browser ----
const helpers = await import(pathToFileURL(path.join(crate, "tests", "browser", "helpers.mjs")).href);
const served = { dir: site };
const srv = await helpers.serve(served);
const base = `http://127.0.0.1:${srv.port}${helpers.SUB}`;
const browser = await helpers.launch();
const gz = new Map();
function sizes(urls) { // bytes of the files behind `urls`, as sent and gzipped
  let raw = 0, gzip = 0;
  for (const u of urls) {
    const file = path.join(site, decodeURIComponent(new URL(u).pathname).slice(helpers.SUB.length));
    if (!gz.has(file)) { const b = fs.readFileSync(file); gz.set(file, [b.length, zlib.gzipSync(b).length]); }
    raw += gz.get(file)[0]; gzip += gz.get(file)[1];
  }
  return { raw, gzip, files: urls.length };
}
// one fresh context (empty cache) per call; `fn` runs in the search page; returns its value
// and the search files fetched
async function inPage(fn, q, prefix) {
  const context = await browser.newContext();
  const urls = [];
  context.on("request", (r) => { if (r.url().startsWith(base + prefix) && !r.url().endsWith("/search/")) urls.push(r.url()); });
  const page = await context.newPage();
  await page.goto(base + "search/");
  const value = await page.evaluate(fn, q);
  await context.close();
  return { value, ...sizes([...new Set(urls)]) };
}
const ourFirst = (q) => inPage((q) => window.prongsai.search(q).then((r) => r.length), q, "search/");
// every result of our client: the same client.js in Node (tests/js/harness.mjs), index files
// read from disk (loading thousands of text chunks through script tags is only slower)
const ourAll = async (q) => {
  const { prongsai } = loadClient({ dir: site });
  const r = await prongsai.search(q, { limit: 1e6 });
  return { value: { urls: r.map((x) => x.url), complete: r.complete && r.exact } };
};
const pfFirst = (q) => inPage(async (q) => {
  const pf = await import(new URL("../pagefind/pagefind.js", location.href).href);
  const r = await pf.search(q);
  await Promise.all(r.results.slice(0, 10).map((x) => x.data()));
  return r.results.length;
}, q, "pagefind/");
// every Pagefind result in Chromium, as page hashes; their addresses come from the fragment
// files (what `result.data()` would fetch one by one)
const pfAll = (q) => inPage(async (q) => {
  const pf = await import(new URL("../pagefind/pagefind.js", location.href).href);
  return (await pf.search(q)).results.map((x) => x.id);
}, q, "pagefind/");
const pfUrl = new Map();
for (const f of fs.readdirSync(path.join(pfOut, "fragment"))) {
  const raw = zlib.gunzipSync(fs.readFileSync(path.join(pfOut, "fragment", f))).toString("utf8");
  pfUrl.set(f.replace(/\.pf_fragment$/, ""), JSON.parse(raw.replace(/^pagefind_dcd/, "")).url);
}
const pfUrls = (ids) => ids.map((id) => {
  if (!pfUrl.has(id)) throw new Error(`no Pagefind fragment ${id}`);
  return pfUrl.get(id);
});

const leaf = (u) => { // a result address → the oracle's key, or null outside the generated pages
  const p = decodeURIComponent(new URL(u, base).pathname).replace(/index\.html$/, "");
  const m = /\d{4}\/[^/]+\/[^/]+\/$/.exec(p);
  return m && truth.has(m[0]) ? m[0] : null;
};
function score(urls, want) {
  const got = new Set(urls.map(leaf).filter(Boolean));
  let found = 0, extra = 0;
  for (const u of got) (want.has(u) ? found++ : extra++);
  return { found, extra, n: got.size };
}

const rows = [];
for (const q of QUERIES) {
  log(`query ${q}`);
  const want = oracle(q);
  const [of, oa, pff, pfa] = [await ourFirst(q), await ourAll(q), await pfFirst(q), await pfAll(q)];
  if (!oa.value.complete) throw new Error(`prongsai did not verify every candidate for ${q}`);
  rows.push({ q, want: want.size, ours: score(oa.value.urls, want), pf: score(pfUrls(pfa.value), want), of, pff });
}
await browser.close();
await srv.close();
fs.rmSync(trashDir, { recursive: true, force: true });

// ---- 5. report ----
const sum = (xs, f) => xs.reduce((a, x) => a + f(x), 0);
const recall = (k) => { const w = sum(rows, (r) => r.want); return w ? sum(rows, (r) => r[k].found) / w : 1; };
const falseHits = (k) => sum(rows, (r) => r[k].extra);
const maxOf = (k, f) => Math.max(...rows.map((r) => r[k][f]));
const kb = (b) => `${(b / 1000).toFixed(0)} kB`;
const mb = (b) => `${(b / 1e6).toFixed(1)} MB`;
const pct = (a, b) => `${((100 * a) / b).toFixed(1)} %`;
const oursSize = dirStats(path.join(ours, "search")), pfSize = dirStats(pfOut);

console.log(`\n${truth.size} generated pages; ${os.cpus().length} cores; load ${os.loadavg().map((x) => x.toFixed(2)).join(" ")}; medians of ${runs} runs (Pagefind ${pfRuns})\n`);
console.log(`| | prongsai | Pagefind ${PAGEFIND_VERSION} | prongsai / Pagefind | target |`);
console.log("|---|---:|---:|---:|---|");
console.log(`| index time (index stage) | ${index.wall.toFixed(2)} s | ${pf.wall.toFixed(2)} s | ${pct(index.wall, pf.wall)} | ≤ 5 % |`);
console.log(`| peak memory (index stage) | ${index.mb.toFixed(0)} MB | ${pf.mb.toFixed(0)} MB | ${pct(index.mb, pf.mb)} | ≤ 10 % |`);
console.log(`| index size (as sent / gzip) | ${mb(oursSize.bytes)} / ${mb(oursSize.gzip)} in ${oursSize.files} files | ` +
  `${mb(pfSize.bytes)} / ${mb(pfSize.gzip)} in ${pfSize.files} files | ${pct(oursSize.gzip, pfSize.gzip)} (gzip) | |`);
console.log(`| first query, most transferred (as sent / gzip) | ${kb(maxOf("of", "raw"))} / ${kb(maxOf("of", "gzip"))} | ${kb(maxOf("pff", "raw"))} / ${kb(maxOf("pff", "gzip"))} | | ≤ 300 kB |`);
console.log(`| recall over ${QUERIES.length} queries | ${recall("ours").toFixed(3)} | ${recall("pf").toFixed(3)} | | 1.0 |`);
console.log(`| false hits (pages) | ${falseHits("ours")} | ${falseHits("pf")} | | 0 |`);
console.log(`\nContext: \`prongsai build\` of the whole site ${build.wall.toFixed(2)} s, peak ${build.mb.toFixed(0)} MB; ` +
  `index stage on one thread ${index1.wall.toFixed(2)} s, peak ${index1.mb.toFixed(0)} MB; ` +
  `inside the index stage: reading the docs ${inner(index, "read").toFixed(2)} s, build_index() ${inner(index).toFixed(2)} s ` +
  `(${inner(index1).toFixed(2)} s on one thread), writing the files ${inner(index, "write").toFixed(2)} s.`);
console.log(`\n| query | pages with it | prongsai found / false | Pagefind found / false | prongsai first query | Pagefind first query |`);
console.log("|---|---:|---:|---:|---:|---:|");
for (const r of rows) {
  console.log(`| ${r.q} | ${r.want} | ${r.ours.found} / ${r.ours.extra} | ${r.pf.found} / ${r.pf.extra} | ` +
    `${kb(r.of.raw)} (${kb(r.of.gzip)} gz) in ${r.of.files} | ${kb(r.pff.raw)} (${kb(r.pff.gzip)} gz) in ${r.pff.files} |`);
}
