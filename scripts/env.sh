# shellcheck shell=bash
# Environment shared by scripts/setup.sh, scripts/serve.sh and scripts/test.sh.
# Source it (`source scripts/env.sh`): it sets REPO_ROOT and puts the project's tools first on PATH:
#   - node_modules/.bin  (wasm-opt from npm `binaryen`; Debian's binaryen is too old for rustc 1.95)
#   - ~/.cargo/bin       (trunk, wasm-bindgen, wasm-bindgen-test-runner)
# It changes nothing else in the calling shell (no `set -e`).

REPO_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
export REPO_ROOT

_na_cargo_bin="${CARGO_HOME:-$HOME/.cargo}/bin"
case ":$PATH:" in
  *":$REPO_ROOT/node_modules/.bin:$_na_cargo_bin:"*) ;;
  *) PATH="$REPO_ROOT/node_modules/.bin:$_na_cargo_bin:$PATH" ;;
esac
export PATH
unset _na_cargo_bin

# Browser used by the wasm-bindgen-test runner (via chromedriver) and by the Node end-to-end tests.
export CHROMEDRIVER="${CHROMEDRIVER:-/usr/bin/chromedriver}"
export CHROMIUM="${CHROMIUM:-/usr/bin/chromium}"

# Where setup/test scripts write long build logs (gitignored through /target).
export NA_LOG_DIR="${NA_LOG_DIR:-$REPO_ROOT/target/logs}"
