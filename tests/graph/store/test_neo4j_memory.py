"""A Neo4j with little transaction memory (10 MiB, the server's minimum): pushes split, reads unpack.

Hosted servers often cap transaction memory. A push batch or a packed read that does not fit is
refused by the server with a transient error the driver would retry for 30 s; the store instead
writes the batch in halves and reads row by row. These tests run their own local server with
``SKG_NEO4J_TX_MEMORY_MB=10``.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from graph.errors import ConfigError
from graph.settings import load_settings
from graph.store.neo4j_backend import Neo4jStore
from graph.store.neo4j_server import start, stop
from graph.store.neo4j_server.testing import own_server
from graph.store.rows import sorted_graph
from graph.store.synthetic import synthetic_graph

pytestmark = pytest.mark.neo4j


@pytest.fixture(scope="module")
def small(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Neo4jStore]:
    """A store on a fresh local server whose transactions may use 10 MiB together."""
    settings, _ = own_server(tmp_path_factory.mktemp("neo4j-small"), SKG_NEO4J_TX_MEMORY_MB="10")
    store = Neo4jStore(settings)
    yield store
    store.close()
    stop(settings)


def test_neo4j_memory_push_splits_refused_batches(small: Neo4jStore) -> None:
    graph = synthetic_graph(2000)  # at the default batch of 5,000 rows this needs more than 10 MiB
    assert int(small.settings.push_batch) == 5000
    started = time.perf_counter()
    report = small.write(graph)
    assert report.edges == len(graph.edges)
    assert small.load().edges == sorted_graph(graph.nodes, graph.edges, "").edges
    assert time.perf_counter() - started < 240


def test_neo4j_memory_large_packed_read_falls_back(small: Neo4jStore,
                                                   caplog: pytest.LogCaptureFixture) -> None:
    text = "evidence sentence " * 20  # 360 characters: 40,000 rows make a packed list of ~15 MiB
    query = "UNWIND range(1, 40000) AS i RETURN i AS id, $text AS text"
    started = time.perf_counter()
    with caplog.at_level(logging.WARNING, logger="graph.store.neo4j_backend"):
        rows = small._rows(query, {"text": text})
    assert len(rows) == 40_000 and rows[-1] == {"id": 40_000, "text": text}
    assert "lack of transaction memory" in caplog.text
    assert time.perf_counter() - started < 25  # no 30 s of driver retries
    assert small._rows("RETURN 1 AS one") == [{"one": 1}]


def test_neo4j_memory_setting_below_server_minimum_is_refused(tmp_path: Path) -> None:
    settings = load_settings(env={"SKG_HOME": str(tmp_path), "SKG_NEO4J_TX_MEMORY_MB": "4"}, use_file=False)
    with pytest.raises(ConfigError, match="at least 10"):
        start(settings, timeout=30, fast_boot=True)
