"""The GKG 2.1 export as pandas reads it under GDELT's column names (`scripts/gkg_check.py`): a
store of the bundled examples, served by the binary, exported whole and by a range; every
article keeps its GKGRECORDID."""

from __future__ import annotations

import importlib.util
import socket
import subprocess
import time
import urllib.request

import pytest
from conftest import ROOT

spec = importlib.util.spec_from_file_location("gkg_check", ROOT / "scripts" / "gkg_check.py")
gkg_check = importlib.util.module_from_spec(spec)
spec.loader.exec_module(gkg_check)


@pytest.fixture(scope="module")
def server(run_khabar, khabar_bin, tmp_path_factory):
    db = tmp_path_factory.mktemp("gkg") / "db"
    run_khabar("ingest", "--db", db, ROOT / "examples", ROOT / "web" / "test" / "xss.jsonl")
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    proc = subprocess.Popen([str(khabar_bin), "serve", "--db", str(db), "--addr", f"127.0.0.1:{port}"],
                            stderr=subprocess.DEVNULL)
    base = f"http://127.0.0.1:{port}"
    for _ in range(100):
        try:
            urllib.request.urlopen(f"{base}/api/stats", timeout=1)
            break
        except OSError:
            time.sleep(0.1)
    yield base
    proc.terminate()
    proc.wait(timeout=10)


def export(base, tmp_path, query=""):
    path = tmp_path / f"gkg{abs(hash(query))}.tsv"
    path.write_bytes(urllib.request.urlopen(f"{base}/api/export/gkg{query}", timeout=30).read())
    return path


def test_pandas_reads_the_export_with_gdelt_columns(server, tmp_path):
    whole = gkg_check.check(export(server, tmp_path))
    assert whole["rows"] == 7
    assert whole["columns"] == gkg_check.COLUMNS and len(whole["columns"]) == 27
    assert whole["locations"] >= 1 and whole["counts"] >= 1
    df = gkg_check.read(export(server, tmp_path))
    almaty = df[df["V1LOCATIONS"].str.contains("Almaty")]
    assert len(almaty) == 1 and "#KZ#" in almaty["V1LOCATIONS"].iloc[0]


def test_ids_do_not_change_with_the_range(server, tmp_path):
    whole = gkg_check.check(export(server, tmp_path))["ids"]
    for query in ("?from=2022-01-01&to=2022-12-31", "?limit=2&offset=3", "?to=2019-01-01"):
        part = gkg_check.check(export(server, tmp_path, query))["ids"]
        assert set(part) <= set(whole), query
    assert gkg_check.check(export(server, tmp_path, "?limit=2&offset=3"))["ids"] == whole[3:5]
