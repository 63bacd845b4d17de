"""Reader for plain-text captures of Kommune21-style news pages.

Such a capture is recognised by its content, whatever the file is called:
one to four headline lines, then a line opening with the date in brackets
(``[22.6.2021] Im Rahmen …``). What follows is the body (closing with author
initials such as ``(sib)``), link lines, ``Stichwörter:``, page furniture
(``Druckversion``, ``Anzeige`` …), the "Weitere Meldungen" teaser list and the
"Ausgewählte Anbieter" vendor box. See ``docs/ingest.md``.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from graph.ingest.dates import parse_date
from graph.ingest.page import (
    BOILERPLATE,
    PageParts,
    Teaser,
    author_of,
    clean_title,
    page_documents,
    section_of,
    strip_more,
)
from graph.model import Article, VendorEntry

READER = "kommune21_capture"
DATE_LINE = re.compile(r"^\s*\[(\d{1,2}\.\d{1,2}\.\d{4})\]\s*(.*)$")
URL_LINE = re.compile(r"^(https?://\S+|www\.\S+\.\S+)$")
TAGS = re.compile(r"^\s*Stichw(?:ö|oe)rte(?:r)?\s*:\s*(.*)$", re.IGNORECASE)
POSTAL = re.compile(r"^(?:D-)?(\d{5})\s+(\S.*)$")
TEASER_HEAD = re.compile(r"^\s*Weitere Meldungen")
VENDOR_HEAD = re.compile(r"^\s*Ausgew(?:ä|ae)hlte Anbieter")
END_HEAD = re.compile(r"^\s*Aktuelle Meldungen")
MAX_HEADLINE_LINES = 4


def _first_date(lines: list[str]) -> int | None:
    for index, line in enumerate(lines[:40]):
        if DATE_LINE.match(line):
            return index
    return None


def looks_like_capture(text: str) -> bool:
    """True when ``text`` opens with headline lines followed by a ``[d.m.yyyy]`` line."""
    lines = text.lstrip("\ufeff").split("\n")
    first = _first_date(lines)
    if first is None:
        return False
    head = [line for line in lines[:first] if line.strip()]
    return 1 <= len(head) <= MAX_HEADLINE_LINES and all(
        len(line) < 300 and not line.lstrip().startswith(("<", "{")) for line in head
    )


def _blocks(lines: list[str]) -> list[list[str]]:
    """Non-empty lines grouped by blank lines, boilerplate dropped."""
    blocks: list[list[str]] = [[]]
    for line in lines:
        if not line.strip():
            blocks.append([])
        elif not BOILERPLATE.match(line):
            blocks[-1].append(line.strip())
    return [b for b in blocks if b]


def _split_links(blocks: list[list[str]]) -> tuple[list[str], list[str]]:
    """Body paragraphs and link URLs: from the first URL line on, lines are links or their labels."""
    paragraphs: list[str] = []
    links: list[str] = []
    in_links = False
    for block in blocks:
        text_lines = []
        for i, line in enumerate(block):
            is_url = bool(URL_LINE.match(line))
            nxt = block[i + 1] if i + 1 < len(block) else ""
            label = not is_url and line.endswith(":") and bool(URL_LINE.match(nxt))
            in_links = in_links or is_url or label
            if is_url:
                links.append(line if line.startswith("http") else "https://" + line)
            elif not in_links:
                text_lines.append(line)
        if text_lines:
            paragraphs.append(" ".join(text_lines))
    return paragraphs, links


def _boundaries(lines: list[str], start: int) -> dict[str, int]:
    """Line indexes of the tag line and of the list headings (absent ones are missing)."""
    found: dict[str, int] = {}
    for index in range(start, len(lines)):
        line = lines[index]
        for name, pattern in (("tags", TAGS), ("teasers", TEASER_HEAD), ("vendors", VENDOR_HEAD),
                              ("end", END_HEAD)):
            if name not in found and pattern.match(line):
                found[name] = index
    return found


def _region(lines: list[str], start: int, marks: dict[str, int]) -> list[str]:
    """Lines from ``start`` (exclusive) up to the next mark."""
    stop = min([v for v in marks.values() if v > start], default=len(lines))
    return lines[start + 1:stop]


def _tags(line: str) -> list[str]:
    match = TAGS.match(line)
    return [t.strip() for t in match[1].split(",") if t.strip()] if match else []


def _content(lines: list[str]) -> list[str]:
    return [line.strip() for line in lines if line.strip() and not BOILERPLATE.match(line)]


def _teasers(region: list[str]) -> list[Teaser]:
    """Teasers: title line, ``[date] text mehr...`` line, optional caption lines."""
    lines = _content(region)
    dates = [i for i, line in enumerate(lines) if DATE_LINE.match(line) and i > 0]
    teasers = []
    for n, i in enumerate(dates):
        match = DATE_LINE.match(lines[i])
        assert match is not None
        stop = dates[n + 1] - 1 if n + 1 < len(dates) else len(lines)
        paragraphs = [p for p in [strip_more(match[2]), *lines[i + 1:stop]] if p]
        teasers.append(Teaser(clean_title(lines[i - 1]), parse_date(match[1]), paragraphs))
    return teasers


def _vendors(region: list[str]) -> list[VendorEntry]:
    """Vendor rows: name, ``PLZ Ort``; the repeated name (logo caption) is dropped."""
    rows: list[VendorEntry] = []
    pending: str | None = None
    for line in _content(region):
        postal = POSTAL.match(line)
        if postal and pending:
            rows.append(VendorEntry(pending, postal[1], postal[2].strip()))
            pending = None
        elif not postal and (not rows or line != rows[-1].name or pending):
            if pending:
                rows.append(VendorEntry(pending))
            pending = line
    if pending and (not rows or pending != rows[-1].name):
        rows.append(VendorEntry(pending))
    return rows


def parse_capture(text: str) -> PageParts:
    """Split a capture into the parts of its page."""
    lines = [line.rstrip() for line in text.lstrip("\ufeff").split("\n")]
    first = _first_date(lines)
    if first is None:
        return PageParts()
    date_match = DATE_LINE.match(lines[first])
    assert date_match is not None
    marks = _boundaries(lines, first + 1)
    body_lines = [date_match[2], *_region(lines, first, marks)]
    paragraphs, links = _split_links(_blocks(body_lines))
    parts = PageParts(
        title=" ".join(line.strip() for line in lines[:first] if line.strip()),
        published=parse_date(date_match[1]), paragraphs=paragraphs, links=links,
        author=author_of(paragraphs),
    )
    if "tags" in marks:
        parts.tags = _tags(lines[marks["tags"]])
    for name in ("teasers", "vendors"):
        if name in marks:
            parts.section = parts.section or section_of(lines[marks[name]])
    if "teasers" in marks:
        parts.teasers = _teasers(_region(lines, marks["teasers"], marks))
    if "vendors" in marks:
        parts.vendors = _vendors(_region(lines, marks["vendors"], marks))
    return parts


def read_capture(text: str, key: str, source: str, source_id: str | None = None,
                 url: str | None = None) -> Iterator[Article]:
    """The documents of one capture (main article, teasers, vendor listing)."""
    parts = parse_capture(text)
    parts.url = url
    yield from page_documents(parts, key, source, READER, source_id)
