"""Reading a kept snapshot by id gives the same graph the store reads for the current one."""

from __future__ import annotations

from pathlib import Path

import pytest

from graph.errors import StoreError
from graph.settings import load_settings
from graph.store import embedded_snapshots as snaps
from graph.store import open_store


def test_load_snapshot_equals_the_store_load(home: Path) -> None:
    pointer = snaps.read_pointer(home)
    assert pointer is not None
    with open_store(load_settings(env={"SKG_HOME": str(home)}, use_file=False), "embedded") as store:
        expected = store.load()
    loaded = snaps.load_snapshot(home, snaps.find(home, pointer.snapshot_id))
    assert loaded.snapshot_id == expected.snapshot_id
    assert loaded.nodes == expected.nodes and loaded.edges == expected.edges
    assert "evidence" in loaded.meta["columns"]["CO_MENTIONED"]


def test_find_by_folder_id_and_prefix(home: Path, first_snapshot: str) -> None:
    folder = next(r["dir"] for r in snaps.list_snapshots(home) if r["snapshot_id"] == first_snapshot)
    assert snaps.find(home, str(folder)).dir == folder
    assert snaps.find(home, first_snapshot).dir == folder
    assert snaps.find(home, first_snapshot[:9]).dir == folder
    with pytest.raises(StoreError, match="ambiguous"):
        snaps.find(home, "s_")
    assert snaps.created_at(str(folder)) is not None
