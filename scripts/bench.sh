#!/usr/bin/env bash
# Measures everything about the app's performance and prints it as one markdown table, with
# the budgets and a ✓/✗ next to each: bytes (raw/gzip/brotli) and the first-visit total,
# Lighthouse (mobile, simulated throttling), in-page Chromium timings at ×1, ×10 and ×100 data
# (a cold first visit, then a second visit with what the first left in the cache), the web
# editor's timings at ×1 and ×100, the native filter benchmark, and the same figures for a
# jsvectormap reference page. Then a second table: where the wasm's bytes are (attribute_wasm).
#
# A measuring tool, not a test: it fails only when a step could not run, never on a figure.
# Installs what it needs once (a second run installs nothing), under
# $HOME/.cache/innovation-atlas/bench; serves on 127.0.0.1 only; leaves dist/ alone.
#
# Usage: scripts/bench.sh   (3 to 7 minutes on 2 cores once the builds are cached)
#   BENCH_RUNS=N             browser runs per page (default 7, at least 5)
#   BENCH_LIGHTHOUSE_RUNS=N  Lighthouse runs per page (default 3; the median is shown)
#   BENCH_KEEP=1             keep the work folder (builds, JSON results, server log)
set -euo pipefail
cd "$(dirname "$0")/.."

TOOLS="${INNOVATION_ATLAS_TOOLS:-$HOME/.cache/innovation-atlas}"
BENCH_TOOLS="$TOOLS/bench"
RUNS="${BENCH_RUNS:-7}"
LIGHTHOUSE_RUNS="${BENCH_LIGHTHOUSE_RUNS:-3}"
SCALES="10 100"   # the data ×10 and ×100, besides ×1 (the budgets are for ×100)
export PATH="$HOME/.cargo/bin:$TOOLS/node_modules/.bin:$PATH"
export CHROME_PATH="${CHROMIUM:-/usr/bin/chromium}"
export CHROMEDRIVER="${CHROMEDRIVER:-/usr/bin/chromedriver}"
CHROME_FLAGS="--headless=new --no-sandbox --disable-gpu --disable-dev-shm-usage --disable-background-networking --disable-component-update --disable-sync --no-first-run --disable-quic"

WORK="$(mktemp -d "${TMPDIR:-/tmp}/atlas-bench.XXXXXX")"
SITE="$WORK/site"
SERVER_PID=""
BASE_URL=""
LOAD_BEFORE="?"
FAILED=()
STARTED=$SECONDS

say() { printf '\033[1mbench:\033[0m %s\n' "$*" >&2; }

stop_server() {
  if [ -n "$SERVER_PID" ]; then
    kill "$SERVER_PID" 2>/dev/null || true
    wait "$SERVER_PID" 2>/dev/null || true
    SERVER_PID=""
  fi
}

cleanup() {
  stop_server
  if [ "${BENCH_KEEP:-0}" = 1 ]; then say "work folder kept: $WORK"; else rm -rf "$WORK"; fi
}
trap cleanup EXIT
trap 'exit 130' INT TERM

# ---------------------------------------------------------------- installs (each checks first)

ensure_build_tools() {
  scripts/setup.sh build   # wasm target, trunk, wasm-bindgen, binaryen (each only if missing)
}

