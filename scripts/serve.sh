#!/usr/bin/env bash
# Installs what is missing, builds the viewer and serves it with the demo results on
# http://127.0.0.1:8080 (PORT=... to change).
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh build
scripts/build.sh
# The demo as published: its first rows painted from the page itself.
node scripts/prerender.mjs dist
echo "Serving the viewer on http://127.0.0.1:${PORT:-8080} (Ctrl+C to stop)"
exec node e2e/server.mjs --root dist --port "${PORT:-8080}"
