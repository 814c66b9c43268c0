#!/usr/bin/env bash
# Proves the browser tests and the end-to-end suite independent of timing: runs the
# browser tests (wasm-bindgen-test in headless Chromium) RUNS times in a row, the second
# half of them with the CPU saturated by LOAD busy loops, and the end-to-end suite
# E2E_RUNS times under the same load; prints the pass counts. Not part of `make test`
# (it takes about 25 minutes on 2 cores); run after `make test` (which builds dist/):
#   scripts/stress-tests.sh            # RUNS=20 E2E_RUNS=5 LOAD=3
set -uo pipefail
cd "$(dirname "$0")/.."
export PATH="$PWD/node_modules/.bin:$HOME/.cargo/bin:$PATH"
export CARGO_TERM_COLOR=never
RUNS=${RUNS:-20}
E2E_RUNS=${E2E_RUNS:-5}
LOAD=${LOAD:-3}
LOGS=${LOGS:-target/stress}
mkdir -p "$LOGS"

busy=()
load_on() {
  for _ in $(seq "$LOAD"); do
    ( while :; do :; done ) &
    busy+=($!)
  done
}
load_off() {
  for p in "${busy[@]}"; do kill "$p" 2>/dev/null; done
  wait "${busy[@]}" 2>/dev/null
  busy=()
}
trap load_off EXIT

# Build the browser tests once (not counted), so each run is the tests only. (The
# browser tests are tests/web.rs: the other test files are native-only.)
cargo test --target wasm32-unknown-unknown --test web --no-run >"$LOGS/build.log" 2>&1 || {
  echo "the browser tests did not build: $LOGS/build.log"; exit 1; }
[ -f dist/index.html ] || { echo "no dist/: run make test (or scripts/build.sh) first"; exit 1; }

quiet_ok=0; loaded_ok=0; e2e_ok=0
half=$(( RUNS / 2 ))
for i in $(seq "$RUNS"); do
  mode=quiet
  if [ "$i" -gt $(( RUNS - half )) ]; then mode=loaded; [ "${#busy[@]}" = 0 ] && load_on; fi
  log="$LOGS/browser-$i-$mode.log"
  if cargo test --target wasm32-unknown-unknown --test web >"$log" 2>&1; then
    result=passed
    if [ "$mode" = quiet ]; then quiet_ok=$((quiet_ok + 1)); else loaded_ok=$((loaded_ok + 1)); fi
  else
    result="FAILED ($log)"
  fi
  printf 'browser run %2d (%s): %s\n' "$i" "$mode" "$result"
done
[ "${#busy[@]}" = 0 ] && load_on
for i in $(seq "$E2E_RUNS"); do
  log="$LOGS/e2e-$i-loaded.log"
  if node e2e/run.mjs dist >"$log" 2>&1; then
    e2e_ok=$((e2e_ok + 1)); result=passed
  else
    result="FAILED ($log)"
  fi
  printf 'e2e run %d (loaded): %s\n' "$i" "$result"
done
load_off

echo
echo "browser tests: $((quiet_ok + loaded_ok))/$RUNS runs passed ($quiet_ok/$((RUNS - half)) quiet, $loaded_ok/$half with $LOAD busy loops)"
echo "end-to-end:    $e2e_ok/$E2E_RUNS runs passed (with $LOAD busy loops)"
[ $((quiet_ok + loaded_ok)) = "$RUNS" ] && [ "$e2e_ok" = "$E2E_RUNS" ]
