#!/usr/bin/env bash
# Fuzzes the link decoder and the whole estimate path (needs the nightly toolchain and
# cargo-fuzz: `cargo install cargo-fuzz --locked`). New inputs land in the committed
# corpus, which `cargo test` replays (tests/fuzz_corpus.rs).
# Usage: scripts/fuzz.sh [seconds]   (default 600)
set -euo pipefail
cd "$(dirname "$0")/.."
cargo +nightly fuzz run decode_estimate fuzz/corpus/decode_estimate -- \
  -max_total_time="${1:-600}" -max_len=512
