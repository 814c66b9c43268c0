#!/usr/bin/env bash
# Release build of the site into dist/ (or $DIST), ready for a static host:
# scripts/build.sh [public-url]   e.g. scripts/build.sh /stream-showdown/
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$PWD/node_modules/.bin:$HOME/.cargo/bin:$PATH"
PUBLIC_URL=${1:-/}
DIST=${DIST:-dist}
# Panic locations name their source files: shorter paths for the registry's crates and
# this checkout (fewer bytes in the wasm; the WebAssembly target only, so native builds
# keep their cache).
remap="--remap-path-prefix=$PWD=/s"
for index in "${CARGO_HOME:-$HOME/.cargo}"/registry/src/*/; do
  remap="$remap --remap-path-prefix=${index%/}=/r"
done
export CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUSTFLAGS="$remap"
# (Trunk's post-build hook pre-renders the page with Yew SSR: Trunk.toml.)
trunk build --release --public-url "$PUBLIC_URL" --dist "$DIST"
# Short names for the module's imports, in the module and its glue (loader.mjs below
# takes both files' integrity hashes as they are then).
node scripts/short-imports.mjs "$DIST"
# Minify the wasm-bindgen JS glue (loader.mjs below updates its integrity hash).
for js in "$DIST"/*.js; do terser "$js" --module --compress passes=2 --mangle -o "$js"; done
# Fetch the module after the first paint, with integrity (scripts/loader.mjs).
node scripts/loader.mjs "$DIST/index.html"
# The inlined style sheet without comments and spare white space (before its hash is taken).
node scripts/minify-css.mjs "$DIST/index.html"
# A strict Content-Security-Policy (inline loader allowed by hash only).
node scripts/csp.mjs "$DIST/index.html"
# GitHub Pages: serve files as they are, and load the app on any path.
touch "$DIST/.nojekyll"
cp "$DIST/index.html" "$DIST/404.html"
