#!/usr/bin/env bash
# The Python module's tests (crates/python/tests, pytest): in a virtual environment under
# target/, with maturin, pytest and pandas from PyPI, the module built from this tree by
# `pip install ./crates/python` and compared with the `khabar` binary at $KHABAR_BIN (default
# target/debug/khabar, which `cargo test --workspace` builds). The module is built in the dev
# profile here (MATURIN_PEP517_ARGS), sharing the test build's compiled dependencies; a plain
# `pip install ./crates/python` builds it optimized. Needs python3 with venv (Debian:
# python3-venv; `.ci/run` installs it). Tests that need ../shared skip, saying so, without it.
set -euo pipefail
cd "$(dirname "$0")/.."
venv=target/python-venv
if [ ! -x "$venv/bin/python" ]; then
    python3 -m venv "$venv"
fi
# the build backend runs `maturin` from the environment: as if it were activated
export PATH="$PWD/$venv/bin:$PATH"
"$venv/bin/python" -m pip install -q --disable-pip-version-check maturin pytest pandas
MATURIN_PEP517_ARGS="--profile dev" "$venv/bin/python" -m pip install -q --disable-pip-version-check \
    --no-build-isolation --force-reinstall --no-deps ./crates/python
export KHABAR_BIN="${KHABAR_BIN:-target/debug/khabar}"
"$venv/bin/python" -m pytest crates/python/tests -q -rs
