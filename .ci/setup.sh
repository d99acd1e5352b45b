#!/usr/bin/env bash
# Installs every tool Linli's build and tests need, skipping what is already there at the
# right version, so a second run takes seconds. Sourced by .ci/serve and .ci/test.
# Only the package registries are reachable here (crates.io, npm, Debian, PyPI): nothing is
# downloaded from anywhere else.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
TRUNK_VERSION="0.21.14"
# The y-sweet server the sync tier runs (tests/e2e/sync); the app never needs it.
YSWEET_VERSION="0.9.1"
# The splitter that cuts the app's split points into modules of their own (.ci/post-build).
WASM_SPLIT_VERSION="0.2.4"
export PATH="$HOME/.cargo/bin:$ROOT/tests/e2e/node_modules/.bin:$PATH"

log() { printf '\033[1;34m[setup]\033[0m %s\n' "$*"; }

# The wasm-bindgen version the crate links against: the CLI must match it exactly.
wasm_bindgen_version() {
  awk '/^name = "wasm-bindgen"$/ { getline; gsub(/version = |"/, ""); print; exit }' "$ROOT/Cargo.lock"
}

setup_rust() {
  # Trunk's post-build hook (.ci/post-build) is a Python script; it writes brotli copies.
  apt_install python3 brotli
  if ! rustup target list --installed | grep -qx wasm32-unknown-unknown; then
    log "adding the wasm32-unknown-unknown target"
    rustup target add wasm32-unknown-unknown
  fi
  rustup component list --installed | grep -q '^clippy' || rustup component add clippy
  rustup component list --installed | grep -q '^rustfmt' || rustup component add rustfmt
  if [ "$(trunk --version 2>/dev/null)" != "trunk $TRUNK_VERSION" ]; then
    log "installing trunk $TRUNK_VERSION (about 7 minutes on 2 cores)"
    cargo install trunk --version "$TRUNK_VERSION" --locked
  fi
  local wbg
  wbg="$(wasm_bindgen_version)"
  if [ "$(wasm-bindgen --version 2>/dev/null)" != "wasm-bindgen $wbg" ]; then
    log "installing wasm-bindgen-cli $wbg (about 2 minutes)"
    # Not --locked: its lockfile wants a webpki-roots version the registry lacks.
    cargo install wasm-bindgen-cli --version "$wbg" --force
  fi
  # wasm-split-cli has no --version: cargo's list of installed crates says it.
  if ! cargo install --list | grep -qx "wasm_split_cli_support v$WASM_SPLIT_VERSION:"; then
    log "installing wasm-split-cli $WASM_SPLIT_VERSION (about 1 minute)"
    cargo install wasm_split_cli_support --version "$WASM_SPLIT_VERSION" --features build-binary --locked
  fi
}

setup_ysweet() {
  # `y-sweet version` prints the bare version ("0.9.1"); y-sweet has no --version flag.
  if [ "$(y-sweet version 2>/dev/null)" != "$YSWEET_VERSION" ]; then
    log "installing y-sweet $YSWEET_VERSION (about 4 minutes on 2 cores)"
    cargo install y-sweet --version "$YSWEET_VERSION" --locked
  fi
}

setup_npm() {
  # binaryen (wasm-opt that understands current rustc output) and Playwright live here.
  if [ ! -x "$ROOT/tests/e2e/node_modules/.bin/wasm-opt" ] \
    || [ "$ROOT/tests/e2e/package-lock.json" -nt "$ROOT/tests/e2e/node_modules/.package-lock.json" ]; then
    log "installing npm packages (binaryen, Playwright)"
    (cd "$ROOT/tests/e2e" && npm ci --no-audit --no-fund --loglevel=error)
  fi
}

apt_install() {
  local missing=()
  for pkg in "$@"; do
    dpkg -s "$pkg" >/dev/null 2>&1 || missing+=("$pkg")
  done
  if [ ${#missing[@]} -gt 0 ]; then
    log "installing Debian packages: ${missing[*]}"
    local sudo=""
    [ "$(id -u)" = 0 ] || sudo="sudo"
    $sudo apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
  fi
}

setup_browser() {
  # Chromium for browser and end-to-end tests, a font that renders Chinese, brotli for
  # the size report, openssl for the bench's HTTPS server's certificate.
  apt_install chromium chromium-driver fonts-wqy-zenhei brotli openssl
}

fetch_crates() {
  # Trunk runs cargo with --offline (Trunk.toml), so the crates must be fetched first.
  (cd "$ROOT" && cargo fetch --locked >/dev/null 2>&1 || cargo fetch)
}
