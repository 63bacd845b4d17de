"""Run one named analysis on a built graph (what `skg analyze METRIC` and the dashboard call)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import networkx as nx

from graph.analyze.result import Result
from graph.errors import SkgError
from graph.model import GraphData
from graph.store.base import SubgraphFilter


def _period(text: str | None) -> tuple[str | None, str | None]:
    """``FROM:TO`` with either side optional.

    >>> _period("2020-01-01:"), _period(":2021-12-31")
    ((\'2020-01-01\', None), (None, \'2021-12-31\'))
    """
    if not text or ":" not in text:
        raise SkgError(
            f"period {text!r} is not FROM:TO", hint="write e.g. 2020-01-01:2020-12-31 (a side may be empty)"
        )
    start, end = text.split(":", 1)
    return start or None, end or None


def _graph_metrics() -> dict[str, Callable[..., Result]]:
    from graph.analyze import betweenness, brokerage, communities, degree, market, pagerank

    return {
        "degree": lambda g, o: degree.weighted_degree(g),
        "reach": lambda g, o: degree.reach_by_type(g),
        "betweenness": lambda g, o: betweenness.betweenness(g, seed=o.get("seed", 42)),
        "pagerank": lambda g, o: pagerank.pagerank(g),
        "communities": lambda g, o: communities.communities(g, seed=o.get("seed", 42)),
        "brokerage": lambda g, o: brokerage.brokerage(g),
        "matrix": lambda g, o: market.vendor_municipality_matrix(g),
        "share": lambda g, o: market.share_of_voice(g),
        "ego": _ego,
        "paths": _paths,
    }


def _ego(g: nx.Graph, o: dict[str, Any]) -> Result:
    from graph.analyze.degree import weighted_degree
    from graph.analyze.ego import ego_network

    if not o.get("focus"):
        raise SkgError("ego needs --focus ENTITY_ID", hint="find ids with `skg search NAME`")
    sub = ego_network(g, o["focus"], int(o.get("depth", 1)), tuple(o.get("types", ())))
    result = weighted_degree(sub)
    result.method.update(algorithm="ego_network", center=o["focus"], depth=int(o.get("depth", 1)))
    return result


def _paths(g: nx.Graph, o: dict[str, Any]) -> Result:
    from graph.analyze.paths import k_shortest_paths

    if not o.get("focus") or not o.get("target"):
        raise SkgError(
            "paths needs --focus SOURCE_ID and --target TARGET_ID", hint="find ids with `skg search`"
        )
    return k_shortest_paths(g, o["focus"], o["target"], k=int(o.get("k", 3)), offices=o.get("offices"),
                            as_of=o.get("as_of"))


METRICS = (
    "degree",
    "reach",
    "betweenness",
    "pagerank",
    "communities",
    "brokerage",
    "matrix",
    "share",
    "ego",
    "paths",
    "diff",
)


def run_metric(data: GraphData, metric: str, flt: SubgraphFilter | None = None, **options: Any) -> Result:
    """Compute ``metric`` on the entity graph after ``flt`` (``diff`` uses period_a/period_b options)."""
    from graph.build.nxgraph import entity_graph

    if metric == "diff":
        from graph.analyze.temporal import period_diff

        return period_diff(data, _period(options.get("period_a")), _period(options.get("period_b")))
    metrics = _graph_metrics()
    if metric not in metrics:
        raise SkgError(f"unknown metric {metric!r}", hint="use one of: " + ", ".join(METRICS))
    if metric == "paths":  # name the offices along a path (held on the filter's date, if any)
        from graph.analyze.paths import office_labels

        as_of = flt.as_of if flt else None
        options = {**options, "offices": office_labels(data, as_of), "as_of": as_of}
    return metrics[metric](entity_graph(data, flt), options)
