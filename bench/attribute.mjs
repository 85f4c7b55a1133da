// Groups twiggy's per-item sizes of the app's wasm (built with names, see attribute_wasm in
// scripts/bench.sh) by crate and module, and prints the grouping as JSON for bench/report.mjs.
//
// Each item (function body, data segment, section) goes to the first group that claims it:
// data segments; closure shims and drop glue (names with `closure`, `drop_in_place` or `vtable.shim`, in any
// crate); the imports and exports (wasm-bindgen's bindings); then by the crate its name starts
// with (for `<T as Trait>::f`, T's crate, or Trait's when T is generic); this app's own
// functions are split further by module (validate, ui::map, directory, …, from src/'s files). The name
// section, which exists only in this build, is counted apart; the percentages are of the
// file without it.
//
// Usage: node bench/attribute.mjs TWIGGY.json NAMED.wasm SHIPPED.wasm [SRC] > attribution.json
//   (SRC: this app's source folder, for its module names; default src)
import { readdirSync, readFileSync, statSync } from "node:fs";
import { basename, join } from "node:path";
import { brotliCompressSync, constants } from "node:zlib";

const [twiggyFile, namedWasm, shippedWasm, srcDir = "src"] = process.argv.slice(2);
if (!twiggyFile || !namedWasm || !shippedWasm) {
  console.error("usage: node attribute.mjs TWIGGY.json NAMED.wasm SHIPPED.wasm [SRC]");
  process.exit(2);
}

const APP = "innovation_atlas";
// Crate (first path segment) → group. Prefix matches: `wasm_bindgen` takes wasm_bindgen_futures.
const CRATES = [
  [["tachys"], "tachys (Leptos views)"],
  [["reactive_graph"], "reactive_graph"],
  [["leptos", "leptos_router", "leptos_dom", "leptos_macro"], "leptos + leptos_router + leptos_dom + leptos_macro"],
  [["serde_json", "serde"], "serde_json + serde"],
  [["core", "alloc", "std", "dlmalloc", "compiler_builtins"], "core/alloc/std (incl. fmt, float parsing, sorting, the allocator)"],
  [["wasm_bindgen", "js_sys", "web_sys"], "wasm_bindgen + js_sys + web_sys (incl. the imports of JS functions)"],
];
const BINDINGS = CRATES[CRATES.length - 1][1];
const CLOSURES = "closure shims and drop glue (`closure`, `{{vtable.shim}}`, `drop_in_place`)";
const DATA = "data segments";
const NAMES = "name section (only in this build)";
const OTHER = "other";

const items = JSON.parse(readFileSync(twiggyFile, "utf8")).filter((i) => typeof i.shallow_size === "number" && !/^(Σ|\.\.\.)/.test(i.name));

// Rust symbols as twiggy shows them: `core[c5930c85a12de822]::fmt::write`, `…::f::h0859c55dc5bed98f`.
const plain = (name) => name.replace(/\[[0-9a-f]{8,}\]/g, "").replace(/::h[0-9a-f]{16}$/, "");
const PRIMITIVES = new Set(["bool", "char", "str", "f32", "f64", "i8", "i16", "i32", "i64", "i128", "isize", "u8", "u16", "u32", "u64", "u128", "usize"]);

