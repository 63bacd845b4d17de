"""Kill ``skg ingest``, ``skg build`` and ``skg push`` with SIGKILL at random moments, then finish them.

For each command the same work is done twice: once uninterrupted (the reference)
and once killed ``--kills`` times at seeded random moments, each attempt
starting from what the previous killed one left, followed by one run to
completion. The two results are then compared row by row:

* ingest: the corpus store's articles and failures;
* build: the extraction cache, every node by label and edge by type of the
  embedded graph, and the snapshot id;
* push: every node and relationship in Neo4j against the embedded graph and
  against the uninterrupted push, and the snapshot id Neo4j records.

``lost`` counts reference rows missing after the faults, ``duplicated`` rows
present more often than in the reference (or not at all there), ``differs``
rows with the same key but other values. ``landed`` says how many kills hit a
running process (a kill drawn after the process had already finished is not a
fault). ``leftovers`` counts files a killed run left behind (half-built
snapshot folders, temporary pointer files) that the next run did not clean up.

    python -m bench.bench_faults                    # 3,000 articles, 20 kills per command
    python -m bench.bench_faults --articles 300 --kills 4 --json
    python -m bench.bench_faults --no-push          # without a Neo4j server

The push part needs a Neo4j server: ``SKG_TEST_NEO4J_HOME`` (with
``SKG_NEO4J_BOLT_PORT``) or ``SKG_NEO4J_URI``/``SKG_NEO4J_PASSWORD``, as for the
tests. Its database is wiped: never point this at a database you need.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import shutil
import signal
import sqlite3
import subprocess
import sys
import tempfile
import time
from collections import Counter
from collections.abc import Callable
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

from bench._util import emit
from bench.ingest_corpus import write_corpus
from graph.model.graphdata import GraphData

State = dict[str, Counter[tuple[str, str]]]  # category -> Counter of (key, value as JSON)


@dataclass
class FaultRow:
    """One command's fault run compared with its uninterrupted reference."""

    command: str
    kills: int
    landed: int = 0
    lost: int = 0
    duplicated: int = 0
    differs: int = 0
    snapshot_equal: bool = False
    leftovers: int = 0
    rows: int = 0  # reference rows compared
    clean_seconds: float = 0.0
    details: dict[str, Any] = field(default_factory=dict)

    def table_row(self) -> dict[str, Any]:
        """The printed columns."""
        return {"command": self.command, "kills": self.kills, "landed": self.landed, "lost": self.lost,
                "duplicated": self.duplicated, "differs": self.differs,
                "snapshot id equal": "yes" if self.snapshot_equal else "no", "leftovers": self.leftovers,
                "rows compared": self.rows, "clean run s": round(self.clean_seconds, 1)}


# ------------------------------------------------------------------------------------ processes

def skg_argv(home: Path, *args: str) -> list[str]:
    """The command line of one ``skg`` run on ``home``."""
    return [sys.executable, "-m", "graph", "--home", str(home), *args]


def _popen(argv: list[str], env: dict[str, str]) -> subprocess.Popen[bytes]:
    return subprocess.Popen(argv, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
                            start_new_session=True)


def run_to_end(argv: list[str], env: dict[str, str], ok: tuple[int, ...] = (0,)) -> float:
    """Run ``argv`` to completion; return its wall seconds (raise when it exits otherwise than ``ok``)."""
    started = time.perf_counter()
    proc = _popen(argv, env)
    _, err = proc.communicate()
    if proc.returncode not in ok:
        raise RuntimeError(f"{' '.join(argv[2:])} exited {proc.returncode}: {err.decode()[-2000:]}")
    return time.perf_counter() - started


Probe = Callable[[], int]
POLL_S = 0.03
UNKNOWN_WINDOW_S = 10.0  # time window for kills before any attempt ran to its end


def kill_at_random(argv: list[str], env: dict[str, str], kills: int, window: float,
                   rng: random.Random, probe: Probe, total: int) -> tuple[int, list[int]]:
    """Start ``argv`` ``kills`` times, each killed with SIGKILL at a random point of the work left.

    While rows are still to be written, the point is a row count drawn uniformly between what
    ``probe`` counts as stored and ``total`` (the kill follows within a poll interval, so it
    falls anywhere in the next write, not only on commit boundaries). Once every row is there
    (later phases write none: resolving, building the graph, switching the snapshot), it is a
    moment drawn uniformly over the last attempt that ran to its end (at first: ``window``).
    Each attempt starts from what the previous one left. Returns the kills that hit a running
    process and the rows stored after each attempt.
    """
    landed, progress = 0, []
    for _ in range(kills):
        done = probe()
        target = rng.uniform(done, total) if done < total else None
        moment = rng.uniform(0.0, window)
        started = time.monotonic()
        proc = _popen(argv, env)
        killed = False
        while proc.poll() is None and not killed:
            elapsed = time.monotonic() - started
            if (elapsed >= moment) if target is None else (probe() >= target):
                os.killpg(proc.pid, signal.SIGKILL)  # the child's own session: only what we started
                killed = True
            else:
                time.sleep(POLL_S)
        proc.communicate()
        landed += killed
        if not killed:
            window = time.monotonic() - started
        progress.append(probe())
    return landed, progress


