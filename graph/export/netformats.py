"""Graph file formats read by networkx, Gephi and friends: node-link JSON, GEXF, GraphML."""

from __future__ import annotations

import json
from pathlib import Path

import networkx as nx

from graph.export.layout import positions
from graph.export.style import colour_of, rgb
from graph.export.view import entity_multigraph
from graph.model import GraphData


def write_json(data: GraphData, out: Path) -> Path:
    """networkx node-link JSON (``nodes``/``edges``), keys sorted so equal graphs give equal bytes."""
    g = entity_multigraph(data)
    payload = nx.node_link_data(g, edges="edges")
    payload["graph"] = {"snapshot_id": data.snapshot_id, "filter": data.meta.get("filter", "no filter")}
    out.write_text(json.dumps(payload, ensure_ascii=False, sort_keys=True, indent=1) + "\n", encoding="utf-8")
    return out


def write_graphml(data: GraphData, out: Path) -> Path:
    """GraphML with list/dict attributes (aliases, evidence) as JSON text."""
    nx.write_graphml(entity_multigraph(data, flatten=True), out, encoding="utf-8")
    return out


def _styled(data: GraphData, seed: int) -> nx.MultiDiGraph:
    g = entity_multigraph(data, flatten=True)
    pos = positions(nx.Graph(g.to_undirected()), seed)
    degree = dict(g.degree())
    for n, attrs in g.nodes(data=True):
        r, gr, b = rgb(colour_of(attrs))
        x, y = pos.get(n, (0.0, 0.0))
        attrs["viz"] = {
            "color": {"r": r, "g": gr, "b": b, "a": 1.0},
            "size": 4.0 + 2.0 * degree[n] ** 0.5,
            "position": {"x": x, "y": y, "z": 0.0},
        }
        attrs["label"] = attrs.get("name", n)
    for _, _, attrs in g.edges(data=True):
        # GEXF reserves the edge attribute "type" (directed/undirected): keep ours as edge_type and label
        attrs["edge_type"] = attrs["label"] = attrs.pop("type")
    return g


def write_gexf(data: GraphData, out: Path, seed: int = 42, dynamic: bool = False) -> Path:
    """GEXF 1.2 with colours by type, sizes by degree and precomputed positions.

    ``dynamic=True`` adds ``start``/``end`` dates from first/last seen to nodes
    and edges, so Gephi's timeline can play the graph's growth.
    """
    g = _styled(data, seed)
    if dynamic:
        for _, attrs in g.nodes(data=True):
            _interval(attrs)
        for _, _, attrs in g.edges(data=True):
            _interval(attrs)
    nx.write_gexf(g, out, encoding="utf-8", version="1.2draft")
    return out


def _interval(attrs: dict[str, object]) -> None:
    first, last = attrs.get("first_seen"), attrs.get("last_seen")
    if isinstance(first, str) and isinstance(last, str):
        attrs["start"], attrs["end"] = first, last
