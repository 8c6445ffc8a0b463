#!/usr/bin/env python3
"""Checks cross-article entity linking and geocoding on a store made by `khabar ingest`.

    khabar ingest --db /tmp/kh ../shared/corpus/ant-news.jsonl.gz
    python3 tools/linkcheck/check.py --khabar target/release/khabar --db /tmp/kh [-v]

Each name is resolved as `khabar entity show NAME --json` resolves it (the most mentioned entity
with that spelling). pairs.tsv: `join` pairs must resolve to one entity, `apart` pairs must not
(a name that resolves to nothing counts as apart); places.tsv: the entity's point must lie within
the given distance of the place's centre. Prints the three shares; not part of the product.
"""
import argparse
import json
import math
import os
import subprocess
import sys

HERE = os.path.dirname(os.path.abspath(__file__))


def rows(name):
    with open(os.path.join(HERE, name), encoding="utf-8") as f:
        for n, line in enumerate(f, 1):
            if line.startswith("#") or not line.strip():
                continue
            yield n, line.rstrip("\n").split("\t")


def km(a, b):
    (la1, lo1), (la2, lo2) = [(math.radians(x), math.radians(y)) for x, y in (a, b)]
    h = math.sin((la2 - la1) / 2) ** 2 + math.cos(la1) * math.cos(la2) * math.sin((lo2 - lo1) / 2) ** 2
    return 2 * 6371 * math.asin(math.sqrt(h))


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--khabar", required=True)
    ap.add_argument("--db", required=True)
    ap.add_argument("-v", "--verbose", action="store_true")
    args = ap.parse_args()
    cache = {}

    def entity(name):
        if name not in cache:
            r = subprocess.run([args.khabar, "entity", "show", name, "--json", "--db", args.db], capture_output=True, text=True)
            cache[name] = json.loads(r.stdout) if r.returncode == 0 and r.stdout.strip() else None
        return cache[name]

    def label(e):
        return f"{e['id']} {e['name']}" if e else "-"

    ok = {"join": [0, 0], "apart": [0, 0]}
    for n, f in rows("pairs.tsv"):
        if len(f) != 3 or f[0] not in ok:
            sys.exit(f"pairs.tsv:{n}: expected join|apart, name, name")
        a, b = entity(f[1]), entity(f[2])
        same = a is not None and b is not None and a["id"] == b["id"]
        good = same if f[0] == "join" else not same
        ok[f[0]][0] += good
        ok[f[0]][1] += 1
        if args.verbose and not good:
            print(f"FAIL {f[0]}: {f[1]} [{label(a)}] / {f[2]} [{label(b)}]")
    placed = [0, 0]
    for n, f in rows("places.tsv"):
        if len(f) != 4:
            sys.exit(f"places.tsv:{n}: expected name, lat, lon, km")
        e = entity(f[0])
        g = e and e.get("geo")
        d = km((g["lat"], g["lon"]), (float(f[1]), float(f[2]))) if g else None
        good = d is not None and d <= float(f[3])
        placed[0] += good
        placed[1] += 1
        if args.verbose and not good:
            print(f"FAIL place: {f[0]} [{label(e)}] at {g and (g['lat'], g['lon'])}, {d and round(d)} km")
    share = lambda p: f"{p[0]}/{p[1]} = {100 * p[0] / p[1]:.0f} %"
    print(f"must join: {share(ok['join'])}; must stay apart: {share(ok['apart'])}; places near their centre: {share(placed)}")


if __name__ == "__main__":
    main()
