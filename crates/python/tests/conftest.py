"""Shared fixtures: the project's root, the `khabar` binary the module is compared with, the
reference data beside the project (`../shared`), and running the binary."""

from __future__ import annotations

import json
import os
import subprocess
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[3]
SHARED = ROOT.parent / "shared"


def _binary() -> Path | None:
    named = os.environ.get("KHABAR_BIN")
    if named:
        # named explicitly (scripts/test.sh does): it must be there
        path = Path(named)
        if not path.is_absolute():
            path = ROOT / path
        assert path.is_file(), f"KHABAR_BIN={named}: no such file"
        return path
    for profile in ("debug", "release"):
        path = ROOT / "target" / profile / "khabar"
        if path.is_file():
            return path
    return None


@pytest.fixture(scope="session")
def khabar_bin() -> Path:
    path = _binary()
    if path is None:
        pytest.skip("no khabar binary to compare with: build it (cargo build) or set KHABAR_BIN")
    return path


@pytest.fixture(scope="session")
def run_khabar(khabar_bin):
    """Runs the binary with arguments; returns its standard output (it must exit 0)."""

    def run(*args: str | os.PathLike[str]) -> str:
        done = subprocess.run([str(khabar_bin), *map(str, args)], capture_output=True, text=True)
        assert done.returncode == 0, f"khabar {' '.join(map(str, args))}: exit {done.returncode}\n{done.stderr}"
        return done.stdout

    return run


@pytest.fixture(scope="session")
def shared() -> Path:
    if not (SHARED / "gold" / "dev").is_dir():
        pytest.skip(f"needs ../shared (the reference data), not found at {SHARED}")
    return SHARED


def gold_articles(*paths: Path) -> list[dict]:
    """id, published and text of gold files (files or folders), as `gold_to_input.py` gives them."""
    out = []
    for p in paths:
        files = sorted(f for f in p.iterdir() if f.suffix == ".json") if p.is_dir() else [p]
        for f in files:
            g = json.loads(f.read_text(encoding="utf-8"))
            out.append({"id": g["id"], "published": g.get("published"), "text": g["text"]})
    return out


def write_jsonl(path: Path, articles: list[dict]) -> Path:
    path.write_text("".join(json.dumps(a, ensure_ascii=False) + "\n" for a in articles), encoding="utf-8")
    return path
