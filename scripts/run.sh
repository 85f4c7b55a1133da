#!/usr/bin/env bash
# Builds the app as it is published and serves it on http://127.0.0.1:8080 (installs missing
# tools first). A failed build stops here, with its error and a non-zero exit: nothing is served.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh build
scripts/build.sh dist
exec python3 scripts/serve.py --address 127.0.0.1 --port "${PORT:-8080}" dist
