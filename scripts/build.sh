#!/usr/bin/env bash
# Builds the release viewer into dist/ with locally installed tools only.
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$HOME/.cargo/bin:$PWD/node_modules/.bin:$PATH"
trunk build --release --offline
