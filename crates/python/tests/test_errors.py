"""Bad input raises TypeError or ValueError naming the field; nothing panics across the
boundary."""

from __future__ import annotations

import re

import khabar
import pytest


@pytest.mark.parametrize(
    "kwargs, error, message",
    [
        ({"text": 5}, TypeError, "field `text`: must be a string, got int"),
        ({"text": None}, TypeError, "field `text`: must be a string, got NoneType"),
        ({"text": b"bytes"}, TypeError, "field `text`: must be a string, got bytes"),
        ({"text": "a\x00b"}, ValueError, "field `text`: contains U+0000"),
        ({"text": "a\ud800b"}, ValueError, "field `text`: not valid Unicode"),
        ({"text": "نص", "published": "yesterday"}, ValueError, "field `published`: must start with a date YYYY-MM-DD"),
        ({"text": "نص", "published": 2018}, TypeError, "field `published`: must be a string, got int"),
        ({"text": "نص", "id": ["a"]}, TypeError, "field `id`: must be a string or a number, got list"),
        ({"text": "نص", "id": True}, TypeError, "field `id`: must be a string or a number, got bool"),
        ({"text": "نص", "id": float("nan")}, ValueError, "field `id`: must be a finite number"),
        ({"text": "نص", "id": "a\x00"}, ValueError, "field `id`: contains U+0000"),
    ],
)
def test_extract_names_the_field(kwargs, error, message):
    with pytest.raises(error, match=re.escape(message)):
        khabar.extract(**kwargs)


def test_extract_many_names_the_article_and_the_field():
    cases = [
        ({"id": "x"}, ValueError, r"articles\[0\]: field `text`: missing"),
        ({"text": "نص", "title": "a\x00"}, ValueError, r"articles\[0\]: field `title`: contains U\+0000"),
        ({"text": "نص", 3: "x"}, TypeError, r"articles\[0\]: field names must be strings, got 3"),
        ("نص", TypeError, r"articles\[0\]: an article must be a mapping .*got str"),
        (None, TypeError, r"articles\[0\]: an article must be a mapping .*got NoneType"),
    ]
    for article, error, message in cases:
        with pytest.raises(error, match=message):
            list(khabar.extract_many([article]))


def test_extract_many_refuses_what_is_not_an_iterable_of_articles():
    with pytest.raises(TypeError, match="not one article"):
        khabar.extract_many({"text": "نص"})
    with pytest.raises(TypeError, match="not one article"):
        khabar.extract_many("نص")
    with pytest.raises(TypeError, match="must be an iterable"):
        khabar.extract_many(5)
    with pytest.raises(ValueError, match="`threads` must be 0"):
        khabar.extract_many([], threads=-1)
    with pytest.raises(TypeError, match="threads"):
        khabar.extract_many([], threads="2")


def test_any_text_extracts_without_error():
    # control characters, marks alone, emoji, mixed scripts, very long words: records, no error
    for text in ["", " ", "\u064b\u064b", "😀 قتل 😀 3", "a" * 100_000, "\r\n\t\x01\x7f", "١٢٣ قتيلا في حلب"]:
        r = khabar.extract(text)
        assert set(r) == {"id", "published", "entities", "quotes", "counts", "amounts", "dates", "hedges", "events", "themes", "tone"}
