"""Typed edges: who is mentioned where, stated relations, and article topics."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from graph.build.evidence import Units, add_unit, tally_props
from graph.build.offices import OfficeTrack, add_office, link_successions, office_props
from graph.model import Article, DocumentExtraction, Edge, Node, Relation, RelationType, fold, stable_id

# Relation types aggregated by :func:`relation_edges`; SUCCEEDS only names predecessors on
# offices, SAID_ABOUT has its own edges (graph/build/statements.py).
_AGGREGATED = frozenset({RelationType.HOLDS_ROLE, RelationType.AFFILIATED_WITH, RelationType.LOCATED_IN,
                         RelationType.CONTRACTS_WITH})


def topic_id(tag: str) -> str:
    """Id of the topic node of a tag (case and umlaut spelling do not matter).

    >>> topic_id("Panorama") == topic_id("PANORAMA")
    True
    """
    return stable_id("t", fold(tag))


def mention_edges(
    articles: Sequence[Article], extractions: dict[str, DocumentExtraction], known: set[str]
) -> list[Edge]:
    """One ``MENTIONS`` edge per article and entity, with the count and character offsets."""
    edges: list[Edge] = []
    for article in articles:
        doc = extractions.get(article.id)
        if doc is None:
            continue
        spans: dict[str, list[list[int]]] = {}
        for m in doc.mentions:
            if m.entity_id in known:
                spans.setdefault(m.entity_id, []).append([m.start, m.end])
        for eid, offsets in spans.items():
            offsets.sort()
            edges.append(
                Edge(
                    "MENTIONS",
                    article.id,
                    eid,
                    {
                        "count": len(offsets),
                        "offsets": offsets,
                        "weight": float(len(offsets)),
                    },
                )
            )
    return edges


def topic_nodes_and_edges(articles: Sequence[Article]) -> tuple[list[Node], list[Edge]]:
    """Topic nodes from tags (name: the alphabetically first spelling) and ``TAGGED`` edges."""
    names: dict[str, str] = {}
    edges: list[Edge] = []
    for article in articles:
        for tid, tag in sorted({(topic_id(t), t.strip()) for t in article.tags if t.strip()}):
            names[tid] = min(names.get(tid, tag), tag)
            edges.append(Edge("TAGGED", article.id, tid, {}))
    nodes = [Node("Topic", tid, {"id": tid, "name": name}) for tid, name in names.items()]
    return nodes, edges


@dataclass
class _RelationStats:
    count: int = 0
    article_ids: set[str] = field(default_factory=set)
    first_seen: str | None = None
    last_seen: str | None = None
    evidence: list[dict[str, Any]] = field(default_factory=list)
    units: Units = None
    office: OfficeTrack | None = None  # HOLDS_ROLE only


def relation_edges(
    dated_articles: Sequence[Article],
    extractions: dict[str, DocumentExtraction],
    known: set[str],
    evidence_cap: int,
    units: dict[str, int] | None = None,
) -> list[Edge]:
    """Stated relation edges (HOLDS_ROLE, AFFILIATED_WITH, LOCATED_IN, CONTRACTS_WITH) over articles.

    ``dated_articles`` must be most recent first (see ``cooccur.date_order``)
    so that evidence is capped to the newest quotes. Each edge is ``stated``,
    or ``corroborated`` when documents of two source ``units`` state it.
    ``HOLDS_ROLE`` edges carry their office in time (``start_date`` …
    ``successor``, see :mod:`graph.build.offices`).
    """
    units = units or {}
    stats: dict[tuple[str, str, str, str | None], _RelationStats] = {}
    docs = []
    for article in dated_articles:
        doc = extractions.get(article.id)
        if doc is None:
            continue
        docs.append(doc)
        for rel in doc.relations:
            if (rel.type in _AGGREGATED and rel.source in known and rel.target in known
                    and rel.source != rel.target):
                _add_relation(stats, article, rel, evidence_cap, units.get(article.id, 0))
    link_successions(docs, {k: s.office for k, s in stats.items() if s.office is not None})
    return [_relation_edge(key, s) for key, s in stats.items()]


def _add_relation(
    stats: dict[tuple[str, str, str, str | None], _RelationStats], article: Article, rel: Relation, cap: int,
    unit: int,
) -> None:
    role = rel.role if rel.type == "HOLDS_ROLE" else None
    key = (str(rel.type), rel.source, rel.target, role)
    s = stats.setdefault(key, _RelationStats())
    s.count += 1
    s.units = add_unit(s.units, unit)
    s.article_ids.add(article.id)
    day = rel.evidence.published or article.published
    if day:
        s.first_seen = min(s.first_seen or day, day)
        s.last_seen = max(s.last_seen or day, day)
    ev = rel.evidence
    quote = {"article_id": ev.article_id or article.id, "published": day, "sentence": ev.sentence,
             "start": ev.start, "end": ev.end}
    if len(s.evidence) < cap:
        s.evidence.append(quote)
    if rel.type is RelationType.HOLDS_ROLE:
        s.office = s.office or OfficeTrack()
        add_office(s.office, rel, day, quote)


def _relation_edge(key: tuple[str, str, str, str | None], s: _RelationStats) -> Edge:
    etype, source, target, role = key
    props = tally_props(s)
    if role is not None or etype == "HOLDS_ROLE":
        props["role"] = role
    if s.office is not None:
        props.update(office_props(s.office))
    return Edge(etype, source, target, props)  # type: ignore[arg-type]
