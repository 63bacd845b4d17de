"""Embedded (LadybugDB) specifics: snapshots, atomic switch, pruning, read-only, timeout."""

from __future__ import annotations

from dataclasses import replace

import ladybug
import pytest

from graph.errors import QueryError, StoreError
from graph.model.graphdata import Edge, GraphData, Node
from graph.settings import Settings, load_settings
from graph.store import embedded_snapshots as snaps
from graph.store.embedded import EmbeddedStore, build_database
from tests.graph.store.sample_graph import E, sample_graph


def _smaller(graph: GraphData, sid: str) -> GraphData:
    """The sample graph without Ulm (and its edges), under a new snapshot id."""
    nodes = [n for n in graph.nodes if n.id != E["ulm"]]
    edges = [e for e in graph.edges if E["ulm"] not in (e.source, e.target)]
    return GraphData(nodes, edges, sid)


def test_embedded_empty_store_reads_nothing(settings: Settings) -> None:
    store = EmbeddedStore(settings)
    assert store.snapshot_id() is None
    assert store.load().nodes == [] and store.entity(E["ulm"]) is None
    assert store.stats()["nodes"]["Entity"] == 0
    with pytest.raises(StoreError, match="empty"):
        store.cypher("MATCH (n) RETURN n")


def test_embedded_write_switches_pointer_and_prunes(settings: Settings) -> None:
    store = EmbeddedStore(settings)
    for i in range(3):
        report = store.write(replace(sample_graph(), snapshot_id=f"snap_{i}"))
        assert report.snapshot_id == f"snap_{i}" and report.nodes == 26
    listed = snaps.list_snapshots(settings.home_path)
    assert [r["snapshot_id"] for r in listed] == ["snap_2", "snap_1"]  # snapshots_kept = 2
    assert listed[0]["current"] and not listed[1]["current"]
    assert store.snapshot_id() == "snap_2"


def test_embedded_reader_keeps_old_snapshot_until_new_one_is_complete(settings: Settings) -> None:
    writer, reader = EmbeddedStore(settings), EmbeddedStore(settings)
    writer.write(sample_graph("old"))
    assert reader.entity(E["ulm"]) is not None
    building = snaps.new_build_dir(settings.home_path)
    build_database(building / snaps.DB_FILE, _smaller(sample_graph(), "new"), 64)
    assert reader.snapshot_id() == "old" and reader.entity(E["ulm"]) is not None  # not published yet
    snaps.publish(settings.home_path, building, "new")
    assert reader.snapshot_id() == "new" and reader.entity(E["ulm"]) is None
    assert reader.stats()["nodes"]["Entity"] == 16


def test_embedded_leftover_build_folder_is_ignored(settings: Settings) -> None:
    store = EmbeddedStore(settings)
    store.write(sample_graph())
    snaps.new_build_dir(settings.home_path)  # as if a build had been killed
    assert store.snapshot_id() == "snap_sample_v1"
    assert [r["snapshot_id"] for r in snaps.list_snapshots(settings.home_path)] == ["snap_sample_v1"]


def test_embedded_reader_connection_is_read_only(settings: Settings) -> None:
    store = EmbeddedStore(settings)
    store.write(sample_graph())
    conn = store._connection()
    assert conn is not None
    with pytest.raises(RuntimeError):
        conn.execute("CREATE (n:Entity {id: 'sneaky'})")
    assert store.entity("sneaky") is None


def test_embedded_query_timeout_aborts(skg_home: object) -> None:
    settings = load_settings(env={"SKG_HOME": str(skg_home), "SKG_QUERY_TIMEOUT_S": "0.05"}, use_file=False)
    store = EmbeddedStore(settings)
    store.write(sample_graph())
    with pytest.raises(QueryError, match=r"(?i)interrupt|timeout"):
        # A filter over both variables: LadybugDB counts a bare cross product without walking it
        # (10^10 rows in 0.06 s here), which let the query finish inside the limit on a fast machine.
        store.cypher("UNWIND range(1, 100000) AS x UNWIND range(1, 100000) AS y "
                     "WITH x, y WHERE (x * y) % 7 = 3 RETURN count(*)")


@pytest.mark.parametrize("broken", [
    GraphData([Node("Entity", "e1", {})], [Edge("CO_MENTIONED", "e1", "missing", {})], "s"),
    GraphData([Node("Entity", "e1", {}), Node("Topic", "e1", {})], [], "s"),
    GraphData([Node("Article", "a1", {}), Node("Entity", "e1", {})], [Edge("MENTIONS", "e1", "a1", {})], "s"),
    GraphData([Node("Entity", "e1", {"mentions": "many"})], [], "s"),
])
def test_embedded_write_refuses_inconsistent_graphs(settings: Settings, broken: GraphData) -> None:
    store = EmbeddedStore(settings)
    with pytest.raises(StoreError):
        store.write(broken)
    assert store.snapshot_id() is None


def test_embedded_snapshot_file_opens_with_plain_ladybug(settings: Settings) -> None:
    EmbeddedStore(settings).write(sample_graph())
    pointer = snaps.read_pointer(settings.home_path)
    assert pointer is not None
    db = ladybug.Database(str(snaps.db_path(settings.home_path, pointer)), read_only=True)
    result = ladybug.Connection(db).execute("MATCH (n:Topic) RETURN count(n)")
    assert isinstance(result, ladybug.QueryResult) and result.get_next() == [3]
