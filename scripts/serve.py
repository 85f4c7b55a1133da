#!/usr/bin/env python3
"""Serves a built site (dist/) on loopback with the headers the README asks of a host.

Usage: scripts/serve.py [--port 8080] [--address 127.0.0.1] DIR

The same Content-Security-Policy, caching and MIME types as production, so that what works
here works when published: hashed files (name-<16 hex>.ext) are cached for a year, everything
else (index.html, sv.html, embed.js, data/initiative.json) is revalidated on every visit.
"""
import argparse
import functools
import http.server
import re
import sys

POLICY = (
    "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; "
    "img-src 'self' data:; connect-src 'self'; frame-ancestors 'self' https://www.vinnova.se"
)
HASHED = re.compile(r"-[0-9a-f]{16}(_bg)?\.(js|wasm|css)$")


class Handler(http.server.SimpleHTTPRequestHandler):
    extensions_map = {
        **http.server.SimpleHTTPRequestHandler.extensions_map,
        ".wasm": "application/wasm",
        ".js": "text/javascript",
        ".json": "application/json",
        ".html": "text/html; charset=utf-8",
        ".css": "text/css",
    }

    def end_headers(self):
        self.send_header("Content-Security-Policy", POLICY)
        self.send_header("X-Content-Type-Options", "nosniff")
        self.send_header("Referrer-Policy", "strict-origin-when-cross-origin")
        if HASHED.search(self.path.split("?")[0]):
            self.send_header("Cache-Control", "public, max-age=31536000, immutable")
        else:
            self.send_header("Cache-Control", "no-cache")
        super().end_headers()

    def log_message(self, format, *args):
        sys.stderr.write("serve: %s\n" % (format % args))


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--port", type=int, default=8080)
    parser.add_argument("--address", default="127.0.0.1")
    parser.add_argument("dir")
    args = parser.parse_args()
    handler = functools.partial(Handler, directory=args.dir)
    try:
        server = http.server.ThreadingHTTPServer((args.address, args.port), handler)
    except OSError as e:
        sys.exit(f"serve: cannot listen on {args.address}:{args.port}: {e.strerror}. Is another server running there?")
    print(f"serve: Innovation Atlas is at http://{args.address}:{args.port}/ (Ctrl+C stops)", flush=True)
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        pass


if __name__ == "__main__":
    main()
