"""Neo4j specifics: schema and finer labels, incremental push, resume after a kill, clear errors."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from collections.abc import Iterator
from dataclasses import replace

import pytest

from graph.errors import BackendUnavailableError, QueryRefusedError
from graph.model.graphdata import Node
from graph.settings import Settings, load_settings
from graph.store.neo4j_backend import Neo4jStore
from graph.store.neo4j_server import local_credentials
from graph.store.rows import sorted_graph
from graph.store.synthetic import synthetic_graph
from tests.graph.store.conftest import neo4j_settings
from tests.graph.store.sample_graph import E, sample_graph
from tests.graph.store.tcp_cut import CuttableProxy


@pytest.fixture(scope="module")
def neo() -> Iterator[Neo4jStore]:
    store = Neo4jStore(neo4j_settings())
    yield store
    store.write(sample_graph())  # leave the shared test database as the contract suite expects it
    store.close()


def _count(store: Neo4jStore, query: str) -> list[list[object]]:
    return store.cypher(query).rows


def test_neo4j_backend_finer_labels_from_type_and_kind(neo: Neo4jStore) -> None:
    neo.write(sample_graph())
    vendors = _count(neo, "MATCH (n:Vendor) RETURN n.name AS name ORDER BY name")
    assert vendors == [["Materna"], ["Nortal"], ["PROSOZ Herten"]]
    assert _count(neo, "MATCH (n:Organization) RETURN count(n)") == [[9]]
    assert _count(neo, "MATCH (n:Municipality:Entity) RETURN count(n)") == [[4]]
    assert _count(neo, "MATCH (n:PublicITProvider) RETURN count(n)") == [[2]]


def test_neo4j_backend_schema_constraints_exist(neo: Neo4jStore) -> None:
    neo.ensure_schema()
    names = {r[0] for r in _count(neo, "CALL db.labels() YIELD label RETURN label")}
    assert {"Entity", "Article", "Topic", "Vendor"} <= names
    hits = neo.cypher("CALL db.index.fulltext.queryNodes('entity_names', 'Dataport') "
                      "YIELD node, score RETURN node.name AS name ORDER BY score DESC LIMIT 1").rows
    assert hits == [["Dataport"]]


def test_neo4j_backend_push_is_incremental(neo: Neo4jStore) -> None:
    neo.write(sample_graph())
    again = neo.write(sample_graph())
    rows = len(sample_graph().nodes) + len(sample_graph().edges)  # 26 nodes, 53 edges: all unchanged
    assert (again.nodes, again.edges, again.skipped) == (0, 0, rows) == (0, 0, 79)
    g = sample_graph("snap_changed")
    renamed = [replace(n, props={**n.props, "name": "Dataport AöR"}) if n.id == E["dataport"] else n
               for n in g.nodes if n.id != E["ulm"]]
    edges = [e for e in g.edges if E["ulm"] not in (e.source, e.target)]
    changed = replace(g, nodes=renamed, edges=edges)
    report = neo.write(changed)
    assert (report.nodes, report.edges) == (1, 0)
    assert neo.entity(E["ulm"]) is None and neo.entity(E["dataport"])["name"] == "Dataport AöR"  # type: ignore[index]
    assert neo.load().edges == sorted_graph(changed.nodes, changed.edges, "").edges
    assert neo.snapshot_id() == "snap_changed"


def test_neo4j_backend_retype_replaces_finer_labels(neo: Neo4jStore) -> None:
    g = sample_graph("snap_retyped")
    nodes = [Node(n.label, n.id, {**n.props, "kind": "association"}) if n.id == E["materna"] else n
             for n in g.nodes]
    neo.write(replace(g, nodes=nodes))
    labels = neo.cypher("MATCH (n:Entity) WHERE n.id = $id RETURN labels(n)", {"id": E["materna"]}).rows
    assert sorted(labels[0][0]) == ["Association", "Entity", "Organization"]


def test_neo4j_backend_explain_check_refuses_writes_behind_the_allow_list(neo: Neo4jStore) -> None:
    with neo._driver.session(database=neo.database) as session, pytest.raises(QueryRefusedError, match="'w'"):
        neo._check_plan(session, "CREATE (n:Entity {id: 'x'})", {})
    assert neo.entity("x") is None


def _child_env(settings: Settings, batch: int) -> dict[str, str]:
    env = {**os.environ, "SKG_HOME": str(settings.home_path), "SKG_PUSH_BATCH": str(batch)}
    if settings.neo4j_uri:
        env.update(SKG_NEO4J_URI=settings.neo4j_uri, SKG_NEO4J_USER=settings.neo4j_user,
                   SKG_NEO4J_PASSWORD=settings.neo4j_password)
    return env


PUSH_SCRIPT = (
    "from graph.settings import load_settings; from graph.store.neo4j_backend import Neo4jStore; "
    "from graph.store.synthetic import synthetic_graph; "
    "Neo4jStore(load_settings(use_file=False)).write(synthetic_graph(1500, seed=7))"
)


def test_neo4j_backend_push_resumes_after_kill(neo: Neo4jStore) -> None:
    neo.write(sample_graph())
    target = synthetic_graph(1500, seed=7)
    child = subprocess.Popen([sys.executable, "-c", PUSH_SCRIPT], env=_child_env(neo.settings, 100))
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline and child.poll() is None:
        if neo.stats()["edges"]["MENTIONS"] > 500:
            break
        time.sleep(0.2)
    assert child.poll() is None, "the push finished before it could be killed; use a bigger graph"
    child.send_signal(signal.SIGKILL)
    child.wait()
    partial = neo.stats()
    assert partial["snapshot_id"] != target.snapshot_id
    resumed = neo.write(target)
    assert resumed.skipped > 0  # committed batches were not written twice
    expected = sorted_graph(target.nodes, target.edges, target.snapshot_id)
    loaded = neo.load()
    assert (len(loaded.nodes), len(loaded.edges)) == (len(expected.nodes), len(expected.edges))
    assert loaded.edges == expected.edges and loaded.nodes == expected.nodes
    dupes = neo.cypher("MATCH ()-[r]->() WITH r.id AS id, count(*) AS c WHERE c > 1 RETURN count(*)").rows
    assert dupes == [[0]]


def test_neo4j_backend_push_resumes_after_dropped_connection(neo: Neo4jStore) -> None:
    import threading
    from urllib.parse import urlparse

    neo.write(sample_graph())
    target = synthetic_graph(3000, seed=11)
    parsed = urlparse(neo.uri)
    proxy = CuttableProxy(parsed.hostname or "127.0.0.1", parsed.port or 7687)
    _uri, user, password = local_credentials(neo.settings)
    via_proxy = load_settings(env={"SKG_NEO4J_URI": f"bolt://127.0.0.1:{proxy.port}", "SKG_NEO4J_USER": user,
                                   "SKG_NEO4J_PASSWORD": password, "SKG_PUSH_BATCH": "50"}, use_file=False)
    flaky = Neo4jStore(via_proxy)
    errors: list[Exception] = []

    def push() -> None:
        try:
            flaky.write(target)
        except Exception as exc:
            errors.append(exc)

    worker = threading.Thread(target=push)
    worker.start()
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline and neo.stats()["edges"]["MENTIONS"] < 100:
        time.sleep(0.05)
    proxy.cut()
    assert neo.snapshot_id() != target.snapshot_id, "the push finished before the cut"
    worker.join(timeout=120)
    assert len(errors) == 1 and isinstance(errors[0], BackendUnavailableError), errors
    assert "no Neo4j answers" in str(errors[0])
    neo.write(target)
    expected = sorted_graph(target.nodes, target.edges, target.snapshot_id)
    loaded = neo.load()
    assert loaded.nodes == expected.nodes and loaded.edges == expected.edges
    assert neo.cypher("MATCH ()-[r]->() WITH r.id AS id, count(*) AS c WHERE c > 1 RETURN count(*)").rows == [[0]]


def test_neo4j_backend_wrong_password_is_a_clear_error(neo: Neo4jStore) -> None:
    uri = neo.uri
    bad = load_settings(env={"SKG_NEO4J_URI": uri, "SKG_NEO4J_PASSWORD": "definitely-wrong"}, use_file=False)
    with pytest.raises(BackendUnavailableError, match="refused the login"):
        Neo4jStore(bad)


def test_neo4j_backend_unreachable_server_is_a_clear_error() -> None:
    settings = load_settings(env={"SKG_NEO4J_URI": "bolt://127.0.0.1:1", "SKG_NEO4J_PASSWORD": "x"},
                             use_file=False)
    with pytest.raises(BackendUnavailableError, match="no Neo4j answers"):
        Neo4jStore(settings)


def test_neo4j_backend_query_timeout_aborts(neo: Neo4jStore) -> None:
    from graph.errors import QueryError

    uri, user, password = local_credentials(neo.settings)
    quick = Neo4jStore(load_settings(env={"SKG_NEO4J_URI": uri, "SKG_NEO4J_USER": user,
                                          "SKG_NEO4J_PASSWORD": password, "SKG_QUERY_TIMEOUT_S": "0.5"},
                                     use_file=False))
    started = time.monotonic()
    with pytest.raises(QueryError, match=r"(?i)timed? ?out|terminated"):
        quick.cypher("UNWIND range(1, 1000000000) AS x RETURN count(x)")
    assert time.monotonic() - started < 30
    quick.close()


def test_neo4j_backend_retried_create_batch_writes_nothing_twice(neo: Neo4jStore) -> None:
    from graph.store import cypher
    from graph.store.neo4j_push import edge_payloads, guard, session_writer
    from graph.store.rows import graph_rows

    graph = sample_graph()
    neo.write(graph)
    rows = edge_payloads(graph_rows(graph))["CO_MENTIONED"]
    with neo._driver.session(database=neo.database) as session:
        session.run("MATCH ()-[r:CO_MENTIONED]->() DELETE r").consume()
        write = session_writer(session)
        for _attempt in range(2):  # the second call is a retry after a lost commit acknowledgement
            write(cypher.neo4j_create_edges("CO_MENTIONED"), {"rows": rows, **guard(rows[0])})
    assert neo.stats()["edges"]["CO_MENTIONED"] == len(rows)
    assert neo.load().edges == sorted_graph(graph.nodes, graph.edges, "").edges


def test_neo4j_backend_packed_reads_equal_streamed_records(neo: Neo4jStore) -> None:
    from graph.store import cypher

    neo.write(sample_graph())
    query = cypher.edge_rows("MENTIONS")
    streamed = [dict(r) for r in neo._read(query, {})]
    assert neo._columns(query, {}) == ["source", "target", *cypher.edge_props()]
    assert sorted(neo._rows(query), key=lambda r: r["id"]) == sorted(streamed, key=lambda r: r["id"])
    assert len(streamed) > 10


def test_neo4j_backend_shadowing_alias_runs_unpacked(neo: Neo4jStore) -> None:
    from graph.store import cypher

    neo.write(sample_graph())
    query = cypher.count_nodes("Entity")  # ``count(n) AS n``: Neo4j plans the key as "  n@…"
    assert neo._columns(query, {}) is None
    assert neo._rows(query) == [{"n": len(sample_graph().nodes_by_label("Entity"))}]


def test_neo4j_backend_reads_log_no_server_notifications(neo: Neo4jStore,
                                                         caplog: pytest.LogCaptureFixture) -> None:
    neo.write(sample_graph())
    with caplog.at_level("INFO"):
        rows = neo.cypher("MATCH (a:Entity)-[r:NO_SUCH_TYPE]->(b) RETURN count(r) AS n").rows
        neo.load()
    assert rows == [[0]]
    assert not [r for r in caplog.records if "notification" in r.getMessage().lower()]
