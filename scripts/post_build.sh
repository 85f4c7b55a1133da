#!/usr/bin/env bash
# Trunk's post-build hook (Trunk.toml), on the folder Trunk is about to publish
# ($TRUNK_STAGING_DIR): the page's start-up script as a file, then the pages' static content
# (index.html and sv.html) written from data/initiative.json. Either failing fails the build.
set -euo pipefail
cd "${TRUNK_SOURCE_DIR:-$(dirname "$0")/..}"
python3 scripts/externalize_loader.py
if [ "$(basename "${TRUNK_HTML_FILE:-index.html}")" = index.html ]; then
  cargo run --quiet --bin static-pages -- "${TRUNK_STAGING_DIR:-dist}"
fi
