// Not a test: what does a first query transfer? node bench/search_measure.mjs OUT_DIR [limit]
import { loadClient } from "../tests/js/harness.mjs";
const dir = process.argv[2], limit = Number(process.argv[3] || 10);
const queries = ["งบประมาณ", "ประจำปีงบประมาณ", "โปร่งใส", "การรับสินบน", "ข้อร้องเรียนการทุจริต",
  "กองช่าง", "ป.ป.ช.", "2566", "O9", "ita", "ค่าวัสดุคอมพิวเตอร์", "ไม่มีคำนี้แน่นอน", "ก"];
for (const q of queries) {
  const { prongsai, loads } = loadClient({ dir });
  const t = performance.now();
  const rs = await prongsai.search(q, { limit });
  const ms = performance.now() - t;
  const kb = (f) => (loads.filter(f).reduce((a, l) => a + l.bytes, 0) / 1024).toFixed(0);
  console.log(`${q.padEnd(22)} ${String(rs.length).padStart(3)} res, total ${String(rs.total).padStart(5)}, cands ${String(rs.candidates).padStart(5)} ${rs.complete ? "complete" : "partial "} ${rs.exact ? "exact" : "cut  "} | ` +
    `${kb(() => true)} KiB in ${loads.length} files (index ${kb((l) => l.name === "index.js")}, postings ${kb((l) => /^[gb]\//.test(l.name))}, text ${kb((l) => l.name.startsWith("t/"))}) gzip ${(loads.reduce((a, l) => a + l.gz, 0) / 1024).toFixed(0)} KiB, ${ms.toFixed(0)} ms`);
}
