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

# The checks every Rust project runs, first: a change that is not formatted fails here, in
# seconds, before the long build and browser suite.
echo "== cargo fmt --check"
cargo fmt --all --check
(cd tools/geometry && cargo fmt --all --check)

# Two jobs at once, each in a target folder of its own (cargo builds in one folder at a time):
# the release build, whose link-time optimisation of one codegen unit keeps a single core busy
# for minutes, and beside it clippy (native and wasm32, every target), the geometry tool's tests
# and the native tests' build. On the 2-core machine this saves about two minutes.
checks_dir=target/checks
mkdir -p "$checks_dir"
(
  set -e
  export CARGO_TARGET_DIR="$PWD/$checks_dir"
  echo "== cargo clippy (native, then wasm32-unknown-unknown)"
  cargo clippy --all-targets --locked -- -D warnings
  cargo clippy --all-targets --locked --target wasm32-unknown-unknown -- -D warnings
  (cd tools/geometry && cargo clippy --all-targets --locked -- -D warnings)
  echo "== geometry tool"
  cargo test --locked --manifest-path tools/geometry/Cargo.toml
  echo "== native tests, built"
  cargo test --locked --no-run
) > "$checks_dir/checks.log" 2>&1 &
checks=$!
echo "== release build (scripts/build.sh, as published), with clippy and the native build beside it"
if ! scripts/build.sh dist; then
  kill "$checks" 2>/dev/null || true
  exit 1
fi
if ! wait "$checks"; then
  cat "$checks_dir/checks.log"
  echo "test.sh: clippy, the geometry tool's tests or the native build failed (above)" >&2
  exit 1
fi
cat "$checks_dir/checks.log"
echo "== native and browser tests"
# The browser suite runs the README's run command and Trunk itself: they build in target/, as a
# newcomer's checkout does (the harness clears CARGO_TARGET_DIR for them).
CARGO_TARGET_DIR="$PWD/$checks_dir" cargo test "$@"
