#!/usr/bin/env bash
# Install everything News Annotator needs to build and test, skipping what is already there.
#
#   bash scripts/setup.sh         # install; prints only what it installs
#   bash scripts/setup.sh python  # only the Python packages (what scripts/consumers.sh needs)
#   bash scripts/setup.sh app     # all but the Python packages (what scripts/serve.sh needs)
#   source scripts/setup.sh       # same as the first, then exports PATH (node_modules/.bin and ~/.cargo/bin first)
#
# Installs (only when missing or at the wrong version):
#   - a Python venv in target/py with tests/consumers/requirements.txt (spaCy, seqeval, pybrat; pip,
#     about 20 s with pip's cache warm, a minute cold); remade when that file changes
#   - Debian chromium + chromium-driver      (/usr/bin/chromium, /usr/bin/chromedriver)
#   - Debian zip (and python3 if missing)    (the brat import tests make zips with them)
#   - rustup target wasm32-unknown-unknown, components rustfmt and clippy
#   - trunk 0.21.x                           (cargo install, about 14 minutes cold)
#   - wasm-bindgen-cli at the exact wasm-bindgen version in Cargo.lock (about 3 minutes cold)
#   - npm packages from package-lock.json    (wasm-opt from binaryen, playwright-core, ajv, axe-core)

if [[ "${BASH_SOURCE[0]}" != "$0" ]]; then
  # Sourced: do the installs in a child shell (so `set -e` and `exit` stay out of the caller),
  # then export the PATH into the caller.
  bash "${BASH_SOURCE[0]}" || return $?
  # shellcheck source=scripts/env.sh
  source "$(dirname "${BASH_SOURCE[0]}")/env.sh"
  return 0
fi

set -euo pipefail
# shellcheck source=scripts/env.sh
source "$(dirname "${BASH_SOURCE[0]}")/env.sh"
cd "$REPO_ROOT"
mkdir -p "$NA_LOG_DIR"

TRUNK_SERIES="0.21"

say() { printf 'setup: %s\n' "$*"; }
die() { printf 'setup: ERROR: %s\n' "$*" >&2; exit 1; }

# run_logged NAME CMD...: run a long, noisy command with its output in $NA_LOG_DIR/setup-NAME.log;
# on failure print the log's tail.
run_logged() {
  local name="$1"; shift
  local log="$NA_LOG_DIR/setup-$name.log"
  local start=$SECONDS
  if ! "$@" >"$log" 2>&1; then
    printf 'setup: FAILED: %s (log: %s), last lines:\n' "$*" "$log" >&2
    tail -n 40 "$log" >&2
    exit 1
  fi
  say "  done in $((SECONDS - start)) s"
}

as_root() {
  if [[ $(id -u) -eq 0 ]]; then "$@"; else sudo "$@"; fi
}

# --- Python packages for the consumer tests (tests/consumers/) ----------------------------------
# A venv of its own (NA_PY_VENV, default target/py) with the exact versions of the requirements file;
# the stamp, written only after a successful install, holds that file's hash.
py_venv="${NA_PY_VENV:-$REPO_ROOT/target/py}"
py_req="tests/consumers/requirements.txt"
py_want="$(sha256sum "$py_req" | cut -d' ' -f1)"
if [[ "${1:-}" != app && ( ! -x "$py_venv/bin/python" || "$(cat "$py_venv/.requirements-sha256" 2>/dev/null)" != "$py_want" ) ]]; then
  command -v python3 >/dev/null || die "python3 not found (the consumer tests need Python 3.11 with venv and pip)"
  if ! python3 -c 'import ensurepip' 2>/dev/null; then
    say "installing Debian python3-venv (apt-get; venv needs it)"
    export DEBIAN_FRONTEND=noninteractive
    run_logged apt-update-python as_root apt-get update -q
    run_logged apt-install-python as_root apt-get install -y -q --no-install-recommends python3-venv
  fi
  say "installing Python packages for the consumer tests into ${py_venv#"$REPO_ROOT"/} (pip)"
  run_logged python-venv python3 -m venv --clear "$py_venv"
  run_logged python-packages "$py_venv/bin/python" -m pip install --no-input --disable-pip-version-check -r "$py_req"
  echo "$py_want" >"$py_venv/.requirements-sha256"
fi
[[ "${1:-}" == python ]] && exit 0