def child_env(extra: dict[str, str] | None = None) -> dict[str, str]:
    """The environment of the ``skg`` children (no settings file of the user)."""
    env = {k: v for k, v in os.environ.items() if not k.startswith("SKG_")}
    return {**env, "PYTHONDONTWRITEBYTECODE": "1", **(extra or {})}


# ------------------------------------------------------------------------------------ states

def _json(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False, sort_keys=True, default=str)


def corpus_state(home: Path, tables: tuple[str, ...] = ("articles", "failures")) -> State:
    """Rows of the corpus store by table (read-only; meta values such as timings are left out)."""
    queries = {
        "articles": "SELECT id, seq, role, reader, source, content_hash, norm_text, duplicate_of, parent_id, "
                    "data FROM articles",
        "failures": "SELECT source, line, message, hint, reader FROM failures",
        "extractions": "SELECT article_id || '|' || content_hash || '|' || version, data FROM extractions",
        "sketches": "SELECT article_id || '|' || hash, 1 FROM sketches",
    }
    state: State = {}
    db = sqlite3.connect(f"file:{home / 'corpus.sqlite'}?mode=ro", uri=True, timeout=30)
    try:
        for table in tables:
            rows = db.execute(queries[table]).fetchall()
            key_width = 3 if table == "failures" else 1
            state[table] = Counter((_json(r[:key_width]), _json(r[key_width:])) for r in rows)
    finally:
        db.close()
    return state


def graph_state(graph: GraphData) -> State:
    """Nodes by label and edges by type, keyed by id."""
    state: State = {}
    for node in graph.nodes:
        state.setdefault(f"node:{node.label}", Counter())[(node.id, _json(node.props))] += 1
    for edge in graph.edges:
        value = _json([edge.source, edge.target, edge.props])
        state.setdefault(f"edge:{edge.type}", Counter())[(edge.id, value)] += 1
    return state


def compare(reference: State, faulted: State) -> dict[str, dict[str, int]]:
    """Per category: reference rows, lost, duplicated and differing rows."""
    out = {}
    for category in sorted(set(reference) | set(faulted)):
        ref, got = reference.get(category, Counter()), faulted.get(category, Counter())
        ref_keys = {k: v for (k, v) in ref}
        got_keys: Counter[str] = Counter(k for (k, _v), n in got.items() for _ in range(n))
        got_values = {k: v for (k, v) in got}
        lost = sum(1 for k in ref_keys if k not in got_keys)
        extra = sum(1 for k in got_keys if k not in ref_keys)
        duplicated = sum(n - 1 for n in got_keys.values() if n > 1) + extra
        differs = sum(1 for k, v in ref_keys.items() if k in got_values and got_values[k] != v)
        out[category] = {"rows": sum(ref.values()), "lost": lost, "duplicated": duplicated,
                         "differs": differs}
    return out


def _fill(row: FaultRow, diff: dict[str, dict[str, int]]) -> None:
    row.details.setdefault("categories", {}).update(diff)
    for counts in diff.values():
        row.rows += counts["rows"]
        row.lost += counts["lost"]
        row.duplicated += counts["duplicated"]
        row.differs += counts["differs"]


def leftovers(home: Path) -> list[str]:
    """Temporary files and folders a killed run can leave: half-built snapshots, pointer temp files."""
    root = home / "graph"
    found = [str(p.relative_to(home)) for p in root.glob(".CURRENT.*")] if root.is_dir() else []
    snaps = root / "snapshots"
    if snaps.is_dir():
        found += [str(p.relative_to(home)) for p in snaps.iterdir() if p.name.startswith(".building-")]
    return sorted(found)


def _count_rows(home: Path, sql: str) -> int:
    try:
        db = sqlite3.connect(f"file:{home / 'corpus.sqlite'}?mode=ro", uri=True, timeout=30)
        try:
            return int(db.execute(sql).fetchone()[0])
        finally:
            db.close()
    except sqlite3.Error:
        return 0  # no store yet (killed before it was created)


