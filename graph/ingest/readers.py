"""Pick the reader for each raw source by its content (and extension) and run it.

Recognition order: JSON Lines (``.jsonl``/``.ndjson``, or text whose lines
are JSON objects), RSS/Atom (root element), HTML (markup), Kommune21 page
capture (headline + ``[d.m.yyyy]`` line, any extension), plain text
(``.txt``/``.text``/``.md``, no extension, stdin). Anything else is an
unknown format. Every reader runs inside a guard: an unexpected error
becomes an :class:`InputFailure`, never an exception escaping the batch.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from typing import Any

from graph.ingest.capture import READER as CAPTURE
from graph.ingest.capture import looks_like_capture, read_capture
from graph.ingest.decode import decode_text
from graph.ingest.failures import InputFailure
from graph.ingest.feeds import READER as FEED
from graph.ingest.feeds import looks_like_feed, read_feed
from graph.ingest.jsonl import READER as JSONL
from graph.ingest.jsonl import read_jsonl
from graph.ingest.markup import HINT, MESSAGE, declares_entities
from graph.ingest.plaintext import READER as TEXT
from graph.ingest.plaintext import read_text
from graph.ingest.publisher import annotate
from graph.ingest.sources import RawSource, iter_sources
from graph.ingest.webpage import READER as HTML
from graph.ingest.webpage import looks_like_html, read_html
from graph.model import Article

Item = Article | InputFailure
Reader = Callable[[str, RawSource], Iterator[Item]]
TEXT_SUFFIXES = ("", ".txt", ".text", ".md")
JSONL_SUFFIXES = (".jsonl", ".ndjson")

# Each reader gets the source's stable key twice: to derive ids and as the documents'
# ``source`` (never the path the files were read from, which would make ids, graph and
# snapshot id depend on the folder). Failures are renamed to the location in ``_guarded``.
READERS: dict[str, Reader] = {
    JSONL: lambda text, src: read_jsonl(text, src.key, src.key),
    FEED: lambda text, src: read_feed(text, src.key, src.key),
    HTML: lambda text, src: read_html(text, src.key, src.key, src.url),
    CAPTURE: lambda text, src: read_capture(text, src.key, src.key, url=src.url),
    TEXT: lambda text, src: read_text(text, src.key, src.key),
}


def _looks_like_jsonl(text: str) -> bool:
    first = next((line.strip() for line in text.split("\n") if line.strip()), "")
    return first.startswith("{") and first.endswith("}")


def choose_reader(text: str, suffix: str) -> str | None:
    """The name of the reader for ``text``, or ``None`` when the format is unknown."""
    if suffix in JSONL_SUFFIXES or _looks_like_jsonl(text):
        return JSONL
    if looks_like_feed(text):
        return FEED
    if looks_like_html(text):
        return HTML
    if looks_like_capture(text):
        return CAPTURE
    return TEXT if suffix in TEXT_SUFFIXES else None


def _guarded(name: str, text: str, raw: RawSource) -> Iterator[Item]:
    """The reader's items; its failures name the input as the user gave it."""
    try:
        for item in READERS[name](text, raw):
            if isinstance(item, InputFailure):
                item = InputFailure(raw.location, item.line, item.message, item.hint, item.reader or name)
            yield item if isinstance(item, InputFailure) else annotate(item)
    except Exception as exc:  # a reader bug must not stop the batch
        yield InputFailure(raw.location, None, f"the {name} reader failed ({type(exc).__name__}: {exc})",
                           "please report this input as a bug; the rest of the batch was read", name)


def read_source(raw: RawSource) -> Iterator[Item]:
    """The documents of one raw source, or failures explaining what went wrong."""
    decoded = decode_text(raw.data)
    if decoded.text is None:
        yield InputFailure(raw.location, None, decoded.problem, decoded.hint)
        return
    name = choose_reader(decoded.text, raw.suffix)
    if name is None:
        yield InputFailure(raw.location, None, f"unknown format ({raw.suffix} file)",
                           "give .txt, .html, .jsonl, RSS/Atom or a Kommune21 page capture; "
                           "rename plain text files to .txt")
        return
    if name in (FEED, HTML) and declares_entities(decoded.text):
        yield InputFailure(raw.location, None, MESSAGE, HINT, name)
        return
    yield from _guarded(name, decoded.text, raw)


def read_inputs(inputs: Sequence[str], settings: Any) -> Iterator[Item]:
    """Every document (or failure) of the inputs: files, folders, ``-`` (stdin) and URLs."""
    for raw in iter_sources(inputs, settings):
        if isinstance(raw, InputFailure):
            yield raw
        else:
            yield from read_source(raw)
