#!/usr/bin/env bash
# Builds what is published: the release app (index.html, sv.html) and the web editor
# (editor.html, its own bundle) into dist/ (or the folder given), exactly as production gets it.
# Stops with the build's error and a non-zero exit if any step fails.
# Usage: scripts/build.sh [OUT_DIR]     (tools: scripts/setup.sh build)
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$HOME/.cargo/bin:${INNOVATION_ATLAS_TOOLS:-$HOME/.cache/innovation-atlas}/node_modules/.bin:$PATH"
out="${1:-dist}"
editor_out="target/editor-dist"

trunk build --release --offline --dist "$out"
# Trunk builds one page at a time: the editor into a folder of its own, then beside the app.
trunk build editor.html --release --offline --html-output editor.html --dist "$editor_out"
cp -rn "$editor_out"/. "$out"/
