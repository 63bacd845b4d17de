"""Benchmark the dashboard in headless Chromium on a synthetic 10,000-article graph.

What it measures (issue 6: first page ready ≤ 2 s, network of 500 nodes drawn ≤ 1.5 s):

* **server start** — from launching ``skg dashboard`` until the server answers
  (Python start, imports, and the warm-up that opens the store and loads or
  computes the snapshot's summary before the server listens).
* **first page, cold** — a fresh server and the first visit: from the browser's
  request until the counts, the top-actor tables and the chart are drawn and the
  script run has finished. Measured twice per repeat: with an empty browser
  cache (a first-ever visit: Chromium also parses Streamlit's JavaScript) and
  with the browser cache of an earlier visit (``skg dashboard`` restarted on
  the same port, the usual case).
* **skg dashboard → first page** — server start plus the cold first page with
  an empty browser cache: everything a user waits for after starting the
  command (the browser's own start is not included).
* **first page, warm** — a second visit (new session) to a running server.
* **network** — the network page until vis-network has drawn ``--nodes`` nodes
  (second visit: the first one lays the graph out and caches it).
* **floor** — the same first-page measurement on a bare Streamlit page (a
  metric, a chart, a table): what Streamlit and Chromium alone cost right now.

The server logs its own step timings (``SKG_DASHBOARD_TIMINGS``), printed for
the first cold run. The machine's 1-minute load average is printed too: on a
shared 2-core machine wall times of the browser grow with other load.

    python -m bench.bench_dashboard [--articles 10000] [--nodes 500] [--repeats 3] [--json]
"""

from __future__ import annotations

import argparse
import itertools
import json
import os
import random
import statistics
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
TABLES = '[data-testid="stTable"], [data-testid="stDataFrame"]'
CHART = ('[data-testid="stVegaLiteChart"] canvas, [data-testid="stVegaLiteChart"] svg, '
         '[data-testid="stHtml"] .skg-bar')  # the overview draws its time line as HTML boxes
VIEWPORT = {"width": 1400, "height": 1000}
TIMINGS_ENV = {"SKG_DASHBOARD_TIMINGS": "1"}


def _cpu_meter(page: Any) -> Any:
    """A DevTools session counting the CPU time of the page's renderer main thread from now on."""
    cdp = page.context.new_cdp_session(page)
    cdp.send("Performance.enable", {"timeDomain": "threadTicks"})  # durations in thread CPU time
    return cdp


def _busy_seconds(cdp: Any) -> float:
    """Chrome's ``TaskDuration`` (in thread CPU time) since the meter started.

    Unlike wall time this grows little with other load on the machine, so it
    estimates what the first page costs the browser on an idle computer.
    """
    metrics = {m["name"]: m["value"] for m in cdp.send("Performance.getMetrics")["metrics"]}
    return float(metrics.get("TaskDuration", 0.0))


def _ready_seconds(page: Any, url: str) -> dict[str, float]:
    """Seconds until counts and top actors show, and until the chart is drawn and the run finished.

    ``page`` must be fresh (its renderer CPU counter starts at the navigation).
    """
    meter = _cpu_meter(page)
    start = time.perf_counter()
    page.goto(url)
    page.wait_for_selector('[data-testid="stMetricValue"]', timeout=120_000)
    page.wait_for_selector(TABLES, timeout=120_000)
    content = time.perf_counter() - start
    page.wait_for_selector(CHART, timeout=120_000, state="attached")
    page.wait_for_function(IDLE, timeout=120_000)
    return {"content_s": round(content, 3), "complete_s": round(time.perf_counter() - start, 3),
            "browser_cpu_s": round(_busy_seconds(meter), 3)}


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


def _browser(pw: Any, profile: Path) -> Any:
    """A headless Chromium context whose cache lives in ``profile`` (empty folder: empty cache)."""
    from tests.dashboard.browser import CHROMIUM, CHROMIUM_ARGS

    return pw.chromium.launch_persistent_context(str(profile), executable_path=CHROMIUM,
                                                 args=CHROMIUM_ARGS, viewport=VIEWPORT)


def _server_steps(log: Path) -> dict[str, float]:
    """The server's step timings of its warm-up and first script run (first occurrence of each)."""
    from dashboard.timing import parse

    steps: dict[str, float] = {}
    for name, seconds in parse(log.read_text(errors="replace")):
        steps.setdefault(name, round(seconds, 3))
    return steps


