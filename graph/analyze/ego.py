"""Ego networks: an actor's neighbourhood up to a depth, optionally restricted to types.

>>> import networkx as nx
>>> g = nx.Graph()
>>> g.add_node("p", type="PERSON"); g.add_node("o", type="ORGANIZATION"); g.add_node("m", type="MUNICIPALITY")
>>> g.add_edges_from([("p", "o"), ("o", "m")])
>>> sorted(ego_network(g, "p", depth=2))
['m', 'o', 'p']
>>> sorted(ego_network(g, "p", depth=2, types=("MUNICIPALITY",)))
['m', 'p']
"""

from __future__ import annotations

import networkx as nx

from graph.errors import SkgError


def ego_network(g: nx.Graph, center: str, depth: int = 1, types: tuple[str, ...] = ()) -> nx.Graph:
    """The subgraph within ``depth`` hops of ``center``; ``types`` keeps only those types (and the centre).

    Distances are measured on the full graph, so a type filter never cuts a
    path short: a municipality two hops away via a vendor stays at depth 2.
    """
    if center not in g:
        raise SkgError(f"entity {center!r} is not in the graph", hint="check the id with `skg search`")
    nodes = nx.single_source_shortest_path_length(g, center, cutoff=depth)
    keep = [n for n in nodes if n == center or not types or g.nodes[n].get("type") in types]
    sub = g.subgraph(keep).copy()
    sub.graph.update(g.graph, ego={"center": center, "depth": depth, "types": list(types)})
    return sub
