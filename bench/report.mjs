// Prints the benchmark's markdown tables from the files scripts/bench.sh left in WORK:
//   bytes.tsv          site, file, raw, gzip, brotli, first-visit (1/0)
//   lighthouse/*.json  Lighthouse results, app-N.json and ref-N.json
//   timings.json       examples/browser_timings output (rows: bench/report-browser.mjs)
//   filter.jsonl       benches/filter output (one JSON object a line)
//   attribution.json   bench/attribute.mjs output: where the wasm's bytes are (second table,
//                      bench/report-attribution.mjs)
// Figures missing because a step failed are shown as "n/a" and listed under the table.
// Exits 0; it judges nothing but prints ✓/✗ next to each budget.
//
// Usage: node bench/report.mjs WORK
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { attributionTable } from "./report-attribution.mjs";
import { browserRows } from "./report-browser.mjs";
import { int, kb, lowest, markdown, median, ms, ratio, readJson, table, us, verdict } from "./report-format.mjs";

const work = process.argv[2];
const notes = [];
const { rows, row, section } = table();

// ---------- bytes ----------
const bytes = existsSync(join(work, "bytes.tsv"))
  ? readFileSync(join(work, "bytes.tsv"), "utf8").trim().split("\n").filter(Boolean).map((line) => {
      const [site, file, raw, gzip, br, first] = line.split("\t");
      return { site, file, raw: +raw, gzip: +gzip, br: +br, first: first === "1" };
    })
  : [];
if (bytes.length === 0) notes.push("bytes: no measurements (build or compression step failed)");
const total = (site, key) => {
  const files = bytes.filter((b) => b.site === site && b.first);
  return files.length ? files.reduce((s, b) => s + b[key], 0) : undefined;
};

section("Bytes (raw / gzip -9 / brotli -q 11)");
for (const site of ["app", "ref"]) {
  for (const b of bytes.filter((b) => b.site === site)) {
    const cell = `${int(b.raw)} / ${int(b.gzip)} / ${int(b.br)}${b.first ? "" : " (not loaded)"}`;
    if (site === "app") row(`\`${b.file}\``, cell, "—");
    else row(`\`${b.file}\` (reference)`, "—", cell);
  }
}
const FIRST_VISIT_BUDGET = 150_000;
for (const [key, label] of [["raw", "raw"], ["gzip", "gzip"], ["br", "brotli"]]) {
  const a = total("app", key), r = total("ref", key);
  const budgeted = key === "br";
  row(
    `First visit, ${label} (index.html + js + wasm + css + data)`,
    `${kb(a)} (${int(a)} B)`,
    `${kb(r)} (${int(r)} B)`,
    ratio(a, r),
    budgeted ? "≤ 150 kB (150,000 B)" : "",
    budgeted ? verdict(a, (v) => v <= FIRST_VISIT_BUDGET) : "",
  );
}

// ---------- Lighthouse ----------
const lhDir = join(work, "lighthouse");
const lhRuns = (site) =>
  existsSync(lhDir)
    ? readdirSync(lhDir).filter((f) => f.startsWith(`${site}-`) && f.endsWith(".json")).map((f) => readJson(join(lhDir, f))).filter(Boolean)
    : [];
const lh = { app: lhRuns("app"), ref: lhRuns("ref") };
for (const site of ["app", "ref"]) {
  if (lh[site].length === 0) notes.push(`Lighthouse (${site}): no result`);
  for (const r of lh[site]) if (r.runtimeError) notes.push(`Lighthouse (${site}): ${r.runtimeError.code} ${r.runtimeError.message}`);
}
const lhScores = (site, cat) => lh[site].map((r) => (r.categories?.[cat]?.score ?? NaN) * 100);
const lhScore = (site, cat) => median(lhScores(site, cat));
const lhAudit = (site, id) => median(lh[site].map((r) => r.audits?.[id]?.numericValue ?? NaN));

