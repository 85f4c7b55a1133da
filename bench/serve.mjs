// A tiny static file server for the benchmark, on loopback only. Serves like production should
// (the README's "Headers the host of dist/ should send"):
// - hashed files (name-<16 hex>[_bg].js|wasm|css) with `Cache-Control: public, max-age=31536000,
//   immutable`: a second visit takes them from the browser's cache without asking;
// - everything else (the pages, embed.js, data/initiative.json, …) with `Cache-Control: no-cache`,
//   an `ETag` (a hash of the file and its encoding) and `Last-Modified`: the browser asks every
//   time, and `If-None-Match` / `If-Modified-Since` are answered with 304 Not Modified.
// Compresses like a production host: brotli when the browser accepts it (Chromium does on
// http://127.0.0.1, a secure context), else gzip. Each cold first visit is made by the browser
// timings clearing the browser's cache (Lighthouse clears it itself).
// Everything is compressed once at start. Logs one line per request: status, encoding, bytes,
// path (a 304 logs `304 - 0 path`).
//
// Usage: node bench/serve.mjs ROOT PORT_FILE   (binds 127.0.0.1 on a free port, writes it to PORT_FILE)
import { createHash } from "node:crypto";
import { createServer } from "node:http";
import { readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { basename, extname, join, normalize, sep } from "node:path";
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
// The same rule as scripts/serve.py: Trunk's content-hashed file names.
const HASHED = /-[0-9a-f]{16}(_bg)?\.(js|wasm|css)$/;
const IMMUTABLE = "public, max-age=31536000, immutable";
const cache = new Map(); // path → { mtimeMs, raw, br, gzip, hash, lastModified }

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
      hash: createHash("sha256").update(raw).digest("hex").slice(0, 20),
      // HTTP dates have whole seconds.
      lastModified: new Date(Math.floor(mtimeMs / 1000) * 1000).toUTCString(),
    };
    cache.set(file, entry);
  }
  return entry;
}

// True when the browser's copy is current: If-None-Match wins over If-Modified-Since (RFC 9110).
function notModified(req, entry, etag) {
  const match = req.headers["if-none-match"];
  if (match !== undefined) {
    if (match.trim() === "*") return true;
    return match.split(",").map((t) => t.trim().replace(/^W\//, "")).includes(etag);
  }
  const since = Date.parse(String(req.headers["if-modified-since"] ?? ""));
  return Number.isFinite(since) && Math.floor(entry.mtimeMs / 1000) * 1000 <= since;
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
    const headers = { "Content-Type": TYPES[ext] ?? "application/octet-stream", Vary: "Accept-Encoding" };
    if (HASHED.test(basename(file))) {
      headers["Cache-Control"] = IMMUTABLE;
    } else {
      // One ETag per representation: the brotli and the gzip bytes differ.
      const etag = `"${entry.hash}${encoding === "identity" ? "" : `-${encoding}`}"`;
      headers["Cache-Control"] = "no-cache";
      headers.ETag = etag;
      headers["Last-Modified"] = entry.lastModified;
      if ((req.method === "GET" || req.method === "HEAD") && notModified(req, entry, etag)) {
        res.writeHead(304, headers).end();
        console.error(`304 - 0 ${path}`);
        return;
      }
    }
    headers["Content-Length"] = body.length;
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
