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

# The checks every Rust project runs, first: a change that is not formatted or that clippy warns
# about fails here, in seconds, before the long build and browser suite.
step "cargo fmt --check"
cargo fmt --all --check
(cd tools/geometry && cargo fmt --all --check)
step "cargo clippy (native, then wasm32-unknown-unknown)"
cargo clippy --all-targets --locked -- -D warnings
cargo clippy --all-targets --locked --target wasm32-unknown-unknown -- -D warnings
(cd tools/geometry && cargo clippy --all-targets --locked -- -D warnings)
step "geometry tool"
cargo test --manifest-path tools/geometry/Cargo.toml
step "release build (scripts/build.sh, as published)"
scripts/build.sh dist
step "native and browser tests"
cargo test "$@"
step "done"
