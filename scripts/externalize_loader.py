#!/usr/bin/env python3
"""Trunk post-build hook: moves Trunk's inline module loader into a file, and lets the
static page paint before the wasm downloads.

The app must run under a Content-Security-Policy without 'unsafe-inline'
(script-src 'self' 'wasm-unsafe-eval'), so index.html may hold no inline script.

The wasm is most of a first visit's bytes. Trunk preloads it, so on a slow connection it
competes with the stylesheet and the page's first paint waits. Without the preload, and
with the loader waiting for the first frame, the heading and intro paint first and the
wasm follows. The wait is bounded: a hidden tab or an offscreen iframe has no frames.
"""
import hashlib
import os
import re
import sys

staging = os.environ.get("TRUNK_STAGING_DIR") or (sys.argv[1] if len(sys.argv) > 1 else "dist")
index_path = os.path.join(staging, "index.html")
with open(index_path, encoding="utf-8") as f:
    html = f.read()

pattern = re.compile(r'<script type="module">(.*?)</script>', re.S)
match = pattern.search(html)
if not match:
    sys.exit(0)  # already external
code = match.group(1).strip() + "\n"
FIRST_FRAME = (
    "// Paint the static page before the wasm download starts (at most 200 ms later).\n"
    "await new Promise((resolve) => { requestAnimationFrame(() => setTimeout(resolve)); setTimeout(resolve, 200); });\n"
)
init_call = re.search(r"^const wasm = await init\(", code, re.M)
if not init_call:
    sys.exit("the loader no longer calls init() as expected: check Trunk's output")
code = code[: init_call.start()] + FIRST_FRAME + code[init_call.start():]
name = "loader-%s.js" % hashlib.sha256(code.encode()).hexdigest()[:16]
with open(os.path.join(staging, name), "w", encoding="utf-8") as f:
    f.write(code)
html = pattern.sub('<script type="module" src="./%s"></script>' % name, html, count=1)
html = re.sub(r'<link rel="preload" href="[^"]+\.wasm"[^>]*>', "", html)
if "<script>" in html or re.search(r"<script(?![^>]*\bsrc=)[^>]*>", html):
    sys.exit("index.html still has an inline script")
with open(index_path, "w", encoding="utf-8") as f:
    f.write(html)
