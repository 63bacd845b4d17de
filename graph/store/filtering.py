"""The subgraph filter of :class:`SubgraphFilter`, as a pure function over :class:`GraphData`.

Backends fetch entities and entity–entity edges with fixed queries and call
:func:`apply_filter`, so that the CLI, exports and the dashboard see the same
subgraph whichever backend stores it.

Rules, in order: edge filters (types; ``min_articles``/``min_npmi`` on
``CO_MENTIONED``; date range overlapping ``first_seen``..``last_seen``), node
filters (types; kinds restrict organisations only), nodes left without edges by
an edge filter are dropped, ``land`` keeps that Land's municipalities and their
neighbours, ``focus`` keeps the ego network of ``depth`` hops, ``node_cap``
keeps the top nodes by weighted degree (ties by id).
"""

from __future__ import annotations

from collections import defaultdict

from graph.model.graphdata import Edge, GraphData, Node
from graph.store.base import SubgraphFilter


def _edge_ok(edge: Edge, flt: SubgraphFilter) -> bool:
    p = edge.props
    if flt.edge_types and edge.type not in flt.edge_types:
        return False
    if edge.type == "CO_MENTIONED":
        if p.get("articles") is not None and int(p["articles"]) < flt.min_articles:
            return False
        if p.get("npmi") is not None and float(p["npmi"]) < flt.min_npmi:
            return False
    return _dates_ok(p, flt)


def _dates_ok(props: dict[str, object], flt: SubgraphFilter) -> bool:
    first, last = props.get("first_seen"), props.get("last_seen")
    if flt.date_from and last is not None and str(last)[:10] < flt.date_from:
        return False
    return not (flt.date_to and first is not None and str(first)[:10] > flt.date_to)


def _node_ok(node: Node, flt: SubgraphFilter) -> bool:
    p = node.props
    if flt.types and p.get("type") not in flt.types:
        return False
    if flt.kinds and p.get("type") == "ORGANIZATION" and p.get("kind") not in flt.kinds:
        return False
    return _dates_ok(p, flt)


def _edge_filter_active(flt: SubgraphFilter) -> bool:
    return bool(flt.edge_types or flt.min_articles > 1 or flt.min_npmi > -1.0
                or flt.date_from or flt.date_to)


def _adjacency(edges: list[Edge]) -> dict[str, set[str]]:
    adj: dict[str, set[str]] = defaultdict(set)
    for e in edges:
        adj[e.source].add(e.target)
        adj[e.target].add(e.source)
    return adj


def _ego(adj: dict[str, set[str]], focus: str, depth: int) -> set[str]:
    keep, frontier = {focus}, {focus}
    for _ in range(max(depth, 0)):
        frontier = {m for n in frontier for m in adj.get(n, ())} - keep
        keep |= frontier
    return keep


def _cap(nodes: dict[str, Node], edges: list[Edge], cap: int) -> set[str]:
    strength: dict[str, float] = defaultdict(float)
    for e in edges:
        w = float(e.props.get("weight") or 1.0)
        strength[e.source] += w
        strength[e.target] += w
    ranked = sorted(nodes, key=lambda i: (-strength.get(i, 0.0), i))
    return set(ranked[:cap])


def apply_filter(graph: GraphData, flt: SubgraphFilter) -> GraphData:
    """Entities and entity edges of ``graph`` kept by ``flt`` (order preserved)."""
    nodes = {n.id: n for n in graph.nodes if n.label == "Entity" and _node_ok(n, flt)}
    edges = [e for e in graph.edges if e.source in nodes and e.target in nodes and _edge_ok(e, flt)]
    keep = set(nodes)
    if _edge_filter_active(flt):
        keep = {i for e in edges for i in (e.source, e.target)}
    adj = _adjacency([e for e in edges if e.source in keep and e.target in keep])
    if flt.land:
        seeds = {i for i in keep if nodes[i].props.get("type") == "MUNICIPALITY"
                 and nodes[i].props.get("land") == flt.land}
        keep = seeds | {m for s in seeds for m in adj.get(s, ())}
    if flt.focus:
        keep = _ego(adj, flt.focus, flt.depth) & keep if flt.focus in keep else set()
    kept_edges = [e for e in edges if e.source in keep and e.target in keep]
    if flt.node_cap is not None and len(keep) > flt.node_cap:
        keep = _cap({i: nodes[i] for i in keep}, kept_edges, flt.node_cap)
        kept_edges = [e for e in kept_edges if e.source in keep and e.target in keep]
    return GraphData([n for n in graph.nodes if n.id in keep], kept_edges, graph.snapshot_id,
                     {"filter": flt.__dict__.copy()})
