"""HTML profile for the Kommune21-like portal layout (see ``docs/ingest.md``).

Recognised by ``<meta property="og:site_name" content="Kommune21">`` together
with an article block: ``div.artikel`` (classic layout) or ``article`` (newer
layout with ``p.kicker``, ``time``, ``span.author``, ``div.article-body`` and
``div.tags``). The profile reads the same fields as
the capture reader (headline, ``[d.m.yyyy]`` date, body, author initials,
links, ``Stichwörter``, section, teasers, vendor box) from the markup and
hands them to :func:`graph.ingest.page.page_documents`, so a page saved as
HTML and the same page captured as text become the same documents.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from lxml import html

from graph.ingest.dates import parse_date
from graph.ingest.htmltext import element_text
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

READER = "kommune21_html"
_POSTAL = re.compile(r"^(?:D-)?(\d{5})\s+(\S.*)$")
_TAGS_PREFIX = re.compile(r"^\s*Stichw(?:ö|oe)rter?\s*:\s*", re.IGNORECASE)


def _cls(name: str) -> str:
    """XPath predicate matching one class among several."""
    return f"contains(concat(' ', normalize-space(@class), ' '), ' {name} ')"


def _text(element: html.HtmlElement | None) -> str:
    return " ".join(element.text_content().split()) if element is not None else ""


def _first(root: html.HtmlElement, xpath: str) -> html.HtmlElement | None:
    found = root.xpath(xpath)
    return found[0] if found else None


def _container(root: html.HtmlElement) -> html.HtmlElement | None:
    classic = _first(root, f"//div[{_cls('artikel')}]")
    return classic if classic is not None else _first(root, "//article")


def is_portal_page(root: html.HtmlElement) -> bool:
    """True for pages of the Kommune21-like layout."""
    site = " ".join(root.xpath("//meta[@property='og:site_name']/@content")).casefold()
    return "kommune21" in site and _container(root) is not None


def _meta(root: html.HtmlElement, prop: str) -> str:
    found = root.xpath(f"//meta[@property='{prop}']/@content")
    return str(found[0]).strip() if found else ""


def _drop(element: html.HtmlElement, xpath: str) -> None:
    for node in element.xpath(xpath):
        node.drop_tree()


def _paragraphs(article: html.HtmlElement) -> list[str]:
    paragraphs = []
    for p in article.xpath(f".//div[{_cls('text')} or {_cls('article-body')}]//p"):
        _drop(p, f".//*[{_cls('datum')}]")
        text = element_text(p)
        if text and not BOILERPLATE.match(text):
            paragraphs.append(text)
    return paragraphs


def _links(article: html.HtmlElement) -> list[str]:
    hrefs = article.xpath(f".//div[{_cls('links')}]//a/@href")
    return [str(h).strip() for h in hrefs if str(h).startswith(("http://", "https://"))]


def _tags(article: html.HtmlElement) -> list[str]:
    box = _first(article, f".//*[{_cls('stichwoerter')} or {_cls('tags')}]")
    if box is None:
        return []
    anchors = [_text(a) for a in box.xpath(".//a")]
    if anchors:
        return [a for a in anchors if a]
    return [t.strip() for t in _TAGS_PREFIX.sub("", _text(box)).split(",") if t.strip()]


def _teaser(item: html.HtmlElement) -> Teaser:
    head = _first(item, ".//h3")
    head = head if head is not None else _first(item, ".//h2")
    if head is not None:
        _drop(head, f".//*[{_cls('typ')}]")
    body = _first(item, f".//p[{_cls('teaser')}]")
    published = parse_date(_text(_first(body, f".//*[{_cls('datum')}]"))) if body is not None else None
    paragraphs = []
    if body is not None:
        _drop(body, f".//*[{_cls('datum')}]")
        paragraphs.append(strip_more(_text(body)))
    paragraphs += [_text(c) for c in item.xpath(f".//*[{_cls('bildunterschrift')}]")]
    return Teaser(clean_title(_text(head)), published, [p for p in paragraphs if p])


def _vendors(root: html.HtmlElement) -> list[VendorEntry]:
    rows = []
    for firm in root.xpath(f"//div[{_cls('anbieter')}]//*[{_cls('firma')}]"):
        name = _text(_first(firm, f".//*[{_cls('name')}]"))
        place = _POSTAL.match(_text(_first(firm, f".//*[{_cls('ort')}]")))
        if name:
            rows.append(VendorEntry(name, place[1] if place else None, place[2] if place else None))
    return rows


def _section(root: html.HtmlElement, article: html.HtmlElement) -> str | None:
    for heading in root.xpath(f"//div[{_cls('weitere')} or {_cls('anbieter')}]//h2"):
        if section := section_of(_text(heading)):
            return section
    return _meta(root, "article:section") or _text(_first(article, f".//*[{_cls('rubrik')}]")) or None


def _title(article: html.HtmlElement) -> str:
    """The headline; a kicker line above it ("Kreis Euskirchen") becomes its prefix."""
    title = _text(_first(article, ".//h1"))
    kicker = _text(_first(article, f".//*[{_cls('kicker')}]"))
    return f"{kicker}: {title}" if kicker and not title.startswith(kicker) else title


def _published(root: html.HtmlElement, article: html.HtmlElement) -> str | None:
    return (parse_date(_text(_first(article, f".//*[{_cls('datum')}]")))
            or parse_date(" ".join(article.xpath(".//time/@datetime")))
            or parse_date(_meta(root, "article:published_time")))


def _author(article: html.HtmlElement, paragraphs: list[str]) -> str | None:
    named = _text(_first(article, f".//*[{_cls('author')}]"))
    return named or author_of(paragraphs)


def _url(root: html.HtmlElement) -> str | None:
    found = root.xpath("//meta[@property='og:url']/@content") or root.xpath("//link[@rel='canonical']/@href")
    return str(found[0]) if found else None


def parse_portal(root: html.HtmlElement) -> PageParts:
    """The parts of a portal page (call only when :func:`is_portal_page` holds)."""
    article = _container(root)
    assert article is not None
    parts = PageParts(title=_title(article), published=_published(root, article),
                      section=_section(root, article), links=_links(article), tags=_tags(article),
                      url=_url(root))
    parts.paragraphs = _paragraphs(article)
    parts.author = _author(article, parts.paragraphs)
    parts.teasers = [_teaser(m) for m in root.xpath(f"//div[{_cls('weitere')}]//div[{_cls('meldung')}]")]
    parts.vendors = _vendors(root)
    return parts


def read_portal(root: html.HtmlElement, key: str, source: str, source_id: str | None = None
                ) -> Iterator[Article]:
    """The documents of one portal page."""
    parts = parse_portal(root)
    yield from page_documents(parts, parts.url or key, source, READER, source_id)
