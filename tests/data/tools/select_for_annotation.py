#!/usr/bin/env python3
"""Picks corpus articles to annotate, reproducibly: per outlet, news (internationalNews,
middleEast) and non-news (sport, economy, technology) pages of 600-2,500 characters, not already
in ../shared/gold, in an order fixed by a hash of the id; every third goes to the held-out part.

    python3 tests/data/tools/select_for_annotation.py ../shared/corpus/ant-news.jsonl.gz N_NEWS N_OTHER [SKIP]

prints `id<TAB>part<TAB>source<TAB>category` lines; SKIP leaves out the first SKIP of each kind
(for a later batch)."""
import gzip, hashlib, json, os, sys

path, n_news, n_other = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
skip = int(sys.argv[4]) if len(sys.argv) > 4 else 0
shared = os.path.join(os.path.dirname(path), "..")
taken = set()
for d in ("gold/dev", "gold/dev-counts"):
    for f in os.listdir(os.path.join(shared, d)):
        taken.add(f.rsplit(".json", 1)[0])
pools = {}
with gzip.open(path, "rt", encoding="utf-8") as f:
    for line in f:
        a = json.loads(line)
        if a["id"] in taken or not 600 <= len(a["text"]) <= 2500:
            continue
        kind = "news" if a["category"] in ("internationalNews", "middleEast") else (
            "other" if a["category"] in ("sport", "economy", "technology") else None)
        if kind:
            key = hashlib.sha256(a["id"].encode()).hexdigest()
            pools.setdefault((a["source"], kind), []).append((key, a["id"], a["category"]))
for (source, kind), pool in sorted(pools.items()):
    pool.sort()
    n = n_news if kind == "news" else n_other
    for i, (_, id_, cat) in enumerate(pool[skip:skip + n]):
        part = "heldout" if (skip + i) % 3 == 2 else "train"
        print(f"{id_}\t{part}\t{source}\t{cat}")
