"""Time slices of the co-mention graph and the diff of two periods.

A slice recounts co-mentions from the articles published in the period
(via their ``MENTIONS`` edges), so counts are exact per period rather than
corpus-wide. Vendor listings never produce co-mentions, as in the build.
"""

from __future__ import annotations

from collections import defaultdict
from itertools import combinations

import networkx as nx
import pandas as pd

from graph.analyze.result import Result
from graph.model import GraphData

Period = tuple[str | None, str | None]


def time_slice(data: GraphData, date_from: str | None, date_to: str | None) -> nx.Graph:
    """Entities co-mentioned in documents published within [date_from, date_to] (``weight`` = documents)."""
    articles = {n.id: n.props for n in data.nodes if n.label == "Article"}
    entities = {n.id: n.props for n in data.nodes if n.label == "Entity"}
    per_doc: dict[str, list[str]] = defaultdict(list)
    for e in data.edges:
        if e.type != "MENTIONS":
            continue
        a = articles.get(e.source)
        day = a.get("published") if a else None
        if a is None or a.get("role") == "vendor_listing" or day is None:
            continue
        if (date_from and day < date_from) or (date_to and day > date_to):
            continue
        per_doc[e.source].append(e.target)
    g = nx.Graph(snapshot_id=data.snapshot_id, filter=f"period {date_from or '…'} – {date_to or '…'}")
    for _doc, ents in per_doc.items():
        for eid in ents:
            if not g.has_node(eid):
                g.add_node(eid, **entities.get(eid, {}))
        for u, v in combinations(sorted(set(ents)), 2):
            if g.has_edge(u, v):
                g.edges[u, v]["weight"] += 1.0
            else:
                g.add_edge(u, v, weight=1.0)
    return g


def period_diff(
    data: GraphData, period_a: Period, period_b: Period, ratio: float = 1.5, min_change: float = 1.0
) -> Result:
    """Ties that are new, vanished, strengthened or weakened from period A to period B.

    A tie is strengthened when its weight grew by at least ``ratio`` times and
    ``min_change`` documents, weakened for the mirror case.

    >>> from graph.model import GraphData, Node, Edge
    >>> arts = [Node("Article", f"a{i}", {"published": d, "role": "article"})
    ...         for i, d in enumerate(["2020-01-01", "2021-01-01", "2021-02-01"])]
    >>> ents = [Node("Entity", x, {"name": x}) for x in "xyz"]
    >>> ms = [Edge("MENTIONS", "a0", "x"), Edge("MENTIONS", "a0", "y"),
    ...       Edge("MENTIONS", "a1", "x"), Edge("MENTIONS", "a1", "z")]
    >>> r = period_diff(GraphData(ents + arts, ms, "s_x"), (None, "2020-12-31"), ("2021-01-01", None))
    >>> sorted(zip(r.table["status"], r.table["source"], r.table["target"]))
    [('new', 'x', 'z'), ('vanished', 'x', 'y')]
    """
    a = time_slice(data, *period_a)
    b = time_slice(data, *period_b)
    name = {**dict(a.nodes(data="name")), **dict(b.nodes(data="name"))}
    rows = []
    for u, v in sorted({tuple(sorted(e)) for e in [*a.edges(), *b.edges()]}):
        wa = a.edges[u, v]["weight"] if a.has_edge(u, v) else 0.0
        wb = b.edges[u, v]["weight"] if b.has_edge(u, v) else 0.0
        status = _status(wa, wb, ratio, min_change)
        if status:
            rows.append(
                {
                    "status": status,
                    "source": u,
                    "target": v,
                    "source_name": name.get(u) or u,
                    "target_name": name.get(v) or v,
                    "weight_a": wa,
                    "weight_b": wb,
                }
            )
    table = pd.DataFrame(
        rows, columns=["status", "source", "target", "source_name", "target_name", "weight_a", "weight_b"]
    )
    summary = {k: int((table["status"] == k).sum()) for k in ("new", "vanished", "strengthened", "weakened")}
    meth = {
        "algorithm": "period_diff",
        "period_a": list(period_a),
        "period_b": list(period_b),
        "ratio": ratio,
        "min_change": min_change,
        "snapshot_id": data.snapshot_id,
        "weight": "co-mentioning documents",
    }
    return Result(table, meth, extra=summary)


def _status(wa: float, wb: float, ratio: float, min_change: float) -> str | None:
    if wa == 0:
        return "new"
    if wb == 0:
        return "vanished"
    if wb >= wa * ratio and wb - wa >= min_change:
        return "strengthened"
    if wa >= wb * ratio and wa - wb >= min_change:
        return "weakened"
    return None
