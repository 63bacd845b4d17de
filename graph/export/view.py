"""The entity multigraph every file export writes, with attributes made file-safe."""

from __future__ import annotations

import json
from typing import Any

import networkx as nx

from graph.model import Edge, GraphData


def flat(props: dict[str, Any]) -> dict[str, Any]:
    """Attributes GEXF/GraphML can store: ``None`` dropped, lists and dicts as JSON text.

    >>> flat({"a": None, "b": [1, 2], "c": 3})
    {'b': '[1, 2]', 'c': 3}
    """
    out: dict[str, Any] = {}
    for key, value in props.items():
        if value is None:
            continue
        out[key] = json.dumps(value, ensure_ascii=False) if isinstance(value, list | dict | tuple) else value
    return out


def entity_multigraph(data: GraphData, *, flatten: bool = False) -> nx.MultiDiGraph:
    """Entity nodes and their typed edges, keyed by edge type (and role); article/topic nodes skipped."""
    conv = flat if flatten else dict
    g = nx.MultiDiGraph(snapshot_id=data.snapshot_id, filter=data.meta.get("filter", "no filter"))
    entity_ids = set()
    for n in data.nodes:
        if n.label == "Entity":
            g.add_node(n.id, **conv(n.props))
            entity_ids.add(n.id)
    for e in data.edges:
        if e.source in entity_ids and e.target in entity_ids:
            key = e.type if e.props.get("role") is None else f"{e.type}:{e.props['role']}"
            g.add_edge(e.source, e.target, key=key, **conv({"type": e.type, **e.props}))
    return g


Records = tuple[list[tuple[str, dict[str, Any]]], list[tuple[Edge, dict[str, Any]]]]


def entity_records(data: GraphData) -> Records:
    """Entity nodes and entity–entity edges in stored order, attributes flattened (see :func:`flat`).

    The XML writers work from these rather than from networkx so that every edge keeps its own
    stable id (``Edge.id``), which GraphML requires to be unique.
    """
    nodes = [(n.id, flat(n.props)) for n in data.nodes if n.label == "Entity"]
    ids = {node_id for node_id, _ in nodes}
    edges = [
        (e, flat({"type": e.type, **e.props})) for e in data.edges if e.source in ids and e.target in ids
    ]
    return nodes, edges
