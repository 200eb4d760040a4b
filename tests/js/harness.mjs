// Loads client.js into a fresh vm context; index files are read from a folder by a fake
// script injector, and every file loaded is recorded (to measure what a query transfers).
import fs from "node:fs";
import path from "node:path";
import vm from "node:vm";
import zlib from "node:zlib";
import { fileURLToPath } from "node:url";

const here = path.dirname(fileURLToPath(import.meta.url));
export const clientPath = path.join(here, "..", "..", "src", "search", "client.js");

export function loadClient({ dir = null, base = "file:///site/search/", extra = {} } = {}) {
  const loads = [];
  const ctx = { URL, URLSearchParams, setTimeout, clearTimeout, console, ...extra };
  ctx.prongsai = {
    base,
    _inject(url, fail) {
      const rel = url.slice(base.length);
      const file = dir && path.join(dir, "search", rel);
      setImmediate(() => {
        if (!file || !fs.existsSync(file)) return fail();
        const src = fs.readFileSync(file, "utf8");
        loads.push({ name: rel, bytes: Buffer.byteLength(src), gz: zlib.gzipSync(src).length });
        vm.runInContext(src, ctx, { filename: file });
      });
    },
  };
  vm.createContext(ctx);
  vm.runInContext(fs.readFileSync(clientPath, "utf8"), ctx, { filename: clientPath });
  return { prongsai: ctx.prongsai, loads, ctx };
}