def _cold_run(home: Path, port: int, profile: Path, pw: Any) -> dict[str, Any]:
    """Start ``skg dashboard``, visit the first page once cold and once warm, stop the server."""
    from tests.dashboard.browser import DashboardServer

    log = home / f"dashboard-{time.time_ns()}.log"
    started = time.perf_counter()
    server = DashboardServer(home, log, port=port, env=TIMINGS_ENV).start()
    up = round(time.perf_counter() - started, 3)
    try:
        context = _browser(pw, profile)
        first = _ready_seconds(context.new_page(), server.url + "/")
        warm = _ready_seconds(context.new_page(), server.url + "/")
        context.close()
    finally:
        server.stop()
    return {"server_start_s": up, "first_page": first, "warm": warm, "server_steps": _server_steps(log)}


FLOOR_APP = """
import pandas as pd
import streamlit as st

st.title("Floor")
st.metric("Actors", "3,000")
months = pd.DataFrame({"month": [f"2024-{m:02d}" for m in range(1, 13)], "articles": range(12)})
st.vega_lite_chart(months, {"mark": "bar", "encoding": {"x": {"field": "month", "type": "ordinal"},
                   "y": {"field": "articles", "type": "quantitative"}}}, height=220, width="stretch")
st.table(months, hide_index=True)
"""


def _floor(home: Path, pw: Any) -> dict[str, Any]:
    """The same measurement on a bare Streamlit page (a metric, a chart, a table; no data, no sidebar).

    What Streamlit and Chromium alone cost on this machine at this moment: the
    dashboard's first page cannot be faster than this.
    """
    import subprocess

    from dashboard.commands import streamlit_command
    from tests.dashboard.browser import free_port, launch

    app = home.parent / "floor_app.py"
    app.write_text(FLOOR_APP, encoding="utf-8")
    port = free_port()
    command = [sys.executable, "-m", "streamlit", "run", str(app), *streamlit_command(port)[4:]]
    proc = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.STDOUT)
    try:
        _wait_health(f"http://127.0.0.1:{port}")
        browser = launch(pw)
        context = browser.new_context(viewport=VIEWPORT)
        runs = [_ready_seconds(context.new_page(), f"http://127.0.0.1:{port}/") for _ in range(3)]
        browser.close()
    finally:
        proc.terminate()
        proc.wait(timeout=15)
    return {"first_visit": runs[0], "later_visits": runs[1:]}


def _wait_health(url: str, timeout: float = 60.0) -> None:
    import urllib.request

    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            with urllib.request.urlopen(url + "/_stcore/health", timeout=2):
                return
        except OSError:
            time.sleep(0.1)
    raise RuntimeError(f"the floor app at {url} did not start in {timeout} s")


def _network(home: Path, pw: Any) -> dict[str, Any]:
    from tests.dashboard.browser import DashboardServer, launch

    server = DashboardServer(home, home / "network.log").start()
    try:
        browser = launch(pw)
        page = browser.new_page(viewport=VIEWPORT)
        _network_seconds(page, server.url + "/network")  # lays out once (cached afterwards)
        result = _network_seconds(page, server.url + "/network")
        browser.close()
    finally:
        server.stop()
    return result


def _scenarios(home: Path, repeats: int, pw: Any) -> dict[str, list[dict[str, Any]]]:
    """Per repeat: the first start after a build with an empty browser cache, then a restart.

    The first start computes the snapshot's summary (its cache file is removed
    before), the restart reads it from disk; the restart reuses the port and
    the browser profile, so Chromium has Streamlit's JavaScript cached.
    """
    import shutil

    from tests.dashboard.browser import free_port

    runs: dict[str, list[dict[str, Any]]] = {"first_start": [], "restart": []}
    for i in range(repeats):
        shutil.rmtree(home / "cache", ignore_errors=True)
        profile, port = home.parent / f"chromium-{i}", free_port()
        runs["first_start"].append(_cold_run(home, port, profile, pw))
        runs["restart"].append(_cold_run(home, port, profile, pw))
    return runs


def _median(values: list[float]) -> float:
    return round(statistics.median(values), 3) if values else float("nan")


def _digest(runs: list[dict[str, Any]]) -> dict[str, Any]:
    """Medians and every value of one scenario's runs."""
    start = [r["server_start_s"] for r in runs]
    complete = [r["first_page"]["complete_s"] for r in runs]
    content = [r["first_page"]["content_s"] for r in runs]
    total = [round(s + c, 3) for s, c in zip(start, complete, strict=True)]
    cpu = [r["first_page"]["browser_cpu_s"] for r in runs]
    return {"server_start_s": _median(start), "first_page_content_s": _median(content),
            "first_page_complete_s": _median(complete), "launch_to_ready_s": _median(total),
            "first_page_browser_cpu_s": _median(cpu),
            "runs": {"server_start_s": start, "first_page_complete_s": complete, "launch_to_ready_s": total}}


