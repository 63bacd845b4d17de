"""networkx views of a built graph, and the filters every view shares.

``filter_data`` applies a :class:`graph.model.filters.SubgraphFilter` to the
entity part of a :class:`GraphData` (the same function the stores use);
``entity_graph`` turns the result into a simple undirected weighted graph for
analysis, and ``to_networkx`` gives the complete multigraph (articles and
topics included) for export.

Date filters keep nodes and edges whose first/last-seen range overlaps the
period; their counts stay corpus-wide (per-period counts come from
:func:`graph.analyze.temporal.time_slice`).
"""

from __future__ import annotations

from typing import Any

import networkx as nx

from graph.model import GraphData
from graph.model.filters import SubgraphFilter, describe_filter, filter_graph
from graph.model.graphdata import level_rank

__all__ = ["describe_filter", "entity_graph", "filter_data", "to_networkx"]


def filter_data(data: GraphData, flt: SubgraphFilter | None = None) -> GraphData:
    """Entity nodes and entity–entity edges after ``flt`` (articles and topics dropped).

    The stores' ``subgraph`` applies the same function
    (:func:`graph.model.filters.filter_graph`, which documents the rules), so
    exports and the dashboard agree. An unknown or filtered-out ``focus``
    raises :class:`graph.errors.SkgError`.

    >>> from graph.model import Node
    >>> g = GraphData([Node("Entity", "b", {"type": "PERSON"}), Node("Entity", "a", {"type": "LOCATION"})])
    >>> [n.id for n in filter_data(g, SubgraphFilter(types=("PERSON",))).nodes]
    ['b']
    >>> filter_data(g).meta["filter"]
    'no filter'
    """
    return filter_graph(data, flt or SubgraphFilter())


def entity_graph(data: GraphData, flt: SubgraphFilter | None = None) -> nx.Graph:
    """A simple weighted graph of entities for analysis.

    Parallel edges between two entities (a co-mention plus stated relations)
    collapse into one edge that keeps the co-mention's counts and lists every
    type in ``types``; ``weight`` is the larger of their article counts;
    ``evidence_level`` is the highest of their levels and
    ``independent_sources`` that edge's count (the larger one on equal levels).
    """
    sub = filter_data(data, flt)
    g = nx.Graph(snapshot_id=data.snapshot_id, filter=sub.meta["filter"])
    for n in sub.nodes:
        g.add_node(n.id, **n.props)
    for e in sub.edges:
        w = float(e.props.get("weight") or 1.0)
        if g.has_edge(e.source, e.target):
            attrs = g.edges[e.source, e.target]
            attrs["types"] = sorted({*attrs["types"], e.type})
            attrs["weight"] = max(attrs["weight"], w)
            if e.type == "CO_MENTIONED":
                typed_evidence = list(attrs.get("evidence") or [])
                attrs.update({k: v for k, v in e.props.items() if k != "weight"})
                attrs["evidence"] = list(e.props.get("evidence") or []) + typed_evidence
            elif e.props.get("role"):
                attrs["roles"] = sorted({*attrs.get("roles", []), e.props["role"]})
            if e.type != "CO_MENTIONED":
                attrs["evidence"] = list(attrs.get("evidence") or []) + list(e.props.get("evidence") or [])
            attrs.update(_stronger(attrs, e.props))
        else:
            attrs = {k: v for k, v in e.props.items() if k != "weight"}
            if e.props.get("role"):
                attrs["roles"] = [e.props["role"]]
            g.add_edge(e.source, e.target, **attrs, weight=w, types=[e.type])
    return g


def _stronger(a: dict[str, Any], b: dict[str, Any]) -> dict[str, Any]:
    """The level and source count of the better-backed of two parallel edges."""
    def key(p: dict[str, Any]) -> tuple[int, int]:
        return level_rank(p.get("evidence_level")), int(p.get("independent_sources") or 0)

    best = max((a, b), key=key)
    return {k: best.get(k) for k in ("evidence_level", "independent_sources") if best.get(k) is not None}


def to_networkx(data: GraphData) -> nx.MultiDiGraph:
    """The complete graph as a multigraph: every node label and edge type, keyed by edge id."""
    g = nx.MultiDiGraph(snapshot_id=data.snapshot_id)
    for n in data.nodes:
        g.add_node(n.id, label=n.label, **n.props)
    for e in data.edges:
        g.add_edge(e.source, e.target, key=e.id, type=e.type, **e.props)
    return g
