#!/usr/bin/env python3
"""Throughput of `khabar extract` over the ANT corpus on one core, next to the offline Python
peers run on the same articles in this same script.

usage: python3 bench/compare.py [--corpus ../shared/corpus/ant-news.jsonl.gz] [--limit N]

Every tool runs pinned to core 0 (taskset / sched_setaffinity) on the same N articles:
  khabar     `khabar extract --threads 1` (release build): tokens, sentences, entities (tagger,
             rules, grouping, geocoding), numbers, dates, counts with qualifiers and sources,
             amounts, hedges, JSON output; timed as a whole process, reading the JSONL and
             writing its output to /dev/null
  khabar-core  the same with `--skip entities`
  pyarabic   araby.tokenize + strip_tashkeel + strip_tatweel + normalize_hamza/ligature (pip install pyarabic)
  camel      camel_tools simple_word_tokenize + dediac_ar + normalize_alef/alef_maksura/teh_marbuta
             (pip install --no-deps camel-tools emoji: only the pure-Python utilities are used)
  mishtar    number and temporal chunk detection (pip install mishtar); articles on which it
             raises are counted as crashes and timed all the same
A peer that is not installed is reported as such. The ratio is khabar's articles/s divided by
the peer's. Note what is compared: khabar does the whole extraction, the peers only the step
named.
"""
import argparse, gzip, json, os, subprocess, sys, tempfile, time

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)


def load(path, limit):
    out = []
    opener = gzip.open if path.endswith(".gz") else open
    with opener(path, "rt", encoding="utf-8") as f:
        for line in f:
            out.append(json.loads(line))
            if limit and len(out) >= limit:
                break
    return out


def run_khabar(arts, binary, extra=()):
    with tempfile.NamedTemporaryFile("w", suffix=".jsonl", delete=False, encoding="utf-8") as f:
        for a in arts:
            f.write(json.dumps({"id": a["id"], "published": a.get("published"), "text": a["text"]}, ensure_ascii=False) + "\n")
        path = f.name
    try:
        t = time.perf_counter()
        subprocess.run(["taskset", "-c", "0", binary, "extract", "--threads", "1", *extra, path, "-o", os.devnull], check=True)
        return time.perf_counter() - t, 0
    finally:
        os.unlink(path)


def run_pyarabic(arts):
    import pyarabic.araby as araby
    t = time.perf_counter()
    n = 0
    for a in arts:
        s = araby.strip_tatweel(araby.strip_tashkeel(a["text"]))
        s = araby.normalize_ligature(araby.normalize_hamza(s))
        n += len(araby.tokenize(s))
    return time.perf_counter() - t, 0


def run_camel(arts):
    from camel_tools.tokenizers.word import simple_word_tokenize
    from camel_tools.utils.dediac import dediac_ar
    from camel_tools.utils.normalize import normalize_alef_ar, normalize_alef_maksura_ar, normalize_teh_marbuta_ar
    t = time.perf_counter()
    for a in arts:
        s = normalize_teh_marbuta_ar(normalize_alef_maksura_ar(normalize_alef_ar(dediac_ar(a["text"]))))
        simple_word_tokenize(s)
    return time.perf_counter() - t, 0


def run_mishtar(arts):
    import pyarabic.araby as araby
    from mishtar import mynumber, mytemped
    nums, temps = mynumber.myNumber(), mytemped.myTemped()
    crashes = 0
    t = time.perf_counter()
    for a in arts:
        words = araby.tokenize(a["text"])
        for tool in (nums, temps):
            try:
                tool.detect_chunks(words)
            except Exception:
                crashes += 1
    return time.perf_counter() - t, crashes


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--corpus", default=os.path.join(ROOT, "..", "shared", "corpus", "ant-news.jsonl.gz"))
    ap.add_argument("--limit", type=int, default=0, help="first N articles only (default: all)")
    ap.add_argument("--binary", default=os.path.join(ROOT, "target", "release", "khabar"))
    a = ap.parse_args()
    if not os.path.exists(a.binary):
        subprocess.run(["cargo", "build", "--release", "-q"], cwd=ROOT, check=True)
    arts = load(a.corpus, a.limit)
    mb = sum(len(x["text"].encode("utf-8")) for x in arts) / 1e6
    os.sched_setaffinity(0, {0})
    rows = []
    for name, fn in [("khabar", lambda: run_khabar(arts, a.binary)), ("khabar-core", lambda: run_khabar(arts, a.binary, ["--skip", "entities"])), ("pyarabic", lambda: run_pyarabic(arts)), ("camel", lambda: run_camel(arts)), ("mishtar", lambda: run_mishtar(arts))]:
        try:
            secs, crashes = fn()
            rows.append((name, secs, crashes))
        except ImportError as e:
            rows.append((name, None, str(e)))
    k, core = rows[0][1], rows[1][1]
    print(f"{len(arts)} articles, {mb:.1f} MB, one core (cpu 0)")
    print("ratios: how many times faster khabar (all extractors) and khabar-core (--skip entities) run than each tool")
    print(f"{'tool':12} {'seconds':>9} {'articles/s':>11} {'MB/s':>8} {'khabar x':>9} {'core x':>8}  note")
    for name, secs, note in rows:
        if secs is None:
            print(f"{name:12} {'-':>9} {'-':>11} {'-':>8} {'-':>9} {'-':>8}  not installed ({note})")
            continue
        extra = f"{note} crashes" if name == "mishtar" else ""
        print(f"{name:12} {secs:9.2f} {len(arts) / secs:11.0f} {mb / secs:8.2f} {secs / k:9.2f} {secs / core:8.2f}  {extra}")


if __name__ == "__main__":
    main()