def embedded_graph(home: Path) -> GraphData:
    """The current embedded graph of ``home``."""
    from graph.settings import load_settings
    from graph.store import open_store

    with open_store(load_settings(env={"SKG_HOME": str(home)}, use_file=False), "embedded") as store:
        return store.load()


def copy_corpus(src: Path, dst: Path) -> None:
    """A consistent copy of ``src``'s corpus store into a fresh home ``dst`` (SQLite backup API)."""
    dst.mkdir(parents=True, exist_ok=True)
    with sqlite3.connect(src / "corpus.sqlite") as a, sqlite3.connect(dst / "corpus.sqlite") as b:
        a.backup(b)
    a.close()
    b.close()


# ------------------------------------------------------------------------------------ commands

@dataclass
class Plan:
    """Where and how much: the input folder, a work folder and the fault budget."""

    inputs: Path
    work: Path
    kills: int
    rng: random.Random
    env: dict[str, str]
    neo4j_env: dict[str, str] | None = None
    ingest_snapshot: bool = True  # also build the faulted ingest's corpus once to compare snapshot ids
    reference_push: bool = True  # also push once uninterrupted, to compare with it (not only embedded)


def fault_ingest(plan: Plan) -> tuple[FaultRow, Path, Path, float]:
    """Ingest cleanly and with kills; compare the corpus stores and the graphs built from them.

    Returns the row, the clean home (ingested and built), a copy of the faulted corpus before
    any build (where the build faults start) and the seconds of the clean build.
    """
    clean, faulted = plan.work / "clean", plan.work / "faulted-ingest"
    row = FaultRow("ingest", plan.kills)
    argv = [str(plan.inputs)]
    row.clean_seconds = run_to_end(skg_argv(clean, "ingest", *argv), plan.env, ok=(0, 1))
    count = "SELECT COUNT(*) FROM articles"
    row.landed, row.details["stored_after_each_kill"] = kill_at_random(
        skg_argv(faulted, "ingest", *argv), plan.env, plan.kills, row.clean_seconds, plan.rng,
        lambda: _count_rows(faulted, count), _count_rows(clean, count))
    run_to_end(skg_argv(faulted, "ingest", *argv), plan.env, ok=(0, 1))
    _fill(row, compare(corpus_state(clean), corpus_state(faulted)))
    build_home = plan.work / "faulted-build"
    copy_corpus(faulted, build_home)  # the build faults start from the faulted ingest's corpus
    build_seconds = run_to_end(skg_argv(clean, "build"), plan.env)
    if plan.ingest_snapshot:  # (the build faults, which start from this corpus, compare them too)
        run_to_end(skg_argv(faulted, "build"), plan.env)
        ids = [embedded_graph(clean).snapshot_id, embedded_graph(faulted).snapshot_id]
        row.snapshot_equal, row.details["snapshot_ids"] = ids[0] == ids[1], ids
    return row, clean, build_home, build_seconds


def fault_build(plan: Plan, reference: Path, home: Path, clean_seconds: float) -> FaultRow:
    """Build with kills from an ingested corpus; compare extraction cache, graph and snapshot id."""
    row = FaultRow("build", plan.kills)
    row.clean_seconds = clean_seconds
    count = "SELECT COUNT(*) FROM extractions"
    row.landed, row.details["cached_after_each_kill"] = kill_at_random(
        skg_argv(home, "build"), plan.env, plan.kills, row.clean_seconds, plan.rng,
        lambda: _count_rows(home, count), _count_rows(reference, count))
    run_to_end(skg_argv(home, "build"), plan.env)
    _fill(row, compare(corpus_state(reference, ("articles", "failures", "extractions")),
                       corpus_state(home, ("articles", "failures", "extractions"))))
    ref_graph, got_graph = embedded_graph(reference), embedded_graph(home)
    _fill(row, compare(graph_state(ref_graph), graph_state(got_graph)))
    row.snapshot_equal = ref_graph.snapshot_id == got_graph.snapshot_id
    row.details["snapshot_ids"] = [ref_graph.snapshot_id, got_graph.snapshot_id]
    row.leftovers = len(leftovers(home))
    row.details["leftover_files"] = leftovers(home)
    return row


