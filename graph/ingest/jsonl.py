"""Reader for JSON Lines: one article object per line.

Contract (see ``docs/ingest.md``): ``text`` is required; ``id``, ``title``
(``null`` → derived from the first line or sentence), ``published``, ``url``,
``source``, ``section`` and ``tags`` are optional. The record's ``id`` becomes
``source_id`` on every document the line yields (a line whose text is a
Kommune21 page capture yields the page's article, teasers and vendor
listing). A broken line is one :class:`InputFailure` naming ``file:line``;
the other lines are still read.
"""

from __future__ import annotations

import dataclasses
import json
import re
from collections.abc import Iterator
from typing import Any

from graph.ingest.capture import looks_like_capture, read_capture
from graph.ingest.dates import parse_date
from graph.ingest.decode import clean_text
from graph.ingest.failures import InputFailure
from graph.ingest.publisher import KOMMUNE21, publisher_for
from graph.model import Article

READER = "jsonl"
TITLE_MAX = 120
_HINT = "fix or remove this line; each line must be one JSON object with a `text` field"
_SENTENCE = re.compile(r"^(.+?[.!?])(\s|$)")


class RecordError(ValueError):
    """A JSONL record breaks the contract; the message says which field and how."""


def derive_title(text: str) -> str:
    """A title for an untitled text: its first line, or first sentence, at most 120 characters."""
    first = next((line.strip() for line in text.split("\n") if line.strip()), "")
    if len(first) > TITLE_MAX and (match := _SENTENCE.match(first)):
        first = match[1]
    if len(first) > TITLE_MAX:
        first = first[:TITLE_MAX].rsplit(" ", 1)[0] + " …"
    return first


def tidy_paragraphs(text: str) -> str:
    """Trailing spaces removed, runs of blank lines collapsed to one paragraph break."""
    lines = [line.rstrip() for line in clean_text(text).strip().split("\n")]
    return re.sub(r"\n{3,}", "\n\n", "\n".join(lines))


def _optional_str(record: dict[str, Any], name: str) -> str | None:
    value = record.get(name)
    if value is None or value == "":
        return None
    if not isinstance(value, str | int | float) or isinstance(value, bool):
        raise RecordError(f"field `{name}` must be a string")
    return clean_text(str(value)).strip() or None


def _tags(record: dict[str, Any]) -> tuple[str, ...]:
    value = record.get("tags")
    if value is None:
        return ()
    if isinstance(value, str):
        value = value.split(",")
    if not isinstance(value, list) or not all(isinstance(t, str) for t in value):
        raise RecordError("field `tags` must be a list of strings or a comma-separated string")
    return tuple(dict.fromkeys(clean_text(t).strip() for t in value if t.strip()))


def _text(record: dict[str, Any]) -> str:
    value = record.get("text")
    if not isinstance(value, str) or not value.strip():
        raise RecordError("field `text` is missing or empty (it is required)")
    return tidy_paragraphs(value)


def _published(record: dict[str, Any]) -> str | None:
    value = record.get("published")
    if value is not None and (not isinstance(value, str | int) or isinstance(value, bool)):
        raise RecordError("field `published` must be a date string")
    return parse_date(value)


def _from_capture(article: Article, record: dict[str, Any], title: str | None) -> Article:
    """A capture's main article, with fields the capture lacks taken from the record."""
    return dataclasses.replace(
        article, reader=READER, title=article.title or title or "",
        published=article.published or _published(record),
        section=article.section or _optional_str(record, "section"), tags=article.tags or _tags(record),
    )


def _documents(record: dict[str, Any], line: int, key: str) -> list[Article]:
    text = _text(record)
    source_id = _optional_str(record, "id")
    url = _optional_str(record, "url")
    source = _optional_str(record, "source") or f"{key}:{line}"
    title = _optional_str(record, "title")
    record_key = source_id or url
    named = _optional_str(record, "publisher"), url
    if looks_like_capture(text):
        main, *rest = read_capture(text, record_key or f"{key}:{line}", source, source_id, url)
        publisher = publisher_for(*named, KOMMUNE21)  # a capture is Kommune21's page
        docs = [_from_capture(main, record, title), *(dataclasses.replace(d, reader=READER) for d in rest)]
        return [dataclasses.replace(d, publisher=publisher) for d in docs]
    return [Article(
        id=Article.make_id(record_key or key, "article", 0 if record_key else line), source=source,
        title=title or derive_title(text), text=text, source_id=source_id, url=url, reader=READER,
        ordinal=0 if record_key else line, published=_published(record),
        section=_optional_str(record, "section"), tags=_tags(record),
        publisher=publisher_for(*named, _optional_str(record, "source")),
    )]


def _parse(raw: str) -> dict[str, Any]:
    try:
        record = json.loads(raw)
    except json.JSONDecodeError as exc:
        raise RecordError(f"not valid JSON ({exc.msg}; column {exc.colno})") from None
    except RecursionError:
        raise RecordError("the JSON is nested too deeply") from None
    if not isinstance(record, dict):
        raise RecordError(f"a JSON {type(record).__name__} instead of an object")
    return record


def read_jsonl(text: str, key: str, location: str) -> Iterator[Article | InputFailure]:
    """Every record's documents; one failure per broken line (``location``: the file as given).

    A record without a ``source`` gets ``key:line``, never the path it was read from.
    """
    for line_no, raw in enumerate(text.split("\n"), start=1):
        if not raw.strip():
            continue
        try:
            yield from _documents(_parse(raw), line_no, key)
        except RecordError as exc:
            yield InputFailure(location, line_no, f"JSONL record: {exc}", _HINT, READER)
