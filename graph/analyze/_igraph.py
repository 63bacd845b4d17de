"""Conversion of networkx graphs to igraph for the algorithms networkx is too slow for."""

from __future__ import annotations

import igraph as ig
import networkx as nx


def to_igraph(g: nx.Graph, weight: str | None = "weight") -> tuple[ig.Graph, list[str]]:
    """An undirected igraph copy of ``g`` (vertex ``i`` is ``names[i]``) with a ``weight`` attribute.

    >>> h, names = to_igraph(nx.Graph([("b", "a", {"weight": 2.0})]))
    >>> names, h.es["weight"]
    (['a', 'b'], [2.0])
    """
    names = sorted(g.nodes)
    index = {n: i for i, n in enumerate(names)}
    h = ig.Graph(n=len(names), directed=False)
    if weight is None:
        h.add_edges([(index[u], index[v]) for u, v in g.edges()])
        return h, names
    triples = [(index[u], index[v], w) for u, v, w in g.edges(data=weight, default=1.0)]
    h.add_edges([(a, b) for a, b, _ in triples])
    h.es["weight"] = [float(w or 1.0) for _, _, w in triples]
    return h, names
