#!/usr/bin/env bash
# The speed benchmark of issue 7 in one command: builds morgue and morgue-bench in
# release mode, then runs the benchmark with the given options, for example
#   scripts/bench.sh                                      # 100,000 synthetic articles
#   scripts/bench.sh --input ../shared/corpus/reuters21578.jsonl
#   scripts/bench.sh --generate 1000000 --keep /tmp/bench-1m --explain
# `scripts/bench.sh --help` lists every option. Figures depend on what else the machine
# runs: compare the ratios of one run, not absolute numbers of two.
set -euo pipefail
cd "$(dirname "$0")/.."
cargo build --release --locked --bins >&2
exec target/release/morgue-bench "$@"
