#!/usr/bin/env bash
# Builds the app and serves it on http://127.0.0.1:8080 (installs missing tools first).
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh build
export PATH="$HOME/.cargo/bin:${INNOVATION_ATLAS_TOOLS:-$HOME/.cache/innovation-atlas}/node_modules/.bin:$PATH"
exec trunk serve --release --offline --address 127.0.0.1 --port 8080 "$@"
