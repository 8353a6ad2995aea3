#!/usr/bin/env bash
# Build and serve the app with live reload: http://127.0.0.1:8080/ (PORT=... to change the port).
set -euo pipefail
# shellcheck source=scripts/env.sh
source "$(dirname "${BASH_SOURCE[0]}")/env.sh"
cd "$REPO_ROOT"
bash scripts/setup.sh app

port="${PORT:-8080}"
echo "serve: News Annotator at http://127.0.0.1:$port/ (Ctrl+C to stop)"
exec trunk serve --offline --address 127.0.0.1 --port "$port" "$@"