# --- Browser -------------------------------------------------------------------------------
if [[ ! -x /usr/bin/chromium || ! -x /usr/bin/chromedriver ]]; then
  say "installing Debian chromium + chromium-driver (apt-get)"
  export DEBIAN_FRONTEND=noninteractive
  run_logged apt-update as_root apt-get update -q
  run_logged apt-install as_root apt-get install -y -q --no-install-recommends chromium chromium-driver
fi

# --- zip and python3: the brat import tests (src/domain/tests/formats/brat_producers.rs) make zips
# with both ---
zip_tools=()
command -v zip >/dev/null || zip_tools+=(zip)
command -v python3 >/dev/null || zip_tools+=(python3)
if ((${#zip_tools[@]})); then
  say "installing Debian ${zip_tools[*]} (apt-get)"
  export DEBIAN_FRONTEND=noninteractive
  run_logged apt-update-zip as_root apt-get update -q
  run_logged apt-install-zip as_root apt-get install -y -q --no-install-recommends "${zip_tools[@]}"
fi

# --- Rust toolchain pieces -------------------------------------------------------------------
command -v cargo >/dev/null || die "cargo not found (install Rust with rustup first)"
command -v rustup >/dev/null || die "rustup not found (the wasm target and components are installed with it)"

if ! rustup target list --installed | grep -qx 'wasm32-unknown-unknown'; then
  say "installing rustup target wasm32-unknown-unknown"
  run_logged rustup-target rustup target add wasm32-unknown-unknown
fi
for component in rustfmt clippy; do
  if ! rustup component list --installed | grep -q "^${component}\(-preview\)\?-"; then
    say "installing rustup component $component"
    run_logged "rustup-$component" rustup component add "$component"
  fi
done

# --- trunk -----------------------------------------------------------------------------------
trunk_version="$(trunk --version 2>/dev/null | awk '{print $2}' || true)"
if [[ "$trunk_version" != "$TRUNK_SERIES".* ]]; then
  say "installing trunk ~$TRUNK_SERIES (found: ${trunk_version:-none}); cargo install takes about 14 minutes cold"
  run_logged trunk cargo install trunk --version "~$TRUNK_SERIES" --locked --force
fi

# --- wasm-bindgen-cli, same version as the wasm-bindgen crate in Cargo.lock ----------------------
[[ -f Cargo.lock ]] || run_logged generate-lockfile cargo generate-lockfile
wbg_wanted="$(awk '
  /^\[\[package\]\]/ { in_wbg = 0 }
  /^name = "wasm-bindgen"$/ { in_wbg = 1; next }
  in_wbg && /^version = / { gsub(/"/, "", $3); print $3; exit }
' Cargo.lock)"
[[ -n "$wbg_wanted" ]] || die "no wasm-bindgen package in Cargo.lock"
wbg_have="$(wasm-bindgen --version 2>/dev/null | awk '{print $2}' || true)"
runner_have="$(wasm-bindgen-test-runner --version 2>/dev/null | awk '{print $2}' || true)"
if [[ "$wbg_have" != "$wbg_wanted" || "$runner_have" != "$wbg_wanted" ]]; then
  say "installing wasm-bindgen-cli $wbg_wanted (found: ${wbg_have:-none}); about 3 minutes cold"
  # No --locked: one of its locked dependency versions is missing from the registry (TOOLCHAIN.md).
  run_logged wasm-bindgen-cli cargo install wasm-bindgen-cli --version "=$wbg_wanted" --force
fi

# --- npm packages (wasm-opt, playwright-core, ajv, axe-core) ----------------------------------------------
command -v npm >/dev/null || die "npm not found (Node.js 20+ is needed)"
stamp="node_modules/.setup-stamp"
if [[ -f package-lock.json ]]; then
  if [[ ! -f "$stamp" || package-lock.json -nt "$stamp" || package.json -nt "$stamp" ]]; then
    say "installing npm packages (npm ci)"
    run_logged npm npm ci --no-audit --no-fund
    touch "$stamp"
  fi
elif [[ ! -f "$stamp" || package.json -nt "$stamp" ]]; then
  say "installing npm packages (npm install: no package-lock.json)"
  run_logged npm npm install --no-audit --no-fund
  touch "$stamp"
fi
[[ -x node_modules/.bin/wasm-opt ]] || die "node_modules/.bin/wasm-opt missing after npm install"
