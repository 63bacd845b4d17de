"""k shortest paths between two actors, with the evidence behind every hop.

>>> import networkx as nx
>>> g = nx.Graph(snapshot_id="s_x")
>>> g.add_edge("a", "b", evidence=[{"article_id": "a1", "sentence": "A und B."}])
>>> g.add_edge("b", "c", evidence=[{"article_id": "a2", "sentence": "B und C."}])
>>> r = k_shortest_paths(g, "a", "c", k=2)
>>> r.extra["paths"][0]["nodes"], r.table["sentence"].tolist()
(['a', 'b', 'c'], ['A und B.', 'B und C.'])
"""

from __future__ import annotations

from itertools import islice, pairwise

import networkx as nx
import pandas as pd

from graph.analyze.result import Result, method
from graph.errors import SkgError


def k_shortest_paths(g: nx.Graph, source: str, target: str, k: int = 3, max_hops: int = 6) -> Result:
    """Up to ``k`` loop-free paths by hop count; one table row per hop with its newest evidence."""
    for node in (source, target):
        if node not in g:
            raise SkgError(f"entity {node!r} is not in the graph", hint="check the id with `skg search`")
    paths: list[list[str]] = []
    try:
        for path in islice(nx.shortest_simple_paths(g, source, target), k):
            if len(path) - 1 > max_hops:
                break
            paths.append(path)
    except nx.NetworkXNoPath:
        pass
    rows = []
    for p_no, path in enumerate(paths):
        for hop, (u, v) in enumerate(pairwise(path)):
            data = g.edges[u, v]
            evidence = list(data.get("evidence") or [])
            first = evidence[0] if evidence else {}
            rows.append(
                {
                    "path": p_no,
                    "hop": hop,
                    "source": u,
                    "target": v,
                    "source_name": g.nodes[u].get("name", u),
                    "target_name": g.nodes[v].get("name", v),
                    "types": ",".join(data.get("types", [])),
                    "articles": data.get("articles"),
                    "article_id": first.get("article_id"),
                    "published": first.get("published"),
                    "sentence": first.get("sentence"),
                    "evidence_count": len(evidence),
                }
            )
    columns = [
        "path",
        "hop",
        "source",
        "target",
        "source_name",
        "target_name",
        "types",
        "articles",
        "article_id",
        "published",
        "sentence",
        "evidence_count",
    ]
    return Result(
        pd.DataFrame(rows, columns=columns),
        method(
            g, "k_shortest_paths", source=source, target=target, k=k, max_hops=max_hops, path_length="hops"
        ),
        extra={"paths": [{"nodes": p, "names": [g.nodes[n].get("name", n) for n in p]} for p in paths]},
    )
