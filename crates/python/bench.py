#!/usr/bin/env python3
"""Times `khabar.extract_many` against `khabar extract` on the same corpus, in one run, rounds
interleaved (this VM's speed drifts), both on the same number of threads and both reading the
gzipped JSON Lines themselves (the module's side: `gzip` + `json.loads` + `extract_many`, every
record consumed). Then checks, untimed, that every record the module gave equals the binary's
line byte for byte.

usage: python crates/python/bench.py [--corpus ../shared/corpus/ant-news.jsonl.gz]
           [--bin target/release/khabar] [--threads 2] [--rounds 3] [--limit N] [--no-check]

Build both optimized first: `cargo build --release -p khabar` and `pip install ./crates/python`.
"""

from __future__ import annotations

import argparse
import gzip
import itertools
import json
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import khabar

ROOT = Path(__file__).resolve().parents[2]


def articles(path: Path, limit: int | None):
    with gzip.open(path, "rt", encoding="utf-8") as f:
        for line in itertools.islice(f, limit):
            if line.strip():
                yield json.loads(line)


def cpu(who: int) -> float:
    r = resource.getrusage(who)
    return r.ru_utime + r.ru_stime


def run_module(path: Path, threads: int, limit: int | None) -> tuple[float, float, int]:
    """Wall seconds, CPU seconds (every thread of this process) and articles."""
    started, cpu0 = time.perf_counter(), cpu(resource.RUSAGE_SELF)
    n = 0
    for _ in khabar.extract_many(articles(path, limit), threads=threads):
        n += 1
    return time.perf_counter() - started, cpu(resource.RUSAGE_SELF) - cpu0, n


def run_binary(binary: Path, path: Path, threads: int, limit: int | None, out: str = "/dev/null") -> float:
    if limit is not None:
        # the same first N lines, as a file, so that the binary reads them as it reads the corpus
        with tempfile.NamedTemporaryFile("w", suffix=".jsonl", delete=False, encoding="utf-8") as tmp:
            with gzip.open(path, "rt", encoding="utf-8") as f:
                tmp.writelines(itertools.islice(f, limit))
        path = Path(tmp.name)
    started, cpu0 = time.perf_counter(), cpu(resource.RUSAGE_CHILDREN)
    subprocess.run([str(binary), "extract", "--threads", str(threads), str(path), "-o", out], check=True)
    elapsed, used = time.perf_counter() - started, cpu(resource.RUSAGE_CHILDREN) - cpu0
    if limit is not None:
        path.unlink()
    return elapsed, used


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--corpus", type=Path, default=ROOT.parent / "shared" / "corpus" / "ant-news.jsonl.gz")
    ap.add_argument("--bin", type=Path, default=ROOT / "target" / "release" / "khabar")
    ap.add_argument("--threads", type=int, default=2)
    ap.add_argument("--rounds", type=int, default=3)
    ap.add_argument("--limit", type=int, default=None, help="only the first N articles")
    ap.add_argument("--no-check", action="store_true", help="skip the record-by-record comparison")
    a = ap.parse_args()
    if not a.corpus.is_file():
        sys.exit(f"no corpus at {a.corpus}")
    if not a.bin.is_file():
        sys.exit(f"no binary at {a.bin}: cargo build --release -p khabar")

    # the tagger's model and the word lists load on first use: the module's before the timing,
    # the binary's inside it (its start is measured on one article and shown)
    khabar.extract("تمهيد")
    start = min(run_binary(a.bin, a.corpus, 1, 1)[0] for _ in range(3))
    mod_times, bin_times, mod_cpu, bin_cpu, n = [], [], [], [], 0
    for r in range(a.rounds):
        t_bin, c_bin = run_binary(a.bin, a.corpus, a.threads, a.limit)
        t_mod, c_mod, n = run_module(a.corpus, a.threads, a.limit)
        bin_times.append(t_bin)
        mod_times.append(t_mod)
        bin_cpu.append(c_bin)
        mod_cpu.append(c_mod)
        print(f"round {r + 1}: khabar extract {t_bin:.2f} s ({c_bin:.1f} s CPU), "
              f"extract_many {t_mod:.2f} s ({c_mod:.1f} s CPU): {t_mod / t_bin:.3f}x", flush=True)
    bm, mm = statistics.median(bin_times), statistics.median(mod_times)
    print(f"{n} articles, {a.threads} threads, {a.rounds} rounds interleaved")
    print(f"khabar extract --threads {a.threads}: median {bm:.2f} s ({n / bm:.0f} articles/s), best {min(bin_times):.2f} s")
    print(f"khabar.extract_many(threads={a.threads}): median {mm:.2f} s ({n / mm:.0f} articles/s), best {min(mod_times):.2f} s")
    print(f"ratio module / binary: median {mm / bm:.3f}, best {min(mod_times) / min(bin_times):.3f}")
    print(f"CPU seconds (a busy machine's steadier measure): median module / binary "
          f"{statistics.median(mod_cpu) / statistics.median(bin_cpu):.3f}")
    print(f"(the binary's times include its start, {start:.2f} s on one article; without it the median ratio is "
          f"{mm / (bm - start):.3f})")
    print(f"peak memory: this Python process {resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024:.0f} MB, "
          f"the binary {resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024:.0f} MB")

    if not a.no_check:
        with tempfile.NamedTemporaryFile(suffix=".jsonl") as out:
            run_binary(a.bin, a.corpus, a.threads, a.limit, out.name)
            with open(out.name, encoding="utf-8") as f:
                lines = (l.rstrip("\n") for l in f)
                records = khabar.extract_many(articles(a.corpus, a.limit), threads=a.threads)
                diff = same = 0
                for line, rec in itertools.zip_longest(lines, records):
                    if rec is not None and line == json.dumps(rec, ensure_ascii=False, separators=(",", ":")):
                        same += 1
                    else:
                        diff += 1
                        if diff <= 3:
                            print(f"differs: {(line or '')[:120]!r}", file=sys.stderr)
        print(f"check: {same} records identical to khabar extract's lines, {diff} differ")
        return 1 if diff else 0
    return 0


if __name__ == "__main__":
    sys.exit(main())
