"""Communities: Leiden (igraph's C implementation, seeded), Louvain or leidenalg on request.

igraph's own Leiden (two iterations) optimises modularity in 0.26 s CPU on
20k nodes / 200k edges here; ``leidenalg`` with the same objective took 18 s
(wall, loaded machine). It stays available as ``algorithm="leidenalg"`` for
its other quality functions.

Each community is labelled by its three members with the largest weighted
degree, which is what analysts recognise ("Vitako · KGSt · Dataport").

>>> import networkx as nx
>>> g = nx.Graph(snapshot_id="s_x")
>>> g.add_edges_from([("a", "b"), ("b", "c"), ("a", "c"), ("x", "y"), ("y", "z"), ("x", "z"), ("c", "x")])
>>> r = communities(g, seed=1)
>>> sorted(r.table.groupby("community")["id"].apply(lambda s: "".join(sorted(s))))
['abc', 'xyz']
"""

from __future__ import annotations

import random

import igraph as ig
import networkx as nx
import pandas as pd

from graph.analyze._igraph import to_igraph
from graph.analyze.result import Result, method
from graph.errors import SkgError

TOP_MEMBERS = 3
IMPLEMENTATIONS = {
    "leiden": "igraph Leiden (modularity)",
    "louvain": "igraph Louvain (multilevel)",
    "leidenalg": "leidenalg RBConfiguration",
}


def communities(g: nx.Graph, seed: int = 42, resolution: float = 1.0, algorithm: str = "leiden") -> Result:
    """Partition of the nodes; ``table`` has id, name, type, community; ``extra['labels']`` names them."""
    h, names = to_igraph(g)
    weights = "weight" if h.ecount() else None
    if h.vcount() == 0:
        membership: list[int] = []
        quality = 0.0
    else:
        membership, quality = _partition(h, weights, seed, resolution, algorithm)
    attrs = g.nodes
    table = pd.DataFrame(
        {
            "id": names,
            "name": [attrs[n].get("name", n) for n in names],
            "type": [attrs[n].get("type") for n in names],
            "community": membership,
            "weighted_degree": h.strength(weights=weights) if names else [],
        }
    )
    table = _renumber(table)
    return Result(
        table,
        method(
            g,
            "communities",
            implementation=IMPLEMENTATIONS.get(algorithm, algorithm),
            seed=seed,
            resolution=resolution,
        ),
        extra={
            "labels": _labels(table),
            "modularity": round(quality, 4),
            "count": int(table["community"].nunique()) if len(table) else 0,
        },
    )


def _partition(
    h: ig.Graph, weights: str | None, seed: int, resolution: float, algorithm: str
) -> tuple[list[int], float]:
    random.seed(seed)  # igraph's Leiden and Louvain draw from Python's RNG
    if algorithm == "leiden":
        part = h.community_leiden(
            objective_function="modularity", weights=weights, resolution=resolution, n_iterations=2
        )
    elif algorithm == "louvain":
        part = h.community_multilevel(weights=weights, resolution=resolution)
    elif algorithm == "leidenalg":
        import leidenalg

        part = leidenalg.find_partition(
            h,
            leidenalg.RBConfigurationVertexPartition,
            weights=weights,
            resolution_parameter=resolution,
            seed=seed,
        )
    else:
        raise SkgError(f"unknown community algorithm {algorithm!r}", hint="use leiden, louvain or leidenalg")
    membership = list(part.membership)
    return membership, float(h.modularity(membership, weights=weights, resolution=resolution))


def _renumber(table: pd.DataFrame) -> pd.DataFrame:
    """Number communities by size (0 = largest), ties by their smallest id, for stable output."""
    if table.empty:
        return table
    groups = table.groupby("community")["id"].agg(["size", "min"]).reset_index()
    order = groups.sort_values(["size", "min"], ascending=[False, True])["community"].tolist()
    table["community"] = table["community"].map({c: i for i, c in enumerate(order)})
    return table.sort_values(
        ["community", "weighted_degree", "id"], ascending=[True, False, True], ignore_index=True
    )


def _labels(table: pd.DataFrame) -> dict[int, str]:
    """Each community's label from its first members in ``table``'s (strongest-first) order.

    One pass over plain lists: a pandas groupby per community cost 2.4 s on a
    graph of 3,000 actors, most of them singleton communities.

    >>> _labels(pd.DataFrame({"community": [0, 0, 1, 0, 0], "name": ["a", "b", "c", "d", "e"]}))
    {0: 'a · b · d', 1: 'c'}
    """
    members: dict[int, list[str]] = {}
    for c, name in zip(table["community"].tolist(), table["name"].astype(str).tolist(), strict=True):
        names = members.setdefault(int(c), [])
        if len(names) < TOP_MEMBERS:
            names.append(name)
    return {c: " · ".join(names) for c, names in sorted(members.items())}
