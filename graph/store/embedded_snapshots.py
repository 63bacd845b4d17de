"""Snapshot folders of the embedded store and the pointer that names the current one.

Layout under ``SKG_HOME/graph/``::

    CURRENT                       {"dir": "<snapshot_id>_<stamp>", "snapshot_id": "..."}
    snapshots/<snapshot_id>_<stamp>/graph.lbug
    snapshots/.building-<uuid>/   (a build in progress; renamed when complete)

A build writes a complete new database in a ``.building-*`` folder, renames it,
then replaces ``CURRENT`` with :func:`os.replace` (atomic on POSIX). A reader
therefore always opens a complete snapshot and keeps its open one until it
notices the pointer changed.

Builds of one home take turns (:func:`writing`, an ``flock`` the kernel drops
when its process dies, even by ``kill -9``). Holding it, a build knows that any
``.building-*`` folder or ``.CURRENT.*`` file is the remains of a killed build
and deletes them, so repeated interrupted builds do not fill the disk.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import fcntl
import json
import os
import shutil
import uuid
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from graph.errors import StoreError
from graph.model.graphdata import EDGE_TYPES, NODE_LABELS, GraphData

DB_FILE = "graph.lbug"


@dataclass(frozen=True)
class Pointer:
    """What ``CURRENT`` says: the snapshot folder name and the graph's snapshot id."""

    dir: str
    snapshot_id: str


def graph_root(home: Path) -> Path:
    """``SKG_HOME/graph``."""
    return home / "graph"


def snapshots_dir(home: Path) -> Path:
    """Folder holding one sub-folder per snapshot."""
    return graph_root(home) / "snapshots"


def read_pointer(home: Path) -> Pointer | None:
    """The current snapshot, or ``None`` before the first build."""
    path = graph_root(home) / "CURRENT"
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        return None
    except (OSError, ValueError) as exc:
        raise StoreError(f"cannot read the snapshot pointer: {exc}", path=str(path),
                         hint="run `skg build` again to rewrite it") from None
    return Pointer(str(data["dir"]), str(data["snapshot_id"]))


@contextlib.contextmanager
def writing(home: Path) -> Iterator[list[str]]:
    """Hold the home's write lock for one build; yields what killed builds had left (now deleted)."""
    root = graph_root(home)
    root.mkdir(parents=True, exist_ok=True)
    with (root / ".write.lock").open("a") as handle:
        fcntl.flock(handle, fcntl.LOCK_EX)
        try:
            yield clear_leftovers(home)
        finally:
            fcntl.flock(handle, fcntl.LOCK_UN)


def clear_leftovers(home: Path) -> list[str]:
    """Delete half-built snapshot folders and pointer temp files; only call it holding :func:`writing`."""
    root = graph_root(home)
    found = sorted(root.glob(".CURRENT.*")) + sorted(snapshots_dir(home).glob(".building-*"))
    for path in found:
        if path.is_dir():
            shutil.rmtree(path, ignore_errors=True)
        else:
            path.unlink(missing_ok=True)
    return [path.name for path in found]


def new_build_dir(home: Path) -> Path:
    """A fresh, empty folder for a snapshot being built."""
    path = snapshots_dir(home) / f".building-{uuid.uuid4().hex}"
    path.mkdir(parents=True)
    return path


def publish(home: Path, build_dir: Path, snapshot_id: str) -> Pointer:
    """Rename a finished build and switch ``CURRENT`` to it atomically."""
    stamp = dt.datetime.now(dt.UTC).strftime("%Y%m%dT%H%M%S%f")
    name = f"{snapshot_id or 'unnamed'}_{stamp}"
    os.rename(build_dir, snapshots_dir(home) / name)
    pointer = Pointer(name, snapshot_id)
    tmp = graph_root(home) / f".CURRENT.{uuid.uuid4().hex}"
    tmp.write_text(json.dumps(pointer.__dict__), encoding="utf-8")
    os.replace(tmp, graph_root(home) / "CURRENT")
    return pointer


def db_path(home: Path, pointer: Pointer) -> Path:
    """The database file of a snapshot."""
    return snapshots_dir(home) / pointer.dir / DB_FILE


def prune(home: Path, keep: int) -> list[str]:
    """Delete all but the newest ``keep`` snapshots (never the current one); return deleted names."""
    current = read_pointer(home)
    folders = sorted((p for p in snapshots_dir(home).iterdir()
                      if p.is_dir() and not p.name.startswith(".")),
                     key=lambda p: p.name.rsplit("_", 1)[-1], reverse=True)
    keep_names = {p.name for p in folders[:max(keep, 1)]}
    if current is not None:
        keep_names.add(current.dir)
    deleted = []
    for folder in folders:
        if folder.name not in keep_names:
            shutil.rmtree(folder, ignore_errors=True)
            deleted.append(folder.name)
    return deleted


