#!/usr/bin/env python3
"""Reads a GKG 2.1 export (`/api/export/gkg`) with pandas, as a GDELT user would, under the
codebook's column names, and checks what the codebook says of each column. Prints a JSON
summary; exits non-zero, naming the row and column, on the first thing wrong.

    python3 scripts/gkg_check.py export.tsv [fips.tsv]

`fips.tsv` (default crates/store/data/fips.tsv) gives the FIPS 10-4 codes a country may have.
"""

from __future__ import annotations

import csv
import json
import re
import sys
from pathlib import Path

import pandas as pd

# GKG 2.1 codebook, in order (GDELT's files have no header)
COLUMNS = [
    "GKGRECORDID", "V2.1DATE", "V2SOURCECOLLECTIONIDENTIFIER", "V2SOURCECOMMONNAME", "V2DOCUMENTIDENTIFIER",
    "V1COUNTS", "V2.1COUNTS", "V1THEMES", "V2ENHANCEDTHEMES", "V1LOCATIONS", "V2ENHANCEDLOCATIONS",
    "V1PERSONS", "V2ENHANCEDPERSONS", "V1ORGANIZATIONS", "V2ENHANCEDORGANIZATIONS", "V1.5TONE",
    "V2.1ENHANCEDDATES", "V2GCAM", "V2.1SHARINGIMAGE", "V2.1RELATEDIMAGES", "V2.1SOCIALIMAGEEMBEDS",
    "V2.1SOCIALVIDEOEMBEDS", "V2.1QUOTATIONS", "V2.1ALLNAMES", "V2.1AMOUNTS", "V2.1TRANSLATIONINFO",
    "V2EXTRASXML",
]

ROOT = Path(__file__).resolve().parents[1]


def read(path: str | Path) -> pd.DataFrame:
    """The export as a data frame: every column a string, empty fields empty (not NaN)."""
    return pd.read_csv(path, sep="\t", header=None, names=COLUMNS, dtype=str, keep_default_na=False,
                       quoting=csv.QUOTE_NONE, encoding="utf-8")


def fips_codes(path: str | Path) -> set[str]:
    codes = set()
    for line in Path(path).read_text(encoding="utf-8").splitlines():
        if line and not line.startswith("#"):
            codes.add(line.split("\t")[1])
    return codes


def check(path: str | Path, fips: str | Path = ROOT / "crates/store/data/fips.tsv") -> dict:
    df = read(path)
    codes = fips_codes(fips)
    raw_lines = [l for l in Path(path).read_text(encoding="utf-8").split("\n") if l]
    problems = []

    def bad(i: int, col: str, what: str, value: str) -> None:
        problems.append(f"row {i + 1} {col}: {what}: {value[:120]!r}")

    for i, line in enumerate(raw_lines):
        if line.count("\t") != 26:
            bad(i, "(row)", f"{line.count(chr(9)) + 1} columns, not 27", line)
    if problems:
        raise SystemExit("\n".join(problems[:20]))
    ids = df["GKGRECORDID"]
    dates = pd.to_datetime(df["V2.1DATE"], format="%Y%m%d%H%M%S", errors="coerce")
    for i, (rid, d, raw) in enumerate(zip(ids, dates, df["V2.1DATE"])):
        if not re.fullmatch(r"\d{14}-T?\d+", rid) or rid[:14] != raw:
            bad(i, "GKGRECORDID", "not V2.1DATE-N", rid)
        if pd.isna(d):
            bad(i, "V2.1DATE", "not YYYYMMDDHHMMSS", raw)
    if ids.duplicated().any():
        bad(int(ids.duplicated().idxmax()), "GKGRECORDID", "not unique", ids[ids.duplicated()].iloc[0])
    for col, n in (("V1COUNTS", 10), ("V2.1COUNTS", 11), ("V1LOCATIONS", 7), ("V2ENHANCEDLOCATIONS", 9)):
        for i, v in enumerate(df[col]):
            for block in filter(None, v.split(";")):
                f = block.split("#")
                if len(f) != n:
                    bad(i, col, f"{len(f)} fields, not {n}", block)
                    continue
                country = f[5] if "COUNTS" in col else f[2]
                if country and country not in codes:
                    bad(i, col, "country code not FIPS 10-4", block)
    for i, v in enumerate(df["V2.1ENHANCEDDATES"]):
        for block in filter(None, v.split(";")):
            f = block.split("#")
            if len(f) != 5 or not all(x.isdigit() for x in f) or int(f[1]) > 12 or int(f[2]) > 31:
                bad(i, "V2.1ENHANCEDDATES", "not resolution#month#day#year#offset (0 for unknown)", block)
    if problems:
        raise SystemExit("\n".join(problems[:20]))
    return {
        "rows": len(df),
        "columns": list(df.columns),
        "ids": list(ids),
        "first": str(dates.min()) if len(df) else None,
        "last": str(dates.max()) if len(df) else None,
        "locations": int((df["V1LOCATIONS"] != "").sum()),
        "counts": int((df["V1COUNTS"] != "").sum()),
    }


if __name__ == "__main__":
    if len(sys.argv) not in (2, 3):
        raise SystemExit(__doc__)
    summary = check(*sys.argv[1:])
    summary["ids"] = len(summary["ids"])
    print(json.dumps(summary))
