"""Reader for plain text files: the first non-empty line is the title."""

from __future__ import annotations

from collections.abc import Iterator

from graph.ingest.jsonl import tidy_paragraphs
from graph.model import Article

READER = "text"


def read_text(text: str, key: str, source: str) -> Iterator[Article]:
    """One article: title from the first line, the rest (or the title) as text."""
    lines = tidy_paragraphs(text).split("\n")
    title = " ".join(lines[0].split())
    body = "\n".join(lines[1:]).strip() or title
    yield Article(id=Article.make_id(key, "article", 0), source=source, title=title, text=body,
                  reader=READER)