ensure_debian_packages() {
  local pkg missing=()
  for pkg in chromium chromium-driver brotli; do dpkg -s "$pkg" >/dev/null 2>&1 || missing+=("$pkg"); done
  [ ${#missing[@]} -eq 0 ] && return
  say "installing Debian packages: ${missing[*]}"
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null
}

# Lighthouse and jsvectormap, pinned by bench/package.json and bench/package-lock.json.
ensure_bench_npm_tools() {
  if cmp -s bench/package.json "$BENCH_TOOLS/package.json" \
    && cmp -s bench/package-lock.json "$BENCH_TOOLS/package-lock.json" \
    && [ -x "$BENCH_TOOLS/node_modules/.bin/lighthouse" ] \
    && [ -f "$BENCH_TOOLS/node_modules/jsvectormap/dist/maps/world.js" ]; then
    return
  fi
  say "installing lighthouse and jsvectormap into $BENCH_TOOLS"
  mkdir -p "$BENCH_TOOLS"
  cp bench/package.json bench/package-lock.json "$BENCH_TOOLS/"
  (cd "$BENCH_TOOLS" && npm ci --no-audit --no-fund --loglevel=error) >&2   # stdout is the table
}

# ---------------------------------------------------------------- builds (before any timing)

# THE build (scripts/build.sh): index.html and sv.html with their static content, and the
# web editor (editor.html, its own bundle) beside them.
build_app() {
  say "building the release app and the editor into $SITE/app (scripts/build.sh)"
  scripts/build.sh "$SITE/app" >"$WORK/build.log" 2>&1 || {
    tail -30 "$WORK/build.log" >&2
    return 1
  }
}

build_reference_page() {
  local dist="$BENCH_TOOLS/node_modules/jsvectormap/dist"
  mkdir -p "$SITE/ref/data"
  cp bench/reference/index.html bench/reference/reference.js "$SITE/ref/"
  cp "$dist/jsvectormap.min.js" "$dist/jsvectormap.min.css" "$dist/maps/world.js" "$SITE/ref/"
  cp public/data/initiative.json "$SITE/ref/data/"
}

# ×10 and ×100 copies of both pages; only ever written here, in the work folder. The app's
# pages are written anew for the scaled data, as publishing it would (the web editor's bundle,
# or `static-pages --republish`): the page is the view of its own data.
make_scaled_copies() {
  local site scale
  cargo build --release --quiet --bin static-pages
  for scale in $SCALES; do
    for site in app ref; do
      cp -r "$SITE/$site" "$SITE/$site-x$scale"
      node bench/scale-dataset.mjs public/data/initiative.json "$SITE/$site-x$scale/data/initiative.json" "$scale"
    done
    target/release/static-pages --republish "$SITE/app-x$scale" >&2
  done
}

# Where the wasm's bytes are. The app's wasm is built as Trunk 0.21 builds it (cargo build,
# wasm-bindgen --target=web --no-typescript, wasm-opt -Oz: its src/pipelines/rust/mod.rs), but
# with the function names kept (wasm-opt --debuginfo keeps the name section), then measured per
# function by twiggy and grouped by crate and module by bench/attribute.mjs:
#   cargo build --release --target wasm32-unknown-unknown --bin innovation-atlas
#   wasm-bindgen --target web --no-typescript --out-dir W target/wasm32-unknown-unknown/release/innovation-atlas.wasm
#   wasm-opt -Oz --debuginfo W/innovation-atlas_bg.wasm -o W/named.wasm
#   twiggy top -n 100000 --format json W/named.wasm > W/twiggy.json
#   node bench/attribute.mjs W/twiggy.json W/named.wasm dist/innovation-atlas-*_bg.wasm > attribution.json
# (the cargo build is the one scripts/build.sh made: cargo only checks it is up to date).
attribute_wasm() {
  local out="$WORK/wasm" target_dir shipped
  say "where the wasm's bytes are: a build with names, measured by twiggy"
  if ! command -v twiggy >/dev/null 2>&1; then
    say "installing twiggy (cargo install twiggy --locked)"
    cargo install --quiet twiggy --locked || return 1
  fi
  mkdir -p "$out"
  target_dir="${CARGO_TARGET_DIR:-target}"
  shipped=$(find "$SITE/app" -maxdepth 1 -name 'innovation-atlas-*_bg.wasm' | head -1)
  [ -n "$shipped" ] || { say "no innovation-atlas-*_bg.wasm in $SITE/app"; return 1; }
  cargo build --quiet --release --target wasm32-unknown-unknown --bin innovation-atlas >"$out/build.log" 2>&1 \
    && wasm-bindgen --target web --no-typescript --out-dir "$out" "$target_dir/wasm32-unknown-unknown/release/innovation-atlas.wasm" \
    && wasm-opt -Oz --debuginfo "$out/innovation-atlas_bg.wasm" -o "$out/named.wasm" \
    && twiggy top -n 100000 --format json "$out/named.wasm" >"$out/twiggy.json" \
    && node bench/attribute.mjs "$out/twiggy.json" "$out/named.wasm" "$shipped" >"$WORK/attribution.json" \
    || { tail -20 "$out/build.log" >&2; return 1; }
}

build_native_benchmarks() {
  say "building the browser timing driver and the filter benchmark"
  cargo build --quiet --example browser_timings
  cargo bench --quiet --bench filter --no-run
}

# ---------------------------------------------------------------- measurements

# The files a first visit of index.html loads (bench/first-visit.mjs): index.html, its
# <script src> and <link rel=stylesheet|modulepreload|preload href> (not the pages it only links
# to), the files named in those scripts (the loader names the glue js and the wasm), and
# data/initiative.json.
first_visit_files() {
  node bench/first-visit.mjs "$1"
}

# site, file, raw, gzip -9, brotli -q 11, loaded on a first visit (1/0)
measure_bytes() {
  local site file rel first loaded
  for site in app ref; do
    loaded=$(first_visit_files "$SITE/$site")
    say "first visit of $site/index.html loads: $(tr "\n" " " <<<"$loaded")"
    while IFS= read -r file; do
      rel="${file#"$SITE/$site/"}"
      if grep -qxF "$rel" <<<"$loaded"; then first=1; else first=0; fi
      printf '%s\t%s\t%s\t%s\t%s\t%s\n' "$site" "$rel" \
        "$(stat -c %s "$file")" "$(gzip -9 -c "$file" | wc -c)" "$(brotli -q 11 -c "$file" | wc -c)" "$first"
    done < <(find "$SITE/$site" -type f | sort)
  done >"$WORK/bytes.tsv"
}

start_server() {
  node bench/serve.mjs "$SITE" "$WORK/port" 2>"$WORK/server.log" &
  SERVER_PID=$!
  local i
  for i in $(seq 1 600); do   # compressing the site first takes some seconds
    [ -s "$WORK/port" ] && break
    kill -0 "$SERVER_PID" 2>/dev/null || break
    sleep 0.1
  done
  [ -s "$WORK/port" ] || { say "the static server did not start"; return 1; }
  BASE_URL="http://127.0.0.1:$(cat "$WORK/port")"
  say "serving $SITE on $BASE_URL"
}

run_filter_benchmark() {
  say "native filter benchmark"
  cargo bench --quiet --bench filter 2>"$WORK/filter.log" | sed -n 's/^BENCH_FILTER //p' >"$WORK/filter.jsonl"
  [ -s "$WORK/filter.jsonl" ] || { tail -20 "$WORK/filter.log" >&2; return 1; }
}

run_lighthouse() {
  local lighthouse="$BENCH_TOOLS/node_modules/.bin/lighthouse" site i ok=0
  mkdir -p "$WORK/lighthouse"
  for site in app ref; do
    for i in $(seq 1 "$LIGHTHOUSE_RUNS"); do
      say "Lighthouse $site, run $i of $LIGHTHOUSE_RUNS"
      if timeout 300 "$lighthouse" "$BASE_URL/$site/" --quiet --output=json \
        --output-path="$WORK/lighthouse/$site-$i.json" \
        --only-categories=performance,accessibility,best-practices,seo \
        --chrome-flags="$CHROME_FLAGS" >>"$WORK/lighthouse.log" 2>&1; then
        ok=$((ok + 1))
      else
        say "Lighthouse $site run $i failed (see below)"
        tail -5 "$WORK/lighthouse.log" >&2
      fi
    done
  done
  [ "$ok" -gt 0 ]
}

run_browser_timings() {
  local pages=("app-x1=app=$BASE_URL/app/" "ref-x1=ref=$BASE_URL/ref/") scale
  for scale in $SCALES; do
    pages+=("app-x$scale=app=$BASE_URL/app-x$scale/" "ref-x$scale=ref=$BASE_URL/ref-x$scale/")
  done
  # The web editor, opening the ×1 and the ×100 data (each site folder holds editor.html).
  pages+=("editor-x1=editor=$BASE_URL/app/editor.html" "editor-x100=editor=$BASE_URL/app-x100/editor.html")
  say "Chromium timings: $RUNS runs per page, ×1 and ×${SCALES// / and ×}, and the editor at ×1 and ×100"
  cargo run --quiet --example browser_timings -- --runs "$RUNS" "${pages[@]}" >"$WORK/timings.json"
}

# ---------------------------------------------------------------- report

describe_source() {
  if git rev-parse --short HEAD >/dev/null 2>&1; then
    printf '%s%s' "$(git rev-parse --short HEAD)" "$(git diff --quiet HEAD -- . 2>/dev/null || echo ' + uncommitted changes')"
  else
    printf '%s (not a git checkout)' "$PWD"
  fi
}

print_machine() {
  local cpu
  cpu=$(sed -n 's/^model name[[:space:]]*: //p' /proc/cpuinfo | head -1)
  echo "## Innovation Atlas benchmark"
  echo
  echo "- Date: $(date -u '+%Y-%m-%d %H:%M UTC')"
  echo "- Machine: $(uname -m), ${cpu:-unknown CPU}, $(nproc) cores; load average (1/5/15 min) when measuring began: $LOAD_BEFORE, at the end: $(cut -d' ' -f1-3 /proc/loadavg)"
  echo "- Source: $(describe_source)"
  echo "- Tools: $("$CHROME_PATH" --version 2>/dev/null | head -1), node $(node --version), lighthouse $(node -p "require('$BENCH_TOOLS/node_modules/lighthouse/package.json').version"), jsvectormap $(node -p "require('$BENCH_TOOLS/node_modules/jsvectormap/package.json').version"), $(rustc --version | cut -d' ' -f1-2), trunk $(trunk --version | cut -d' ' -f2), wasm-opt $(wasm-opt --version | awk '{print $3}'), twiggy $(twiggy --version 2>/dev/null | awk '{print $2}')"
  echo "- Served by bench/serve.mjs on 127.0.0.1 as production should be: hashed files with Cache-Control: public, max-age=31536000, immutable; everything else with no-cache, an ETag and Last-Modified (304 when unchanged); responses: $(awk '$1 == 200 {print $2} $1 == 304 {print "304"}' "$WORK/server.log" 2>/dev/null | sort | uniq -c | awk '{printf "%s%s×%s", sep, $2, $1; sep=", "}')"
  echo
}

# Runs one step; a failure is noted and the other steps still run.
step() {
  local name=$1
  shift
  if ! "$@"; then
    FAILED+=("$name")
    say "step failed: $name"
  fi
}

main() {
  [ "$RUNS" -ge 5 ] || { say "BENCH_RUNS must be at least 5"; exit 2; }
  ensure_build_tools
  ensure_debian_packages
  ensure_bench_npm_tools
  build_app
  build_reference_page
  make_scaled_copies
  build_native_benchmarks
  step "wasm attribution" attribute_wasm
  measure_bytes
  LOAD_BEFORE=$(cut -d' ' -f1-3 /proc/loadavg)
  step "filter benchmark" run_filter_benchmark
  start_server
  step "Lighthouse" run_lighthouse
  step "browser timings" run_browser_timings
  stop_server

  print_machine
  node bench/report.mjs "$WORK"
  echo
  echo "Took $((SECONDS - STARTED)) s."
  if [ ${#FAILED[@]} -gt 0 ]; then
    say "steps that did not run to the end: ${FAILED[*]}"
    exit 1
  fi
}

main "$@"
