#!/usr/bin/env bash
# The whole test suite: the Rust workspace (unit, property, CLI, corpus and API tests, quality
# against gold), then the browser test in headless Chromium. Needs python3 (the gold scorer),
# Node.js (the browser test's driver, installed by `npm ci` the first time) and Chromium at
# /usr/bin/chromium (Debian package `chromium`; `.ci/run` installs them). Tests that need the
# reference data beside the project (../shared) run when it is there and are listed as ignored,
# with the reason, when it is not; tests that need PostgreSQL or NATS are ignored here (`.ci/run`
# starts the servers and runs them).
set -euo pipefail
cd "$(dirname "$0")/.."
cargo test --workspace --locked
./scripts/test-python.sh
(cd web && { [ -d node_modules/playwright-core ] || npm ci --no-audit --no-fund; } && KHABAR_BIN=../target/debug/khabar node test/e2e.mjs)
