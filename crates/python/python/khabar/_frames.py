"""Records as pandas DataFrames: one row per entity, mention, quote, count, amount, date, hedge
(and event and theme mention, when the records carry ``events`` and ``themes``), each with the
article it came from; an article's tone numbers are columns of its row."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, Iterable, Mapping

if TYPE_CHECKING:
    import pandas

# Each frame's columns, in order, with the dtype of those that are not plain objects. Offsets
# that a record may lack (a quote without a speaker) are pandas' nullable Int64.
_COLUMNS: dict[str, dict[str, str | None]] = {
    "articles": {"article": None, "published": None},
    "entities": {
        "article": None, "entity": None, "type": None, "name": None, "latin": None, "mentions": "int64",
        "lat": "float64", "lon": "float64", "country": None, "geonameid": "Int64", "level": None,
    },
    "mentions": {"article": None, "entity": None, "type": None, "start": "int64", "end": "int64", "text": None},
    "quotes": {
        "article": None, "quote": "int64", "kind": None, "cue": None, "start": "int64", "end": "int64", "text": None,
        "speaker": None, "speaker_entity": None, "speaker_start": "Int64", "speaker_end": "Int64",
    },
    "counts": {
        "article": None, "count": "int64", "category": None, "value": "float64", "qualifier": None, "object": None,
        "start": "int64", "end": "int64", "text": None,
        "attributed_to": None, "attributed_to_entity": None, "attributed_to_start": "Int64",
        "attributed_to_end": "Int64", "scope": None, "country": None,
    },
    "amounts": {"article": None, "value": "float64", "object": None, "start": "int64", "end": "int64", "text": None},
    "dates": {"article": None, "start": "int64", "end": "int64", "text": None, "value": None, "resolution": None},
    "hedges": {"article": None, "start": "int64", "end": "int64", "text": None, "kind": None},
}

# the record's own keys: every other key of a record is an input field passed through
_CONTRACT = {"id", "published", "entities", "quotes", "counts", "amounts", "dates", "hedges", "events", "themes", "tone"}

# an article's tone (GDELT's V2Tone), as columns of its row in ``articles``
_TONE = ("tone", "positive", "negative", "polarity", "activity", "self_group", "words")


def _flat(prefix: str, value: Any, row: dict[str, Any]) -> None:
    """Nested objects as columns joined by ``_`` (``source_code_country``); lists stay lists."""
    if isinstance(value, Mapping):
        for k, v in value.items():
            _flat(f"{prefix}_{k}" if prefix else str(k), v, row)
    else:
        row[prefix] = value


def _span(prefix: str, src: Mapping[str, Any] | None) -> dict[str, Any]:
    if src is None:
        return {prefix: None, f"{prefix}_entity": None, f"{prefix}_start": None, f"{prefix}_end": None}
    return {
        prefix: src.get("text"),
        f"{prefix}_entity": src.get("entity"),
        f"{prefix}_start": src.get("start"),
        f"{prefix}_end": src.get("end"),
    }


def to_frames(records: Iterable[Mapping[str, Any]]) -> dict[str, pandas.DataFrame]:
    """Records (from :func:`extract` or :func:`extract_many`, or JSON Lines read back) as a
    dict of pandas DataFrames:

    ``articles``
        one row per record: ``article``, ``published`` and the input fields passed through
        whose values are scalars (``title``, ``source``, ``url``…);
    ``entities``, ``mentions``
        one row per entity (``entity`` is its id within the article; ``lat``, ``lon``,
        ``country``, ``geonameid``, ``level`` for geocoded places) and one per mention of it;
    ``quotes``, ``counts``
        one row per quote and figure, with the speaker or source (``speaker``,
        ``speaker_entity``, ``speaker_start``, ``speaker_end``; ``attributed_to…``) and the
        record's index in the article (``quote``, ``count``: events' ``counts`` point at it);
    ``amounts``, ``dates``, ``hedges``
        one row per record;
    ``events``
        only when the records carry ``events``: one row per event, nested objects flattened
        into columns joined by ``_`` (``trigger_start``, ``source_code_role``…);
    ``themes``
        only when the records carry ``themes``: one row per mention of a GDELT theme
        (``code``, ``start``, ``end``, ``text``).

    When the records carry ``tone``, ``articles`` has its seven numbers as columns
    ``tone_tone``, ``tone_positive``, ``tone_negative``, ``tone_polarity``, ``tone_activity``,
    ``tone_self_group``, ``tone_words`` (empty for a record whose tone is null).

    Every frame has the column ``article``: the record's ``id``, or its position in
    ``records`` when it has none. Offsets (``start``, ``end``) are code points into the
    article's text, as in the records.

    Raises ImportError when pandas is not installed.
    """
    try:
        import pandas as pd
    except ImportError as e:  # pragma: no cover - exercised by a test with pandas hidden
        raise ImportError(
            "khabar.to_frames needs pandas, which is not installed: pip install pandas "
            "(or pip install 'khabar[pandas]')"
        ) from e

    rows: dict[str, list[dict[str, Any]]] = {name: [] for name in _COLUMNS}
    events: list[dict[str, Any]] | None = None
    themes: list[dict[str, Any]] | None = None
    has_tone = False
    extra_columns: dict[str, None] = {}
    for n, rec in enumerate(records):
        if not isinstance(rec, Mapping):
            raise TypeError(f"records[{n}]: a record must be a mapping (a dict), got {type(rec).__name__}")
        art = rec.get("id")
        if art is None:
            art = n
        row = {"article": art, "published": rec.get("published")}
        for k, v in rec.items():
            if k not in _CONTRACT and k != "article" and (v is None or isinstance(v, (str, int, float, bool))):
                row[k] = v
                extra_columns.setdefault(k)
        if "tone" in rec:
            has_tone = True
            tone = rec["tone"] or {}
            for k in _TONE:
                row[f"tone_{k}"] = tone.get(k)
        rows["articles"].append(row)
        for e in rec.get("entities") or ():
            geo = e.get("geo") or {}
            rows["entities"].append({
                "article": art, "entity": e["id"], "type": e["type"], "name": e["name"], "latin": e.get("latin"),
                "mentions": len(e.get("mentions") or ()), "lat": geo.get("lat"), "lon": geo.get("lon"),
                "country": geo.get("country"), "geonameid": geo.get("geonameid"), "level": geo.get("level"),
            })
            for m in e.get("mentions") or ():
                rows["mentions"].append({
                    "article": art, "entity": e["id"], "type": e["type"],
                    "start": m["start"], "end": m["end"], "text": m["text"],
                })
        for i, q in enumerate(rec.get("quotes") or ()):
            rows["quotes"].append({
                "article": art, "quote": i, "kind": q["kind"], "cue": q["cue"],
                "start": q["start"], "end": q["end"], "text": q["text"], **_span("speaker", q.get("speaker")),
            })
        for i, c in enumerate(rec.get("counts") or ()):
            rows["counts"].append({
                "article": art, "count": i, "category": c["category"], "value": c["value"],
                "qualifier": c["qualifier"], "object": c.get("object"),
                "start": c["start"], "end": c["end"], "text": c["text"], **_span("attributed_to", c.get("attributed_to")),
                "scope": c.get("scope", "incident"), "country": c.get("country"),
            })
        for a in rec.get("amounts") or ():
            rows["amounts"].append({"article": art, **{k: a.get(k) for k in _COLUMNS["amounts"] if k != "article"}})
        for d in rec.get("dates") or ():
            rows["dates"].append({"article": art, **{k: d.get(k) for k in _COLUMNS["dates"] if k != "article"}})
        for h in rec.get("hedges") or ():
            rows["hedges"].append({"article": art, **{k: h.get(k) for k in _COLUMNS["hedges"] if k != "article"}})
        if "events" in rec:
            if events is None:
                events = []
            for i, ev in enumerate(rec["events"] or ()):
                row = {"article": art, "event": i}
                _flat("", ev, row)
                events.append(row)
        if "themes" in rec:
            if themes is None:
                themes = []
            for t in rec["themes"] or ():
                themes.append({"article": art, "code": t["code"], "start": t["start"], "end": t["end"], "text": t["text"]})

    frames: dict[str, pandas.DataFrame] = {}
    tone_columns = [f"tone_{k}" for k in _TONE] if has_tone else []
    for name, columns in _COLUMNS.items():
        cols = list(columns) + (tone_columns + list(extra_columns) if name == "articles" else [])
        df = pd.DataFrame(rows[name], columns=cols)
        frames[name] = df.astype({c: t for c, t in columns.items() if t is not None})
    if events is not None:
        cols: dict[str, None] = {"article": None, "event": None}
        for row in events:
            cols.update(dict.fromkeys(row))
        frames["events"] = pd.DataFrame(events, columns=list(cols))
    if themes is not None:
        df = pd.DataFrame(themes, columns=["article", "code", "start", "end", "text"])
        frames["themes"] = df.astype({"start": "int64", "end": "int64"})
    return frames
