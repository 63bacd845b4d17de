"""Per-actor measures in one table: degree, weighted degree, PageRank and community.

What the dashboard sizes and colours nodes by. One call converts the graph to
igraph once (shared through :func:`graph.analyze._igraph.to_igraph`) and runs
each algorithm once, instead of one conversion and one table per measure.

>>> import networkx as nx
>>> g = nx.Graph(snapshot_id="s_x")
>>> g.add_edges_from([("a", "b"), ("b", "c"), ("a", "c"), ("x", "y"), ("y", "z"), ("x", "z"), ("c", "x")])
>>> t = node_metrics(g, seed=1).table.set_index("id")
>>> int(t.loc["c", "degree"]), float(t.loc["c", "weighted_degree"])
(3, 3.0)
>>> bool(t.loc["a", "community"] == t.loc["b", "community"] != t.loc["y", "community"])
True
>>> round(float(t["pagerank"].sum()), 6)
1.0
"""

from __future__ import annotations

import networkx as nx
import pandas as pd

from graph.analyze._igraph import to_igraph
from graph.analyze.communities import communities
from graph.analyze.pagerank import pagerank
from graph.analyze.result import Result, method

COLUMNS = ["id", "name", "type", "kind", "degree", "weighted_degree", "pagerank", "community"]


def node_metrics(g: nx.Graph, seed: int = 42, algorithm: str = "leiden") -> Result:
    """Degree, weighted degree, PageRank and a seeded community per node (``extra['labels']`` names them)."""
    h, names = to_igraph(g)
    if not names:
        return Result(pd.DataFrame(columns=COLUMNS), method(g, "node_metrics", seed=seed), {"labels": {}})
    weights = "weight" if h.ecount() else None
    ranks = pagerank(g).table.set_index("id")["pagerank"]
    parts = communities(g, seed=seed, algorithm=algorithm)
    community = parts.table.set_index("id")["community"]
    attrs = g.nodes
    table = pd.DataFrame({
        "id": names,
        "name": [attrs[n].get("name", n) for n in names],
        "type": [attrs[n].get("type") for n in names],
        "kind": [attrs[n].get("kind") for n in names],
        "degree": h.degree(),
        "weighted_degree": h.strength(weights=weights),
        "pagerank": ranks.reindex(names).to_numpy(),
        "community": community.reindex(names).to_numpy(),
    })
    table = table.sort_values(["pagerank", "id"], ascending=[False, True], ignore_index=True)
    return Result(table, method(g, "node_metrics", seed=seed, community_algorithm=algorithm),
                  extra={"labels": parts.extra["labels"], "modularity": parts.extra["modularity"]})
