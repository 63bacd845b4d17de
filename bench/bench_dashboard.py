"""Benchmark the dashboard in headless Chromium.

Measures (1) how long the first page takes to be ready on a synthetic graph of
10,000 articles, cold (fresh server) and warm (second visit), and (2) how long
the network page needs until 500 nodes are drawn.

    python bench/bench_dashboard.py [--articles 10000] [--nodes 500] [--json]

Targets from issue 6: first page ≤ 2 s, network of 500 nodes ≤ 1.5 s.
"""

from __future__ import annotations

import argparse
import itertools
import json
import random
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from graph.model import Edge, GraphData, Node  # noqa: E402
from graph.settings import load_settings  # noqa: E402
from graph.store import open_store  # noqa: E402

TYPES = (
    ("ORGANIZATION", "vendor"),
    ("ORGANIZATION", "public_it_provider"),
    ("ORGANIZATION", "association"),
    ("MUNICIPALITY", None),
    ("PERSON", None),
    ("LOCATION", None),
)


def synthetic_graph(articles: int, seed: int = 7) -> GraphData:
    """About 0.3 entities and 3 co-mention ties per article, dated over six years."""
    rnd = random.Random(seed)
    n_ent = max(50, articles * 3 // 10)
    nodes = []
    for i in range(n_ent):
        etype, kind = TYPES[i % len(TYPES)]
        props: dict[str, Any] = {
            "name": f"Actor {i}",
            "type": etype,
            "kind": kind,
            "aliases": [],
            "mentions": 0,
            "articles": rnd.randint(1, 60),
            "first_seen": "2019-01-01",
            "last_seen": "2024-12-31",
            "confidence": round(rnd.uniform(0.3, 1.0), 2),
        }
        if etype == "MUNICIPALITY":
            props |= {
                "ags": f"{i:08d}",
                "lat": rnd.uniform(47.5, 54.8),
                "lon": rnd.uniform(6.0, 14.8),
                "land": rnd.choice(["Bayern", "Hessen", "Sachsen", "Baden-Württemberg"]),
            }
        nodes.append(Node("Entity", f"e_{i:06d}", props))
    edges: dict[tuple[str, str], Edge] = {}
    for a in range(articles):
        day = f"{2019 + a % 6}-{1 + a % 12:02d}-{1 + a % 28:02d}"
        nodes.append(
            Node(
                "Article",
                f"a_{a:06d}",
                {
                    "title": f"Article {a}",
                    "published": day,
                    "url": f"https://example.org/{a}",
                    "role": "article",
                },
            )
        )
        picked = sorted(
            {min(int(rnd.paretovariate(1.2)) * 7 + rnd.randrange(7), n_ent - 1) for _ in range(3)}
        )
        for e in picked:
            edges[(f"a_{a:06d}", f"e_{e:06d}")] = Edge("MENTIONS", f"a_{a:06d}", f"e_{e:06d}", {"count": 1})
        for x, y in itertools.pairwise(picked):
            key = (f"e_{x:06d}", f"e_{y:06d}")
            count = int(edges[key].props["articles"]) + 1 if key in edges else 1
            edges[key] = Edge(
                "CO_MENTIONED",
                *key,
                {
                    "weight": count,
                    "articles": count,
                    "first_seen": day,
                    "last_seen": day,
                    "npmi": 0.3,
                    "evidence": json.dumps(
                        [
                            {
                                "article_id": f"a_{a:06d}",
                                "published": day,
                                "sentence": f"Actor {x} and Actor {y} work together.",
                                "start": 0,
                                "end": 10,
                            }
                        ]
                    ),
                },
            )
    return GraphData(nodes=nodes, edges=list(edges.values()), snapshot_id=f"s_bench{articles}")


IDLE = (
    "() => !document.querySelector('[data-testid=\"stStatusWidget\"]')"
    " || !document.querySelector('[data-testid=\"stStatusWidget\"]').innerText.includes('Running')"
)


def _ready_seconds(page: Any, url: str) -> dict[str, float]:
    """Seconds until counts and top actors show, and until the script run has finished."""
    start = time.perf_counter()
    page.goto(url)
    page.wait_for_selector('[data-testid="stMetricValue"]', timeout=120_000)
    page.wait_for_selector('[data-testid="stDataFrame"]', timeout=120_000)
    content = time.perf_counter() - start
    page.wait_for_selector('[data-testid="stVegaLiteChart"]', timeout=120_000)
    page.wait_for_function(IDLE, timeout=120_000)
    return {"content_s": round(content, 3), "complete_s": round(time.perf_counter() - start, 3)}


def _network_seconds(page: Any, url: str) -> dict[str, float]:
    start = time.perf_counter()
    page.goto(url)
    handle = page.wait_for_selector("iframe", timeout=120_000)
    frame = handle.content_frame()
    frame.wait_for_function("() => document.body && document.body.dataset.drawn === '1'", timeout=120_000)
    total = time.perf_counter() - start
    inside = frame.evaluate("() => window.__skgDrawnAt") / 1000.0
    nodes = frame.evaluate("() => net.body.data.nodes.length")
    return {"page_to_drawn_s": round(total, 3), "iframe_draw_s": round(inside, 3), "nodes": nodes}


def run(articles: int, nodes: int) -> dict[str, Any]:
    """Build the graph, start the dashboard, measure in Chromium."""
    from playwright.sync_api import sync_playwright

    from tests.dashboard.browser import DashboardServer, launch

    result: dict[str, Any] = {"articles": articles}
    with tempfile.TemporaryDirectory(prefix="skg-bench-") as tmp:
        home = Path(tmp)
        settings = load_settings(env={"SKG_HOME": str(home), "SKG_NODE_CAP": str(nodes)}, use_file=False)
        graph = synthetic_graph(articles)
        t0 = time.perf_counter()
        with open_store(settings) as store:
            store.write(graph)
        result |= {
            "entities": sum(n.label == "Entity" for n in graph.nodes),
            "edges": len(graph.edges),
            "store_write_s": round(time.perf_counter() - t0, 3),
        }
        (home / "skg.toml").write_text(f"node_cap = {nodes}\n", encoding="utf-8")
        server = DashboardServer(home, home / "dashboard.log").start()
        try:
            with sync_playwright() as pw:
                browser = launch(pw)
                page = browser.new_page(viewport={"width": 1400, "height": 1000})
                result["first_page_cold"] = _ready_seconds(page, server.url + "/")
                result["first_page_warm"] = _ready_seconds(page, server.url + "/")
                _network_seconds(page, server.url + "/network")  # lays out once (cached afterwards)
                result["network"] = _network_seconds(page, server.url + "/network")
                browser.close()
        finally:
            server.stop()
    return result


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=10_000)
    parser.add_argument("--nodes", type=int, default=500)
    parser.add_argument("--json", action="store_true", help="print one JSON object")
    args = parser.parse_args(argv)
    result = run(args.articles, args.nodes)
    if args.json:
        print(json.dumps(result))
    else:
        for key, value in result.items():
            print(f"{key:>20}: {value}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