def fault_push(plan: Plan, home: Path) -> FaultRow:
    """Push the built graph to an empty Neo4j with kills; compare with the embedded graph and a clean push."""
    from graph.settings import load_settings
    from graph.store.neo4j_backend import Neo4jStore

    assert plan.neo4j_env is not None
    row = FaultRow("push", plan.kills)
    env = {**plan.env, **plan.neo4j_env}
    embedded = embedded_graph(home)
    neo = Neo4jStore(load_settings(env={**plan.neo4j_env, "SKG_HOME": str(home)}, use_file=False))
    try:
        neo.wipe()
        clean_push = None
        if plan.reference_push:
            row.clean_seconds = run_to_end(skg_argv(home, "push"), env)
            clean_push = graph_state(neo.load())
            neo.wipe()
        row.landed, row.details["stored_after_each_kill"] = kill_at_random(
            skg_argv(home, "push"), env, plan.kills, row.clean_seconds or UNKNOWN_WINDOW_S, plan.rng,
            lambda: _neo4j_rows(neo), len(embedded.nodes) + len(embedded.edges))
        run_to_end(skg_argv(home, "push"), env)
        pushed = neo.load()
        _fill(row, compare(graph_state(embedded), graph_state(pushed)))
        if clean_push is not None:
            row.details["vs_clean_push"] = compare(clean_push, graph_state(pushed))
        row.duplicated += _neo4j_duplicates(neo)
        row.snapshot_equal = neo.snapshot_id() == embedded.snapshot_id
        row.details["snapshot_ids"] = [embedded.snapshot_id, neo.snapshot_id()]
    finally:
        neo.close()
    return row


def _neo4j_rows(neo: Any) -> int:
    """Nodes plus relationships stored (the push's progress)."""
    nodes = neo.cypher("MATCH (n) WHERE n.id IS NOT NULL RETURN count(n)").rows[0][0]
    return int(nodes) + int(neo.cypher("MATCH ()-[r]->() RETURN count(r)").rows[0][0])


def _neo4j_duplicates(neo: Any) -> int:
    """Relationships or nodes stored more than once under one id (load() would merge them)."""
    rels = neo.cypher("MATCH ()-[r]->() WITH r.id AS id, count(*) AS c WHERE c > 1 RETURN count(*)").rows
    nodes = neo.cypher("MATCH (n) WHERE n.id IS NOT NULL WITH labels(n) AS l, n.id AS id, count(*) AS c "
                       "WHERE c > 1 RETURN count(*)").rows
    return int(rels[0][0]) + int(nodes[0][0])


def neo4j_env_or_none() -> dict[str, str] | None:
    """``SKG_NEO4J_URI/USER/PASSWORD`` of the test server, or ``None`` when none answers."""
    from graph.errors import SkgError
    from graph.settings import load_settings
    from graph.store.neo4j_server.client import local_credentials, verify

    home = os.environ.get("SKG_TEST_NEO4J_HOME")
    settings = (load_settings(env={**os.environ, "SKG_HOME": home}) if home
                else load_settings(env=dict(os.environ), use_file=False))
    if not home and not settings.neo4j_uri:
        return None
    try:
        verify(settings)
    except SkgError:
        return None
    uri, user, password = local_credentials(settings)
    return {"SKG_NEO4J_URI": uri, "SKG_NEO4J_USER": user, "SKG_NEO4J_PASSWORD": password,
            "SKG_NEO4J_DATABASE": str(settings.neo4j_database)}


def run(articles: int, kills: int, seed: int, work: Path, push: bool = True) -> list[FaultRow]:
    """Write the corpus, then fault each command in turn; return one row per command."""
    inputs = work / "in"
    write_corpus(inputs, articles, seed=seed)
    neo4j_env = neo4j_env_or_none() if push else None
    plan = Plan(inputs, work, kills, random.Random(seed), child_env(), neo4j_env)
    ingest_row, clean, build_home, build_seconds = fault_ingest(plan)
    rows = [ingest_row, fault_build(plan, clean, build_home, build_seconds)]
    if push and neo4j_env is None:
        print("no Neo4j server answers (set SKG_TEST_NEO4J_HOME or SKG_NEO4J_URI); push skipped",
              file=sys.stderr)
    elif push:
        rows.append(fault_push(plan, build_home))
    return rows


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--articles", type=int, default=3000)
    parser.add_argument("--kills", type=int, default=20, help="kills per command")
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--no-push", action="store_true", help="skip the Neo4j part")
    parser.add_argument("--keep", type=Path, help="work in this folder and keep it (default: a temp folder)")
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args()
    work = args.keep or Path(tempfile.mkdtemp(prefix="skg-faults-"))
    try:
        rows = run(args.articles, args.kills, args.seed, work, push=not args.no_push)
    finally:
        if args.keep is None:
            shutil.rmtree(work, ignore_errors=True)
    if args.json:
        for r in rows:
            print(json.dumps({**asdict(r), "articles": args.articles, "seed": args.seed}, ensure_ascii=False))
    else:
        emit([r.table_row() for r in rows], False)


if __name__ == "__main__":
    main()
