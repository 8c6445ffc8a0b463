"""Type stubs of the native module ``khabar._khabar`` (see ``src/`` of ``crates/python``)."""

from datetime import date
from os import PathLike
from typing import Any, Iterable, Iterator, Mapping

__version__: str

Record = dict[str, Any]
"""One article's record: ``id``, ``published``, ``entities``, ``quotes``, ``counts``,
``amounts``, ``dates``, ``hedges`` (``docs/OUTPUT.md``), and the input's other fields."""

def extract(text: str, published: str | date | None = None, id: str | int | float | None = None) -> Record:
    """The record ``khabar extract`` writes for one article, as a dict (same keys in the same
    order, same values). ``published`` (``YYYY-MM-DD…``, or a ``datetime.date``) resolves
    weekdays and relative dates. Raises TypeError or ValueError naming the bad field."""

def extract_many(articles: Iterable[Mapping[str, Any]], threads: int = 0) -> ExtractMany:
    """Records for an iterable of articles (mappings with ``text`` and optionally ``id``,
    ``published``; other fields are passed through), in input order, extracted on ``threads``
    threads (0: every core) with the GIL released. Input is read 1,024 articles at a time, so
    memory stays flat on any length. A bad article raises TypeError or ValueError
    (``articles[i]: field `text`: …``) once the records before it are yielded."""

class ExtractMany(Iterator[Record]):
    """The iterator :func:`extract_many` returns."""

    def __iter__(self) -> ExtractMany: ...
    def __next__(self) -> Record: ...

class StoreError(Exception):
    """The store failed: a database or index error, a schema written by a newer khabar,
    PostgreSQL in a build without it."""

class Corpus:
    """A corpus made by ``khabar ingest``: a directory, or ``postgres://user:pw@host/db``.
    Opened for reading; raises FileNotFoundError when a directory holds no corpus."""

    def __init__(self, path_or_url: str | PathLike[str]) -> None: ...
    def stats(self) -> dict[str, int]:
        """Articles, entities, quotes, counts and dates stored (``khabar stats --json``)."""

    def search(
        self,
        query: str | None = None,
        entity: str | None = None,
        source: str | None = None,
        since: str | date | None = None,
        until: str | date | None = None,
        limit: int = 10,
        offset: int = 0,
    ) -> dict[str, Any]:
        """``{"total": n, "articles": [...]}``: ranked articles (newest first without words),
        each with ``id``, ``title``, ``source``, ``url``, ``published``, ``score``, ``snippet``
        (``{"text", "highlights"}`` or None), ``counts``, ``quotes`` — as ``/api/articles``.
        ``entity`` is an id or a name in any spelling; ``since``/``until`` are days,
        inclusive."""

    def entity(self, name_or_id: str) -> dict[str, Any]:
        """An entity as ``khabar entity show --json`` gives it; KeyError when none answers."""

    def article(self, id: str) -> dict[str, Any]:
        """A stored article: its fields, ``text``, ``record`` and ``links`` (article entity id
        → corpus entity id); KeyError when there is none."""
