"""The evidence ladder: how strongly each tie between two actors is backed.

Every entity–entity edge gets an ``evidence_level`` (weakest first):

* ``article`` — the two are named in the same document, never in one sentence;
* ``sentence`` — they are named in one sentence of at least one document;
* ``stated`` — a relation is stated (holds office at, works for, located in);
* ``corroborated`` — sentence-level or stated in at least two independent sources;

and ``independent_sources``: how many independent sources back the edge *at
its level* — for ``article`` all documents naming both, for ``sentence`` and
a co-mention's ``corroborated`` the documents naming both in one sentence,
for stated and their ``corroborated`` the documents stating the relation.
Sources are counted as units (:func:`graph.build.sources.source_units`):
a publisher, or one reprinted text however many outlets carried it.

Units are collected as an ``int`` while an edge has one (most edges) and as a
``set`` from the second on, which keeps a 100k-article build's memory flat.
"""

from __future__ import annotations

from typing import Any, Protocol

from graph.model.graphdata import EvidenceLevel

Units = int | set[int] | None
CORROBORATING_SOURCES = 2


def add_unit(units: Units, unit: int) -> Units:
    """``units`` with ``unit`` added (an int stays an int while it is the only one).

    >>> add_unit(add_unit(add_unit(None, 3), 3), 5) == {3, 5}
    True
    """
    if units is None or units == unit:
        return unit
    if isinstance(units, int):
        return {units, unit}
    units.add(unit)
    return units


def count_units(units: Units) -> int:
    """How many distinct units were added."""
    if units is None:
        return 0
    return 1 if isinstance(units, int) else len(units)


def comention_level(sentence_count: int, doc_units: Units, sentence_units: Units) -> dict[str, Any]:
    """Level and independent sources of a co-mention.

    >>> comention_level(0, {1, 2}, None)
    {'evidence_level': 'article', 'independent_sources': 2}
    >>> comention_level(3, {1, 2}, 1)
    {'evidence_level': 'sentence', 'independent_sources': 1}
    >>> comention_level(3, {1, 2}, {1, 2})
    {'evidence_level': 'corroborated', 'independent_sources': 2}
    """
    if sentence_count <= 0:
        return _level("article", count_units(doc_units))
    n = count_units(sentence_units)
    return _level("corroborated" if n >= CORROBORATING_SOURCES else "sentence", n)


def stated_level(units: Units) -> dict[str, Any]:
    """Level and independent sources of a stated relation.

    >>> stated_level(4)
    {'evidence_level': 'stated', 'independent_sources': 1}
    """
    n = count_units(units)
    return _level("corroborated" if n >= CORROBORATING_SOURCES else "stated", n)


def _level(level: EvidenceLevel, sources: int) -> dict[str, Any]:
    return {"evidence_level": level, "independent_sources": sources}


class Tally(Protocol):
    """What a relation or statement record counts over the articles that state it."""

    count: int
    article_ids: set[str]
    first_seen: str | None
    last_seen: str | None
    evidence: list[dict[str, Any]]
    units: Units


def tally_props(s: Tally) -> dict[str, Any]:
    """The properties every stated edge carries: counts, dates, capped quotes and its evidence level.

    One place for relation and statement edges, so that both answer the same filters and exports.
    """
    return {"count": s.count, "articles": len(s.article_ids), "weight": float(len(s.article_ids)),
            "first_seen": s.first_seen, "last_seen": s.last_seen, "evidence": s.evidence,
            **stated_level(s.units)}
