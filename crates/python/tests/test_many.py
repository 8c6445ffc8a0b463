"""`extract_many`: input order, input fields passed through, chunks of 1,024 read lazily, the
same records on any number of threads, errors raised where they are in the input."""

from __future__ import annotations

import itertools

import khabar
import pytest

TEXTS = [
    "قتل 3 أشخاص في بغداد الأحد",
    "أعلنت وزارة الداخلية الجمعة مقتل 26 مسلحا.",
    "وقال الرئيس إن الوضع مستقر تماما.",
    "اعتقلت الشرطة 12 متظاهرا في القاهرة أمس.",
]


def articles(n: int) -> list[dict]:
    return [
        {"id": f"a{i}", "published": "2018-06-10", "text": TEXTS[i % len(TEXTS)], "source": f"s{i % 3}", "rank": i}
        for i in range(n)
    ]


def test_order_and_input_fields_over_several_chunks():
    arts = articles(2600)  # three chunks, the last one partial
    out = list(khabar.extract_many(arts, threads=2))
    assert [r["id"] for r in out] == [a["id"] for a in arts]
    assert [(r["source"], r["rank"]) for r in out] == [(a["source"], a["rank"]) for a in arts]
    # each record is the one of its own text
    for a, r in zip(arts[:8], out[:8]):
        assert r == {**khabar.extract(a["text"], a["published"], a["id"]), "source": a["source"], "rank": a["rank"]}


def test_input_fields_are_passed_through_as_the_objects_they_are_and_the_contract_wins():
    marker = object()
    [r] = khabar.extract_many([{"text": TEXTS[0], "meta": marker, "counts": "input", "zz": None, "Aa": 1}])
    assert r["meta"] is marker and r["zz"] is None and r["Aa"] == 1
    assert isinstance(r["counts"], list) and r["counts"][0]["value"] == 3.0
    # keys in the binary's order: sorted by code point
    assert list(r) == sorted(r)


def test_the_same_records_on_one_two_and_every_thread():
    arts = articles(300)
    one = list(khabar.extract_many(arts, threads=1))
    assert one == list(khabar.extract_many(arts, threads=2)) == list(khabar.extract_many(arts))


def test_input_is_read_a_chunk_ahead_at_most():
    pulled = 0

    def endless():
        nonlocal pulled
        for i in itertools.count():
            pulled += 1
            yield {"id": str(i), "text": TEXTS[i % len(TEXTS)]}

    it = khabar.extract_many(endless(), threads=2)
    first = list(itertools.islice(it, 10))
    assert [r["id"] for r in first] == [str(i) for i in range(10)]
    # the chunk being consumed and the one being extracted: never the whole input
    assert pulled <= 2 * 1024, pulled
    list(itertools.islice(it, 3000))
    assert 3010 <= pulled <= 3010 + 2 * 1024, pulled


def test_any_iterable_of_mappings_and_empty_input():
    assert list(khabar.extract_many([])) == []
    assert list(khabar.extract_many(iter(()))) == []
    gen = ({"text": t, "id": i} for i, t in enumerate(TEXTS))
    assert [r["id"] for r in khabar.extract_many(gen)] == ["0", "1", "2", "3"]
    from types import MappingProxyType

    [r] = khabar.extract_many([MappingProxyType({"text": TEXTS[0], "source": "BBC"})])
    assert r["source"] == "BBC"


def test_a_bad_article_raises_after_the_ones_before_it():
    arts = articles(5) + [{"id": "bad", "text": 42}] + articles(3)
    it = khabar.extract_many(arts, threads=2)
    assert [next(it)["id"] for _ in range(5)] == ["a0", "a1", "a2", "a3", "a4"]
    with pytest.raises(TypeError, match=r"articles\[5\]: field `text`: must be a string, got int"):
        next(it)
    assert list(it) == []


def test_an_exception_of_the_iterable_comes_through_in_place():
    def failing():
        yield {"text": TEXTS[0], "id": "x"}
        raise LookupError("the feed broke")

    it = khabar.extract_many(failing())
    assert next(it)["id"] == "x"
    with pytest.raises(LookupError, match="the feed broke"):
        next(it)
