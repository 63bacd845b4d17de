"""Co-mention counting: which entities are named together, how closely, and where.

Counting happens per *document*: a page's main article, each teaser and the
vendor listing are separate documents, so entities are never paired across
them. Vendor listings carry no prose at all and produce no co-mentions.

Documents are visited most recent first, so each pair's evidence list fills
in the order analysts read it and stops at ``evidence_cap`` without sorting.
Evidence dicts are shared between all pairs quoting the same sentence, which
keeps a 100k-article build within memory.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from itertools import combinations
from typing import Any

from graph.build.evidence import Units, add_unit
from graph.model import Article, DocumentExtraction, Mention

NO_COMENTION_ROLES = frozenset({"vendor_listing"})


@dataclass
class PairStats:
    """Running counts of one unordered entity pair."""

    sentence_count: int = 0
    paragraph_count: int = 0
    document_count: int = 0
    articles: int = 0
    first_seen: str | None = None
    last_seen: str | None = None
    evidence: list[dict[str, Any]] = field(default_factory=list)
    units: Units = None  # source units of the documents naming both (graph.build.evidence)
    sentence_units: Units = None  # ... of the documents naming both in one sentence


@dataclass
class CoMentionCounts:
    """All pairs plus the document frequencies NPMI needs."""

    pairs: dict[tuple[str, str], PairStats] = field(default_factory=dict)
    doc_freq: dict[str, int] = field(default_factory=dict)
    documents: int = 0


def date_order(articles: Iterable[Article]) -> list[Article]:
    """Articles most recent first (undated last), ties by id — the evidence order."""
    by_id = sorted(articles, key=lambda a: a.id)
    return sorted(by_id, key=lambda a: a.published or "", reverse=True)


def _sentence_text(article: Article, doc: DocumentExtraction, m: Mention) -> tuple[str, int, int]:
    if 0 <= m.sentence < len(doc.sentences):
        start, end = doc.sentences[m.sentence]
    else:  # no sentence offsets: quote a window around the mention
        start, end = max(0, m.start - 80), min(len(article.text), m.end + 80)
    return " ".join(article.text[start:end].split()), start, end


class _DocumentIndex:
    """Positions of each entity in one document and its shared evidence dicts."""

    def __init__(self, article: Article, doc: DocumentExtraction) -> None:
        self.article = article
        self.doc = doc
        self.sentences: dict[str, set[int]] = {}
        self.paragraphs: dict[str, set[int]] = {}
        self.first: dict[str, Mention] = {}
        self._quotes: dict[int, dict[str, Any]] = {}
        for m in doc.mentions:
            self.sentences.setdefault(m.entity_id, set()).add(m.sentence)
            self.paragraphs.setdefault(m.entity_id, set()).add(m.paragraph)
            self.first.setdefault(m.entity_id, m)

    def quote(self, a: str, b: str, shared: set[int]) -> dict[str, Any]:
        """Evidence for a pair: the first shared sentence, else the first mention of ``a``."""
        mention = self.first[a]
        key = min(shared) if shared else mention.sentence
        cached = self._quotes.get(key)
        if cached is None:
            if shared:
                mention = next(m for m in self.doc.mentions if m.entity_id == a and m.sentence == key)
            text, start, end = _sentence_text(self.article, self.doc, mention)
            cached = {
                "article_id": self.article.id,
                "published": self.article.published,
                "sentence": text,
                "start": start,
                "end": end,
            }
            self._quotes[key] = cached
        return cached


def count_comentions(
    articles: Sequence[Article],
    extractions: dict[str, DocumentExtraction],
    evidence_cap: int,
    units: dict[str, int] | None = None,
) -> CoMentionCounts:
    """Count every co-mentioned pair at sentence, paragraph and document windows.

    ``articles`` should come from :func:`date_order`; a document whose
    ``content_hash`` was already seen (a duplicate) adds to ``document_count``
    but not to the distinct ``articles`` count. ``units`` maps article ids to
    their source unit (:func:`graph.build.sources.source_units`; missing: 0).
    """
    units = units or {}
    counts = CoMentionCounts()
    seen_hashes: set[str] = set()
    for article in articles:
        doc = extractions.get(article.id)
        if doc is None or article.role in NO_COMENTION_ROLES:
            continue
        distinct = article.content_hash not in seen_hashes
        seen_hashes.add(article.content_hash)
        counts.documents += 1
        index = _DocumentIndex(article, doc)
        ids = sorted(index.sentences)
        for eid in ids:
            counts.doc_freq[eid] = counts.doc_freq.get(eid, 0) + 1
        unit = units.get(article.id, 0)
        for a, b in combinations(ids, 2):
            _add_pair(counts.pairs, index, a, b, distinct, evidence_cap, unit)
    return counts


def _add_pair(
    pairs: dict[tuple[str, str], PairStats],
    index: _DocumentIndex,
    a: str,
    b: str,
    distinct: bool,
    cap: int,
    unit: int,
) -> None:
    stats = pairs.get((a, b))
    if stats is None:
        stats = pairs[(a, b)] = PairStats()
    shared = index.sentences[a] & index.sentences[b]
    stats.sentence_count += len(shared)
    # add_unit inlined for the common cases (first document, same source again): ~1M calls at 100k
    if stats.units is None:
        stats.units = unit
    elif stats.units != unit:
        stats.units = add_unit(stats.units, unit)
    if shared:
        if stats.sentence_units is None:
            stats.sentence_units = unit
        elif stats.sentence_units != unit:
            stats.sentence_units = add_unit(stats.sentence_units, unit)
    stats.paragraph_count += len(index.paragraphs[a] & index.paragraphs[b])
    stats.document_count += 1
    stats.articles += distinct
    day = index.article.published
    if day:
        # documents arrive newest first: the first date seen is the last one
        stats.last_seen = stats.last_seen or day
        stats.first_seen = day
    if len(stats.evidence) < cap:
        stats.evidence.append(index.quote(a, b, shared))


def npmi_lift(joint: int, freq_a: int, freq_b: int, total: int) -> tuple[float, float]:
    """Normalised PMI and lift of two entities over ``total`` documents.

    NPMI is 1 when the two always appear together and near 0 when they are
    independent, so a hub named in every article does not dominate.

    >>> npmi_lift(2, 2, 2, 10)
    (1.0, 5.0)
    >>> npmi_lift(1, 5, 5, 10)
    (-0.39794, 0.4)
    """
    p_ab = joint / total
    lift = p_ab / ((freq_a / total) * (freq_b / total))
    if p_ab >= 1.0:
        return 1.0, round(lift, 6)
    npmi = math.log(lift) / -math.log(p_ab)
    return round(npmi, 6), round(lift, 6)
