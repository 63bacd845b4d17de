"""Reader for HTML news pages: the portal profile when it fits, else trafilatura.

trafilatura finds the main text and the metadata (title, date, author, tags,
canonical URL) of arbitrary news pages; the Kommune21-like layout has a
dedicated profile (:mod:`graph.ingest.portal`) because its teaser list and
vendor box must become separate documents, which a generic extractor cannot
know.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

import trafilatura
from lxml import etree, html

from graph.ingest.dates import parse_date
from graph.ingest.failures import InputFailure
from graph.ingest.portal import is_portal_page, read_portal
from graph.ingest.publisher import publisher_for
from graph.model import Article

READER = "html"
MAX_DEPTH = 256  # libxml2's element nesting limit (without XML_PARSE_HUGE, which is never set here)
_OPEN = re.compile(r"<html[\s>]", re.IGNORECASE)
_CLOSE = re.compile(r"</(html|body)\s*>", re.IGNORECASE)


def looks_like_html(text: str) -> bool:
    """True when the start of ``text`` is HTML markup."""
    head = text[:2048].lstrip("\ufeff \t\r\n").lower()
    return head.startswith(("<!doctype html", "<html", "<head", "<body", "<meta", "<title")) or (
        head.startswith(("<!--", "<?xml")) and "<html" in head
    )


def _is_truncated(text: str) -> bool:
    return bool(_OPEN.search(text[:4096])) and not _CLOSE.search(text[-4096:])


def _paragraphs(text: str, title: str) -> str:
    lines = [" ".join(line.split()) for line in text.split("\n")]
    lines = [line for line in lines if line]
    if lines and title and lines[0] == title:
        lines = lines[1:]
    return "\n\n".join(lines)


def _no_text(source: str, too_deep: bool) -> InputFailure:
    if too_deep:
        return InputFailure(source, None, f"no article text found in the first {MAX_DEPTH} levels of the "
                            "HTML page (it is nested deeper; parsers stop there to stay safe)",
                            "save only the article part of the page, or its text as .txt", READER)
    return InputFailure(source, None, "no article text found in the HTML page",
                        "check that the file is a news article page, not an index or login page", READER)


def _generic(text: str, key: str, source: str, url: str | None,
             too_deep: bool = False) -> Iterator[Article | InputFailure]:
    doc = trafilatura.bare_extraction(text, url=url, with_metadata=True, include_comments=False,
                                      include_tables=False)
    found = doc.as_dict() if doc is not None and hasattr(doc, "as_dict") else (doc or {})
    title = " ".join(str(found.get("title") or "").split())
    body = _paragraphs(str(found.get("text") or ""), title)
    if not body:
        yield _no_text(source, too_deep)
        return
    page_url = found.get("url") or url
    tags = [*(found.get("tags") or []), *(found.get("categories") or [])]
    yield Article(
        id=Article.make_id(page_url or key, "article", 0), source=source, title=title, text=body,
        published=parse_date(found.get("date")), author=found.get("author") or None,
        tags=tuple(dict.fromkeys(t.strip() for t in tags if t and t.strip())), url=page_url,
        reader=READER, publisher=publisher_for(page_url, found.get("sitename")),
    )


def read_html(text: str, key: str, source: str, url: str | None = None) -> Iterator[Article | InputFailure]:
    """The documents of one HTML page, or a failure saying why there are none."""
    if _is_truncated(text):
        yield InputFailure(source, None, "the HTML page is truncated (no closing </body> or </html>)",
                           "download or save the page again completely", READER)
        return
    parser = html.HTMLParser()
    try:
        root = html.fromstring(text, parser=parser)
    except (etree.ParserError, ValueError) as exc:
        yield InputFailure(source, None, f"the HTML cannot be parsed ({exc})",
                           "save the page again from the browser", READER)
        return
    too_deep = any("Excessive depth" in str(e.message) for e in parser.error_log)
    if is_portal_page(root):
        yield from read_portal(root, key, source)
    else:
        yield from _generic(text, key, source, url, too_deep)
