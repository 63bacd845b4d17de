"""networkx views of a built graph, and the filters every view shares.

``filter_data`` applies a :class:`graph.store.base.SubgraphFilter` to the
entity part of a :class:`GraphData`; ``entity_graph`` turns the result into a
simple undirected weighted graph for analysis, and ``to_networkx`` gives the
complete multigraph (articles and topics included) for export.

Date filters keep nodes and edges whose first/last-seen range overlaps the
period; their counts stay corpus-wide (per-period counts come from
:func:`graph.analyze.temporal.time_slice`).
"""

from __future__ import annotations

from collections import deque
from collections.abc import Iterable
from typing import Any

import networkx as nx

from graph.errors import SkgError
from graph.model import Edge, GraphData, Node
from graph.store.base import SubgraphFilter

ENTITY_EDGE_TYPES = ("CO_MENTIONED", "HOLDS_ROLE", "AFFILIATED_WITH", "LOCATED_IN")


def _overlaps(props: dict[str, Any], date_from: str | None, date_to: str | None) -> bool:
    first, last = props.get("first_seen"), props.get("last_seen")
    if first is None or last is None:
        return True
    return not ((date_to and first > date_to) or (date_from and last < date_from))


def _node_ok(node: Node, flt: SubgraphFilter) -> bool:
    p = node.props
    if flt.types and p.get("type") not in flt.types:
        return False
    if flt.kinds and p.get("type") == "ORGANIZATION" and p.get("kind") not in flt.kinds:
        return False
    return _overlaps(p, flt.date_from, flt.date_to)


def _edge_ok(edge: Edge, flt: SubgraphFilter) -> bool:
    if flt.edge_types and edge.type not in flt.edge_types:
        return False
    p = edge.props
    if edge.type == "CO_MENTIONED":
        if int(p.get("articles") or 0) < flt.min_articles:
            return False
        npmi = p.get("npmi")
        if npmi is not None and float(npmi) < flt.min_npmi:
            return False
    return _overlaps(p, flt.date_from, flt.date_to)


def _adjacency(edges: Iterable[Edge]) -> dict[str, set[str]]:
    adj: dict[str, set[str]] = {}
    for e in edges:
        adj.setdefault(e.source, set()).add(e.target)
        adj.setdefault(e.target, set()).add(e.source)
    return adj


def _within(adj: dict[str, set[str]], seeds: Iterable[str], depth: int) -> set[str]:
    """Nodes at most ``depth`` hops from any seed (breadth-first)."""
    seen = set(seeds)
    queue = deque((s, 0) for s in seen)
    while queue:
        node, dist = queue.popleft()
        if dist >= depth:
            continue
        for nb in sorted(adj.get(node, ())):
            if nb not in seen:
                seen.add(nb)
                queue.append((nb, dist + 1))
    return seen


def _top_by_strength(ids: set[str], edges: list[Edge], cap: int) -> set[str]:
    strength = dict.fromkeys(ids, 0.0)
    for e in edges:
        w = float(e.props.get("weight") or 1.0)
        strength[e.source] += w
        strength[e.target] += w
    ranked = sorted(ids, key=lambda n: (-strength[n], n))
    return set(ranked[:cap])


def filter_data(data: GraphData, flt: SubgraphFilter | None = None) -> GraphData:
    """Entity nodes and entity–entity edges after ``flt`` (articles and topics dropped)."""
    flt = flt or SubgraphFilter()
    nodes = {n.id: n for n in data.nodes if n.label == "Entity" and _node_ok(n, flt)}
    edges = [
        e
        for e in data.edges
        if e.type in ENTITY_EDGE_TYPES and e.source in nodes and e.target in nodes and _edge_ok(e, flt)
    ]
    keep = set(nodes)
    if flt.land:
        seeds = {i for i, n in nodes.items() if n.props.get("land") == flt.land}
        keep = _within(_adjacency(edges), seeds, 1)
    if flt.focus:
        if flt.focus not in nodes:
            raise SkgError(
                f"focus entity {flt.focus!r} is not in the (filtered) graph",
                hint="check the id with `skg search` or relax the filters",
            )
        keep &= _within(
            _adjacency(e for e in edges if e.source in keep and e.target in keep), [flt.focus], flt.depth
        )
    edges = [e for e in edges if e.source in keep and e.target in keep]
    if flt.node_cap is not None and len(keep) > flt.node_cap:
        keep = _top_by_strength(keep, edges, flt.node_cap)
        if flt.focus:
            keep.add(flt.focus)
        edges = [e for e in edges if e.source in keep and e.target in keep]
    meta = dict(data.meta)
    meta["filter"] = describe_filter(flt)
    return GraphData([nodes[i] for i in sorted(keep)], edges, data.snapshot_id, meta)


def describe_filter(flt: SubgraphFilter | None) -> str:
    """A one-line human description of a filter (for figure captions and exports).

    >>> describe_filter(SubgraphFilter(types=("PERSON",), min_articles=2))
    'types=PERSON; min_articles=2'
    >>> describe_filter(None)
    'no filter'
    """
    if flt is None:
        return "no filter"
    default = SubgraphFilter()
    parts = []
    for name in flt.__dataclass_fields__:
        value = getattr(flt, name)
        if value != getattr(default, name) and not (name == "depth" and not flt.focus):
            shown = ",".join(value) if isinstance(value, tuple) else value
            parts.append(f"{name}={shown}")
    return "; ".join(parts) or "no filter"


def entity_graph(data: GraphData, flt: SubgraphFilter | None = None) -> nx.Graph:
    """A simple weighted graph of entities for analysis.

    Parallel edges between two entities (a co-mention plus stated relations)
    collapse into one edge that keeps the co-mention's counts and lists every
    type in ``types``; ``weight`` is the larger of their article counts.
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
        else:
            attrs = {k: v for k, v in e.props.items() if k != "weight"}
            if e.props.get("role"):
                attrs["roles"] = [e.props["role"]]
            g.add_edge(e.source, e.target, **attrs, weight=w, types=[e.type])
    return g


def to_networkx(data: GraphData) -> nx.MultiDiGraph:
    """The complete graph as a multigraph: every node label and edge type, keyed by edge id."""
    g = nx.MultiDiGraph(snapshot_id=data.snapshot_id)
    for n in data.nodes:
        g.add_node(n.id, label=n.label, **n.props)
    for e in data.edges:
        g.add_edge(e.source, e.target, key=e.id, type=e.type, **e.props)
    return g