section(`Lighthouse 12.2.3, mobile, simulated throttling (median of ${Math.max(lh.app.length, lh.ref.length)} runs)`);
{
  // The median, and the lowest run: the budget holds in each run.
  const [a, r] = [lhScore("app", "performance"), lhScore("ref", "performance")];
  const [aLow, rLow] = [lowest(lhScores("app", "performance")), lowest(lhScores("ref", "performance"))];
  row("Performance score (median; lowest run)", `${int(a)}; lowest ${int(aLow)}`, `${int(r)}; lowest ${int(rLow)}`, ratio(a, r),
    "≥ 98 in each run", verdict(aLow, (v) => v >= 98));
}
for (const [cat, label, budget, ok] of [
  ["accessibility", "Accessibility score", "100", (v) => v >= 100],
  ["best-practices", "Best practices score", "100", (v) => v >= 100],
  ["seo", "SEO score", "≥ 90", (v) => v >= 90],
]) {
  const a = lhScore("app", cat), r = lhScore("ref", cat);
  row(label, int(a), int(r), ratio(a, r), budget, verdict(a, ok));
}
{
  const a = lhAudit("app", "first-contentful-paint"), r = lhAudit("ref", "first-contentful-paint");
  row("FCP", ms(a), ms(r), ratio(a, r));
}
{
  const a = lhAudit("app", "speed-index"), r = lhAudit("ref", "speed-index");
  row("Speed Index", ms(a), ms(r), ratio(a, r));
}
{
  const a = lhAudit("app", "largest-contentful-paint"), r = lhAudit("ref", "largest-contentful-paint");
  row("LCP", ms(a), ms(r), ratio(a, r), "≤ 1.2 s", verdict(a, (v) => v <= 1200));
}
{
  const a = lhAudit("app", "total-blocking-time"), r = lhAudit("ref", "total-blocking-time");
  row("TBT", ms(a), ms(r), ratio(a, r), "≤ 1.5× the reference", verdict(a, (v) => r !== undefined && v <= 1.5 * r));
}
{
  const a = lhAudit("app", "cumulative-layout-shift"), r = lhAudit("ref", "cumulative-layout-shift");
  const fmt = (v) => (v === undefined ? "n/a" : v.toFixed(3));
  row("CLS", fmt(a), fmt(r), ratio(a, r), "0", verdict(a, (v) => v === 0));
}
// What kept a budgeted category below 100, console errors and broken audits: under the table.
const brokenAudits = {};
for (const site of ["app", "ref"]) {
  const first = lh[site][0];
  if (!first?.categories) continue;
  for (const cat of ["accessibility", "best-practices", "seo"]) {
    const failing = (first.categories[cat]?.auditRefs ?? [])
      .filter((ref) => ref.weight > 0 && first.audits[ref.id]?.score !== null && first.audits[ref.id]?.score < 1)
      .map((ref) => ref.id);
    if (failing.length) notes.push(`Lighthouse ${site === "app" ? "app" : "reference"} ${cat}: failing audits ${failing.join(", ")}`);
  }
  for (const item of first.audits["errors-in-console"]?.details?.items ?? []) {
    notes.push(`Lighthouse ${site === "app" ? "app" : "reference"} console error: ${item.description} (${item.sourceLocation?.url ?? item.source})`);
  }
  for (const [id, audit] of Object.entries(first.audits)) {
    if (audit.scoreDisplayMode !== "error") continue;
    const reason = String(audit.errorMessage).replace(/^.*?(Cannot read|$)/, "$1") || audit.errorMessage;
    (brokenAudits[reason] ??= new Set()).add(id);
  }
}
for (const [reason, ids] of Object.entries(brokenAudits)) {
  notes.push(`Lighthouse diagnostics that could not run (not scored): ${[...ids].join(", ")}: ${reason}`);
}

// ---------- browser timings (bench/report-browser.mjs) ----------
browserRows(work, { row, section }, notes);

// ---------- native filter ----------
const filter = existsSync(join(work, "filter.jsonl"))
  ? readFileSync(join(work, "filter.jsonl"), "utf8").split("\n").filter(Boolean).map((l) => JSON.parse(l))
  : [];
if (filter.length === 0) notes.push("filter benchmark: no result");
const scales = [...new Set(filter.map((f) => f.scale))].sort((a, b) => a - b);
const entriesAt = (s) => filter.find((f) => f.scale === s)?.entries;
section(`Native filter (cargo bench --bench filter, release profile), median µs per call at ${scales.map((s) => `×${s} (${entriesAt(s)} entries)`).join(" · ")}`);
for (const name of [...new Set(filter.map((f) => f.name))]) {
  const at = (s) => filter.find((f) => f.name === name && f.scale === s)?.median_us;
  const budgeted = name.startsWith("matches") || name.startsWith("outcome");
  const top = at(Math.max(...scales));
  row(`\`${name}\``, scales.map((s) => us(at(s))).join(" · "), "—", "", budgeted ? "≤ 1 ms at ×100" : "", budgeted ? verdict(top, (v) => v <= 1000) : "");
}

// ---------- print ----------
console.log(markdown(["Figure", "Innovation Atlas", "Reference (jsvectormap)", "App / ref", "Budget", "OK"], rows));
console.log(`\n${attributionTable(readJson(join(work, "attribution.json")), notes)}`);
if (notes.length) {
  console.log("\nNotes:");
  for (const n of notes) console.log(`- ${n}`);
}
