"""Reprints: documents that carry one text, whoever published them.

A press release reprinted by three portals with a new lead-in or a shortened
last paragraph is one source, not three. The corpus store links only
near-identical copies (rapidfuzz ratio >= 95 over the whole text, lengths
within 5 %), which misses exactly those small edits, and its links depend on
the order of ingestion. The build therefore groups reprints itself, from the
texts alone, so the same documents always give the same groups.

Two documents are copies of one text when they share at least
``MIN_SHARED`` sentences of at least ``MIN_SENTENCE_CHARS`` characters
(compared case-folded, without punctuation) and the shared sentences make up
at least ``MIN_CONTAINMENT`` of the shorter document's sentences. Groups are
the connected components of that relation. A sentence found in more than
``MAX_POSTINGS`` documents is boilerplate (a standard company description,
a cookie notice) and is not compared; so a release reprinted by more than
that many outlets of one corpus is grouped only through its other sentences.
"""

from __future__ import annotations

import hashlib
from collections import Counter
from collections.abc import Sequence
from itertools import combinations

from graph.model import Article, DocumentExtraction

MIN_SENTENCE_CHARS = 40
MIN_SHARED = 2
MIN_CONTAINMENT = 0.5
MAX_POSTINGS = 30
_DROP = str.maketrans("", "", ".,;:!?\"'„“”‚‘’«»()[]–—-/")
PROSE_ROLES = frozenset({"article", "teaser"})


def _key(sentence: str) -> bytes | None:
    norm = " ".join(sentence.casefold().translate(_DROP).split())
    if len(norm) < MIN_SENTENCE_CHARS:
        return None
    return hashlib.blake2b(norm.encode("utf-8"), digest_size=8).digest()


def sentence_keys(article: Article, doc: DocumentExtraction | None) -> set[bytes]:
    """Digests of the document's long sentences (its paragraphs when no sentence offsets exist)."""
    text = article.text
    spans = doc.sentences if doc is not None else ()
    parts = [text[a:b] for a, b in spans] if spans else text.split("\n\n")
    return {k for k in map(_key, parts) if k is not None}


class _Groups:
    """Union-find over document positions; the representative is the smallest position."""

    def __init__(self, n: int) -> None:
        self.parent = list(range(n))

    def find(self, i: int) -> int:
        while self.parent[i] != i:
            self.parent[i] = self.parent[self.parent[i]]
            i = self.parent[i]
        return i

    def union(self, i: int, j: int) -> None:
        a, b = self.find(i), self.find(j)
        if a != b:
            self.parent[max(a, b)] = min(a, b)


def reprint_groups(
    articles: Sequence[Article], extractions: dict[str, DocumentExtraction]
) -> dict[str, str]:
    """Article id → id of its group (the smallest member id), for documents that have copies.

    Documents without a copy are left out. Only prose documents (articles and
    teasers) are compared; vendor listings carry addresses, not statements.
    """
    docs = sorted((a for a in articles if a.role in PROSE_ROLES), key=lambda a: a.id)
    keys = [sentence_keys(a, extractions.get(a.id)) for a in docs]
    postings: dict[bytes, list[int]] = {}
    for i, ks in enumerate(keys):
        for k in ks:
            postings.setdefault(k, []).append(i)
    shared: dict[tuple[int, int], int] = {}
    for members in postings.values():
        if 1 < len(members) <= MAX_POSTINGS:
            for pair in combinations(members, 2):
                shared[pair] = shared.get(pair, 0) + 1
    groups = _Groups(len(docs))
    for (i, j), n in shared.items():
        if n >= MIN_SHARED and n >= MIN_CONTAINMENT * min(len(keys[i]), len(keys[j])):
            groups.union(i, j)
    roots = [groups.find(i) for i in range(len(docs))]
    sizes = Counter(roots)
    return {a.id: docs[r].id for a, r in zip(docs, roots, strict=True) if sizes[r] > 1}
