// The report's second table: where the wasm's bytes are, from attribution.json (written by
// bench/attribute.mjs in the attribution step of scripts/bench.sh).
import { int, kb, markdown } from "./report-format.mjs";

const pct = (p) => (p === undefined ? "n/a" : `${p.toFixed(1)} %`);
// The largest parts of a group, for its "details" cell.
const parts = (list, n) => {
  if (!list?.length) return "";
  const shown = list.slice(0, n).map((p) => `${p.name} ${kb(p.bytes)}`);
  const rest = list.slice(n).reduce((sum, p) => sum + p.bytes, 0);
  return shown.join(", ") + (rest ? `, the rest ${kb(rest)}` : "");
};

export function attributionTable(a, notes) {
  const lines = ["### Where the wasm's bytes are", ""];
  if (!a?.groups) {
    notes.push("wasm attribution: no result (see the log above the table)");
    return [...lines, "n/a: the attribution step did not run (see the log)."].join("\n");
  }
  const named = a.named_file, shipped = a.shipped_file;
  lines.push(
    `The app's wasm built as Trunk builds it but with function names kept (wasm-opt -Oz --debuginfo), measured per ` +
      `function by \`twiggy top\` (${int(a.items)} items) and grouped by crate and module. That file: ` +
      `${int(named.bytes)} B, of which the name section ${int(named.name_section_bytes)} B; the percentages are of the ` +
      `other ${int(named.without_names_bytes)} B. The shipped wasm (\`${shipped.name}\`, names stripped): ` +
      `${int(shipped.bytes)} B raw, ${int(shipped.brotli_bytes)} B brotli -q 11.`,
    "",
  );
  const rows = a.groups.map((g) => [g.name, int(g.bytes), pct(g.percent), parts(g.parts, g.name.startsWith("innovation_atlas") ? 12 : 8)]);
  rows.push(["**total (without the name section)**", int(named.without_names_bytes), pct(100), ""]);
  lines.push(markdown(["Group", "Bytes (raw)", "% of the file", "Largest parts"], rows));
  return lines.join("\n");
}
