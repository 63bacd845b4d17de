"""PageRank over the weighted co-mention graph (igraph's ARPACK solver).

ARPACK, not igraph's default PRPACK: on the 3,000-actor dashboard graph,
most of whose actors have no tie, PRPACK took 2 ms to 0.6 s CPU from call to
call; ARPACK takes a steady 14 ms and agrees to 1e-9.

>>> import networkx as nx
>>> g = nx.star_graph(3)
>>> nx.set_node_attributes(g, {n: str(n) for n in g}, "name")
>>> g = nx.relabel_nodes(g, str)
>>> pagerank(g).table.iloc[0]["id"]
'0'
"""

from __future__ import annotations

import networkx as nx

from graph.analyze._igraph import to_igraph
from graph.analyze.result import Result, method, node_frame


def pagerank(g: nx.Graph, damping: float = 0.85, weight: str | None = "weight") -> Result:
    """PageRank scores (summing to 1) for every node."""
    if g.number_of_nodes() == 0:
        return Result(node_frame(g, {}, "pagerank"), method(g, "pagerank", damping=damping))
    h, names = to_igraph(g, weight)
    scores = h.pagerank(damping=damping, weights="weight" if weight else None, implementation="arpack")
    table = node_frame(g, dict(zip(names, scores, strict=True)), "pagerank")
    return Result(
        table, method(g, "pagerank", damping=damping, weight=weight, implementation="igraph ARPACK")
    )
