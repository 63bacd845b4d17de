"""Conversion of networkx graphs to igraph for the algorithms networkx is too slow for.

The conversion is the expensive part of an igraph call on a small graph, so
it is done once per graph: the copy is remembered (weakly, keyed by the
networkx graph object, its weight attribute and its size) and reused by every
analysis that runs on the same graph, e.g. PageRank then communities.
"""

from __future__ import annotations

import weakref

import igraph as ig
import networkx as nx

_CACHE: weakref.WeakKeyDictionary[nx.Graph, dict[object, tuple[ig.Graph, list[str]]]] = (
    weakref.WeakKeyDictionary()
)


def to_igraph(g: nx.Graph, weight: str | None = "weight") -> tuple[ig.Graph, list[str]]:
    """An undirected igraph copy of ``g`` (vertex ``i`` is ``names[i]``) with a ``weight`` attribute.

    Treat the result as read-only: it is shared with later calls on ``g``.

    >>> g = nx.Graph([("b", "a", {"weight": 2.0})])
    >>> h, names = to_igraph(g)
    >>> names, h.es["weight"]
    (['a', 'b'], [2.0])
    >>> to_igraph(g)[0] is h
    True
    >>> g.add_edge("a", "c")
    >>> to_igraph(g)[0].ecount()
    2
    """
    key = (weight, g.number_of_nodes(), g.number_of_edges())
    per_graph = _CACHE.setdefault(g, {})
    if key not in per_graph:
        per_graph.clear()
        per_graph[key] = _convert(g, weight)
    return per_graph[key]


def _convert(g: nx.Graph, weight: str | None) -> tuple[ig.Graph, list[str]]:
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
