"""Read methods shared by every backend, written once over common-dialect Cypher.

A backend supplies :meth:`CypherReader._rows` (run one of the fixed queries of
:mod:`graph.store.cypher` and return dict rows); everything else — ordering,
filters, path search — happens here, so both backends answer identically.
"""

from __future__ import annotations

from abc import abstractmethod
from typing import Any

import networkx as nx

from graph.model.graphdata import EDGE_TYPES, NODE_LABELS, Edge, EdgeType, GraphData
from graph.store import cypher
from graph.store.base import GraphStore, SubgraphFilter
from graph.store.filtering import apply_filter
from graph.store.rows import decode_props, edge_from_row, gc_paused, node_from_row, plain, sorted_graph
from graph.store.schema import ENTITY_EDGE_TYPES, NODE_SCHEMA
from graph.store.timeline import roll_up

EGO_FETCH_MAX = 1000  # above this many ego nodes, scanning the entity graph once is faster


class CypherReader(GraphStore):
    """Implements the read side of :class:`GraphStore` on top of ``_rows``."""

    @abstractmethod
    def _rows(self, query: str, params: dict[str, Any] | None = None) -> list[dict[str, Any]]:
        """Run one trusted query (from :mod:`graph.store.cypher`) and return its rows."""

    def _has_graph(self) -> bool:
        return self.snapshot_id() is not None

    def entity(self, entity_id: str) -> dict[str, Any] | None:
        """One entity's properties (``id`` included), or ``None``."""
        if not self._has_graph():
            return None
        rows = self._rows(cypher.entity_by_id(), {"id": entity_id})
        if not rows:
            return None
        return {"id": rows[0]["id"], **decode_props(rows[0], NODE_SCHEMA["Entity"])}

    def _edges_of(self, entity_id: str, edge_types: tuple[str, ...]) -> list[Edge]:
        edges = []
        for edge_type in ENTITY_EDGE_TYPES:
            if edge_types and edge_type not in edge_types:
                continue
            for end in ("a", "b"):
                for row in self._rows(cypher.entity_edges(edge_type, end), {"id": entity_id}):
                    edges.append(edge_from_row(edge_type, row))
        return edges

    def neighbours(
        self, entity_id: str, edge_types: tuple[str, ...] = (), limit: int = 50
    ) -> list[dict[str, Any]]:
        """Linked entities, strongest edge first (weight, then articles, then ids)."""
        if not self._has_graph():
            return []
        found = []
        for edge in self._edges_of(entity_id, edge_types):
            other = edge.target if edge.source == entity_id else edge.source
            found.append((edge, other))
        found.sort(key=lambda p: (-float(p[0].props.get("weight") or 0),
                                  -int(p[0].props.get("articles") or 0), p[1], p[0].type, p[0].id))
        result = []
        for edge, other in found[:limit]:
            result.append({"entity": self.entity(other),
                           "edge": {"type": edge.type, "source": edge.source, "target": edge.target,
                                    "id": edge.id, **edge.props}})
        return result

    def load(self) -> GraphData:
        """Every node and relationship, in canonical order."""
        sid = self.snapshot_id()
        if sid is None:
            return GraphData()
        with gc_paused():
            nodes = [node_from_row(label, row) for label in NODE_LABELS
                     for row in self._rows(cypher.node_rows(label))]
            edges = [edge_from_row(t, row) for t in EDGE_TYPES for row in self._rows(cypher.edge_rows(t))]
            return sorted_graph(nodes, edges, sid)

    def _entity_graph(self, light: bool = False) -> GraphData:
        with gc_paused():
            nodes = self._rows(cypher.node_rows("Entity"))
            edges = [(t, r) for t in ENTITY_EDGE_TYPES for r in self._rows(cypher.edge_rows(t, light))]
            return _graph_of(nodes, edges, self.snapshot_id() or "")

    def _ego_ids(self, focus: str, depth: int) -> set[str] | None:
        """Ids within ``depth`` hops of ``focus``; ``None`` once more than ``EGO_FETCH_MAX`` are found."""
        seen, frontier = {focus}, [focus]
        for _ in range(max(depth, 0)):
            if not frontier:
                break
            rows = self._rows(cypher.NEIGHBOUR_TARGETS, {"ids": frontier})
            frontier = sorted({str(r["target"]) for r in rows} - seen)
            seen.update(frontier)
            if len(seen) > EGO_FETCH_MAX:
                return None  # a hub-rich ego network: stop expanding, one scan beats many lookups
        return seen

    def _ego_graph(self, focus: str, depth: int, light: bool = False) -> GraphData:
        """Entities within ``depth`` hops of ``focus`` and the edges among them (fetched by id)."""
        seen = self._ego_ids(focus, depth)
        if seen is None:
            return self._entity_graph(light)  # apply_filter then cuts the ego network out of it
        ids = sorted(seen)
        with gc_paused():
            nodes = self._rows(cypher.entities_by_ids(), {"ids": ids})
            edges = [(t, r) for t in ENTITY_EDGE_TYPES
                     for r in self._rows(cypher.edges_from_ids(t, light), {"ids": ids})
                     if r["target"] in seen]
            return _graph_of(nodes, edges, self.snapshot_id() or "")

    def subgraph(self, flt: SubgraphFilter) -> GraphData:
        """Entities and entity–entity edges after ``flt`` (see :func:`apply_filter`).

        With ``focus`` set only the ego network is fetched (a superset of what the filter keeps),
        so an ego view of a large graph costs a few indexed lookups instead of a full scan;
        ``evidence=False`` leaves the JSON evidence of every edge in the database.
        """
        if not self._has_graph():
            return GraphData()
        light = not flt.evidence
        source = self._ego_graph(flt.focus, flt.depth, light) if flt.focus else self._entity_graph(light)
        with gc_paused():
            return apply_filter(source, flt)

    def _adjacency(self, ids: list[str]) -> list[tuple[str, str]]:
        rows = self._rows(cypher.NEIGHBOUR_IDS, {"ids": ids})
        return [(str(r["source"]), str(r["target"])) for r in rows]

    def _ball(self, start: str, radius: int, graph: nx.Graph) -> None:
        """Add to ``graph`` every edge incident to a node within ``radius - 1`` hops of ``start``."""
        frontier, seen = [start], {start}
        for _ in range(radius):
            if not frontier:
                return
            new: set[str] = set()
            for a, b in self._adjacency(frontier):
                graph.add_edge(a, b)
                if b not in seen:
                    new.add(b)
            seen |= new
            frontier = sorted(new)

    def paths(self, source: str, target: str, k: int = 3, max_hops: int = 4) -> list[list[str]]:
        """Up to ``k`` shortest simple paths (entity ids); ties broken by the ids along the path.

        Expands ``ceil(max_hops / 2)`` hops from both ends: every path of at most ``max_hops``
        edges has each edge next to a node that close to one end, and the two balls are far
        smaller than one ball of ``max_hops`` hops around a hub-rich network.
        """
        if not self._has_graph() or source == target:
            return []
        graph = nx.Graph()
        radius = (max_hops + 1) // 2
        self._ball(source, radius, graph)
        self._ball(target, radius, graph)
        if source not in graph or target not in graph:
            return []
        return _k_shortest(graph, source, target, k, max_hops)

    def search(self, text: str, limit: int = 20) -> list[dict[str, Any]]:
        """Case-insensitive substring match on name and aliases; exact, then prefix, then most mentioned."""
        needle = text.strip().lower()
        if not needle or not self._has_graph():
            return []
        rows = [{k: plain(v) for k, v in r.items()} for r in self._rows(cypher.SEARCH, {"q": needle})]

        def rank(r: dict[str, Any]) -> tuple[int, int, str, str]:
            name = str(r.get("name") or "").lower()
            exact = 0 if name == needle else 1 if name.startswith(needle) else 2
            return (exact, -int(r.get("mentions") or 0), name, str(r["id"]))

        rows.sort(key=rank)
        return rows[:limit]

    def evidence(self, a: str, b: str) -> list[dict[str, Any]]:
        """Evidence of every entity–entity edge between ``a`` and ``b``, most recent first."""
        if not self._has_graph():
            return []
        records = []
        for edge_type in ENTITY_EDGE_TYPES:
            for s, t in ((a, b), (b, a)):
                for row in self._rows(cypher.edges_from_to(edge_type), {"source": s, "target": t}):
                    edge = edge_from_row(edge_type, row)
                    for item in edge.props.get("evidence") or []:
                        records.append({"edge_type": edge_type, "source": s, "target": t,
                                        "role": edge.props.get("role"), **item})
        records.sort(key=lambda r: (str(r.get("published") or ""), str(r.get("article_id") or ""),
                                    r.get("start") or 0), reverse=True)
        return records

    def timeline(self, granularity: str = "month") -> list[dict[str, Any]]:
        """Articles per period, grouped by day in the database and rolled up here."""
        rows = self._rows(cypher.TIMELINE_DAYS) if self._has_graph() else []
        return roll_up(((r["day"], r["n"]) for r in rows), granularity)

    def stats(self) -> dict[str, Any]:
        """Counts per label, per edge type and per entity type, plus the snapshot id."""
        sid = self.snapshot_id()
        nodes = {label: 0 for label in NODE_LABELS}
        edges = {t: 0 for t in EDGE_TYPES}
        types: dict[str, int] = {}
        if sid is not None:
            nodes = {label: int(self._rows(cypher.count_nodes(label))[0]["n"]) for label in NODE_LABELS}
            edges = {t: int(self._rows(cypher.count_edges(t))[0]["n"]) for t in EDGE_TYPES}
            types = {str(r["type"]): int(r["n"]) for r in self._rows(cypher.ENTITY_TYPE_COUNTS)}
        return {"snapshot_id": sid, "backend": self.name, "nodes": nodes, "edges": edges,
                "entity_types": dict(sorted(types.items()))}