def run(articles: int, nodes: int, repeats: int = 3) -> dict[str, Any]:
    """Build the graph, then measure the scenarios and the network page in Chromium."""
    from playwright.sync_api import sync_playwright

    result: dict[str, Any] = {"articles": articles, "load_avg_1m_start": round(os.getloadavg()[0], 2)}
    with tempfile.TemporaryDirectory(prefix="skg-bench-") as tmp:
        home = Path(tmp) / "home"
        settings = load_settings(env={"SKG_HOME": str(home), "SKG_NODE_CAP": str(nodes)}, use_file=False)
        graph = synthetic_graph(articles)
        t0 = time.perf_counter()
        with open_store(settings) as store:
            store.write(graph)
        result |= {"entities": sum(n.label == "Entity" for n in graph.nodes), "edges": len(graph.edges),
                   "store_write_s": round(time.perf_counter() - t0, 3)}
        (home / "skg.toml").write_text(f"node_cap = {nodes}\n", encoding="utf-8")
        with sync_playwright() as pw:
            runs = _scenarios(home, repeats, pw)
            result["network"] = _network(home, pw)
            result["floor"] = _floor(home, pw)
    warm = [r["warm"]["complete_s"] for rs in runs.values() for r in rs]
    result |= {"first_start": _digest(runs["first_start"]), "restart": _digest(runs["restart"]),
               "warm_first_page_complete_s": _median(warm), "warm_runs": warm,
               "server_steps_first_start": runs["first_start"][0]["server_steps"],
               "server_steps_restart": runs["restart"][0]["server_steps"],
               "load_avg_1m_end": round(os.getloadavg()[0], 2)}
    return result


def _report(r: dict[str, Any]) -> list[str]:
    """Human-readable lines saying what each number measures."""
    first, again = r["first_start"], r["restart"]
    return [
        f"graph: {r['articles']:,} articles, {r['entities']:,} actors, {r['edges']:,} edges "
        f"(written in {r['store_write_s']} s); "
        f"load average {r['load_avg_1m_start']} → {r['load_avg_1m_end']}",
        "medians (all runs in brackets); target: first page ≤ 2 s, network ≤ 1.5 s",
        f"first start after a build, empty browser cache: server answers after {first['server_start_s']} s, "
        f"first page ready {first['first_page_complete_s']} s (content {first['first_page_content_s']} s) "
        f"{first['runs']['first_page_complete_s']}; Chromium main-thread CPU "
        f"{first['first_page_browser_cpu_s']} s",
        f"  skg dashboard → first page ready: {first['launch_to_ready_s']} s "
        f"{first['runs']['launch_to_ready_s']}",
        f"restart of skg dashboard, browser cache kept: server answers after {again['server_start_s']} s, "
        f"first page ready {again['first_page_complete_s']} s {again['runs']['first_page_complete_s']}; "
        f"Chromium main-thread CPU {again['first_page_browser_cpu_s']} s",
        f"  skg dashboard → first page ready: {again['launch_to_ready_s']} s "
        f"{again['runs']['launch_to_ready_s']}",
        f"warm (second visit, running server): {r['warm_first_page_complete_s']} s {r['warm_runs']}",
        f"network page, {r['network']['nodes']} nodes drawn: {r['network']['page_to_drawn_s']} s "
        f"(drawing inside the iframe {r['network']['iframe_draw_s']} s)",
        f"floor, a bare Streamlit page (metric, chart, table) on this machine now: first visit "
        f"{r['floor']['first_visit']['complete_s']} s, later "
        f"{[v['complete_s'] for v in r['floor']['later_visits']]} s; Chromium main-thread CPU "
        f"{[v['browser_cpu_s'] for v in [r['floor']['first_visit'], *r['floor']['later_visits']]]} s",
        f"server steps, first start: {r['server_steps_first_start']}",
        f"server steps, restart: {r['server_steps_restart']}",
    ]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--articles", type=int, default=10_000)
    parser.add_argument("--nodes", type=int, default=500)
    parser.add_argument("--repeats", type=int, default=3, help="cold starts per scenario")
    parser.add_argument("--json", action="store_true", help="print one JSON object")
    args = parser.parse_args(argv)
    result = run(args.articles, args.nodes, args.repeats)
    print(json.dumps(result) if args.json else "\n".join(_report(result)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
