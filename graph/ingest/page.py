"""A Kommune21-style news page as parts, and the documents it becomes.

Both the plain-text capture reader and the HTML portal profile fill a
:class:`PageParts`; :func:`page_documents` turns it into the main article,
one ``teaser`` per "Weitere Meldungen" item and one ``vendor_listing``, so
both readers produce exactly the same documents for the same page.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from graph.model import Article, VendorEntry

# Lines (or whole texts) that are page furniture, never content.
BOILERPLATE = re.compile(
    r"^\s*(Druckversion|PDF|Link mailen|Anzeige|Suchen\.{0,3}|Aboverwaltung|"
    r"Abb?onnement kuendigen|Abb?onement kuendigen|Aktuelle Meldungen|mehr\.{0,3}|"
    r"Druckversion\s+PDF\s+Link mailen)\s*$",
    re.IGNORECASE,
)
MORE = re.compile(r"\s*mehr\s*\.\.\.\s*$")
AUTHOR = re.compile(r"\(([a-zäöü]{2,4})\)\s*$")
SECTION = re.compile(r"aus dem Bereich\s+(.+?)\s*:?\s*$")
# Genre labels the portal appends to teaser headlines ("… im Blick Bericht").
GENRE = re.compile(r"\s+(Bericht|Interview|Kommentar|Porträt|Portrait|Reportage|Fotostrecke|Video)$")


@dataclass
class Teaser:
    """One item of the "Weitere Meldungen" list."""

    title: str
    published: str | None
    paragraphs: list[str] = field(default_factory=list)


@dataclass
class PageParts:
    """Everything a page reader recognised, before it becomes documents."""

    title: str = ""
    published: str | None = None
    section: str | None = None
    author: str | None = None
    paragraphs: list[str] = field(default_factory=list)
    links: list[str] = field(default_factory=list)
    tags: list[str] = field(default_factory=list)
    teasers: list[Teaser] = field(default_factory=list)
    vendors: list[VendorEntry] = field(default_factory=list)
    url: str | None = None


def author_of(paragraphs: list[str]) -> str | None:
    """Author initials such as ``(sib)`` closing the last body paragraph."""
    if not paragraphs:
        return None
    match = AUTHOR.search(paragraphs[-1])
    return match[1] if match else None


def section_of(heading: str) -> str | None:
    """``Panorama`` from ``… aus dem Bereich Panorama:``."""
    match = SECTION.search(heading)
    return match[1].strip() if match else None


def clean_title(title: str) -> str:
    """A headline without a trailing genre label and with single spaces."""
    return GENRE.sub("", " ".join(title.split()))


def strip_more(text: str) -> str:
    """A teaser text without its trailing ``mehr...`` link."""
    return MORE.sub("", text).strip()


def _dedupe(items: list[str]) -> tuple[str, ...]:
    return tuple(dict.fromkeys(i for i in items if i))


def _main(parts: PageParts, key: str, source: str, reader: str, source_id: str | None) -> Article:
    return Article(
        id=Article.make_id(key, "article", 0), source=source, role="article",
        title=parts.title, text="\n\n".join(parts.paragraphs), published=parts.published,
        author=parts.author, section=parts.section, tags=_dedupe(parts.tags),
        links=_dedupe(parts.links), source_id=source_id, url=parts.url, reader=reader,
    )


def page_documents(
    parts: PageParts, key: str, source: str, reader: str, source_id: str | None = None
) -> list[Article]:
    """The page's documents: main article, teasers (ordinal 0…), vendor listing."""
    main = _main(parts, key, source, reader, source_id)
    docs = [main]
    for ordinal, teaser in enumerate(parts.teasers):
        docs.append(Article(
            id=Article.make_id(key, "teaser", ordinal), source=source, role="teaser",
            title=teaser.title, text="\n\n".join(teaser.paragraphs), published=teaser.published,
            section=parts.section, source_id=source_id, url=parts.url, parent_id=main.id,
            reader=reader, ordinal=ordinal,
        ))
    if parts.vendors:
        title = f"Anbieter im Bereich {parts.section}" if parts.section else "Anbieter"
        docs.append(Article(
            id=Article.make_id(key, "vendor_listing", 0), source=source, role="vendor_listing",
            title=title, vendors=tuple(parts.vendors), section=parts.section, source_id=source_id,
            url=parts.url, parent_id=main.id, reader=reader,
        ))
    return docs
