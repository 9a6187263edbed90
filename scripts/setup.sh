#!/usr/bin/env bash
# Installs what building and testing the viewer needs, skipping what is already there.
# Nothing here downloads a prebuilt binary: Rust tools are compiled from crates.io,
# wasm-opt comes from the npm package binaryen, Chromium from Debian.
# Usage: scripts/setup.sh [build|test]   (build: enough to build and serve)
set -euo pipefail
cd "$(dirname "$0")/.."
what=${1:-test}
export PATH="$HOME/.cargo/bin:$PWD/node_modules/.bin:$PATH"
step() { printf '\n== %s\n' "$*"; }
as_root() { if [ "$(id -u)" = 0 ]; then "$@"; else sudo "$@"; fi; }
apt_updated=0
apt_install() {
  if [ "$apt_updated" = 0 ]; then as_root apt-get update -qq; apt_updated=1; fi
  DEBIAN_FRONTEND=noninteractive as_root apt-get install -y -qq "$@" >/dev/null
}

if ! command -v cargo >/dev/null; then
  echo "cargo is missing: install Rust (rustup) first" >&2; exit 1
fi
if ! command -v node >/dev/null || ! command -v npm >/dev/null; then
  step "installing Node.js and npm (Debian)"; apt_install nodejs npm
fi

if ! rustup target list --installed | grep -qx wasm32-unknown-unknown; then
  step "adding the wasm32 target"; rustup target add wasm32-unknown-unknown
fi
rustup component list --installed 2>/dev/null | grep -q '^clippy' || rustup component add clippy rustfmt

trunk_version=0.21.14
if [ "$(trunk --version 2>/dev/null)" != "trunk $trunk_version" ]; then
  step "installing trunk $trunk_version (compiles for ~8 minutes, once)"
  cargo install --locked trunk --version "$trunk_version"
fi

# wasm-bindgen-cli must match the wasm-bindgen in Cargo.lock exactly. --locked would fail:
# a locked dependency of the CLI is missing from the registry.
wb_version=$(awk '/^name = "wasm-bindgen"$/{getline; gsub(/version = |"/,""); print; exit}' Cargo.lock)
if [ "$(wasm-bindgen --version 2>/dev/null)" != "wasm-bindgen $wb_version" ]; then
  step "installing wasm-bindgen-cli $wb_version (compiles for ~4 minutes, once)"
  cargo install wasm-bindgen-cli --version "$wb_version"
fi

# npm packages: binaryen (wasm-opt), playwright-core, axe-core, benchmark baselines.
if [ ! -d node_modules ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  step "installing npm packages"; npm ci --no-audit --no-fund --loglevel=error
fi

if [ "$what" = test ] || [ "$what" = bench ]; then
  if [ ! -x /usr/bin/chromium ] || [ ! -x /usr/bin/chromedriver ]; then
    step "installing Chromium and ChromeDriver (Debian)"; apt_install chromium chromium-driver
  fi
fi
echo "setup: everything is installed"
