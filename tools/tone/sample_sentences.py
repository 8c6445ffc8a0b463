#!/usr/bin/env python3
"""Picks corpus sentences for labelling tone by hand (data/tone/sentences.tsv).

    python3 tools/tone/sample_sentences.py ../shared/corpus/ant-news.jsonl.gz 12 > sentences.tsv
    python3 tools/tone/sample_sentences.py ../shared/corpus/ant-news.jsonl.gz 12 --skip 12 > more.tsv

`--skip K` passes over the first K articles of each group (those an earlier sample took), for a
second sample that shares no article with the first.

For each (outlet, section) of the ANT corpus, the first N articles in an order fixed by a hash of
their id, one sentence each (the first of 8-40 words whose own hash is lowest, so the pick is not
always the lead). Output: id, sentence number in the article, label column left as `?`, sentence.
The labels are then written by reading, before the tone lexicon is run on them.
"""
import gzip
import hashlib
import json
import re
import sys
from collections import defaultdict


def h(s):
    return hashlib.sha1(s.encode()).hexdigest()


def sentences(text):
    parts = re.split(r"(?<=[.!?؟])\s+|\n+", text)
    return [p.strip() for p in parts if p.strip()]


def main():
    path, per_group = sys.argv[1], int(sys.argv[2])
    skip = int(sys.argv[sys.argv.index("--skip") + 1]) if "--skip" in sys.argv else 0
    groups = defaultdict(list)
    with gzip.open(path, "rt", encoding="utf-8") as f:
        for line in f:
            a = json.loads(line)
            groups[(a["source"], a["category"])].append(a)
    print("# id\tsentence\tlabel\ttext")
    for key in sorted(groups):
        arts = sorted(groups[key], key=lambda a: h(a["id"]))
        n = 0
        skipped = 0
        for a in arts:
            if n == per_group:
                break
            cands = [(i, s) for i, s in enumerate(sentences(a["text"])) if 8 <= len(s.split()) <= 40]
            if not cands:
                continue
            if skipped < skip:
                skipped += 1
                continue
            i, s = min(cands, key=lambda c: h(a["id"] + str(c[0])))
            print(f"{a['id']}\t{i}\t?\t{s}")
            n += 1


if __name__ == "__main__":
    main()
