"""Graph file formats read by networkx, Gephi and friends: node-link JSON here, GEXF and GraphML beside it.

JSON holds every character (control characters as ``\\u0001`` escapes), so the node-link file is
the exact copy; the XML formats live in :mod:`graph.export.gexf` and :mod:`graph.export.graphml`.
"""

from __future__ import annotations

import json
from pathlib import Path

import networkx as nx

from graph.export.gexf import write_gexf
from graph.export.graphml import write_graphml
from graph.export.view import entity_multigraph
from graph.model import GraphData

__all__ = ["write_gexf", "write_graphml", "write_json"]


def write_json(data: GraphData, out: Path) -> Path:
    """networkx node-link JSON (``nodes``/``edges``), keys sorted so equal graphs give equal bytes."""
    g = entity_multigraph(data)
    payload = nx.node_link_data(g, edges="edges")
    payload["graph"] = {"snapshot_id": data.snapshot_id, "filter": data.meta.get("filter", "no filter")}
    out.write_text(json.dumps(payload, ensure_ascii=False, sort_keys=True, indent=1) + "\n", encoding="utf-8")
    return out
