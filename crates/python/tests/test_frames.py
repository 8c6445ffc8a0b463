"""`to_frames`: one row per record of each kind, the article id and offsets as columns; a
clear ImportError without pandas."""

from __future__ import annotations

import gzip
import json
import sys

import khabar
import pytest
from conftest import ROOT

pd = pytest.importorskip("pandas")


@pytest.fixture(scope="module")
def records() -> list[dict]:
    with gzip.open(ROOT / "tests" / "data" / "ant-sample.jsonl.gz", "rt", encoding="utf-8") as f:
        articles = [json.loads(l) for l in f][:120]
    articles.append({"text": "قتل 3 أشخاص في بغداد الأحد", "published": "2018-06-10"})  # no id
    return list(khabar.extract_many(articles))


def test_row_counts_match_the_records(records):
    frames = khabar.to_frames(records)
    assert set(frames) == {"articles", "entities", "mentions", "quotes", "counts", "amounts", "dates", "hedges", "events", "themes"}
    assert len(frames["articles"]) == len(records)
    for name in ("entities", "quotes", "counts", "amounts", "dates", "hedges"):
        assert len(frames[name]) == sum(len(r[name]) for r in records), name
    assert len(frames["mentions"]) == sum(len(e["mentions"]) for r in records for e in r["entities"])
    # the sample has every kind of record, so that the counts above say something
    assert all(len(frames[n]) > 0 for n in frames), {n: len(f) for n, f in frames.items()}


def test_columns_carry_the_article_and_the_offsets(records):
    frames = khabar.to_frames(records)
    for name, df in frames.items():
        assert df.columns[0] == "article", name
    ids = [r["id"] if r["id"] is not None else i for i, r in enumerate(records)]
    assert list(frames["articles"]["article"]) == ids
    assert frames["articles"]["source"].notna().sum() == len(records) - 1  # an input field passed through
    m = frames["mentions"]
    assert m["start"].dtype == "int64" and m["end"].dtype == "int64"
    # offsets point into the article text: text == article[start:end]
    texts = {r["id"]: None for r in records}
    with gzip.open(ROOT / "tests" / "data" / "ant-sample.jsonl.gz", "rt", encoding="utf-8") as f:
        for l in f:
            a = json.loads(l)
            if a["id"] in texts:
                texts[a["id"]] = a["text"]
    for row in m.head(200).itertuples():
        assert texts[row.article][row.start:row.end] == row.text
    c = frames["counts"]
    assert c["value"].dtype == "float64" and str(c["attributed_to_start"].dtype) == "Int64"
    last = c[c["article"] == len(records) - 1].iloc[0]
    assert (last["category"], last["value"], last["start"], last["end"]) == ("KILL", 3.0, 0, 11)
    places = frames["entities"][frames["entities"]["type"] == "LOC"]
    assert places["country"].notna().any() and places["lat"].dtype == "float64"


def test_events_get_a_frame_when_the_records_carry_them():
    rec = khabar.extract("قتل 3 أشخاص في بغداد الأحد", published="2018-06-10", id="x")
    # records made before events existed carry no events: no frame for them
    assert "events" not in khabar.to_frames([{k: v for k, v in rec.items() if k != "events"}])
    ev = {
        "type": "ASSAULT", "mode": "firearms", "trigger": {"start": 0, "end": 3, "text": "قتل"},
        "source": {"start": 0, "end": 0, "text": "", "code": {"country": "IRQ", "role": "UAF"}}, "counts": [0],
    }
    frames = khabar.to_frames([{**rec, "events": [ev, ev]}, {**rec, "id": "y", "events": []}])
    e = frames["events"]
    assert len(e) == 2 and list(e["article"]) == ["x", "x"] and list(e["event"]) == [0, 1]
    assert {"trigger_start", "trigger_text", "source_code_country", "source_code_role", "counts"} <= set(e.columns)
    assert e["source_code_role"][0] == "UAF" and e["counts"][0] == [0]


def test_themes_and_tone():
    rec = khabar.extract("قتل 3 أشخاص في بغداد الأحد", published="2018-06-10", id="x")
    frames = khabar.to_frames([rec, {**rec, "id": "y", "tone": None}])
    t = frames["themes"]
    assert list(t.columns) == ["article", "code", "start", "end", "text"]
    assert list(t["code"]) == ["KILL", "KILL"] and t["start"].dtype == "int64"
    a = frames["articles"]
    assert a["tone_words"][0] == 5 and a["tone_tone"][0] < 0 and a["tone_words"].isna()[1]
    # records made before themes and tone existed: no themes frame, no tone columns
    old = khabar.to_frames([{k: v for k, v in rec.items() if k not in ("themes", "tone")}])
    assert "themes" not in old and "tone_tone" not in old["articles"].columns


def test_empty_records_give_empty_frames_with_their_columns():
    frames = khabar.to_frames([])
    assert all(len(df) == 0 for df in frames.values())
    assert list(frames["dates"].columns) == ["article", "start", "end", "text", "value", "resolution"]


def test_a_record_that_is_not_a_mapping_is_named():
    with pytest.raises(TypeError, match=r"records\[1\]: a record must be a mapping"):
        khabar.to_frames([{"id": "a"}, "b"])


def test_without_pandas_the_import_error_says_what_to_install(monkeypatch):
    monkeypatch.setitem(sys.modules, "pandas", None)  # `import pandas` raises ImportError
    with pytest.raises(ImportError, match="khabar.to_frames needs pandas.*pip install pandas"):
        khabar.to_frames([])
