#!/usr/bin/env bash
# Installs what building and testing need, once. Every step checks first, so a second run
# installs nothing. Usage: scripts/setup.sh build|test
set -euo pipefail
cd "$(dirname "$0")/.."

TOOLS="${INNOVATION_ATLAS_TOOLS:-$HOME/.cache/innovation-atlas}"
TRUNK_VERSION=0.21.14
BINARYEN_VERSION=132.0.0
GECKODRIVER_VERSION=0.37.1
export PATH="$HOME/.cargo/bin:$TOOLS/node_modules/.bin:$PATH"

say() { printf '\033[1msetup:\033[0m %s\n' "$*" >&2; }

ensure_wasm_target() {
  rustup target list --installed | grep -qx wasm32-unknown-unknown && return
  say "adding the wasm32-unknown-unknown target"
  rustup target add wasm32-unknown-unknown
}

ensure_trunk() {
  if trunk --version 2>/dev/null | grep -q " $TRUNK_VERSION"; then return; fi
  say "installing trunk $TRUNK_VERSION (about 8 minutes the first time)"
  cargo install --locked trunk --version "$TRUNK_VERSION"
}

# wasm-bindgen-cli must match the wasm-bindgen crate in Cargo.lock exactly.
ensure_wasm_bindgen() {
  local want
  want=$(awk '/^name = "wasm-bindgen"$/{getline; gsub(/[^0-9.]/,""); print; exit}' Cargo.lock)
  if wasm-bindgen --version 2>/dev/null | grep -q " $want"; then return; fi
  say "installing wasm-bindgen-cli $want (about 3 minutes)"
  # --locked fails on a missing locked dependency for this crate; the version pin is what matters.
  cargo install wasm-bindgen-cli --version "$want" --force
}

# Debian's wasm-opt 108 corrupts the module; the npm build of binaryen works.
ensure_node_tools() {
  local want_file="$TOOLS/package.json"
  local spec
  spec=$(cat <<JSON
{ "private": true, "dependencies": {
  "binaryen": "$BINARYEN_VERSION",
  "world-atlas": "2.0.2",
  "i18n-iso-countries": "7.14.0",
  "axe-core": "4.10.2"
} }
JSON
)
  if [ -f "$want_file" ] && [ "$(cat "$want_file")" = "$spec" ] && [ -x "$TOOLS/node_modules/.bin/wasm-opt" ]; then return; fi
  say "installing npm tools (binaryen $BINARYEN_VERSION, world-atlas, i18n-iso-countries, axe-core) into $TOOLS"
  mkdir -p "$TOOLS"
  printf '%s' "$spec" > "$want_file"
  (cd "$TOOLS" && npm install --no-audit --no-fund --loglevel=error)
}

ensure_apt() {
  local missing=()
  for pkg in "$@"; do dpkg -s "$pkg" >/dev/null 2>&1 || missing+=("$pkg"); done
  [ ${#missing[@]} -eq 0 ] && return
  say "installing Debian packages: ${missing[*]}"
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null
}

# Firefox's WebDriver server: Debian has none, crates.io has Mozilla's.
ensure_geckodriver() {
  local have
  have=$(geckodriver --version 2>/dev/null || true)
  case "$have" in "geckodriver $GECKODRIVER_VERSION"*) return ;; esac
  say "installing geckodriver $GECKODRIVER_VERSION (about 5 minutes the first time)"
  cargo install --locked geckodriver --version "$GECKODRIVER_VERSION" \
    || cargo install geckodriver --version "$GECKODRIVER_VERSION"
}

# WebKitGTK takes the page's language from the process locale: the browser tests run it in
# en_GB.UTF-8, the counterpart of the other engines' en-GB preference.
ensure_locale() {
  locale -a 2>/dev/null | grep -qix 'en_GB.utf-\?8' && return
  say "generating the en_GB.UTF-8 locale"
  grep -q '^en_GB.UTF-8 UTF-8' /etc/locale.gen 2>/dev/null || echo 'en_GB.UTF-8 UTF-8' >> /etc/locale.gen
  locale-gen >/dev/null
}

case "${1:-build}" in
  build) ensure_wasm_target; ensure_trunk; ensure_wasm_bindgen; ensure_node_tools ;;
  test)  ensure_wasm_target; ensure_trunk; ensure_wasm_bindgen; ensure_node_tools
         # Browser engines for the browser tests: Chromium, Firefox ESR (with geckodriver) and
         # WebKitGTK (WebKitWebDriver driving MiniBrowser, on an Xvfb display the tests start).
         ensure_apt chromium chromium-driver brotli firefox-esr webkit2gtk-driver xvfb xauth locales
         ensure_geckodriver; ensure_locale ;;
  *) echo "usage: $0 build|test" >&2; exit 2 ;;
esac
