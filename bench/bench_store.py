"""Benchmark the graph stores on a synthetic graph shaped like a 100k-article corpus.

Measures: embedded snapshot build time; Neo4j push batched (``UNWIND $rows … MERGE`` in
transactions of ``push_batch`` rows) versus one MERGE per row in its own transaction (measured on
a sample and extrapolated, both printed); query latencies (ego network depth 2, k shortest
paths, top-k reach) on both backends.

    python bench/bench_store.py --articles 100000 [--json] [--neo4j --allow-wipe]

The Neo4j part uses the settings' server (``SKG_HOME``/``SKG_NEO4J_*``) and WIPES its database,
hence ``--allow-wipe``.
"""

from __future__ import annotations

import argparse
import json
import statistics
import tempfile
import time
from collections.abc import Callable
from typing import Any

from graph.model.graphdata import GraphData
from graph.settings import Settings, load_settings
from graph.store import GraphStore, SubgraphFilter, open_store
from graph.store import cypher as q
from graph.store.neo4j_push import edge_payloads
from graph.store.rows import graph_rows
from graph.store.saved_queries import run_saved
from graph.store.synthetic import synthetic_graph


def emit(args: argparse.Namespace, name: str, **values: Any) -> None:
    """Print one measurement (a JSON object per line with ``--json``)."""
    if args.json:
        print(json.dumps({"measurement": name, **values}), flush=True)
    else:
        shown = ", ".join(f"{k}={v:.4g}" if isinstance(v, float) else f"{k}={v}" for k, v in values.items())
        print(f"{name}: {shown}", flush=True)


def timed(fn: Callable[[], Any], repeat: int = 3) -> float:
    """Median seconds of ``repeat`` calls (callers make one warm-up call first)."""
    runs = []
    for _ in range(repeat):
        started = time.perf_counter()
        fn()
        runs.append(time.perf_counter() - started)
    return statistics.median(runs)


def bench_queries(args: argparse.Namespace, store: GraphStore, graph: GraphData) -> None:
    """Latency of the three analyst questions on one backend."""
    co = graph.edges_by_type("CO_MENTIONED")
    focus, other = co[len(co) // 5].source, co[len(co) // 3].target  # actors with co-mentions
    ego = store.subgraph(SubgraphFilter(focus=focus, depth=2))
    emit(
        args,
        f"{store.name}.ego_depth2",
        seconds=timed(lambda: store.subgraph(SubgraphFilter(focus=focus, depth=2))),
        nodes=len(ego.nodes),
        edges=len(ego.edges),
    )
    paths = store.paths(focus, other, k=3, max_hops=4)
    emit(
        args,
        f"{store.name}.k_shortest_paths",
        seconds=timed(lambda: store.paths(focus, other, 3, 4)),
        k=3,
        found=len(paths),
    )
    emit(
        args,
        f"{store.name}.top10_vendor_reach",
        seconds=timed(lambda: run_saved(store, "top_vendors_by_reach", {"limit": 10})),
    )


def bench_embedded(args: argparse.Namespace, graph: GraphData) -> None:
    """Snapshot build time and query latencies of the embedded store."""
    with tempfile.TemporaryDirectory() as home:
        store = open_store(load_settings(env={"SKG_HOME": home}, use_file=False), "embedded")
        report = store.write(graph)
        emit(args, "embedded.snapshot_build", seconds=report.seconds, nodes=report.nodes, edges=report.edges)
        bench_queries(args, store, graph)
        store.close()


def _edge_rate(store: Any, graph: GraphData, batch: int, sample: int | None = None) -> tuple[float, int]:
    """Relationships per second writing edges in transactions of ``batch`` rows (nodes exist)."""
    payloads = edge_payloads(graph_rows(graph))
    todo = [(t, r) for t in payloads for r in payloads[t]][:sample]
    started = time.perf_counter()
    with store._driver.session(database=store.database) as session:
        for start in range(0, len(todo), batch):
            chunk = todo[start : start + batch]
            for edge_type in dict.fromkeys(t for t, _ in chunk):
                rows = [r for t, r in chunk if t == edge_type]
                query = q.neo4j_upsert_edges(edge_type)
                session.execute_write(lambda tx, qq=query, rr=rows: tx.run(qq, {"rows": rr}).consume())
    return len(todo) / (time.perf_counter() - started), len(todo)


def _nodes_only(store: Any, graph: GraphData) -> None:
    store.wipe()
    store.write(GraphData([n for n in graph.nodes], [], "nodes_only"))


def bench_neo4j(args: argparse.Namespace, settings: Settings, graph: GraphData) -> None:
    """Batched versus per-row push, then query latencies on Neo4j."""
    store: Any = open_store(settings, "neo4j")
    store.wipe()
    report = store.write(graph)
    emit(
        args,
        "neo4j.push_full",
        seconds=report.seconds,
        nodes=report.nodes,
        edges=report.edges,
        rows_per_s=(report.nodes + report.edges) / report.seconds,
        batch=int(settings.push_batch),
    )
    repush = store.write(graph)
    emit(args, "neo4j.repush_unchanged", seconds=repush.seconds, skipped=repush.skipped)
    _nodes_only(store, graph)
    edges_batched, n_edges = _edge_rate(store, graph, int(settings.push_batch))
    emit(args, "neo4j.edges_batched", rels_per_s=edges_batched, rels=n_edges, seconds=n_edges / edges_batched)
    _nodes_only(store, graph)
    per_row, sample = _edge_rate(store, graph, 1, args.per_row_sample)
    emit(
        args,
        "neo4j.edges_one_merge_per_tx",
        sample=sample,
        rels_per_s=per_row,
        extrapolated_seconds=len(graph.edges) / per_row,
        speedup_batched=edges_batched / per_row,
    )
    store.wipe()
    store.write(graph)
    bench_queries(args, store, graph)
    store.close()


def main(argv: list[str] | None = None) -> None:
    """Parse arguments and run the measurements."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=100_000)
    parser.add_argument("--seed", type=int, default=42)
    parser.add_argument("--per-row-sample", type=int, default=500)
    parser.add_argument("--json", action="store_true", help="one JSON object per measurement")
    parser.add_argument("--neo4j", action="store_true", help="also benchmark the Neo4j of the settings")
    parser.add_argument("--allow-wipe", action="store_true", help="the Neo4j database may be wiped")
    parser.add_argument("--skip-embedded", action="store_true")
    args = parser.parse_args(argv)
    started = time.perf_counter()
    graph = synthetic_graph(args.articles, args.seed)
    emit(
        args,
        "synthetic_graph",
        seconds=time.perf_counter() - started,
        articles=args.articles,
        nodes=len(graph.nodes),
        edges=len(graph.edges),
    )
    if not args.skip_embedded:
        bench_embedded(args, graph)
    if args.neo4j:
        if not args.allow_wipe:
            parser.error("--neo4j wipes the server's database: add --allow-wipe")
        bench_neo4j(args, load_settings(), graph)


if __name__ == "__main__":
    main()
