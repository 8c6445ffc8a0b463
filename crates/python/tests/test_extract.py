"""The module gives the binary's records: `extract` and `extract_many` against `khabar extract`,
byte for byte (the dict dumped as compact JSON is the binary's line) and value for value (the
same types: 26.0 stays a float), on the bundled examples, the corpus sample and the gold
articles in tests/data, and on the seed and gold articles of ../shared when it is there."""

from __future__ import annotations

import gzip
import json
from pathlib import Path

import khabar
from conftest import ROOT, gold_articles, write_jsonl


def dumped(record: dict) -> str:
    """A record as the binary writes it: compact JSON, non-ASCII as it is."""
    return json.dumps(record, ensure_ascii=False, separators=(",", ":"))


def same(a, b, where="record") -> None:
    """Equal values of the same types, and dict keys in the same order."""
    assert type(a) is type(b), f"{where}: {type(a).__name__} {a!r} != {type(b).__name__} {b!r}"
    if isinstance(a, dict):
        assert list(a) == list(b), f"{where}: keys {list(a)} != {list(b)}"
        for k in a:
            same(a[k], b[k], f"{where}.{k}")
    elif isinstance(a, list):
        assert len(a) == len(b), f"{where}: {len(a)} items != {len(b)}"
        for i, (x, y) in enumerate(zip(a, b)):
            same(x, y, f"{where}[{i}]")
    else:
        assert a == b, f"{where}: {a!r} != {b!r}"


def cli_lines(run_khabar, path: Path) -> list[str]:
    return run_khabar("extract", path).splitlines()


def check_against_cli(run_khabar, tmp_path: Path, articles: list[dict], name: str) -> int:
    """extract_many on the articles as they are (input fields passed through), and extract on
    their id, published and text, each against the binary on the same input. Returns how many
    articles were compared."""
    lines = cli_lines(run_khabar, write_jsonl(tmp_path / f"{name}.jsonl", articles))
    assert len(lines) == len(articles)
    for i, (line, rec) in enumerate(zip(lines, khabar.extract_many(articles, threads=2))):
        assert dumped(rec) == line, f"{name}[{i}]: extract_many differs from khabar extract"
        same(rec, json.loads(line), f"{name}[{i}]")

    plain = [{k: a.get(k) for k in ("id", "published", "text")} for a in articles]
    lines = cli_lines(run_khabar, write_jsonl(tmp_path / f"{name}-plain.jsonl", plain))
    for i, (line, a) in enumerate(zip(lines, plain)):
        rec = khabar.extract(a["text"], published=a["published"], id=a["id"])
        assert dumped(rec) == line, f"{name}[{i}]: extract differs from khabar extract"
        same(rec, json.loads(line), f"{name}[{i}]")
    return len(articles)


def test_bundled_examples_equal_the_binary(run_khabar, tmp_path):
    articles = [json.loads(l) for l in (ROOT / "examples" / "articles.jsonl").read_text(encoding="utf-8").splitlines()]
    assert check_against_cli(run_khabar, tmp_path, articles, "examples") == 6


def test_corpus_sample_equals_the_binary(run_khabar, tmp_path):
    with gzip.open(ROOT / "tests" / "data" / "ant-sample.jsonl.gz", "rt", encoding="utf-8") as f:
        articles = [json.loads(l) for l in f]
    assert check_against_cli(run_khabar, tmp_path, articles, "sample") == 302


def test_project_gold_articles_equal_the_binary(run_khabar, tmp_path):
    gold = ROOT / "tests" / "data" / "gold"
    articles = gold_articles(gold / "dev", gold / "dev-counts")
    assert check_against_cli(run_khabar, tmp_path, articles, "gold") == 35


def test_shared_seed_and_dev_gold_equal_the_binary(run_khabar, shared, tmp_path):
    articles = gold_articles(shared / "seed" / "kazakhstan-unrest.gold.json", shared / "gold" / "dev", shared / "gold" / "dev-counts")
    n = check_against_cli(run_khabar, tmp_path, articles, "shared-gold")
    print(f"{n} articles of ../shared (seed, gold/dev, gold/dev-counts) equal to khabar extract")
    assert n == 36


def test_the_readme_example():
    r = khabar.extract("قتل 3 أشخاص في بغداد الأحد", published="2018-06-10")
    assert list(r) == ["amounts", "counts", "dates", "entities", "events", "hedges", "id", "published", "quotes", "themes", "tone"]
    assert r["id"] is None and r["published"] == "2018-06-10"
    kill = r["counts"][0]
    assert (kill["category"], kill["value"], kill["qualifier"], kill["text"]) == ("KILL", 3.0, "exact", "قتل 3 أشخاص")
    assert [(e["type"], e["name"], e["geo"]["country"]) for e in r["entities"]] == [("LOC", "بغداد", "IQ")]
    assert [(d["text"], d["value"]) for d in r["dates"]] == [("الأحد", "2018-06-10")]
    assert [(t["code"], t["text"]) for t in r["themes"]] == [("KILL", "قتل")]
    assert r["tone"]["words"] == 5 and r["tone"]["negative"] > 0 and r["tone"]["tone"] < 0


def test_published_may_be_a_date_and_id_a_number():
    from datetime import date, datetime

    by_str = khabar.extract("وقع الهجوم الأحد", published="2018-06-13")
    assert khabar.extract("وقع الهجوم الأحد", published=date(2018, 6, 13))["dates"] == by_str["dates"]
    r = khabar.extract("وقع الهجوم الأحد", published=datetime(2018, 6, 13, 9, 30))
    assert r["published"] == "2018-06-13T09:30:00" and r["dates"] == by_str["dates"]
    # as the binary writes a JSON number id: as text
    assert khabar.extract("نص", id=7)["id"] == "7"
    assert khabar.extract("نص", id=7.5)["id"] == "7.5"


def test_docstrings_and_type_stubs_are_installed():
    from pathlib import Path as P

    for f in (khabar.extract, khabar.extract_many, khabar.to_frames, khabar.Corpus, khabar.Corpus.search):
        assert f.__doc__ and len(f.__doc__) > 80, f
    assert "khabar extract" in khabar.extract.__doc__
    package = P(khabar.__file__).parent
    assert (package / "py.typed").is_file()
    stubs = (package / "_khabar.pyi").read_text(encoding="utf-8")
    for name in ("def extract(", "def extract_many(", "class Corpus", "def search(", "class StoreError"):
        assert name in stubs, name
