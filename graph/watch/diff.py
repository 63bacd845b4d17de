"""What changed between two graph snapshots, within a watchlist's scope.

Four kinds of change, each keyed by a content hash (:attr:`Change.key`) that does not depend
on the snapshots compared, so a feed reader sees one item once however often it is reported:

* a new actor (an entity id the older snapshot lacks);
* a new tie (an entity–entity edge id the older snapshot lacks), with its evidence level and
  the sentences and articles behind it;
* a tie whose ``evidence_level`` rose (article < sentence < stated < corroborated);
* an ended office (a ``HOLDS_ROLE`` edge whose ``status`` became ``ended`` or that gained an
  ``end_date``).

A property the older snapshot's tables do not have at all (it was built before that property
existed) is never read as "changed": otherwise the first report after an upgrade would list every
tie as risen and every known end date as new.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import asdict, dataclass, field, replace
from typing import Any

from graph.model import Edge, GraphData, Node
from graph.model.graphdata import level_rank
from graph.model.ids import digest
from graph.watch.snapshots import SnapshotRef
from graph.watch.watchlist import Watchlist

EVIDENCE_SHOWN = 3  # evidence records per tie in a report (most recent first)


@dataclass(frozen=True)
class EvidenceItem:
    """One sentence behind a tie and the article it comes from."""

    sentence: str
    article_id: str
    title: str = ""
    published: str = ""
    publisher: str = ""
    url: str = ""


@dataclass(frozen=True)
class Change:
    """One reported change; ``kind`` is ``new_actor``, ``new_tie``, ``level_rose`` or ``office_ended``."""

    kind: str
    key: str
    title: str
    subject: str  # entity id, or edge id for ties and offices
    source: str = ""
    source_name: str = ""
    target: str = ""
    target_name: str = ""
    edge_type: str = ""
    role: str = ""
    level: str = ""
    old_level: str = ""
    independent_sources: int | None = None
    status: str = ""
    old_status: str = ""
    end_date: str = ""
    details: dict[str, Any] = field(default_factory=dict)
    evidence: tuple[EvidenceItem, ...] = ()

    def to_dict(self) -> dict[str, Any]:
        """JSON form (empty strings and ``None`` left out)."""
        data = asdict(self)
        data["evidence"] = [asdict(e) for e in self.evidence]
        return {k: v for k, v in data.items() if v not in ("", None, {}, [])}


@dataclass
class Changes:
    """A report: the compared snapshots, the scope and the changes by kind."""

    old: SnapshotRef | None
    new: SnapshotRef
    scope: str
    new_actors: list[Change] = field(default_factory=list)
    new_ties: list[Change] = field(default_factory=list)
    level_rises: list[Change] = field(default_factory=list)
    ended_offices: list[Change] = field(default_factory=list)

    def all(self) -> list[Change]:
        """Every change, in report order."""
        return [*self.new_actors, *self.new_ties, *self.level_rises, *self.ended_offices]

    def counts(self) -> dict[str, int]:
        """Number of changes per section."""
        return {"new_actors": len(self.new_actors), "new_ties": len(self.new_ties),
                "level_rises": len(self.level_rises), "ended_offices": len(self.ended_offices)}

    def to_dict(self) -> dict[str, Any]:
        """JSON form of the whole report."""
        return {"old": self.old.to_dict() if self.old else None, "new": self.new.to_dict(),
                "scope": self.scope, "counts": self.counts(),
                **{name: [c.to_dict() for c in getattr(self, name)] for name in self.counts()}}


def _entities(graph: GraphData) -> dict[str, Node]:
    return {n.id: n for n in graph.nodes if n.label == "Entity"}


def _ties(graph: GraphData, entities: dict[str, Node]) -> dict[str, Edge]:
    """Entity–entity edges by id."""
    return {e.id: e for e in graph.edges if e.source in entities and e.target in entities}


def _has_column(graph: GraphData, table: str, prop: str) -> bool:
    """Whether the snapshot's ``table`` declares ``prop`` (an empty older side declares everything)."""
    columns = graph.meta.get("columns")
    return columns is None or prop in columns.get(table, ())


def _articles(graph: GraphData) -> dict[str, Node]:
    """Article nodes by id; a snapshot built before publishers were recorded shows each article's source."""
    known = _has_column(graph, "Article", "publisher")
    return {n.id: n if known else replace(n, props={**n.props, "publisher": n.props.get("source")})
            for n in graph.nodes if n.label == "Article"}


def _name(entities: dict[str, Node], entity_id: str) -> str:
    node = entities.get(entity_id)
    return str(node.props.get("name") or entity_id) if node else entity_id


def _records(edge: Edge) -> list[dict[str, Any]]:
    """The edge's evidence list (stores decode it; a graph fresh from a writer may hold the JSON text)."""
    raw = edge.props.get("evidence") or []
    return list(json.loads(raw) if isinstance(raw, str) else raw)


def _evidence(edge: Edge, articles: dict[str, Node]) -> tuple[EvidenceItem, ...]:
    items = []
    for record in _records(edge)[:EVIDENCE_SHOWN]:
        art = articles.get(str(record.get("article_id")))
        props = art.props if art else {}
        items.append(EvidenceItem(
            sentence=str(record.get("sentence") or ""), article_id=str(record.get("article_id") or ""),
            title=str(props.get("title") or ""),
            published=str(record.get("published") or props.get("published") or ""),
            publisher=str(props.get("publisher") or ""),
            url=str(props.get("url") or "")))
    return tuple(items)


