"""Which two stored snapshots a report compares, and reading them.

Reports read the embedded store's snapshot folders (every ``skg build`` publishes a new
one and keeps the newest ``snapshots_kept``), so the older side of a comparison can be any
snapshot still on disk, not only the current one.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path

from graph.errors import StoreError
from graph.model import GraphData
from graph.store import embedded_snapshots as snaps


@dataclass(frozen=True)
class SnapshotRef:
    """One stored snapshot: its folder, the content id of its graph and when it was built."""

    dir: str
    snapshot_id: str
    created: dt.datetime | None
    current: bool = False

    def label(self) -> str:
        """``s_… (2026-12-07 02:19 UTC, current)`` for headers and pickers."""
        when = self.created.strftime("%Y-%m-%d %H:%M:%S UTC") if self.created else "time unknown"
        return f"{self.snapshot_id} ({when}{', current' if self.current else ''})"

    def to_dict(self) -> dict[str, object]:
        """JSON form."""
        return {"dir": self.dir, "snapshot_id": self.snapshot_id, "current": self.current,
                "created": self.created.isoformat() if self.created else None}


def stored(home: Path) -> list[SnapshotRef]:
    """Every kept snapshot, newest first."""
    return [SnapshotRef(str(r["dir"]), str(r["snapshot_id"]), snaps.created_at(str(r["dir"])),
                        bool(r["current"])) for r in snaps.list_snapshots(home)]


def _ref(home: Path, pointer: snaps.Pointer) -> SnapshotRef:
    current = snaps.read_pointer(home)
    return SnapshotRef(pointer.dir, pointer.snapshot_id, snaps.created_at(pointer.dir),
                       bool(current and current.dir == pointer.dir))


def pick(home: Path, since: str | None = None,
         until: str | None = None) -> tuple[SnapshotRef | None, SnapshotRef]:
    """The (older, newer) pair to compare.

    ``until`` defaults to the current snapshot, ``since`` to the snapshot built just before
    ``until``; with no earlier snapshot the older side is ``None`` (everything counts as new).
    """
    current = snaps.read_pointer(home)
    if current is None:
        raise StoreError("there is no embedded graph snapshot yet",
                         hint="run `skg build` first (reports read the embedded store's snapshots, "
                              "also when you push to Neo4j)")
    newer = _ref(home, snaps.find(home, until) if until else current)
    if since:
        return _ref(home, snaps.find(home, since)), newer
    older = [r for r in stored(home) if r.created and newer.created and r.created < newer.created]
    return (older[0] if older else None), newer


def read(home: Path, ref: SnapshotRef | None, buffer_pool_mb: int) -> GraphData:
    """The graph of ``ref`` (an empty graph for ``None``)."""
    if ref is None:
        return GraphData()
    return snaps.load_snapshot(home, snaps.Pointer(ref.dir, ref.snapshot_id), buffer_pool_mb)
