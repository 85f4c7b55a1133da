// A tiny static file server for the benchmark, on loopback only. Compresses like a production
// host would: brotli when the browser accepts it (Chromium does on http://127.0.0.1, a secure
// context), else gzip. `Cache-Control: no-store` makes every timed navigation a first visit.
// Everything is compressed once at start. Logs one line per request (status, encoding, bytes).
//
// Usage: node bench/serve.mjs ROOT PORT_FILE   (binds 127.0.0.1 on a free port, writes it to PORT_FILE)
import { createServer } from "node:http";
import { readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { extname, join, normalize, sep } from "node:path";
import { brotliCompressSync, gzipSync, constants } from "node:zlib";

const [root, portFile] = process.argv.slice(2);
if (!root || !portFile) {
  console.error("usage: node serve.mjs ROOT PORT_FILE");
  process.exit(2);
}

const TYPES = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".mjs": "text/javascript; charset=utf-8",
  ".wasm": "application/wasm",
  ".css": "text/css; charset=utf-8",
  ".json": "application/json",
  ".svg": "image/svg+xml",
  ".png": "image/png",
  ".ico": "image/x-icon",
  ".txt": "text/plain; charset=utf-8",
};
const COMPRESSIBLE = new Set([".html", ".js", ".mjs", ".wasm", ".css", ".json", ".svg", ".txt"]);
const cache = new Map(); // path → { mtimeMs, raw, br, gzip }

function load(file) {
  const { mtimeMs } = statSync(file);
  let entry = cache.get(file);
  if (!entry || entry.mtimeMs !== mtimeMs) {
    const raw = readFileSync(file);
    entry = {
      mtimeMs,
      raw,
      // Quality 11 as a host precompresses shipped files; 5 for the big generated ×100 data.
      br: brotliCompressSync(raw, { params: { [constants.BROTLI_PARAM_QUALITY]: raw.length > 1_000_000 ? 5 : 11 } }),
      gzip: gzipSync(raw, { level: 9 }),
    };
    cache.set(file, entry);
  }
  return entry;
}

const server = createServer((req, res) => {
  const path = decodeURIComponent(new URL(req.url, "http://x").pathname);
  let file = normalize(join(root, path));
  if (!file.startsWith(normalize(root + sep)) && file !== normalize(root)) {
    res.writeHead(400).end("bad path");
    return;
  }
  try {
    if (statSync(file).isDirectory()) file = join(file, "index.html");
    const entry = load(file);
    const ext = extname(file);
    const accepts = String(req.headers["accept-encoding"] ?? "");
    let body = entry.raw;
    let encoding = "identity";
    if (COMPRESSIBLE.has(ext) && /\bbr\b/.test(accepts)) [body, encoding] = [entry.br, "br"];
    else if (COMPRESSIBLE.has(ext) && /\bgzip\b/.test(accepts)) [body, encoding] = [entry.gzip, "gzip"];
    const headers = {
      "Content-Type": TYPES[ext] ?? "application/octet-stream",
      "Content-Length": body.length,
      "Cache-Control": "no-store",
      Vary: "Accept-Encoding",
    };
    if (encoding !== "identity") headers["Content-Encoding"] = encoding;
    res.writeHead(200, headers);
    res.end(req.method === "HEAD" ? undefined : body);
    console.error(`200 ${encoding} ${body.length} ${path}`);
  } catch {
    res.writeHead(404, { "Content-Type": "text/plain" }).end("not found");
    console.error(`404 - 0 ${path}`);
  }
});

// Compress everything before listening, so no timed request waits for brotli -q 11.
function compressAll(dir) {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) compressAll(path);
    else if (COMPRESSIBLE.has(extname(path))) load(path);
  }
}
compressAll(root);
server.listen(0, "127.0.0.1", () => writeFileSync(portFile, String(server.address().port)));
