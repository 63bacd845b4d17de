"""`skg ingest`, `skg build` and `skg push` killed with SIGKILL at random moments, then run to the end.

Small version of ``python -m bench.bench_faults`` (see docs/benchmarks.md): a
synthetic corpus in every input format, a few seeded kills per command, and a
row-by-row comparison with an uninterrupted run. Nothing may be lost or
duplicated, the snapshot id must equal the uninterrupted one, and a killed
build must not leave half-built snapshots behind.
"""

from __future__ import annotations

import random
import signal
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

from bench.bench_faults import (
    FaultRow,
    Plan,
    _popen,
    child_env,
    fault_build,
    fault_ingest,
    fault_push,
    leftovers,
    run_to_end,
    skg_argv,
)
from bench.ingest_corpus import write_corpus

ARTICLES = 90
KILLS = 3


@dataclass
class Faulted:
    """The rows of the ingest and build fault runs and the built home the push starts from."""

    ingest: FaultRow
    build: FaultRow
    home: Path
    plan: Plan


@pytest.fixture(scope="module")
def faulted(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Faulted]:
    work = tmp_path_factory.mktemp("faults")
    made = write_corpus(work / "in", ARTICLES, seed=11)
    assert made.broken > 0 and made.copies > 0
    plan = Plan(work / "in", work, KILLS, random.Random(5), child_env(), ingest_snapshot=False)
    ingest_row, clean, build_home, build_seconds = fault_ingest(plan)
    build_row = fault_build(plan, clean, build_home, build_seconds)
    yield Faulted(ingest_row, build_row, build_home, plan)


def _clean(row: FaultRow) -> None:
    assert row.landed > 0, "no kill hit a running process"
    assert row.rows > 0
    assert (row.lost, row.duplicated, row.differs) == (0, 0, 0), row.details


@pytest.mark.slow
def test_faults_killed_ingest_equals_one_clean_run(faulted: Faulted) -> None:
    _clean(faulted.ingest)
    categories = faulted.ingest.details["categories"]
    assert categories["articles"]["rows"] >= ARTICLES and categories["failures"]["rows"] > 0


@pytest.mark.slow
def test_faults_killed_build_equals_one_clean_build(faulted: Faulted) -> None:
    _clean(faulted.build)
    assert faulted.build.snapshot_equal, faulted.build.details["snapshot_ids"]
    assert faulted.build.leftovers == 0, faulted.build.details["leftover_files"]
    categories = faulted.build.details["categories"]
    assert categories["extractions"]["rows"] >= ARTICLES and categories["edge:MENTIONS"]["rows"] > 0


@pytest.mark.slow
def test_faults_build_killed_while_writing_its_snapshot_leaves_nothing(faulted: Faulted) -> None:
    """The moment a killed build leaves the most behind: its new snapshot half written."""
    home = faulted.home
    snapshots = home / "graph" / "snapshots"
    before = faulted.build.details["snapshot_ids"][1]
    proc = _popen(skg_argv(home, "build"), faulted.plan.env)
    deadline = time.monotonic() + 300
    while proc.poll() is None and time.monotonic() < deadline:
        if any(p.name.startswith(".building-") for p in snapshots.iterdir()):
            proc.send_signal(signal.SIGKILL)
            break
        time.sleep(0.005)
    proc.communicate()
    assert proc.returncode == -signal.SIGKILL, "the build ended before it could be killed"
    assert leftovers(home)  # the kill did interrupt a snapshot write
    run_to_end(skg_argv(home, "build"), faulted.plan.env)
    assert leftovers(home) == []
    from bench.bench_faults import embedded_graph

    assert embedded_graph(home).snapshot_id == before and snapshots.is_dir()


@pytest.mark.slow
@pytest.mark.neo4j
def test_faults_killed_push_equals_embedded_graph(faulted: Faulted) -> None:
    from bench.bench_faults import neo4j_env_or_none
    from graph.store.neo4j_backend import Neo4jStore
    from graph.store.neo4j_server.testing import neo4j_settings_or_skip
    from tests.graph.store.sample_graph import sample_graph

    settings = neo4j_settings_or_skip()
    env = neo4j_env_or_none()
    assert env is not None
    plan = Plan(faulted.plan.inputs, faulted.plan.work, KILLS, random.Random(9), child_env(), env,
                reference_push=False)
    try:
        row = fault_push(plan, faulted.home)
    finally:
        with Neo4jStore(settings) as neo:  # leave the shared test database as the contract suite expects it
            neo.wipe()
            neo.write(sample_graph())
    _clean(row)
    assert row.snapshot_equal, row.details["snapshot_ids"]
