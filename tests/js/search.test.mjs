// End to end: index files written by `cargo run --example write_fixture`, loaded into a vm
// context the way <script> tags would load them, searched with the real client.
import test from "node:test";
import assert from "node:assert/strict";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { execFileSync } from "node:child_process";
import { fileURLToPath } from "node:url";
import { loadClient } from "./harness.mjs";

const crate = path.join(path.dirname(fileURLToPath(import.meta.url)), "..", "..");
const dir = fs.mkdtempSync(path.join(os.tmpdir(), "prongsai-search-"));
execFileSync("cargo", ["run", "--quiet", "--example", "search_fixture", "--", dir], { cwd: crate, stdio: "inherit" });
const expected = JSON.parse(fs.readFileSync(path.join(dir, "expected.json"), "utf8"));
const ROOT = "file:///site/";
const rel = (r) => r.url.slice(ROOT.length).replace(/index\.html$/, "");

test("exact result sets on the Thai corpus", async () => {
  const { prongsai } = loadClient({ dir });
  const urls = async (q) => [...(await prongsai.search(q, { limit: Infinity }))].map(rel);
  assert.deepEqual(await urls("ข้าว"), ["2564/rice/"]);
  assert.ok(!(await urls("ข่าว")).includes("2564/rice/"));
  assert.deepEqual(await urls("ไม่มีคำนี้"), []);
  assert.deepEqual(await urls("ข่าวข้าว"), []);
  assert.deepEqual(await urls("สำนักปลัด"), ["about/"]);
  assert.deepEqual(await urls("O43"), ["about/"]);
  assert.deepEqual(await urls("ta"), []);
  assert.deepEqual(await urls("ต่าง ๆ"), ["2565/plan/", "2565/report/"]);
  assert.deepEqual(await urls("ITA"), ["2565/plan/", "2565/report/", "2564/rice/"]);
  const d = (await urls("๒๕๖๔")).sort(), a = (await urls("2564")).sort();
  assert.deepEqual(d, a);
  assert.ok(a.includes("2564/news/") && a.includes("2564/rice/"));
});

test("same ranking as the Rust reference, for every limit", async () => {
  for (const [q, want] of Object.entries(expected)) {
    const wantUrls = want.map((h) => h[0]);
    const full = await loadClient({ dir }).prongsai.search(q, { limit: Infinity });
    assert.deepEqual([...full].map(rel), wantUrls, q);
    assert.equal(full.complete, true);
    assert.equal(full.total, want.length);
    for (const limit of [1, 3, 20]) {
      const rs = await loadClient({ dir }).prongsai.search(q, { limit, budget: Infinity });
      const top = [...rs].map(rel);
      assert.equal(top.length, Math.min(limit, want.length), `${q} limit ${limit}`);
      assert.ok(rs.exact);
      // exact in (title hit, count): every page strictly better than the last one shown is
      // shown, and the list is in reference order
      const key = (u) => want.find((h) => h[0] === u);
      const last = key(top[top.length - 1]) || [0, 0, 0];
      for (const h of want) {
        if (h[1] > last[1] || (h[1] === last[1] && h[2] > last[2])) assert.ok(top.includes(h[0]), `${q} ${limit} ${h}`);
      }
      assert.deepEqual(top, wantUrls.filter((u) => top.includes(u)), `${q} order`);
    }
  }
});

test("top-k loads only a few text chunks", async () => {
  const { prongsai, loads } = loadClient({ dir });
  const rs = await prongsai.search("งบประมาณ", { limit: 5 });
  assert.equal(rs.length, 5);
  const few = await loadClient({ dir }).prongsai.search("งบประมาณ", { limit: 200, budget: 1 });
  assert.ok(few.length > 0 && !few.exact && !few.complete);
  const chunks = loads.filter((l) => l.name.startsWith("t/")).length;
  const all = fs.readdirSync(path.join(dir, "search", "t")).length;
  assert.ok(chunks < all / 4, `${chunks} of ${all} chunks`);
});

test("excerpts are escaped HTML with marks", async () => {
  const { prongsai } = loadClient({ dir });
  const [r] = await prongsai.search("<b>");
  assert.match(r.excerpt, /<mark>&#60;b&#62;<\/mark>/);
  assert.ok(!r.excerpt.includes("<b>"));
  assert.ok(r.excerpt.includes("&#38;"));
  const [m] = r.marks;
  assert.equal(r.text.slice(m[0], m[1]), "<b>");
  const [k] = await prongsai.search("๒๕๖๔");
  assert.match(k.excerpt, /<mark>(๒๕๖๔|2564)<\/mark>/);
  const [s] = await prongsai.search("สำนักปลัด");
  assert.match(s.excerpt, /<mark>\u0e2a\u0e4d\u0e32นักปลัด<\/mark>/, "marks the text as written");
});

test("links resolve against the site root under a sub-path", async () => {
  const base = "https://example.go.th/portal/search/";
  const { prongsai } = loadClient({ dir, base });
  const [r] = await prongsai.search("ข้าว");
  assert.equal(r.url, "https://example.go.th/portal/2564/rice/");
  const [f] = await loadClient({ dir }).prongsai.search("ข้าว");
  assert.equal(f.url, "file:///site/2564/rice/index.html");
});

test("a missing index file rejects instead of hanging", async () => {
  const { prongsai } = loadClient({ dir: path.join(dir, "nowhere") });
  await assert.rejects(prongsai.search("ข่าว"));
});

test("mountSearch shows results and an aria-live status", async () => {
  const el = (tag) => {
    const e = { tag, children: [], attrs: {}, listeners: {}, textContent: "", value: "", innerHTML: "" };
    e.appendChild = (c) => e.children.push(c);
    e.setAttribute = (k, v) => (e.attrs[k] = v);
    e.addEventListener = (k, f) => (e.listeners[k] = f);
    e.querySelectorAll = () => e.children.map((li) => li.children[0]);
    Object.defineProperty(e, "textContent", { get: () => e._t || "", set: (v) => { e._t = v; if (v === "") e.children = []; } });
    return e;
  };
  const document = { createElement: el, activeElement: null };
  const location = { search: "?q=" + encodeURIComponent("ข้าว") };
  const { prongsai } = loadClient({ dir, extra: { document, location } });
  const input = el("input"), list = el("ul"), status = el("p");
  prongsai.mountSearch(input, list, status);
  assert.equal(status.attrs["aria-live"], "polite");
  assert.equal(input.value, "ข้าว");
  await new Promise((r) => setTimeout(r, 50));
  assert.equal(status.textContent, "พบ 1 รายการ");
  assert.equal(list.children.length, 1);
  assert.equal(list.children[0].children[0].href, "file:///site/2564/rice/index.html");
  input.value = "ไม่มีคำนี้";
  input.listeners.input();
  await new Promise((r) => setTimeout(r, 300));
  assert.equal(status.textContent, "ไม่พบผลลัพธ์");
  assert.equal(list.children.length, 0);
});
