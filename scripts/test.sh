#!/usr/bin/env bash
# Runs every check and test: formatting and clippy, the geometry tool's tests, the native unit
# and integration tests, and the browser tests against a release build. Installs missing tools
# first. Exits non-zero on any failure.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh test
export PATH="$HOME/.cargo/bin:${INNOVATION_ATLAS_TOOLS:-$HOME/.cache/innovation-atlas}/node_modules/.bin:$PATH"
export CHROMEDRIVER="${CHROMEDRIVER:-/usr/bin/chromedriver}"
# The browser tests run on every engine named here (WebKit starts its own Xvfb when there is no
# DISPLAY; chromium-touch is the phone-emulation touch pass); set ATLAS_ENGINES=chromium (or any comma-separated subset) to run fewer.
export ATLAS_ENGINES="${ATLAS_ENGINES:-chromium,firefox,webkit,chromium-touch}"

# Each step says when it starts, in seconds since the tests began, so a slow CI run shows where
# its time went.
started=$SECONDS
step() { echo "== [$((SECONDS - started)) s] $*"; }

# The checks every Rust project runs. Formatting first: it takes a second.
step "cargo fmt --check"
cargo fmt --all --check
(cd tools/geometry && cargo fmt --all --check)

# Beside the release build, one after the other: clippy (in a target folder of its own: cargo
# locks a target folder for a whole build), the geometry tool's tests, then the native tests'
# build (target/debug, which the release build, in the wasm folders, does not lock). The release
# build's single-threaded steps (link-time optimisation, wasm-opt, the editor's link) leave a core
# free for them; all three at once only slowed the release build down. Waited for before the
# browser tests, which then have the machine to themselves; the output is in target/beside.log.
step "cargo clippy (native, wasm32-unknown-unknown, the geometry tool), the geometry tool's tests, the native tests' build: beside the release build"
mkdir -p target
beside_log=target/beside.log
(
  set -e
  export CARGO_TARGET_DIR="$PWD/target/clippy"
  cargo clippy --all-targets --locked -- -D warnings
  cargo clippy --all-targets --locked --target wasm32-unknown-unknown -- -D warnings
  unset CARGO_TARGET_DIR
  (cd tools/geometry && cargo clippy --all-targets --locked -- -D warnings && cargo test --locked)
  echo "== clippy clean; the native tests' build"
  cargo test --locked --no-run
) > "$beside_log" 2>&1 &
beside_pid=$!
trap 'kill "$beside_pid" 2>/dev/null || true' EXIT

step "release build (scripts/build.sh, as published)"
scripts/build.sh dist

step "waiting for clippy, the geometry tool's tests and the native tests' build"
if ! wait "$beside_pid"; then
  cat "$beside_log"
  echo "test.sh: cargo clippy, the geometry tool's tests or the native tests' build failed (above; also in $beside_log)" >&2
  exit 1
fi
echo "clippy: clean; the geometry tool's tests: $(grep -E '^test result' "$beside_log" | awk '{p += $4; f += $6} END {print p " passed, " f " failed"}')"

step "native and browser tests"
cargo test "$@"
step "done"
