// The report's helpers: medians, number formats, ratios, ✓/✗, reading JSON.
import { readFileSync } from "node:fs";

const numbers = (xs) => xs.filter((x) => typeof x === "number" && Number.isFinite(x)).sort((a, b) => a - b);
export const median = (xs) => {
  const v = numbers(xs);
  if (v.length === 0) return undefined;
  const m = Math.floor(v.length / 2);
  return v.length % 2 ? v[m] : (v[m - 1] + v[m]) / 2;
};
export const lowest = (xs) => numbers(xs)[0];
export const int = (n) => (n === undefined ? "n/a" : Math.round(n).toLocaleString("en-US"));
export const kb = (n) => (n === undefined ? "n/a" : `${(n / 1000).toFixed(1)} kB`);
export const ms = (n) => (n === undefined ? "n/a" : n < 10 ? `${n.toFixed(1)} ms` : `${Math.round(n)} ms`);
export const us = (n) => (n === undefined ? "n/a" : n < 10 ? `${n.toFixed(2)} µs` : n < 1000 ? `${n.toFixed(0)} µs` : `${(n / 1000).toFixed(2)} ms`);
export const ratio = (a, b) => (a === undefined || b === undefined || b === 0 ? "" : `${(a / b).toFixed(2)}×`);
export const verdict = (value, ok) => (value === undefined ? "?" : ok(value) ? "✓" : "✗");
export const readJson = (file) => {
  try {
    return JSON.parse(readFileSync(file, "utf8"));
  } catch {
    return undefined;
  }
};

/** The table's rows, with `row(figure, app, ref, ratio, budget, ok)` and `section(title)`. */
export function table() {
  const rows = [];
  return {
    rows,
    row: (figure, app, ref = "—", rat = "", budget = "", mark = "") => rows.push([figure, app, ref, rat, budget, mark]),
    section: (title) => rows.push([`**${title}**`, "", "", "", "", ""]),
  };
}

/** A markdown table. */
export const markdown = (header, rows) => [header, header.map(() => "---"), ...rows].map((r) => `| ${r.join(" | ")} |`).join("\n");
