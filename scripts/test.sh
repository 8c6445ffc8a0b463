#!/usr/bin/env bash
# The whole test suite: the Rust workspace (unit, property, CLI, corpus and API tests, quality
# against gold), then the browser test in headless Chromium. Needs ../shared beside the project,
# Node.js, and Chromium at /usr/bin/chromium (Debian package `chromium`; `.ci/run` installs it).
set -euo pipefail
cd "$(dirname "$0")/.."
cargo test --workspace --locked
(cd web && { [ -d node_modules/playwright-core ] || npm ci --no-audit --no-fund; } && KHABAR_BIN=../target/debug/khabar node test/e2e.mjs)
