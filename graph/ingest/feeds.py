"""Reader for RSS and Atom feeds (feedparser): one article per entry.

Entry HTML (summary or full content) is reduced to paragraphs. The id key of
an entry is its link, else its guid, else the feed's own key plus the entry
position, so a feed fetched again updates its entries in place.
"""

from __future__ import annotations

import io
import re
from collections.abc import Iterator
from typing import Any

import feedparser

from graph.ingest.dates import parse_date
from graph.ingest.failures import InputFailure
from graph.ingest.htmltext import fragment_text
from graph.ingest.publisher import publisher_for
from graph.model import Article

READER = "feed"
_DECLARED = re.compile(r"""^(\s*<\?xml[^>]*?)\s+encoding\s*=\s*["'][^"']*["']""")
_UTF8 = {"content-type": "application/xml; charset=utf-8"}
_ROOT = re.compile(r"<(rss|feed|rdf:RDF)[\s>]", re.IGNORECASE)
_CHAR_REF = re.compile(r"&#(?:[xX]([0-9a-fA-F]{1,8})|([0-9]{1,10}));")


def _legal_char(code: int) -> bool:
    """Whether XML 1.0 allows the character (no NUL and other controls, no surrogates)."""
    return (code in (0x9, 0xA, 0xD) or 0x20 <= code <= 0xD7FF or 0xE000 <= code <= 0xFFFD
            or 0x10000 <= code <= 0x10FFFF)


def legal_references(text: str) -> str:
    """Character references to characters XML forbids replaced by U+FFFD.

    feedparser turns ``&#xD800;`` into a lone surrogate and then fails to encode it,
    losing the whole feed; one bad reference should cost one character.

    >>> legal_references("a&#xD800;b&#228;&#0;")
    'a\ufffdb&#228;\ufffd'
    """
    def fix(match: re.Match[str]) -> str:
        code = int(match[1], 16) if match[1] else int(match[2])
        return match[0] if _legal_char(code) else "\ufffd"
    return _CHAR_REF.sub(fix, text)


def looks_like_feed(text: str) -> bool:
    """True when the document root (within the first 2 KB) is rss, feed or rdf:RDF."""
    head = text[:2048].lstrip("\ufeff \t\r\n")
    return head.startswith("<") and bool(_ROOT.search(head))


def is_truncated(text: str) -> bool:
    """True when the feed's root element is never closed (a download cut short).

    feedparser's lenient parser would still return the entries before the cut and a
    half entry, which a later complete download would then "update".
    """
    root = _ROOT.search(text[:2048])
    if root is None:
        return False
    return re.search(rf"</{re.escape(root[1])}\s*>", text[-4096:], re.IGNORECASE) is None


def _body(entry: Any) -> str:
    contents = entry.get("content") or []
    values = [c.get("value", "") for c in contents if c.get("value")]
    raw = max(values, key=len) if values else entry.get("summary", "")
    return fragment_text(str(raw or ""))


def _published(entry: Any) -> str | None:
    for name in ("published", "updated", "created"):
        if value := parse_date(entry.get(name)):
            return value
    return None


def _entry(entry: Any, index: int, key: str, source: str, site: str | None = None) -> Article | None:
    text = _body(entry)
    title = fragment_text(str(entry.get("title") or "")).replace("\n\n", " ")
    if not text and not title:
        return None
    link = entry.get("link") or None
    link = link if link and str(link).startswith(("http://", "https://")) else None
    entry_key = link or entry.get("id") or None
    tags = [t.get("term", "").strip() for t in entry.get("tags") or [] if t.get("term")]
    return Article(
        id=Article.make_id(entry_key or key, "article", 0 if entry_key else index), source=source,
        title=title, text=text or title, published=_published(entry), author=entry.get("author") or None,
        tags=tuple(dict.fromkeys(tags)), url=link, reader=READER, ordinal=0 if entry_key else index,
        publisher=publisher_for(site, link),  # the feed's site first (docs/ingest.md)
    )


def read_feed(text: str, key: str, source: str) -> Iterator[Article | InputFailure]:
    """The entries of a feed as articles, or a failure when none can be read."""
    if is_truncated(text):
        yield InputFailure(source, None, "the feed is truncated (its root element is never closed)",
                           "download or save the feed again completely", READER)
        return
    # A stream, never a string: feedparser fetches strings that look like URLs. The text is
    # already decoded, so the XML declaration's encoding is dropped and UTF-8 stated instead.
    data = legal_references(_DECLARED.sub(r"\1", text, count=1)).encode("utf-8", "replace")
    try:
        parsed = feedparser.parse(io.BytesIO(data), response_headers=_UTF8)
    except Exception as exc:  # feedparser's lenient parser has its own bugs on broken XML
        yield InputFailure(source, None, f"the feed cannot be parsed ({type(exc).__name__}: {exc})",
                           "check that the file is a complete, well-formed RSS or Atom feed; "
                           "download or save it again", READER)
        return
    count = 0
    site = parsed.feed.get("link") if parsed.get("feed") else None
    for index, entry in enumerate(parsed.entries):
        article = _entry(entry, index, key, source, site)
        if article is not None:
            count += 1
            yield article
    if count == 0:
        problem = f" ({parsed.get('bozo_exception')})" if parsed.get("bozo") else ""
        yield InputFailure(source, None, f"the feed has no readable entries{problem}",
                           "check that the file is a complete RSS or Atom feed", READER)
