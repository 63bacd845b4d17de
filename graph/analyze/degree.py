"""Weighted degree and reach by type: how connected an actor is, and to whom.

>>> import networkx as nx
>>> g = nx.Graph(snapshot_id="s_x")
>>> g.add_node("v", name="V", type="ORGANIZATION", kind="vendor")
>>> for m in ("m1", "m2"):
...     g.add_node(m, name=m, type="MUNICIPALITY")
...     g.add_edge("v", m, weight=2.0)
>>> r = reach_by_type(g)
>>> int(r.table.set_index("id").loc["v", "MUNICIPALITY"])
2
>>> float(weighted_degree(g).table.iloc[0]["weighted_degree"])
4.0
"""

from __future__ import annotations

import networkx as nx
import pandas as pd

from graph.analyze.result import Result, method, node_frame
from graph.model import EntityType


def weighted_degree(g: nx.Graph, weight: str = "weight") -> Result:
    """Sum of edge weights per node (co-mention articles), with the plain degree alongside."""
    strength = dict(g.degree(weight=weight))
    table = node_frame(g, {n: float(v) for n, v in strength.items()}, "weighted_degree")
    table["degree"] = [g.degree(n) for n in table["id"]]
    return Result(table, method(g, "weighted_degree", weight=weight))


def reach_by_type(g: nx.Graph) -> Result:
    """Distinct neighbours of each node per entity type (e.g. municipalities a vendor appears with)."""
    types = [str(t) for t in EntityType]
    rows = []
    for n in g.nodes:
        counts = dict.fromkeys(types, 0)
        for nb in g.neighbors(n):
            t = g.nodes[nb].get("type")
            if t in counts:
                counts[t] += 1
        rows.append(
            {
                "id": n,
                "name": g.nodes[n].get("name", n),
                "type": g.nodes[n].get("type"),
                "kind": g.nodes[n].get("kind"),
                **counts,
            }
        )
    table = pd.DataFrame(rows, columns=["id", "name", "type", "kind", *types])
    table = table.sort_values(["MUNICIPALITY", "id"], ascending=[False, True], ignore_index=True)
    return Result(table, method(g, "reach_by_type", types=types))
