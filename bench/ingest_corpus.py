"""A synthetic news corpus written as files in every format ``skg ingest`` reads.

The fault runs (:mod:`bench.bench_faults`) need a folder that exercises the
whole ingest path, not just one reader: plain text, Kommune21-style page
captures, JSON Lines, HTML pages and an RSS feed, plus a few exact copies
(duplicate links), and a few broken inputs (failures that must be stored once).
The article texts come from :func:`bench.synthetic.generate`, so the extractor
finds the same kind of actors as in the build benchmarks.

>>> import tempfile, pathlib
>>> with tempfile.TemporaryDirectory() as tmp:
...     made = write_corpus(pathlib.Path(tmp), 40, seed=3)
...     again = write_corpus(pathlib.Path(tmp) / "b", 40, seed=3)
>>> made.articles == 40 and made == again and made.broken > 0
True
"""

from __future__ import annotations

import html
import json
from dataclasses import dataclass
from pathlib import Path

from bench.synthetic import generate
from graph.model import Article

JSONL_LINES = 25
FEED_ITEMS = 20
BAD_EVERY = 150  # one broken input per this many articles
COPY_EVERY = 60  # one exact copy per this many articles


@dataclass(frozen=True)
class CorpusFiles:
    """What was written: counts to check a run against."""

    articles: int
    files: int
    broken: int  # inputs (files or JSONL lines) that must fail
    copies: int


def _german_date(iso: str | None) -> str:
    year, month, day = (iso or "2020-01-01").split("-")
    return f"{int(day)}.{int(month)}.{year}"


def _paragraphs(text: str) -> list[str]:
    sentences = [s.strip() + "." for s in text.split(". ") if s.strip(" .")]
    return [" ".join(sentences[i:i + 3]) for i in range(0, len(sentences), 3)]


def as_text(a: Article) -> str:
    """A plain-text file: title line, blank line, paragraphs."""
    return a.title + "\n\n" + "\n\n".join(_paragraphs(a.text)) + "\n"


def as_capture(a: Article) -> str:
    """A Kommune21-style page capture: headline, dated lead, body, tags."""
    first, *rest = _paragraphs(a.text) or [a.title]
    body = "\n\n".join(rest)
    return (f"{a.title}:\nMeldung aus der Verwaltung\n\n[{_german_date(a.published)}] {first}\n\n{body}\n\n"
            f"Stichwörter: {', '.join(a.tags)}\n\nDruckversion    PDF     Link mailen\n")


def as_html(a: Article) -> str:
    """A news page with its canonical URL, date and paragraphs."""
    paras = "".join(f"<p>{html.escape(p)}</p>" for p in _paragraphs(a.text))
    return (f"<!DOCTYPE html><html lang=\"de\"><head><meta charset=\"utf-8\"><title>{html.escape(a.title)}"
            f"</title><link rel=\"canonical\" href=\"{a.url}\"><meta property=\"article:published_time\" "
            f"content=\"{a.published}\"></head><body><nav><a href=\"/\">Start</a></nav><article>"
            f"<h1>{html.escape(a.title)}</h1>{paras}<p>{html.escape(a.text)}</p></article>"
            "<footer>Impressum</footer></body></html>\n")


def as_record(a: Article) -> str:
    """One JSON Lines record."""
    return json.dumps({"id": a.source_id, "title": a.title, "text": "\n\n".join(_paragraphs(a.text)),
                       "published": a.published, "url": a.url, "tags": list(a.tags)}, ensure_ascii=False)


def as_feed(items: list[Article]) -> str:
    """An RSS 2.0 feed holding ``items``."""
    entries = "".join(
        f"<item><title>{html.escape(a.title)}</title><link>{a.url}</link><guid>{a.url}</guid>"
        f"<pubDate>{a.published}</pubDate><description>{html.escape(a.text)}</description></item>"
        for a in items)
    return (f"<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<rss version=\"2.0\"><channel><title>Kanal</title>"
            f"{entries}</channel></rss>\n")


def _write(path: Path, text: str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")


def write_corpus(folder: Path, n_articles: int, seed: int = 42) -> CorpusFiles:
    """Write ``n_articles`` articles below ``folder`` (same seed, same bytes); return what was made."""
    articles = [a for a in generate(n_articles, seed=seed).articles if a.role == "article"]
    files = broken = copies = 0
    records: list[str] = []
    feed: list[Article] = []
    for no, a in enumerate(articles):
        kind = no % 20
        if kind < 9:
            _write(folder / "text" / f"{no:05d}.txt", as_text(a))
            files += 1
        elif kind < 13:
            _write(folder / "captures" / f"{no:05d}.k21", as_capture(a))
            files += 1
        elif kind < 17:
            records.append(as_record(a))
        elif kind < 19:
            _write(folder / "pages" / f"{no:05d}.html", as_html(a))
            files += 1
        else:
            feed.append(a)
        if no % COPY_EVERY == 1:
            _write(folder / "copies" / f"{no:05d}.txt", as_text(a))
            files, copies = files + 1, copies + 1
        if no % BAD_EVERY == 2:
            records.append("{\"title\": \"ohne Text\"}" if (no // BAD_EVERY) % 2 else "{kaputt")
            _write(folder / "broken" / f"{no:05d}.txt", "")
            _write(folder / "broken" / f"{no:05d}.bin", "\x00" * 64 + "binär")
            broken += 3
        if len(records) >= JSONL_LINES:
            _write(folder / "records" / f"{no:05d}.jsonl", "\n".join(records) + "\n")
            files, records = files + 1, []
        if len(feed) >= FEED_ITEMS:
            _write(folder / "feeds" / f"{no:05d}.xml", as_feed(feed))
            files, feed = files + 1, []
    if records:
        _write(folder / "records" / "rest.jsonl", "\n".join(records) + "\n")
        files += 1
    if feed:
        _write(folder / "feeds" / "rest.xml", as_feed(feed))
        files += 1
    return CorpusFiles(len(articles), files + 2 * (broken // 3), broken, copies)
