// The report's Chromium rows, from examples/browser_timings' output (timings.json): what each
// page shows, load → interactive, a cold first visit against a second visit (bytes
// transferred, interactive, LCP), the keystroke and the selection, and the web editor.
import { join } from "node:path";
import { int, kb, median, ms, ratio, readJson, verdict } from "./report-format.mjs";

const SCALES = ["x1", "x10", "x100"];
const times = (scale) => `×${scale.slice(1)}`;

export function browserRows(work, { row, section }, notes) {
  const timings = readJson(join(work, "timings.json"));
  if (!timings) notes.push("browser timings: no result (see the log above the table)");
  const page = (name) => timings?.pages?.find((p) => p.name === name);
  for (const p of timings?.pages ?? []) {
    for (const e of p.errors ?? []) notes.push(`browser timings ${p.name}: ${e}`);
  }
  const timing = (name, pick) => median((page(name)?.runs ?? []).map(pick));
  const runsDone = (name) => page(name)?.runs?.length ?? 0;

  section(`Chromium in-page timings, median of ${timings?.runs_per_page ?? "?"} runs (1280×900, no throttling; each run a first visit with a cold cache; "painted" = when the first frame after the change has rendered; details in brackets)`);
  for (const scale of SCALES) {
    const facts = page(`app-${scale}`)?.facts;
    const refFacts = page(`ref-${scale}`)?.facts;
    const shown = (f) => (f ? `${f.count}${f.data_problems ? ", DATA PROBLEMS shown" : ", no data problems"}` : "n/a");
    row(`Dataset ${times(scale)}: entries shown`, shown(facts), refFacts ? refFacts.count : "n/a", "", "no data problems",
      facts ? (facts.data_problems || facts.load_error ? "✗" : "✓") : "?");
    if (facts?.data_problems) notes.push(`app ${times(scale)}: the page shows a .data-problems element`);
    for (const [site, f] of [["app", facts], ["reference", refFacts]]) {
      for (const shift of (f?.shifts ?? []).filter((x) => x.value >= 0.001)) {
        notes.push(`${site} ${times(scale)} (desktop): layout shift ${shift.value.toFixed(3)} at ${Math.round(shift.at)} ms, moved: ${shift.moved.join(", ") || "?"}`);
      }
    }
  }
  for (const scale of SCALES) {
    const a = timing(`app-${scale}`, (r) => r.interactive), r = timing(`ref-${scale}`, (r) => r.interactive);
    const budgeted = scale === "x1";
    row(`Load → map and directory interactive (the app has taken over), ${times(scale)}`, ms(a), ms(r), ratio(a, r),
      budgeted ? "≤ the reference's at ×1" : "", budgeted ? verdict(a, (v) => r !== undefined && v <= r) : "");
  }

  // First visit (cold cache) against second visit (the cache as the first left it).
  const visit = (name, which, key) => timing(name, (r) => r[which]?.[key] ?? NaN);
  for (const scale of SCALES) {
    const a = visit(`app-${scale}`, "first_visit", "transferred"), r = visit(`ref-${scale}`, "first_visit", "transferred");
    row(`First visit (cold cache): bytes transferred, ${times(scale)}`, `${kb(a)} (${int(a)} B)`, `${kb(r)} (${int(r)} B)`, ratio(a, r));
  }
  for (const scale of SCALES) {
    const a = visit(`app-${scale}`, "first_visit", "lcp"), r = visit(`ref-${scale}`, "first_visit", "lcp");
    row(`First visit: LCP, ${times(scale)}`, ms(a), ms(r), ratio(a, r));
  }
  // Second visit: the cell says "second / first" for the same page (two digits even when small).
  const fraction = (a, b) => (a === undefined || !b ? "n/a" : a / b >= 0.1 || a === 0 ? `${(a / b).toFixed(2)}×` : `${(a / b).toPrecision(2)}×`);
  const versusFirst = (name, key, fmt) => {
    const second = visit(name, "second_visit", key), first = visit(name, "first_visit", key);
    return { second, first, cell: second === undefined ? "n/a" : `${fmt(second)} (second / first ${fraction(second, first)})` };
  };
  for (const scale of SCALES) {
    const a = versusFirst(`app-${scale}`, "transferred", (v) => `${int(v)} B`), r = versusFirst(`ref-${scale}`, "transferred", (v) => `${int(v)} B`);
    row(`Second visit: bytes transferred, ${times(scale)}`, a.cell, r.cell, ratio(a.second, r.second), "≤ 5 kB", verdict(a.second, (v) => v <= 5000));
  }
  for (const scale of SCALES) {
    const a = versusFirst(`app-${scale}`, "interactive", ms), r = versusFirst(`ref-${scale}`, "interactive", ms);
    row(`Second visit → interactive, ${times(scale)}`, a.cell, r.cell, ratio(a.second, r.second), "≥ 2× faster than the first visit",
      verdict(a.second, (v) => a.first !== undefined && 2 * v <= a.first));
  }
  for (const scale of SCALES) {
    const a = versusFirst(`app-${scale}`, "lcp", ms), r = versusFirst(`ref-${scale}`, "lcp", ms);
    row(`Second visit: LCP, ${times(scale)}`, a.cell, r.cell, ratio(a.second, r.second));
  }
  for (const scale of SCALES) {
    for (const [site, name] of [["app", `app-${scale}`], ["reference", `ref-${scale}`]]) {
      const kinds = new Set((page(name)?.runs ?? []).map((r) => r.second_visit?.navigation).filter(Boolean));
      if (kinds.size && !(kinds.size === 1 && kinds.has("navigate"))) notes.push(`${site} ${times(scale)}: second visits were navigations of type ${[...kinds].join(", ")}`);
    }
  }

  // Painted = the first frame after the change has rendered (a top-priority task posted from its
  // animation frame callback). For a keystroke, in brackets: the keystroke's task (handlers,
  // their microtasks and any layout they force) + that frame's rendering, and the last DOM
  // change in what is observed (what follows a frame later). For the selection: the last DOM
  // change, and two requestAnimationFrame callbacks.
  const keystrokeCell = (name, key) => {
    const paint = timing(name, (r) => r[key]?.paint);
    if (paint === undefined) return { paint, cell: "n/a" };
    const dom = timing(name, (r) => r[key]?.dom);
    const handled = timing(name, (r) => r[key]?.handled);
    const rendering = timing(name, (r) => (r[key]?.paint ?? NaN) - (r[key]?.frame ?? NaN));
    return { paint, cell: `${ms(paint)} (task ${ms(handled)} + frame ${ms(rendering)}; last DOM change ${ms(dom)})` };
  };
  const selectCell = (name) => {
    const paint = timing(name, (r) => r.select?.paint);
    if (paint === undefined) return { paint, cell: "n/a" };
    return { paint, cell: `${ms(paint)} (DOM ${ms(timing(name, (r) => r.select?.dom))}, 2×rAF ${ms(timing(name, (r) => r.select?.raf2))})` };
  };
  for (const scale of SCALES) {
    const a = keystrokeCell(`app-${scale}`, "keystroke"), r = keystrokeCell(`ref-${scale}`, "keystroke");
    const budgeted = scale === "x100";
    row(`Keystroke “k” in search → list painted, ${times(scale)}`, a.cell, r.cell, ratio(a.paint, r.paint),
      budgeted ? "≤ 16 ms at ×100" : "", budgeted ? verdict(a.paint, (v) => v <= 16) : "");
  }
  const selectBudgets = { x1: ["≤ 10 ms at ×1", 10], x100: ["≤ 50 ms at ×100", 50] };
  for (const scale of SCALES) {
    const a = selectCell(`app-${scale}`), r = selectCell(`ref-${scale}`);
    const [budget, limit] = selectBudgets[scale] ?? ["", undefined];
    row(`Select country (KR) → details painted, ${times(scale)}`, a.cell, r.cell, ratio(a.paint, r.paint),
      budget, limit === undefined ? "" : verdict(a.paint, (v) => v <= limit));
  }
  for (const scale of SCALES) {
    for (const name of [`app-${scale}`, `ref-${scale}`]) {
      if (timings && runsDone(name) < 5) notes.push(`browser timings ${name}: only ${runsDone(name)} runs succeeded`);
    }
  }

  // The web editor: each run opens the published file fresh (cold cache, localStorage cleared).
  section(`Web editor (editor.html), Chromium, median of ${timings?.runs_per_page ?? "?"} runs, each a cold open with localStorage cleared`);
  const editorScales = ["x1", "x100"];
  for (const scale of editorScales) {
    const facts = page(`editor-${scale}`)?.facts;
    const kinds = facts?.kinds?.length ? facts.kinds.join(", ") : "n/a";
    row(`Editor ${times(scale)}: records by kind`, kinds, "—", "", "", "");
  }
  const EDITOR = [
    ["open", "Editor: open → record list shown", "< 2 s at ×100", (v) => v < 2000],
    ["filter", "Editor: keystroke “o” in the record search (countries) → list painted", "≤ 50 ms at ×100", (v) => v <= 50],
    ["typing", "Editor: typing a character in the first office's English name → painted", "≤ 50 ms at ×100", (v) => v <= 50],
  ];
  for (const [key, label, budget, ok] of EDITOR) {
    for (const scale of editorScales) {
      const name = `editor-${scale}`;
      const a = key === "open" ? { paint: timing(name, (r) => r.open), cell: ms(timing(name, (r) => r.open)) } : keystrokeCell(name, key);
      const budgeted = scale === "x100";
      row(`${label}, ${times(scale)}`, a.cell, "—", "", budgeted ? budget : "", budgeted ? verdict(a.paint, ok) : "");
    }
  }
  for (const scale of editorScales) {
    const name = `editor-${scale}`;
    if (timings && runsDone(name) < 5) notes.push(`browser timings ${name}: only ${runsDone(name)} runs succeeded`);
  }
}
