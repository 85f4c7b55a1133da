#!/usr/bin/env python3
"""Trunk post-build hook: moves Trunk's inline module loader into a file.

The app must run under a Content-Security-Policy without 'unsafe-inline'
(script-src 'self' 'wasm-unsafe-eval'), so index.html may hold no inline script.
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
name = "loader-%s.js" % hashlib.sha256(code.encode()).hexdigest()[:16]
with open(os.path.join(staging, name), "w", encoding="utf-8") as f:
    f.write(code)
html = pattern.sub('<script type="module" src="./%s"></script>' % name, html, count=1)
if "<script>" in html or re.search(r"<script(?![^>]*\bsrc=)[^>]*>", html):
    sys.exit("index.html still has an inline script")
with open(index_path, "w", encoding="utf-8") as f:
    f.write(html)
