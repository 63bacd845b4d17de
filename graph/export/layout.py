"""Node positions computed once in Python and shared by GEXF, HTML and figures.

Browsers choke on physics simulations beyond ~1.5k nodes, so every network
view is laid out here with igraph (seeded: the same graph always gets the
same picture). Fruchterman–Reingold up to ``FR_LIMIT`` nodes; above that the
grid-accelerated variant with few iterations keeps 10k nodes around a second.
"""

from __future__ import annotations

import random

import networkx as nx

from graph.analyze._igraph import to_igraph

FR_LIMIT = 2000
SCALE = 1000.0


def positions(g: nx.Graph, seed: int = 42) -> dict[str, tuple[float, float]]:
    """``{node: (x, y)}`` scaled to [-SCALE, SCALE]; deterministic for a given seed."""
    if g.number_of_nodes() == 0:
        return {}
    h, names = to_igraph(nx.Graph(g))
    random.seed(seed)  # igraph layouts draw their start positions from Python's RNG
    if h.vcount() <= FR_LIMIT:
        layout = h.layout_fruchterman_reingold(weights="weight", niter=500)
    else:
        layout = h.layout_fruchterman_reingold(niter=60, grid="grid")
    coords = layout.coords
    span = max(max(abs(c) for xy in coords for c in xy), 1e-9)
    return {
        n: (round(x / span * SCALE, 2), round(y / span * SCALE, 2))
        for n, (x, y) in zip(names, coords, strict=True)
    }
