"""Benchmark: the interactive HTML network for 10,000 nodes, direct vis lists versus pyvis.

Target: <= 0.5 s for the page itself (vis node/edge lists, escaping, inline
JS, file write). The layout is computed once and timed separately, because
both paths need positions. pyvis' ``Network.from_nx`` is timed on the same
graph for comparison (it is quadratic; ``--skip-pyvis`` leaves it out).

    python -m bench.bench_export [--nodes 10000 --edges 30000] [--skip-pyvis] [--json]
"""

from __future__ import annotations

import argparse
import sys
import tempfile
from pathlib import Path
from typing import Any


def main(argv: list[str] | None = None) -> int:
    from bench._util import emit, timed
    from bench.synthetic import synthetic_graph
    from graph.export.html import vis_assets, write_html
    from graph.export.layout import positions

    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--nodes", type=int, default=10000)
    parser.add_argument("--edges", type=int, default=30000)
    parser.add_argument("--skip-pyvis", action="store_true")
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args(argv)
    g = synthetic_graph(args.nodes, args.edges, seed=42)
    base = {"nodes": args.nodes, "edges": args.edges}
    vis_assets()  # read the 470 kB library once, as a long-running process would
    rows: list[dict[str, Any]] = []
    pos, wall, cpu = timed(lambda: positions(g, 42))
    rows.append({"measurement": "layout_igraph", **base, "wall_s": wall, "cpu_s": cpu})
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp) / "net.html"
        _, wall, cpu = timed(lambda: write_html(g, out, pos, "bench", "bench"))
        rows.append(
            {
                "measurement": "html_direct_vis_lists",
                **base,
                "wall_s": wall,
                "cpu_s": cpu,
                "mb": round(out.stat().st_size / 1e6, 1),
            }
        )
        if not args.skip_pyvis:
            from pyvis.network import Network

            def pyvis_page() -> str:
                net = Network(height="800px", width="100%", cdn_resources="in_line")
                net.from_nx(g)
                net.toggle_physics(False)
                return str(net.generate_html())

            _, wall, cpu = timed(pyvis_page)
            rows.append({"measurement": "html_pyvis_from_nx", **base, "wall_s": wall, "cpu_s": cpu})
    emit(rows, args.json)
    return 0


if __name__ == "__main__":
    sys.exit(main())
