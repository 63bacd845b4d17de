"""k shortest paths between two actors, with the evidence behind every hop.

At a date (``skg analyze paths --as-of 2022-07-01``) the graph first loses
the offices not held that day (``SubgraphFilter.as_of``), so a path through
"X is Geschäftsführer of Y" only exists while X holds the office; each hop
along an office names it with its bounds in the ``office`` column.

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
from graph.model import GraphData
from graph.model.filters import held_on

Offices = dict[frozenset[str], str]


def office_labels(data: GraphData, as_of: str | None = None) -> Offices:
    """Person–organisation pair → "role (start … end)" of their offices (held on ``as_of`` when given).

    >>> from graph.model import Edge
    >>> e = Edge("HOLDS_ROLE", "p", "o", {"role": "Geschäftsführer", "start_date": "2019-03-01",
    ...          "start_precision": "month", "end_date": "2022-07-01", "end_precision": "day",
    ...          "status": "ended"})
    >>> office_labels(GraphData([], [e]))[frozenset(("p", "o"))]
    'Geschäftsführer (2019-03 … 2022-07-01)'
    >>> office_labels(GraphData([], [e]), as_of="2023-01-01")
    {}
    """
    out: dict[frozenset[str], list[str]] = {}
    for e in data.edges:
        if e.type != "HOLDS_ROLE" or (as_of and not held_on(e.props, as_of)):
            continue
        out.setdefault(frozenset((e.source, e.target)), []).append(_office_label(e.props))
    return {pair: "; ".join(sorted(labels)) for pair, labels in out.items()}


def _bound(day: object, precision: object) -> str:
    digits = {"year": 4, "month": 7}.get(str(precision), 10)
    return str(day)[:digits] if day else "?"


def _office_label(p: dict[str, object]) -> str:
    start = _bound(p.get("start_date") or p.get("first_seen"), p.get("start_precision"))
    if p.get("end_date"):
        end = _bound(p.get("end_date"), p.get("end_precision"))
    else:
        end = "" if p.get("status") == "current" else f"{_bound(p.get('last_seen'), 'day')}?"
    return f"{p.get('role') or 'role'} ({start} … {end})"


def k_shortest_paths(g: nx.Graph, source: str, target: str, k: int = 3, max_hops: int = 6,
                     offices: Offices | None = None, as_of: str | None = None) -> Result:
    """Up to ``k`` loop-free paths by hop count; one table row per hop with its newest evidence.

    ``offices`` (from :func:`office_labels`) fills the ``office`` column of hops along an office;
    ``as_of`` is only recorded in the method (the caller filtered ``g`` to that date).
    """
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
                    "office": (offices or {}).get(frozenset((u, v)), ""),
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
        "office",
    ]
    return Result(
        pd.DataFrame(rows, columns=columns),
        method(
            g, "k_shortest_paths", source=source, target=target, k=k, max_hops=max_hops, path_length="hops",
            as_of=as_of,
        ),
        extra={"paths": [{"nodes": p, "names": [g.nodes[n].get("name", n) for n in p]} for p in paths]},
    )