def _graph_of(nodes: list[dict[str, Any]], edges: list[tuple[EdgeType, dict[str, Any]]],
              snapshot_id: str) -> GraphData:
    """Entities and entity edges from rows, in canonical order (sorted on the stored ids).

    Same order as :func:`sorted_graph`, without recomputing every edge id's digest.
    """
    nodes.sort(key=lambda r: str(r["id"]))
    edges.sort(key=lambda p: (_TYPE_RANK[p[0]], str(p[1]["id"])))
    return GraphData([node_from_row("Entity", r) for r in nodes],
                     [edge_from_row(t, r) for t, r in edges], snapshot_id)


_TYPE_RANK = {edge_type: i for i, edge_type in enumerate(EDGE_TYPES)}


def _k_shortest(graph: nx.Graph, source: str, target: str, k: int, max_hops: int) -> list[list[str]]:
    """All simple paths no longer than the k-th shortest, sorted by (length, ids), first ``k``."""
    found: list[list[str]] = []
    limit_len: int | None = None
    if not nx.has_path(graph, source, target):
        return []
    for path in nx.shortest_simple_paths(graph, source, target):
        hops = len(path) - 1
        if hops > max_hops or (limit_len is not None and hops > limit_len):
            break
        found.append(list(path))
        if len(found) >= k and limit_len is None:
            limit_len = hops
    found.sort(key=lambda p: (len(p), p))
    return found[:k]


