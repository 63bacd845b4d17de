"""Benchmark: communities and betweenness on a 20k-node / 200k-edge entity graph.

Targets: communities <= 1 s; sampled betweenness <= 5 s with Spearman rank
correlation >= 0.95 against exact betweenness (computed once here with
igraph, 105-149 s CPU here; ``--quick`` uses 5k nodes / 50k edges instead).

    python -m bench.bench_analyze [--quick] [--pivots 256 512] [--json]
"""

from __future__ import annotations

import argparse
import sys
from typing import Any


def main(argv: list[str] | None = None) -> int:
    from scipy.stats import spearmanr

    from bench._util import emit, timed
    from bench.synthetic import synthetic_graph
    from graph.analyze._igraph import to_igraph
    from graph.analyze.betweenness import betweenness
    from graph.analyze.communities import communities
    from graph.analyze.pagerank import pagerank

    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--quick", action="store_true", help="5k nodes / 50k edges")
    parser.add_argument("--pivots", type=int, nargs="+", default=[128, 256, 512])
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args(argv)
    n, m = (5000, 50000) if args.quick else (20000, 200000)
    g = synthetic_graph(n, m, seed=42)
    base = {"nodes": n, "edges": m}
    rows: list[dict[str, Any]] = []
    for algo in ("leiden", "louvain"):
        res, wall, cpu = timed(lambda a=algo: communities(g, algorithm=a))  # type: ignore[misc]
        rows.append(
            {
                "measurement": f"communities_{algo}",
                **base,
                "wall_s": wall,
                "cpu_s": cpu,
                "modularity": res.extra["modularity"],
                "communities": res.extra["count"],
            }
        )
    _, wall, cpu = timed(lambda: pagerank(g))
    rows.append({"measurement": "pagerank", **base, "wall_s": wall, "cpu_s": cpu})
    h, names = to_igraph(g, weight=None)
    exact, wall, cpu = timed(lambda: h.betweenness(directed=False))
    rows.append({"measurement": "betweenness_exact_igraph", **base, "wall_s": wall, "cpu_s": cpu})
    reference = dict(zip(names, exact, strict=True))
    for pivots in args.pivots:
        res, wall, cpu = timed(lambda p=pivots: betweenness(g, exact_limit=0, pivots=p))  # type: ignore[misc]
        values = res.table.set_index("id")["betweenness"]
        ordered = [values[name] for name in names]
        top = sorted(names, key=lambda x: -reference[x])[: n // 10]
        rows.append(
            {
                "measurement": "betweenness_sampled",
                **base,
                "pivots": pivots,
                "wall_s": wall,
                "cpu_s": cpu,
                "spearman_all": round(float(spearmanr(exact, ordered).statistic), 4),
                "spearman_top10pct": round(
                    float(spearmanr([reference[x] for x in top], [values[x] for x in top]).statistic), 4
                ),
                "rel_stderr_top1pct": res.extra["mean_relative_stderr_top1pct"],
            }
        )
    emit(rows, args.json)
    return 0


if __name__ == "__main__":
    sys.exit(main())