def _actor(node: Node) -> Change:
    p = node.props
    return Change("new_actor", digest("watch", "actor", node.id), f"New actor: {p.get('name') or node.id}",
                  node.id,
                  details={k: p[k] for k in ("type", "kind", "land", "articles", "first_seen") if p.get(k)},
                  source=node.id, source_name=str(p.get("name") or node.id))


def _tie_change(kind: str, edge: Edge, old: Edge | None, entities: dict[str, Node],
                articles: dict[str, Node]) -> Change:
    a, b = _name(entities, edge.source), _name(entities, edge.target)
    level = str(edge.props.get("evidence_level") or "")
    old_level = str(old.props.get("evidence_level") or "") if old else ""
    role = str(edge.props.get("role") or "")
    what = f"{edge.type}{' ' + role if role else ''}"
    if kind == "new_tie":
        key = digest("watch", "tie", edge.id)
        title = f"New tie: {a} — {b} ({what}{', ' + level if level else ''})"
    else:
        key = digest("watch", "rise", edge.id, level)
        title = f"Stronger tie: {a} — {b} ({what}, {old_level} → {level})"
    sources = edge.props.get("independent_sources")
    details = {k: edge.props[k] for k in ("articles", "first_seen", "last_seen") if edge.props.get(k)}
    return Change(kind, key, title, edge.id, edge.source, a, edge.target, b, edge.type, role, level,
                  old_level, int(sources) if sources is not None else None, details=details,
                  evidence=_evidence(edge, articles))


def _office(edge: Edge, old: Edge, entities: dict[str, Node], articles: dict[str, Node]) -> Change:
    a, b = _name(entities, edge.source), _name(entities, edge.target)
    role = str(edge.props.get("role") or "")
    end = str(edge.props.get("end_date") or "")
    status = str(edge.props.get("status") or "")
    title = f"Office ended: {a}, {role or 'role'} at {b}{' (until ' + end + ')' if end else ''}"
    key = digest("watch", "ended", edge.id, end, status)
    return Change("office_ended", key, title, edge.id, edge.source, a, edge.target, b, edge.type, role,
                  status=status, old_status=str(old.props.get("status") or ""), end_date=end,
                  evidence=_evidence(edge, articles))


def _ended(old: Edge, new: Edge, old_graph: GraphData) -> bool:
    """Whether ``new`` ended an office ``old`` still had open (only for properties the old side knew)."""
    became_ended = (_has_column(old_graph, "HOLDS_ROLE", "status") and new.props.get("status") == "ended"
                    and old.props.get("status") != "ended")
    gained_end = (_has_column(old_graph, "HOLDS_ROLE", "end_date") and bool(new.props.get("end_date"))
                  and not old.props.get("end_date"))
    return became_ended or gained_end


def _rose(old: Edge, new: Edge) -> bool:
    """Whether the tie's level went up (a tie without a level before has nothing to rise from)."""
    before = old.props.get("evidence_level")
    return bool(before) and level_rank(new.props.get("evidence_level")) > level_rank(before)


def _in_scope(edge: Edge, entities: dict[str, Node], watchlist: Watchlist) -> bool:
    return any(watchlist.matches(i, entities[i].props) for i in (edge.source, edge.target) if i in entities)


def _sort(changes: Iterable[Change]) -> list[Change]:
    return sorted(changes, key=lambda c: (-level_rank(c.level), c.edge_type, c.source_name.casefold(),
                                          c.target_name.casefold(), c.subject))


def compare(old: GraphData, new: GraphData, watchlist: Watchlist, old_ref: SnapshotRef | None,
            new_ref: SnapshotRef) -> Changes:
    """The changes from ``old`` to ``new`` that touch the watchlist (a tie: either end watched)."""
    old_entities, new_entities = _entities(old), _entities(new)
    articles = _articles(new)
    old_ties, new_ties = _ties(old, old_entities), _ties(new, new_entities)
    report = Changes(old_ref, new_ref, watchlist.describe())
    report.new_actors = sorted((_actor(n) for i, n in new_entities.items()
                                if i not in old_entities and watchlist.matches(i, n.props)),
                               key=lambda c: (c.source_name.casefold(), c.subject))
    rises, ended, fresh = [], [], []
    level_known = _has_column(old, "CO_MENTIONED", "evidence_level")
    for edge_id, edge in new_ties.items():
        if not _in_scope(edge, new_entities, watchlist):
            continue
        before = old_ties.get(edge_id)
        if before is None:
            fresh.append(_tie_change("new_tie", edge, None, new_entities, articles))
            continue
        if level_known and _rose(before, edge):
            rises.append(_tie_change("level_rose", edge, before, new_entities, articles))
        if edge.type == "HOLDS_ROLE" and _ended(before, edge, old):
            ended.append(_office(edge, before, new_entities, articles))
    report.new_ties, report.level_rises, report.ended_offices = _sort(fresh), _sort(rises), _sort(ended)
    return report
