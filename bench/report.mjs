// Prints the benchmark's one markdown table from the files scripts/bench.sh left in WORK:
//   bytes.tsv          site, file, raw, gzip, brotli, first-visit (1/0)
//   lighthouse/*.json  Lighthouse results, app-N.json and ref-N.json
//   timings.json       examples/browser_timings output
//   filter.jsonl       benches/filter output (one JSON object a line)
// Figures missing because a step failed are shown as "n/a" and listed under the table.
// Exits 0; it judges nothing but prints ✓/✗ next to each budget.
//
// Usage: node bench/report.mjs WORK
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";

const work = process.argv[2];
const notes = [];

// ---------- helpers ----------
const median = (xs) => {
  const v = xs.filter((x) => typeof x === "number" && Number.isFinite(x)).sort((a, b) => a - b);
  if (v.length === 0) return undefined;
  const m = Math.floor(v.length / 2);
  return v.length % 2 ? v[m] : (v[m - 1] + v[m]) / 2;
};
const int = (n) => (n === undefined ? "n/a" : Math.round(n).toLocaleString("en-US"));
const kb = (n) => (n === undefined ? "n/a" : `${(n / 1000).toFixed(1)} kB`);
const ms = (n) => (n === undefined ? "n/a" : n < 10 ? `${n.toFixed(1)} ms` : `${Math.round(n)} ms`);
const us = (n) => (n === undefined ? "n/a" : n < 10 ? `${n.toFixed(2)} µs` : n < 1000 ? `${n.toFixed(0)} µs` : `${(n / 1000).toFixed(2)} ms`);
const ratio = (a, b) => (a === undefined || b === undefined || b === 0 ? "" : `${(a / b).toFixed(2)}×`);
const verdict = (value, ok) => (value === undefined ? "?" : ok(value) ? "✓" : "✗");
const readJson = (file) => {
  try {
    return JSON.parse(readFileSync(file, "utf8"));
  } catch {
    return undefined;
  }
};

const rows = [];
const row = (figure, app, ref = "—", rat = "", budget = "", mark = "") => rows.push([figure, app, ref, rat, budget, mark]);
const section = (title) => rows.push([`**${title}**`, "", "", "", "", ""]);

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
const lhScore = (site, cat) => median(lh[site].map((r) => (r.categories?.[cat]?.score ?? NaN) * 100));
const lhAudit = (site, id) => median(lh[site].map((r) => r.audits?.[id]?.numericValue ?? NaN));

section(`Lighthouse 12.2.3, mobile, simulated throttling (median of ${Math.max(lh.app.length, lh.ref.length)} runs)`);
for (const [cat, label, budget, ok] of [
  ["performance", "Performance score", "≥ 98", (v) => v >= 98],
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
  row("TBT", ms(a), ms(r), ratio(a, r));
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

// ---------- browser timings ----------
const timings = readJson(join(work, "timings.json"));
if (!timings) notes.push("browser timings: no result (see the log above the table)");
const page = (name) => timings?.pages?.find((p) => p.name === name);
for (const p of timings?.pages ?? []) {
  for (const e of p.errors ?? []) notes.push(`browser timings ${p.name}: ${e}`);
}
const timing = (name, pick) => median((page(name)?.runs ?? []).map(pick));
const runsDone = (name) => page(name)?.runs?.length ?? 0;

section(`Chromium in-page timings, median of ${timings?.runs_per_page ?? "?"} runs (1280×900, no throttling; "painted" = when the first frame after the change has rendered; details in brackets)`);
for (const scale of ["x1", "x10", "x100"]) {
  const facts = page(`app-${scale}`)?.facts;
  const refFacts = page(`ref-${scale}`)?.facts;
  const shown = (f) => (f ? `${f.count}${f.data_problems ? ", DATA PROBLEMS shown" : ", no data problems"}` : "n/a");
  row(`Dataset ×${scale.slice(1)}: entries shown`, shown(facts), refFacts ? refFacts.count : "n/a", "", "no data problems",
    facts ? (facts.data_problems || facts.load_error ? "✗" : "✓") : "?");
  if (facts?.data_problems) notes.push(`app ×${scale.slice(1)}: the page shows a .data-problems element`);
  for (const [site, f] of [["app", facts], ["reference", refFacts]]) {
    for (const shift of (f?.shifts ?? []).filter((x) => x.value >= 0.001)) {
      notes.push(`${site} ×${scale.slice(1)} (desktop): layout shift ${shift.value.toFixed(3)} at ${Math.round(shift.at)} ms, moved: ${shift.moved.join(", ") || "?"}`);
    }
  }
}
for (const scale of ["x1", "x10", "x100"]) {
  const a = timing(`app-${scale}`, (r) => r.interactive), r = timing(`ref-${scale}`, (r) => r.interactive);
  row(`Load → map and directory interactive, ×${scale.slice(1)}`, ms(a), ms(r), ratio(a, r));
}
// Painted = the first frame after the change has rendered (a top-priority task posted from its
// animation frame callback). For the keystroke, in brackets: the keystroke's task (handlers,
// their microtasks and any layout they force) + that frame's rendering, and the last DOM
// change in the directory (what follows a frame later: the options' counts, the rest of the
// page of rows). For the selection: the last DOM change, and two requestAnimationFrame callbacks.
const painted = (name, key) => {
  const paint = timing(name, (r) => r[key]?.paint);
  const dom = timing(name, (r) => r[key]?.dom);
  if (paint === undefined) return { paint, cell: "n/a" };
  if (key === "keystroke") {
    const handled = timing(name, (r) => r[key]?.handled);
    const rendering = timing(name, (r) => (r[key]?.paint ?? NaN) - (r[key]?.frame ?? NaN));
    return { paint, cell: `${ms(paint)} (task ${ms(handled)} + frame ${ms(rendering)}; last DOM change ${ms(dom)})` };
  }
  const raf2 = timing(name, (r) => r[key]?.raf2);
  return { paint, cell: `${ms(paint)} (DOM ${ms(dom)}, 2×rAF ${ms(raf2)})` };
};
for (const [key, label, budget, limit] of [
  ["keystroke", "Keystroke “k” in search → list painted", "≤ 16 ms at ×100", 16],
  ["select", "Select country (KR) → details painted", "≤ 50 ms at ×100", 50],
]) {
  for (const scale of ["x1", "x10", "x100"]) {
    const budgeted = scale === "x100";
    const a = painted(`app-${scale}`, key), r = painted(`ref-${scale}`, key);
    row(`${label}, ×${scale.slice(1)}`, a.cell, r.cell, ratio(a.paint, r.paint), budgeted ? budget : "", budgeted ? verdict(a.paint, (v) => v <= limit) : "");
  }
}
for (const name of ["app-x1", "app-x10", "app-x100", "ref-x1", "ref-x10", "ref-x100"]) {
  if (timings && runsDone(name) < 5) notes.push(`browser timings ${name}: only ${runsDone(name)} runs succeeded`);
}

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
const header = ["Figure", "Innovation Atlas", "Reference (jsvectormap)", "App / ref", "Budget", "OK"];
const lines = [header, header.map(() => "---"), ...rows].map((r) => `| ${r.join(" | ")} |`);
console.log(lines.join("\n"));
if (notes.length) {
  console.log("\nNotes:");
  for (const n of notes) console.log(`- ${n}`);
}
