"""Benchmark the graph stores on a synthetic graph shaped like a 100k-article corpus.

Measures: embedded snapshot build time; Neo4j relationship writes three ways on a database that
holds all nodes: the real push (``UNWIND $rows …`` in transactions of ``push_batch`` rows,
CREATE for new relationships), batched MERGE for every row, and one MERGE per row in its own
transaction (a sample of 5,000 rows spread over the graph, extrapolated and labelled so); query
latencies (ego network depth 2, k shortest paths, top-k reach) on both backends.

    python bench/bench_store.py --articles 100000 [--json] [--neo4j --allow-wipe]

The Neo4j part uses the settings' server (``SKG_HOME``/``SKG_NEO4J_*``) and WIPES its database,
hence ``--allow-wipe``. It ends with the ceiling: the same graph written by ``graph.export`` as
``neo4j-admin database import`` CSVs and bulk-imported into a *separate* local server
(``--import-home``/``--import-port``; it is started, replaced and stopped again), and one
``neo4j.write_paths`` row with per-row, batched and import rates side by side.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from graph.model.graphdata import GraphData
from graph.settings import Settings, load_settings
from graph.store import GraphStore, SubgraphFilter, open_store
from graph.store import cypher as q
from graph.store.neo4j_push import Pusher, edge_payloads, session_writer
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
    light = SubgraphFilter(focus=focus, depth=2, evidence=False)
    store.subgraph(light)
    emit(args, f"{store.name}.ego_depth2_no_evidence", seconds=timed(lambda: store.subgraph(light)),
         nodes=len(ego.nodes), edges=len(ego.edges))
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


def _stride_sample(graph: GraphData, size: int) -> list[tuple[Any, dict[str, Any]]]:
    """``size`` edge payloads spread evenly over all types and endpoints (hubs included)."""
    payloads = edge_payloads(graph_rows(graph))
    every = [(t, r) for t in payloads for r in payloads[t]]
    step = max(len(every) // max(size, 1), 1)
    return every[::step][:size]


def _per_row_rate(store: Any, graph: GraphData, sample: int, budget_s: float) -> tuple[float, int]:
    """Relationships/s of the natural slow way: one MERGE with plain parameters per transaction.

    Runs on a database holding all nodes and no relationships (MERGE then finds nothing to
    compare against, the fastest case for it), over a sample spread across the whole graph,
    until ``sample`` rows or ``budget_s`` seconds, whichever comes first.
    """
    store.wipe(relationships_only=True)
    rows = _stride_sample(graph, sample)
    done, started = 0, time.perf_counter()
    with store._driver.session(database=store.database) as session:
        write = session_writer(session)
        for edge_type, row in rows:
            write(q.neo4j_merge_edge(edge_type), {k: row[k] for k in ("id", "source", "target", "props")})
            done += 1
            if time.perf_counter() - started > budget_s:
                break
    return done / (time.perf_counter() - started), done


def _merge_rate(store: Any, graph: GraphData, batch: int) -> float:
    """Relationships/s of batched ``UNWIND … MERGE`` for every relationship (no CREATE path)."""
    store.wipe(relationships_only=True)
    payloads = edge_payloads(graph_rows(graph))
    started = time.perf_counter()
    with store._driver.session(database=store.database) as session:
        write = session_writer(session)
        for edge_type, rows in payloads.items():
            for begin in range(0, len(rows), batch):
                write(q.neo4j_upsert_edges(edge_type), {"rows": rows[begin:begin + batch]})
    return sum(len(r) for r in payloads.values()) / (time.perf_counter() - started)


def _push_edges_rate(store: Any, graph: GraphData, batch: int) -> tuple[float, float, int]:
    """Relationships/s of the real push (all nodes stored, no relationships).

    Two rates: the whole push, and its database part (without building the payload rows and
    their content hashes in Python, which the per-row baseline does not pay for either).
    """
    store.wipe(relationships_only=True)
    with store._driver.session(database=store.database) as session:
        counts = Pusher(store._rows, session_writer(session), batch).push(graph_rows(graph))
    db_seconds = counts.seconds - counts.prepare_seconds
    return counts.edges / counts.seconds, counts.edges / db_seconds, counts.edges


def bulk_settings(args: argparse.Namespace) -> Settings:
    """Settings of the separate local server the offline import replaces (own home and port)."""
    env = {**os.environ, "SKG_HOME": args.import_home, "SKG_NEO4J_BOLT_PORT": str(args.import_port)}
    env.pop("SKG_NEO4J_URI", None)
    return load_settings(env=env, use_file=False)


def bench_bulk_import(args: argparse.Namespace, graph: GraphData) -> dict[str, float]:
    """The ceiling: ``neo4j-admin database import full`` of the graph as importer CSVs.

    Runs on its own home/port (the importer stops that server and replaces its database), then
    stops that server again. Import seconds exclude the server restart; CSV writing is reported.
    """
    from graph.export import export_graph
    from graph.store.neo4j_server import bulk_import, stop

    settings = bulk_settings(args)
    with tempfile.TemporaryDirectory() as out:
        started = time.perf_counter()
        folder = Path(export_graph(graph, "neo4j-import", out))
        csv_seconds = time.perf_counter() - started
        nodes, rels = sorted(folder.glob("nodes_*.csv")), sorted(folder.glob("rels_*.csv"))
        try:
            result = bulk_import(settings, nodes, rels, str(settings.neo4j_database))
        finally:
            stop(settings)
    rows = int(result.get("nodes", 0)) + int(result.get("relationships", 0))
    seconds = float(result["seconds"])
    emit(args, "neo4j.bulk_import", seconds=seconds, csv_seconds=csv_seconds,
         nodes=result.get("nodes"), rels=result.get("relationships"), rows_per_s=rows / seconds,
         rels_per_s=int(result.get("relationships", 0)) / seconds)
    return {"rels_per_s": int(result.get("relationships", 0)) / seconds, "rows_per_s": rows / seconds}


def bench_neo4j(args: argparse.Namespace, settings: Settings, graph: GraphData) -> dict[str, float]:
    """Full push, batched versus per-row relationship writes, then query latencies on Neo4j."""
    store: Any = open_store(settings, "neo4j")
    batch = int(args.batch or settings.push_batch)
    store.wipe()
    report = store.write(graph)
    emit(args, "neo4j.push_full", seconds=report.seconds, nodes=report.nodes, edges=report.edges,
         rows_per_s=(report.nodes + report.edges) / report.seconds, batch=int(settings.push_batch))
    repush = store.write(graph)
    emit(args, "neo4j.repush_unchanged", seconds=repush.seconds, skipped=repush.skipped)
    for size in args.batch_sweep:
        rate, db_rate, n = _push_edges_rate(store, graph, size)
        emit(args, "neo4j.edges_push_batch_sweep", batch=size, rels_per_s=rate, db_rels_per_s=db_rate, rels=n)
    edges_push, edges_batched, n_edges = _push_edges_rate(store, graph, batch)
    emit(args, "neo4j.edges_batched", rels_per_s=edges_batched, rels=n_edges,
         seconds=n_edges / edges_batched, batch=batch, how="push: CREATE new, MERGE changed",
         push_rels_per_s=edges_push, push_seconds=n_edges / edges_push)
    merged = _merge_rate(store, graph, batch)
    emit(args, "neo4j.edges_batched_merge_all", rels_per_s=merged, seconds=n_edges / merged, batch=batch)
    per_row, sample = _per_row_rate(store, graph, args.per_row_sample, args.per_row_budget)
    emit(args, "neo4j.edges_one_merge_per_tx", sample=sample, rels_per_s=per_row,
         extrapolated_seconds=len(graph.edges) / per_row, extrapolated=True,
         speedup_batched=edges_batched / per_row)
    store.wipe()
    store.write(graph)
    bench_queries(args, store, graph)
    store.close()
    return {"batched": edges_batched, "per_row": per_row, "rels": float(n_edges), "merge_all": merged,
            "push": edges_push}


def compare_writes(
    args: argparse.Namespace, rates: dict[str, float], ceiling: dict[str, float] | None
) -> None:
    """One side-by-side row: relationships/s of per-row MERGE, batched push and the offline import."""
    values: dict[str, Any] = {"rels": int(rates["rels"]), "per_row_rels_per_s": rates["per_row"],
                              "batched_rels_per_s": rates["batched"],
                              "batched_over_per_row": rates["batched"] / rates["per_row"],
                              "batched_merge_all_rels_per_s": rates["merge_all"],
                              "push_incl_python_rels_per_s": rates["push"],
                              "per_row_extrapolated_seconds": rates["rels"] / rates["per_row"],
                              "batched_seconds": rates["rels"] / rates["batched"]}
    if ceiling:
        values.update(import_rels_per_s=ceiling["rels_per_s"],
                      import_over_batched=ceiling["rels_per_s"] / rates["batched"],
                      import_seconds=rates["rels"] / ceiling["rels_per_s"])
    emit(args, "neo4j.write_paths", **values)


def main(argv: list[str] | None = None) -> None:
    """Parse arguments and run the measurements."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=100_000)
    parser.add_argument("--seed", type=int, default=42)
    parser.add_argument("--per-row-sample", type=int, default=5000,
                        help="relationships written one MERGE per transaction (spread over the graph)")
    parser.add_argument("--per-row-budget", type=float, default=120.0, help="… or stop after these seconds")
    parser.add_argument("--batch", type=int, default=0, help="push batch (default: the push_batch setting)")
    parser.add_argument("--batch-sweep", type=lambda v: [int(x) for x in v.split(",") if x], default=[],
                        help="also time the push at these batch sizes, e.g. 5000,10000,20000,50000")
    parser.add_argument("--json", action="store_true", help="one JSON object per measurement")
    parser.add_argument("--neo4j", action="store_true", help="also benchmark the Neo4j of the settings")
    parser.add_argument("--allow-wipe", action="store_true", help="the Neo4j database may be wiped")
    parser.add_argument("--skip-embedded", action="store_true")
    parser.add_argument("--skip-import", action="store_true", help="leave out the offline-import ceiling")
    parser.add_argument("--import-home", default=str(Path(tempfile.gettempdir()) / "skg-bench-import"),
                        help="SKG_HOME of the separate server the offline import replaces")
    parser.add_argument("--import-port", type=int, default=7697, help="its Bolt port")
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
        rates = bench_neo4j(args, load_settings(), graph)
        ceiling = None if args.skip_import else bench_bulk_import(args, graph)
        compare_writes(args, rates, ceiling)


if __name__ == "__main__":
    main()
