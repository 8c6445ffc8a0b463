"""Khabar: structured, attributed facts from Arabic news, at Rust speed.

>>> import khabar
>>> r = khabar.extract("قتل 3 أشخاص في بغداد الأحد", published="2018-06-10")
>>> r["counts"][0]["category"], r["counts"][0]["value"], r["dates"][0]["value"]
('KILL', 3.0, '2018-06-10')

* :func:`extract` — one article's record, exactly the JSON object ``khabar extract`` writes
  (see ``docs/OUTPUT.md``), as a dict;
* :func:`extract_many` — records for an iterable of articles, in input order, on every core;
* :func:`to_frames` — records as pandas DataFrames (pandas is optional);
* :class:`Corpus` — search, entities and statistics of a store made by ``khabar ingest``.
"""

from ._frames import to_frames
from ._khabar import Corpus, ExtractMany, StoreError, __version__, extract, extract_many

__all__ = ["Corpus", "ExtractMany", "StoreError", "__version__", "extract", "extract_many", "to_frames"]