def list_snapshots(home: Path) -> list[dict[str, object]]:
    """Every stored snapshot, newest first, with its size and whether it is current."""
    root = snapshots_dir(home)
    if not root.is_dir():
        return []
    current = read_pointer(home)
    rows = []
    for folder in root.iterdir():
        if not folder.is_dir() or folder.name.startswith("."):
            continue
        size = sum(f.stat().st_size for f in folder.iterdir() if f.is_file())
        rows.append({"dir": folder.name, "snapshot_id": folder.name.rsplit("_", 1)[0],
                     "bytes": size, "current": bool(current and current.dir == folder.name)})
    rows.sort(key=lambda r: str(r["dir"]).rsplit("_", 1)[-1], reverse=True)
    return rows


def created_at(dir_name: str) -> dt.datetime | None:
    """When a snapshot folder was published (UTC, from its name), or ``None`` for a foreign name."""
    try:
        return dt.datetime.strptime(dir_name.rsplit("_", 1)[-1], "%Y%m%dT%H%M%S%f").replace(tzinfo=dt.UTC)
    except ValueError:
        return None


def find(home: Path, ref: str) -> Pointer:
    """The stored snapshot ``ref`` names: a folder name, a snapshot id (its newest folder) or a prefix.

    Raises :class:`StoreError` naming the kept snapshots when nothing or several folders match,
    because old snapshots are pruned after ``snapshots_kept`` builds.
    """
    rows = list_snapshots(home)
    for rule in (lambda d, s: d == ref, lambda d, s: s == ref, lambda d, s: d.startswith(ref)):
        hits = [r for r in rows if rule(str(r["dir"]), str(r["snapshot_id"]))]
        ids = {str(r["snapshot_id"]) for r in hits}
        if hits and (len(hits) == 1 or len(ids) == 1):
            return Pointer(str(hits[0]["dir"]), str(hits[0]["snapshot_id"]))  # newest first
        if hits:
            raise StoreError(f"snapshot {ref!r} is ambiguous: {', '.join(sorted(ids))}",
                             hint="give more characters of the snapshot id or the folder name")
    kept = ", ".join(str(r["dir"]) for r in rows) or "none"
    raise StoreError(f"no stored snapshot {ref!r} (kept: {kept})",
                     hint="pick one listed by `skg snapshots`; raise snapshots_kept to keep more builds")


def load_snapshot(home: Path, pointer: Pointer, buffer_pool_mb: int = 256) -> GraphData:
    """Read one stored snapshot, current or not, read-only, as :class:`GraphData`.

    Older snapshots were written by older versions and may lack properties or whole
    relationship tables; those are read as absent. ``meta["columns"]`` names the
    properties each table of the snapshot has, so callers can tell "not set" from "not known yet".
    """
    import ladybug

    from graph.store import cypher
    from graph.store.rows import edge_from_row, node_from_row, sorted_graph

    path = db_path(home, pointer)
    if not path.exists():
        raise StoreError(f"snapshot {pointer.dir} has no database", path=str(path),
                         hint="it was pruned or is damaged; pick another with `skg snapshots`")
    db = ladybug.Database(str(path), read_only=True, buffer_pool_size=buffer_pool_mb * 1024 * 1024)
    conn = ladybug.Connection(db)

    def rows(query: str) -> list[dict[str, Any]]:
        result = conn.execute(query)
        single = result[-1] if isinstance(result, list) else result  # trusted queries: one statement
        return list(single.get_as_arrow(1_000_000).to_pylist())

    try:
        tables = {str(r["name"]) for r in rows(cypher.LADYBUG_TABLES)}
        columns = {t: [str(r["name"]) for r in rows(cypher.ladybug_table_properties(t))]
                   for t in (*NODE_LABELS, *EDGE_TYPES) if t in tables}
        nodes = [node_from_row(label, r) for label in NODE_LABELS if label in columns
                 for r in rows(cypher.node_rows_of(label, columns[label]))]
        edges = [edge_from_row(t, r) for t in EDGE_TYPES if t in columns
                 for r in rows(cypher.edge_rows_of(t, columns[t]))]
    finally:
        conn.close()
        db.close()
    graph = sorted_graph(nodes, edges, pointer.snapshot_id)
    graph.meta["columns"] = columns
    graph.meta["dir"] = pointer.dir
    return graph
