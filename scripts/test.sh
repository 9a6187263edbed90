#!/usr/bin/env bash
# Installs what is missing and runs every test layer: format and lint, native unit and
# property tests, component tests in headless Chromium, the release build, end to end.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh test
export PATH="$HOME/.cargo/bin:$PWD/node_modules/.bin:$PATH"
export CHROMEDRIVER=/usr/bin/chromedriver
step() { printf '\n== %s\n' "$*"; }

step "rustfmt";                 cargo fmt --all --check
step "clippy (native)";         cargo clippy --all-targets -- -D warnings
step "clippy (wasm)";           cargo clippy --target wasm32-unknown-unknown --lib --bins -- -D warnings
step "native tests";            cargo test
step "component tests (wasm in headless Chromium)"
cargo test --target wasm32-unknown-unknown --test web
step "fuzzing (a short smoke run of every target)"
scripts/fuzz_smoke.sh
step "release build";           scripts/build.sh
# Prints numbers so the benchmark cannot rot; asserts nothing on time.
step "benchmark (smoke)";       bench/run --smoke --no-build
step "end-to-end tests (Chromium)"
node e2e/run.mjs
