"""Snapshots written by older versions: fewer properties, fewer tables; read as "not known", never as changed."""

from __future__ import annotations

import json
from pathlib import Path

import ladybug

from graph.model import GraphData
from graph.store import embedded_snapshots as snaps
from tests.graph.watch.test_report import report


def current(home: Path) -> GraphData:
    pointer = snaps.read_pointer(home)
    assert pointer is not None
    return snaps.load_snapshot(home, pointer)


def old_snapshot(home: Path, graph: GraphData, names: tuple[str, ...], level: str | None) -> str:
    """A snapshot folder as an older version wrote it: only Entity and CO_MENTIONED, few columns.

    ``names`` are the entities it holds; their CO_MENTIONED ties keep the current ids. With
    ``level`` the tie table has an ``evidence_level`` column set to it.
    """
    folder = snaps.snapshots_dir(home) / "s_oldversion_20200101T000000000000"
    folder.mkdir()
    db = ladybug.Database(str(folder / snaps.DB_FILE))
    conn = ladybug.Connection(db)
    conn.execute("CREATE NODE TABLE Entity(id STRING PRIMARY KEY, name STRING, type STRING)")
    level_col = ", evidence_level STRING" if level else ""
    conn.execute(f"CREATE REL TABLE CO_MENTIONED(FROM Entity TO Entity, id STRING, weight DOUBLE{level_col})")
    ids = {n.id: n for n in graph.nodes if n.label == "Entity" and n.props["name"] in names}
    for node in ids.values():
        conn.execute("CREATE (:Entity {id: $id, name: $name, type: $type})",
                     {"id": node.id, "name": node.props["name"], "type": node.props["type"]})
    for edge in graph.edges_by_type("CO_MENTIONED"):
        if edge.source in ids and edge.target in ids:
            props = {"s": edge.source, "t": edge.target, "id": edge.id, "level": level}
            conn.execute("MATCH (a:Entity), (b:Entity) WHERE a.id = $s AND b.id = $t "
                         f"CREATE (a)-[:CO_MENTIONED {{id: $id, weight: 1.0{', evidence_level: $level' if level else ''}}}]->(b)",
                         props if level else {k: v for k, v in props.items() if k != "level"})
    conn.close()
    db.close()
    return "s_oldversion"


def test_an_older_snapshot_without_tables_and_properties_reads(home: Path, tmp_path: Path) -> None:
    graph = current(home)
    since = old_snapshot(home, graph, ("Ulm", "Komm.ONE", "Martin Ansbacher"), level=None)
    loaded = snaps.load_snapshot(home, snaps.find(home, since))
    assert sorted(n.props["name"] for n in loaded.nodes) == ["Komm.ONE", "Martin Ansbacher", "Ulm"]
    assert len(loaded.edges) == 3 and all(set(e.props) <= {"weight"} for e in loaded.edges)
    assert set(loaded.meta["columns"]) == {"Entity", "CO_MENTIONED"}
    code, text = report(home, tmp_path, "--since", since)
    data = json.loads(text)
    assert code == 3
    everyone = {n.props["name"] for n in graph.nodes if n.label == "Entity"}
    assert {a["source_name"] for a in data["new_actors"]} == everyone - {"Ulm", "Komm.ONE", "Martin Ansbacher"}
    kept = {frozenset(p) for p in (("Ulm", "Komm.ONE"), ("Ulm", "Martin Ansbacher"), ("Komm.ONE", "Martin Ansbacher"))}
    assert not kept & {frozenset((t["source_name"], t["target_name"])) for t in data["new_ties"]}
    assert data["level_rises"] == [] and data["ended_offices"] == []
