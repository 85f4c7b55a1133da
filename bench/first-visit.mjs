// Lists the files a first visit of SITE/index.html loads, one a line, relative to SITE:
// index.html; what it loads itself (<script src>, <link rel=stylesheet|modulepreload|preload
// href>), not what it only links to (<a href>, rel=icon…); the files named in string literals
// of those scripts, and of the scripts those name (the loader names the app's glue js and its
// wasm); and data/initiative.json, which the app fetches. Only files that exist in SITE count.
//
// Usage: node bench/first-visit.mjs SITE
import { existsSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";

const site = process.argv[2];
if (!site) {
  console.error("usage: node first-visit.mjs SITE");
  process.exit(2);
}

const attr = (tag, name) => tag.match(new RegExp(`\\s${name}\\s*=\\s*(?:"([^"]*)"|'([^']*)'|([^\\s>]+))`, "i"))?.slice(1).find((v) => v !== undefined);
// A same-site reference as a path in SITE, or undefined (data:, other hosts, fragments).
const local = (ref) => {
  if (!ref || /^[a-z][a-z0-9+.-]*:/i.test(ref) || ref.startsWith("//")) return undefined;
  const path = ref.replace(/[?#].*$/, "").replace(/^\.?\//, "");
  return path && existsSync(join(site, path)) && statSync(join(site, path)).isFile() ? path : undefined;
};

const html = readFileSync(join(site, "index.html"), "utf8").replace(/<!--[\s\S]*?-->/g, "");
const files = new Set(["index.html"]);
for (const [tag] of html.matchAll(/<(script|link)\b[^>]*>/gi)) {
  let ref;
  if (/^<script/i.test(tag)) ref = attr(tag, "src");
  else if (/(^|\s)(stylesheet|modulepreload|preload)(\s|$)/i.test(attr(tag, "rel") ?? "")) ref = attr(tag, "href");
  const path = local(ref);
  if (path) files.add(path);
}
// Scripts name further files in string literals ("./app-<hash>.js", '…_bg.wasm'); names in
// comments do not count.
const scripts = [...files].filter((f) => f.endsWith(".js"));
for (let i = 0; i < scripts.length; i++) {
  const code = readFileSync(join(site, scripts[i]), "utf8").replace(/\/\*[\s\S]*?\*\//g, "");
  for (const [, ref] of code.matchAll(/["'`]((?:\.?\/)?[A-Za-z0-9_./-]+\.(?:js|wasm|css|json))["'`]/g)) {
    const path = local(ref);
    if (path && !files.has(path)) {
      files.add(path);
      if (path.endsWith(".js")) scripts.push(path);
    }
  }
}
if (local("data/initiative.json")) files.add("data/initiative.json");
console.log([...files].sort().join("\n"));
