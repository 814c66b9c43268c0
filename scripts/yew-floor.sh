#!/usr/bin/env bash
# The byte floor of the stack: builds examples/yew_floor.rs (the smallest Yew app that
# renders a page and updates a number on input) the way Trunk and scripts/build.sh build
# the app: release profile, wasm-bindgen --target web, wasm-opt -Oz, short imports, terser. Writes it to
# target/yew-floor/, where scripts/perf.mjs reports its compressed size beside the app's.
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$PWD/node_modules/.bin:$HOME/.cargo/bin:$PATH"
OUT=target/yew-floor
cargo build --quiet --release --target wasm32-unknown-unknown --example yew_floor
rm -rf "$OUT"
mkdir -p "$OUT"
wasm-bindgen --target web --no-typescript --out-dir "$OUT" target/wasm32-unknown-unknown/release/examples/yew_floor.wasm
wasm-opt -Oz "$OUT/yew_floor_bg.wasm" --output="$OUT/yew_floor_bg.opt.wasm"
mv "$OUT/yew_floor_bg.opt.wasm" "$OUT/yew_floor_bg.wasm"
node scripts/short-imports.mjs "$OUT"
terser "$OUT/yew_floor.js" --module --compress passes=2 --mangle -o "$OUT/yew_floor.js"
