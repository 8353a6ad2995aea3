#!/usr/bin/env bash
# Build what the benchmark needs, then run it:
#
#   bash bench/run.sh            # full matrix, writes BENCHMARKS.md (about 15 minutes)
#   bash bench/run.sh --smoke    # the CI subset (also run by `bash scripts/test.sh bench`)
#
# Installs what is missing (scripts/setup.sh), builds dist/ (the release build whose size is the size bar)
# and dist-bench/ (the same with the `bench` feature, which the harness drives), then runs
# `node bench/run.mjs` with the given options (see `node bench/run.mjs --help`).
set -euo pipefail
# shellcheck source=scripts/env.sh
source "$(dirname "${BASH_SOURCE[0]}")/../scripts/env.sh"
cd "$REPO_ROOT"

bash scripts/setup.sh
mkdir -p "$NA_LOG_DIR"
for build in "dist" "dist-bench --features bench"; do
  read -r dir features <<<"$build"
  log="$NA_LOG_DIR/bench-build-$dir.log"
  echo "bench: trunk build --release --offline ${features:+$features }--dist $dir (log: ${log#"$REPO_ROOT"/})"
  # shellcheck disable=SC2086
  if ! trunk build --release --offline $features --dist "$dir" >"$log" 2>&1; then
    tail -n 40 "$log" >&2
    echo "bench: the build of $dir failed" >&2
    exit 1
  fi
done
# The wasm with its names (before wasm-opt strips them), for the report's table of what it is made of.
if [[ " $* " != *" --smoke "* ]]; then
  echo "bench: the wasm with names for the contributors table (target/bench/named/)"
  cargo build --release --offline --target wasm32-unknown-unknown --bin news-annotator >"$NA_LOG_DIR/bench-build-named.log" 2>&1
  wasm-bindgen --target web --out-dir target/bench/named \
    "${CARGO_TARGET_DIR:-target}/wasm32-unknown-unknown/release/news-annotator.wasm"
fi
exec node bench/run.mjs "$@"
