"""Checks on XML and HTML text before any parser sees it.

Entity declarations are the door to "billion laughs" (entities that expand to
gigabytes) and XXE (entities that pull in local files or URLs). The parsers
used here would not expand or fetch them today (expat's amplification limit,
feedparser's and lxml's settings), but that depends on library versions and
flags; news feeds and pages never need their own entities, so a document that
declares any is refused before parsing, with one clear failure.

>>> declares_entities('<!DOCTYPE rss [<!ENTITY x SYSTEM "file:///etc/passwd">]><rss/>')
True
>>> declares_entities("<rss><item><title>&amp; &lt;!ENTITY</title></item></rss>")
False
"""

from __future__ import annotations

import re

_ENTITY_DECLARATION = re.compile(r"<!ENTITY[\s%]", re.IGNORECASE)
MESSAGE = "the file declares XML entities (<!ENTITY …>), which skg never expands or fetches"
HINT = "remove the DOCTYPE block with the entity declarations; news feeds and pages do not need it"


def declares_entities(text: str) -> bool:
    """True when ``text`` holds an entity declaration (an escaped ``&lt;!ENTITY`` does not count)."""
    return bool(_ENTITY_DECLARATION.search(text))
