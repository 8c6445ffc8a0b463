"""`Corpus` over a store made by `khabar ingest` (the bundled examples, ingested here): the same
answers as the binary's `stats --json`, `search --json` and `entity show --json`."""

from __future__ import annotations

import json
import os
from datetime import date

import khabar
import pytest
from conftest import ROOT


@pytest.fixture(scope="module")
def db(run_khabar, tmp_path_factory):
    path = tmp_path_factory.mktemp("corpus") / "db"
    run_khabar("ingest", "--db", path, ROOT / "examples")
    return path


def test_stats_equal_the_binary(db, run_khabar):
    c = khabar.Corpus(db)
    assert c.stats() == json.loads(run_khabar("stats", "--db", db, "--json"))
    assert c.stats()["articles"] == 6
    assert khabar.Corpus(str(db)).stats() == c.stats()  # a str or a path


@pytest.mark.parametrize("words", ["قتل", "الشرطة", "حافلة هوكي", ""])
def test_search_equals_the_binary(db, run_khabar, words):
    c = khabar.Corpus(db)
    got = c.search(words or None, limit=5)
    cli = json.loads(run_khabar("search", "--db", db, "--json", "-n", "5", *([words] if words else [])))
    assert got["total"] == cli["total"]
    assert [(a["id"], a["score"], a["title"], a["source"], a["published"], a["url"], a["snippet"]) for a in got["articles"]] == [
        (h["id"], h["score"], h["title"], h["source"], h["published"], h["url"], h["snippet"]) for h in cli["hits"]
    ]
    if words:
        assert got["total"] > 0, "the examples hold these words"
    assert all(isinstance(a["counts"], int) and isinstance(a["quotes"], int) for a in got["articles"])


def test_search_filters(db, run_khabar):
    c = khabar.Corpus(db)
    everything = c.search(limit=100)
    assert everything["total"] == 6
    bbc = c.search(source="BBC", limit=100)
    assert bbc["total"] == 2 and all(a["source"] == "BBC" for a in bbc["articles"])
    days = sorted(a["published"][:10] for a in everything["articles"])
    since = c.search(since=days[2], limit=100)
    assert since["total"] == sum(d >= days[2] for d in days)
    until = c.search(until=date.fromisoformat(days[2]), limit=100)
    assert until["total"] == sum(d <= days[2] for d in days)
    assert c.search(limit=2)["total"] == 6 and len(c.search(limit=2)["articles"]) == 2
    assert [a["id"] for a in c.search(limit=2, offset=2)["articles"]] == [a["id"] for a in everything["articles"][2:4]]


def test_entity_by_name_and_id_equals_the_binary(db, run_khabar):
    c = khabar.Corpus(db)
    e = c.entity("كندا")
    assert e["name"] == "كندا" and e["type"] == "LOC"
    assert e == json.loads(run_khabar("entity", "show", "--db", db, "--json", "كندا"))
    assert c.entity(e["id"]) == e
    # the search filter takes it too
    hits = c.search(entity="كندا")
    assert hits["total"] >= 1 and e["id"] in json.dumps([c.article(a["id"])["links"] for a in hits["articles"]])
    assert c.search(entity="لا أحد بهذا الاسم")["total"] == 0


def test_article_holds_its_record(db):
    c = khabar.Corpus(db)
    a = c.article("FR-internationalNews-594-20180407")
    rec = khabar.extract(a["text"], published=a["published"], id=a["id"])
    assert a["record"] == {k: v for k, v in rec.items()}


def test_what_is_not_there_and_bad_arguments(db, tmp_path):
    c = khabar.Corpus(db)
    with pytest.raises(KeyError, match="no entity"):
        c.entity("لا أحد بهذا الاسم")
    with pytest.raises(KeyError, match="no article"):
        c.article("nope")
    with pytest.raises(FileNotFoundError, match="no corpus here"):
        khabar.Corpus(tmp_path / "empty")
    with pytest.raises(ValueError, match="`since`: expected a date YYYY-MM-DD"):
        c.search(since="June")
    with pytest.raises(TypeError, match="`until` must be a date"):
        c.search(until=20180610)
    with pytest.raises(ValueError, match="`limit` must be between"):
        c.search(limit=-1)
    with pytest.raises(TypeError):
        c.search(query=5)


@pytest.mark.skipif(not os.environ.get("KHABAR_TEST_POSTGRES"), reason="needs PostgreSQL: set KHABAR_TEST_POSTGRES")
def test_postgres_store_answers_as_the_embedded_one(db, run_khabar):
    # the database may hold other tests' articles: only what the examples decide is compared
    url = os.environ["KHABAR_TEST_POSTGRES"]
    run_khabar("ingest", "--db", url, ROOT / "examples")
    pg, embedded = khabar.Corpus(url), khabar.Corpus(db)
    assert "@" not in url or url.split("@")[0] not in repr(pg), "the password is not shown"
    assert pg.stats()["articles"] >= 6
    for hit in embedded.search(limit=10)["articles"]:
        assert pg.article(hit["id"])["record"] == embedded.article(hit["id"])["record"]
        title = hit["title"]
        assert hit["id"] in [a["id"] for a in pg.search(f'"{title}"', limit=50)["articles"]]
    assert pg.entity("كندا")["name"] == "كندا"
