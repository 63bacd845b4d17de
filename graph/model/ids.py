"""Deterministic content-hash identifiers.

Ids are derived from content, never from counters or clocks, so re-running the
pipeline on the same input yields byte-identical output.

>>> stable_id("a", "kommune21", "seed.txt", 0)
'a_b7354aa888c6ceb2'
>>> stable_id("a", "kommune21", "seed.txt", 0) == stable_id("a", "kommune21", "seed.txt", 0)
True
"""

from __future__ import annotations

import hashlib
import unicodedata
from functools import lru_cache

ID_HEX_CHARS = 16


def digest(*parts: object, length: int = ID_HEX_CHARS) -> str:
    """Hash the string forms of ``parts`` (joined by a unit separator)."""
    joined = "\x1f".join("" if p is None else str(p) for p in parts)
    return hashlib.blake2b(joined.encode("utf-8"), digest_size=16).hexdigest()[:length]


def stable_id(prefix: str, *parts: object) -> str:
    """Return ``prefix_<hash>`` for the given parts."""
    return f"{prefix}_{digest(*parts)}"


@lru_cache(maxsize=65536)
def fold(text: str) -> str:
    """Fold a name for matching: NFKC, casefold, umlauts and ß spelled out.

    >>> fold("Grün Straße")
    'gruen strasse'
    """
    text = unicodedata.normalize("NFKC", text).casefold()
    for src, dst in (("ä", "ae"), ("ö", "oe"), ("ü", "ue"), ("ß", "ss")):
        text = text.replace(src, dst)
    return " ".join(text.split())


@lru_cache(maxsize=65536)
def entity_id(entity_type: str, key: str) -> str:
    """Id of a resolved entity: its type plus a folded key (AGS, or name)."""
    return stable_id("e", entity_type, fold(key))


def content_hash(text: str) -> str:
    """Hash of a document's normalised text (for change and duplicate detection)."""
    return digest(" ".join(text.split()), length=32)
