#!/usr/bin/env bash
# Run every check News Annotator has, in order, stopping at the first failure.
#
#   bash scripts/test.sh              # all steps (what CI runs, through .ci/run)
#   bash scripts/test.sh node         # only some steps, by name (setup always runs first):
#                                     #   fmt clippy clippy-wasm unit consumers gold-set browser build node bench
#
# Long build output goes to target/logs/test-<step>.log; a failing step prints the tail of its log.
# The last line is "summary: N passed, N failed" over all test runners (cargo, wasm-bindgen-test,
# Python's unittest, node).
set -euo pipefail

# shellcheck source=scripts/env.sh
source "$(dirname "${BASH_SOURCE[0]}")/env.sh"
cd "$REPO_ROOT"

bash scripts/setup.sh
mkdir -p "$NA_LOG_DIR"

export CARGO_TERM_COLOR=never
export CHROMEDRIVER="${CHROMEDRIVER:-/usr/bin/chromedriver}"
export WASM_BINDGEN_TEST_TIMEOUT="${WASM_BINDGEN_TEST_TIMEOUT:-120}"

ALL_STEPS=(fmt clippy clippy-wasm unit consumers gold-set browser build node bench)
if [[ $# -gt 0 ]]; then
  for s in "$@"; do
    [[ " ${ALL_STEPS[*]} " == *" $s "* ]] || { echo "test.sh: unknown step '$s' (steps: ${ALL_STEPS[*]})" >&2; exit 2; }
  done
  STEPS=("$@")
else
  STEPS=("${ALL_STEPS[@]}")
fi

total_passed=0
total_failed=0
step_no=0
run_start=$SECONDS

# count_results LOG: add the pass/fail counts that cargo's, unittest's and node's test runners printed in LOG.
count_results() {
  local log="$1" p f
  # cargo test / wasm-bindgen-test-runner: "test result: ok. 12 passed; 0 failed; ..."
  p=$(awk '/^test result: [A-Za-z]+\. [0-9]+ passed; [0-9]+ failed/ {s += $4} END {print s + 0}' "$log")
  f=$(awk '/^test result: [A-Za-z]+\. [0-9]+ passed; [0-9]+ failed/ {s += $6} END {print s + 0}' "$log")
  # python -m unittest: "Ran 12 tests in 0.5s", a blank line, then "OK", "OK (skipped=1)" or
  # "FAILED (failures=2, errors=1, skipped=1)". Failed = failures + errors + unexpected successes;
  # passed = the rest, less skipped and expected failures.
  read -r up uf < <(awk '
    /^Ran [0-9]+ tests? in / { ran = $2; pending = 1; next }
    pending && /^(OK|FAILED)( \(.*\))?$/ {
      bad = 0; skip = 0
      n = split($0, parts, /[(),] */)
      for (i = 1; i <= n; i++) {
        if (split(parts[i], kv, "=") != 2) continue
        if (kv[1] == "failures" || kv[1] == "errors" || kv[1] == "unexpected successes") bad += kv[2]
        if (kv[1] == "skipped" || kv[1] == "expected failures") skip += kv[2]
      }
      p += ran - bad - skip; f += bad; pending = 0
    }
    END { print p + 0, f + 0 }' "$log")
  p=$((p + up)); f=$((f + uf))
  # node --test (spec reporter): "ℹ pass 12" / "ℹ fail 0"
  p=$((p + $(awk '/^ℹ pass [0-9]+$/ {s += $3} END {print s + 0}' "$log")))
  f=$((f + $(awk '/^ℹ fail [0-9]+$/ {s += $3} END {print s + 0}' "$log")))
  total_passed=$((total_passed + p))
  total_failed=$((total_failed + f))
}

# step KEY "Heading" MODE CMD...
#   MODE quiet: all output only in the log (its tail is printed on failure).
#   MODE show:  stdout on screen (less cargo's empty "running 0 tests" blocks) and in the log; stderr
#               (compiler noise) only in <log>.stderr, whose tail is printed on failure.
step() {
  local key="$1" title="$2" mode="$3"; shift 3
  [[ " ${STEPS[*]} " == *" $key "* ]] || return 0
  step_no=$((step_no + 1))
  local log="$NA_LOG_DIR/test-$key.log" start=$SECONDS rc=0 shown
  printf '\n==> [%d/%d] %s\n    $ %s\n' "$step_no" "${#STEPS[@]}" "$title" "${DISPLAY[$key]:-$*}"
  : >"$log"
  if [[ "$mode" == show ]]; then
    : >"$log.stderr"
    "$@" 2>"$log.stderr" | tee "$log" | awk '
      /^running 0 tests$/ || /^test result: ok\. 0 passed;/ || /^$/ { next }
      { print; fflush() }' || rc=$?
    shown="$log.stderr"
  else
    "$@" >"$log" 2>&1 || rc=$?
    shown="$log"
  fi
  count_results "$log"
  if [[ $rc -ne 0 ]]; then
    printf '\n!!! %s FAILED (exit %d) after %d s.' "$title" "$rc" $((SECONDS - start))
    if [[ -s "$shown" ]]; then
      printf ' Last lines of %s:\n' "${shown#"$REPO_ROOT"/}"
      tail -n 60 "$shown" | sed 's/^/    | /'
    else
      printf '\n'
    fi
    printf '\ntest.sh: step %d/%d (%s) failed after %d s in all\n' "$step_no" "${#STEPS[@]}" "$key" $((SECONDS - run_start))
    printf 'summary: FAILED at step %s (tests counted before it: %d passed, %d failed)\n' "$key" "$total_passed" "$total_failed"
    exit "$rc"
  fi
  printf '    ok (%d s)\n' $((SECONDS - start))
}

declare -A DISPLAY=(
  [browser]="CHROMEDRIVER=$CHROMEDRIVER WASM_BINDGEN_TEST_TIMEOUT=$WASM_BINDGEN_TEST_TIMEOUT cargo test --target wasm32-unknown-unknown --test '*'"
  [build]="trunk build --release --offline"
  [node]="node --test --test-reporter=spec tests/"
  [bench]="trunk build --release --offline --features bench --dist dist-bench; node bench/size.mjs; node bench/run.mjs --smoke"
)

browser_tests() {
  shopt -s nullglob
  local files=(tests/*.rs)
  shopt -u nullglob
  if [[ ${#files[@]} -eq 0 ]]; then
    echo "no tests/*.rs: no browser unit tests to run"
    return 0
  fi
  # Only the integration tests (tests/*.rs, each `#![cfg(target_arch = "wasm32")]`) run in the browser.
  # No -q: cargo would pass --quiet on to wasm-bindgen-test-runner, which rejects it.
  cargo test --target wasm32-unknown-unknown --test '*'
}

trunk_build() {
  trunk build --release --offline || return $?
  [[ -f dist/index.html ]] || { echo "trunk build succeeded but dist/index.html is missing" >&2; return 1; }
  echo "dist/:"
  ls -l dist/
}

node_tests() {
  [[ -f dist/index.html ]] || { echo "dist/index.html missing: run the build step first (bash scripts/test.sh build node)"; return 1; }
  node --test --test-reporter=spec tests/
}

# The benchmark's smoke subset (bench/run.mjs --smoke: 100 KB with 1,000 annotations, 3 runs, judged only
# against the peer's first render in the same run, other times reported) on the bench build, and the download size of dist/. Both run even when one fails, so the log
# shows every missed bar.
#
# The size bar of issue 3 is 100 KB brotli and is not met (about 125 KB before the export formats, about
# 170 KB with them, about 287 KB with links, the registry and own articles, about 344 KB with the classroom and the
# outlet comparison, about 362 KB with keyboard annotation, the live region, the service worker and the two-tab merge,
# 518.7 KB with serde for every file, the zip crate and pulldown-cmark (issue 14; issue 15 moves what a click needs out of
# the first load, 354.7 KB), 367.0 KB with issue 16's label mapping and text field picker in the import preview, its saving, the import tried in storage with a part offered and dropped folders walked, 375.0 KB with issue 17's sync settings and status (the replication runs in the worker), 384.8 KB with the graves that keep three or more tabs right, 397.1 KB with a class on a database (the exercise naming it, handing in and following on the page, the HTTP in the worker), 412.5 KB with issue 18's suggestion bar, keys, layer, kept rejections and accepting on the page (the engine runs in the worker); see BENCHMARKS.md, "Download size history"). Until it is, CI holds the download to a
# regression guard instead, so that it cannot grow unnoticed; lower the guard as the bundle shrinks
# (moving the formats, own_text, the registry proposals and the classroom and outlet views into a module
# loaded on demand), and drop it (back to
# the 100 KB bar) when the bar is met.
export NA_SIZE_GUARD_KB="${NA_SIZE_GUARD_KB:-413}"
bench_smoke() {
  [[ -f dist/index.html ]] || { echo "dist/index.html missing: run the build step first (bash scripts/test.sh build bench)"; return 1; }
  trunk build --release --offline --features bench --dist dist-bench >"$NA_LOG_DIR/test-bench-build.log" 2>&1 || {
    echo "trunk build --features bench failed:"
    tail -n 40 "$NA_LOG_DIR/test-bench-build.log"
    return 1
  }
  local rc=0
  node bench/size.mjs || rc=$?
  node bench/run.mjs --smoke || rc=$?
  return "$rc"
}

step fmt         "cargo fmt --check"                       quiet cargo fmt --all -- --check
step clippy      "clippy (native, all targets)"           quiet cargo clippy --all-targets -- -D warnings
step clippy-wasm "clippy (wasm32, all targets)"           quiet cargo clippy --target wasm32-unknown-unknown --all-targets -- -D warnings
step unit        "cargo test (native domain tests)"       show  cargo test -q
step consumers   "consumer tests (spaCy, seqeval, brat)"  show  bash scripts/consumers.sh
step gold-set    "suggestions' gold set matches its source" quiet python3 tests/fixtures/suggest/build.py --check
step browser     "browser unit tests (wasm-bindgen-test)" show  browser_tests
step build       "trunk build --release --offline"        quiet trunk_build
step node        "node --test tests/ (schema + e2e)"      show  node_tests
step bench       "benchmark smoke + download size"        show  bench_smoke

printf '\ntest.sh: all %d steps passed in %d s (%s)\n' "${#STEPS[@]}" $((SECONDS - run_start)) "${STEPS[*]}"
printf 'summary: %d passed, %d failed\n' "$total_passed" "$total_failed"
