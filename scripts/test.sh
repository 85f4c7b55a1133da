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

# Clippy (and the geometry tool's tests) beside the release build, in a target folder of its own
# (cargo locks a target folder for a whole build): the build's single-threaded parts (link-time
# optimisation, wasm-opt) leave a core free. Its result is waited for before the browser tests,
# which then have the machine to themselves; its output is in target/clippy.log.
step "cargo clippy (native, wasm32-unknown-unknown, the geometry tool) and the geometry tool's tests, beside the build"
mkdir -p target
clippy_log=target/clippy.log
(
  set -e
  export CARGO_TARGET_DIR="$PWD/target/clippy"
  cargo clippy --all-targets --locked -- -D warnings
  cargo clippy --all-targets --locked --target wasm32-unknown-unknown -- -D warnings
  unset CARGO_TARGET_DIR
  cd tools/geometry
  cargo clippy --all-targets --locked -- -D warnings
  cargo test --locked
) > "$clippy_log" 2>&1 &
clippy_pid=$!
trap 'kill "$clippy_pid" 2>/dev/null || true' EXIT

# The native tests' build, beside them too: it uses target/debug, the release build the wasm
# folders, so neither waits for the other's lock, and it fills the core the editor's
# single-threaded link leaves free.
step "native tests' build, beside the release build"
tests_log=target/tests-build.log
cargo test --locked --no-run > "$tests_log" 2>&1 &
tests_pid=$!
trap 'kill "$clippy_pid" "$tests_pid" 2>/dev/null || true' EXIT

step "release build (scripts/build.sh, as published)"
scripts/build.sh dist
step "waiting for the native tests' build"
if ! wait "$tests_pid"; then
  cat "$tests_log"
  echo "test.sh: the native tests did not build (above; also in $tests_log)" >&2
  exit 1
fi

step "waiting for clippy"
if ! wait "$clippy_pid"; then
  cat "$clippy_log"
  echo "test.sh: cargo clippy or the geometry tool's tests failed (above; also in $clippy_log)" >&2
  exit 1
fi
echo "clippy: clean; the geometry tool's tests: $(grep -E '^test result' "$clippy_log" | awk '{p += $4; f += $6} END {print p " passed, " f " failed"}')"

step "native and browser tests"
cargo test "$@"
step "done"
