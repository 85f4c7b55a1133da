#!/usr/bin/env python3
"""Trunk post-build hook: replaces Trunk's inline module loader with the app's own start-up
script (src/web/loader.js) as a file, so the page holds no inline script.

The app must run under a Content-Security-Policy without 'unsafe-inline'
(script-src 'self' 'wasm-unsafe-eval'). The start-up script loads the app with a dynamic
import inside try/catch, so that a missing or broken file, or a browser without WebAssembly,
gets an explanation instead of a page that never finishes (see the script's header).

The wasm is most of a first visit's bytes. Trunk preloads it, so on a slow connection it
competes with the stylesheet and the page's first paint waits. Without the preload, and with
the start-up script waiting for the first frame, the page paints first and the wasm follows.

`trunk serve` adds an inline live-reload script; it is left alone there (and said so), since
it never reaches a published build. Anything else inline fails the build.
"""
import hashlib
import os
import re
import sys

staging = os.environ.get("TRUNK_STAGING_DIR") or (sys.argv[1] if len(sys.argv) > 1 else "dist")
source = os.environ.get("TRUNK_SOURCE_DIR") or os.getcwd()
page = os.path.basename(os.environ.get("TRUNK_HTML_FILE") or "index.html")
page_path = os.path.join(staging, page)
with open(page_path, encoding="utf-8") as f:
    html = f.read()

INLINE_MODULE = re.compile(r'<script type="module">(.*?)</script>', re.S)
LIVE_RELOAD = ".well-known/trunk/ws"


def trunk_loader(html):
    for match in INLINE_MODULE.finditer(html):
        if LIVE_RELOAD not in match.group(1):
            return match
    return None


match = trunk_loader(html)
if match:
    code = match.group(1)
    # Trunk names both files under its public URL: "./" by default (Trunk.toml), or what
    # `--public-url` says ("/tools/innovation-atlas/"). The loader goes beside them.
    glue = re.search(r"""from\s+['"]([^'"]*/)([^'"/]+\.js)['"]""", code)
    wasm = re.search(r"""['"]([^'"]*/)([^'"/]+_bg\.wasm)['"]""", code)
    if not glue or not wasm or glue.group(1) != wasm.group(1):
        sys.exit("externalize_loader: Trunk's loader no longer names the app's .js and .wasm as expected: check Trunk's output")
    prefix = glue.group(1)
    if not re.fullmatch(r"(\./|/|(/[A-Za-z0-9._~-]+)+/|https://[A-Za-z0-9.-]+(:[0-9]+)?(/[A-Za-z0-9._~-]+)*/)", prefix):
        sys.exit("externalize_loader: the public URL %r is not a folder address this script can use "
                 "(use './' in Trunk.toml, or --public-url /a/path/)" % prefix)
    with open(os.path.join(source, "src", "web", "loader.js"), encoding="utf-8") as f:
        loader = f.read().replace("__GLUE__", prefix + glue.group(2)).replace("__WASM__", prefix + wasm.group(2))
    name = "loader-%s.js" % hashlib.sha256(loader.encode()).hexdigest()[:16]
    with open(os.path.join(staging, name), "w", encoding="utf-8") as f:
        f.write(loader)
    html = html[: match.start()] + '<script type="module" src="%s%s"></script>' % (prefix, name) + html[match.end():]
    html = re.sub(r'<link rel="preload" href="[^"]+\.wasm"[^>]*>', "", html)

for script in re.finditer(r"<script(?![^>]*\bsrc=)[^>]*>(.*?)</script>", html, re.S):
    if LIVE_RELOAD in script.group(1):
        print("externalize_loader: leaving trunk serve's live-reload script inline (the strict CSP would block it; "
              "scripts/run.sh serves the published build instead)", file=sys.stderr)
    else:
        sys.exit("externalize_loader: %s still has an inline script, which the strict CSP blocks" % page)
with open(page_path, "w", encoding="utf-8") as f:
    f.write(html)
