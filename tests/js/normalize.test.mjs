// Rust/JS parity: the client's normaliser against the vectors the Rust unit test uses.
import test from "node:test";
import assert from "node:assert/strict";
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { loadClient } from "./harness.mjs";

const here = path.dirname(fileURLToPath(import.meta.url));
const vectors = JSON.parse(fs.readFileSync(path.join(here, "..", "..", "src", "search", "vectors.json"), "utf8"));
const { prongsai } = loadClient();

test("at least 40 shared vectors", () => assert.ok(vectors.length >= 40));

for (const v of vectors) {
  test(`normalize: ${v.note}`, () => {
    assert.equal(prongsai.normalize(v.input), v.expected);
    assert.equal(prongsai.normalize(v.expected), v.expected);
  });
}

test("query terms", () => {
  assert.deepEqual([...prongsai._terms("o43 ก")], ["o", "43", "ก"]);
  assert.deepEqual([...prongsai._terms("abcdefghij")], ["abcdef"]);
  assert.deepEqual([...prongsai._terms("ข่าว")], ["ข่", "่า", "าว"]);
  assert.deepEqual([...prongsai._terms("ๆ . ฿")], []);
});