// The crate a symbol belongs to: `a::b::c` → a; `<T as Trait>::f` → T's, or Trait's when T is
// generic or a primitive; `&mut T` → T's.
function crateOf(name) {
  const n = plain(name);
  const head = n.replace(/^[<&(\[\s]*((mut|dyn|const) )*/, "");
  const m = head.match(/^([A-Za-z_][A-Za-z0-9_]*)(::)?/);
  if (m?.[2]) return m[1] === "__rustc" ? "std" : m[1];
  const trait = n.match(/ as (?:(?:mut|dyn) )*([A-Za-z_][A-Za-z0-9_]*)::/);
  if (trait) return trait[1];
  return m && PRIMITIVES.has(m[1]) ? "core" : undefined;
}

// This app's modules, from its source files: src/ui/map.rs → ui::map, src/draft/mod.rs → draft.
function appModules(dir, prefix = []) {
  const found = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (entry.isDirectory()) found.push(...appModules(join(dir, entry.name), [...prefix, entry.name]));
    else if (entry.name.endsWith(".rs")) {
      const stem = entry.name.slice(0, -3);
      found.push([...prefix, ...(["mod", "lib", "main"].includes(stem) ? [] : [stem])].join("::"));
    }
  }
  return found;
}
const MODULES = new Set(appModules(srcDir));

// The module of one of this app's symbols: the longest module path its name starts with.
function appModule(name) {
  const after = plain(name).split(`${APP}::`)[1] ?? "";
  const path = (after.match(/^[A-Za-z_][A-Za-z0-9_]*(::[A-Za-z_][A-Za-z0-9_]*)*/)?.[0] ?? "").split("::");
  for (let n = path.length; n > 0; n--) {
    const module = path.slice(0, n).join("::");
    if (MODULES.has(module)) return module;
  }
  return "(crate root)";
}

// A crate's top module a symbol is in: core::fmt, tachys::view, serde_json::de (else the crate).
function crateModule(name, crate) {
  const m = plain(name).match(new RegExp(`(?:^|[^A-Za-z0-9_])${crate}::([a-z_][a-z0-9_]*)(::|$)`));
  return m ? `${crate}::${m[1]}` : crate;
}

function classify(name) {
  if (/^data segment/i.test(name) || /^data\[\d+\]$/.test(name)) return { group: DATA };
  if (/^"\w+ names" subsection$/.test(name) || /custom section '?name'?/i.test(name)) return { group: NAMES };
  if (/closure|drop_in_place|vtable\.shim/.test(name)) return { group: CLOSURES, crate: crateOf(name) ?? "(no crate)" };
  // The JS functions wasm-bindgen imports and its own exports belong to the bindings.
  if (/^import |^export |^__wbindgen|^__wbg_|^__externref/.test(name)) return { group: BINDINGS, crate: "(imports, exports, wasm-bindgen's own)" };
  const crate = crateOf(name);
  if (crate === APP) return { group: APP, module: appModule(name) };
  for (const [prefixes, group] of CRATES) if (crate && prefixes.some((p) => crate === p || crate.startsWith(`${p}_`))) return { group, crate: crateModule(name, crate) };
  return { group: OTHER, crate: crate ?? (/^code\[\d+\]$/.test(name) ? "(functions without a name)" : "(wasm structure: types, tables, globals…)") };
}

const groups = new Map();
const add = (map, key, size) => map.set(key, (map.get(key) ?? 0) + size);
const sub = Object.fromEntries([APP, OTHER, CLOSURES, ...CRATES.map(([, g]) => g)].map((g) => [g, new Map()]));
for (const item of items) {
  const { group, module, crate } = classify(item.name);
  add(groups, group, item.shallow_size);
  if (group === APP) add(sub[APP], module, item.shallow_size);
  else if (sub[group]) add(sub[group], crate ?? "(no crate)", item.shallow_size);
}

const namedSize = statSync(namedWasm).size;
const names = groups.get(NAMES) ?? 0;
const counted = namedSize - names; // the file as shipped would be, names left out
const shipped = readFileSync(shippedWasm);
const sorted = (map) => [...map].sort((a, b) => b[1] - a[1]).map(([name, bytes]) => ({ name, bytes, percent: (100 * bytes) / counted }));

const order = [...CRATES.map(([, g]) => g), APP, CLOSURES, DATA, OTHER];
console.log(JSON.stringify({
  named_file: { name: basename(namedWasm), bytes: namedSize, name_section_bytes: names, without_names_bytes: counted },
  shipped_file: {
    name: basename(shippedWasm),
    bytes: shipped.length,
    brotli_bytes: brotliCompressSync(shipped, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length,
  },
  items: items.length,
  groups: order.filter((g) => groups.has(g)).map((g) => ({
    name: g === APP ? `${APP} (this app)` : g,
    bytes: groups.get(g),
    percent: (100 * groups.get(g)) / counted,
    parts: sub[g] ? sorted(sub[g]) : undefined,
  })),
}, null, 1));
