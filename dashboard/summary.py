"""The dashboard summary: everything the sidebar and the overview need, computed once per snapshot.

The first page used to read the whole entity table (3,000 rows on a 10,000-article
graph, with every tie and its evidence) just to fill the Land picker and the
top-actor lists. A snapshot never changes once published (its id is a hash of
its content), so these few numbers and lists are computed once, kept as a small
JSON file under ``SKG_HOME/cache/dashboard/<snapshot>.json`` and reused by every
later server start. No Streamlit here; :mod:`dashboard.data` caches the object.

A ``GraphStore.summary()`` computed by ``skg build`` would make even the first
start after a build free; until the store offers it, this module derives the
summary from public store methods (``stats``, ``timeline``, one light ``subgraph``).
"""

from __future__ import annotations

import contextlib
import json
import os
import tempfile
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

import pandas as pd

from dashboard import compute
from graph.store.base import GraphStore, SubgraphFilter

# Bump when the fields or their meaning change: older cache files are then recomputed.
VERSION = 1
TOP_N = 10
TOP_COLUMNS = ["group", "name", "articles", "mentions", "id", "type", "kind"]
KEEP_FILES = 8  # summaries of older snapshots are pruned (a few KB each; rebuilds add one each)


@dataclass(frozen=True)
class Summary:
    """Counts, picker options and first-page tables of one snapshot (small: a few KB)."""

    snapshot_id: str
    stats: dict[str, Any]
    timeline: list[dict[str, Any]]  # store.timeline("month") rows
    lands: list[str]
    kinds: list[str]
    date_range: tuple[str | None, str | None]  # earliest first_seen, latest last_seen of entities
    top: list[dict[str, Any]] = field(default_factory=list)  # TOP_N per group, TOP_COLUMNS
    version: int = VERSION

    def top_frame(self) -> pd.DataFrame:
        """The stored top actors as a table (``group`` sorted, best first within a group)."""
        return pd.DataFrame(self.top, columns=TOP_COLUMNS)


def compute_summary(store: GraphStore, snapshot_id: str) -> Summary:
    """Derive the summary from the store: two aggregates and one read of entities without evidence."""
    entities = compute.entities_frame(store.subgraph(SubgraphFilter(evidence=False)))
    top = compute.rank_actors(entities, TOP_N)
    top = top.join(entities[["type", "kind"]])[TOP_COLUMNS]
    return Summary(
        snapshot_id=snapshot_id,
        stats=store.stats(),
        timeline=store.timeline("month"),
        lands=_distinct(entities["land"]),
        kinds=_distinct(entities["kind"]),
        date_range=(_extreme(entities["first_seen"], min), _extreme(entities["last_seen"], max)),
        top=[_plain_row(r) for r in top.to_dict("records")],
    )


def _distinct(column: pd.Series) -> list[str]:
    """Sorted non-empty distinct strings of a column."""
    return sorted({str(v) for v in column.dropna()} - {""})


def _extreme(column: pd.Series, pick: Any) -> str | None:
    values = [str(v) for v in column.dropna() if str(v)]
    return str(pick(values)) if values else None


def _plain_row(row: dict[str, Any]) -> dict[str, Any]:
    """JSON-safe values (numpy ints become ints, NaN becomes ``None``)."""
    out: dict[str, Any] = {}
    for key, value in row.items():
        if value is None or (isinstance(value, float) and value != value):
            out[key] = None
        elif key in ("articles", "mentions"):
            out[key] = int(value)
        else:
            out[key] = str(value)
    return out


def cache_path(home: Path, snapshot_id: str) -> Path:
    """Where the summary of ``snapshot_id`` is kept."""
    safe = "".join(c if c.isalnum() or c in "-_." else "_" for c in snapshot_id)
    return home / "cache" / "dashboard" / f"{safe}.json"


def load_or_compute(store: GraphStore, snapshot_id: str, home: Path) -> Summary:
    """The cached summary of ``snapshot_id``, computing and saving it on a miss.

    A cache that cannot be read or written (read-only home, a file from an
    older version) only costs the recomputation; it never fails the page.
    """
    path = cache_path(home, snapshot_id)
    cached = read(path)
    if cached is not None and cached.snapshot_id == snapshot_id:
        return cached
    fresh = compute_summary(store, snapshot_id)
    with contextlib.suppress(OSError):
        write(path, fresh)
        prune(path.parent, KEEP_FILES)
    return fresh


def read(path: Path) -> Summary | None:
    """A summary file, or ``None`` when absent, unreadable or of another version."""
    try:
        raw = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    if not isinstance(raw, dict) or raw.get("version") != VERSION:
        return None
    try:
        raw["date_range"] = tuple(raw["date_range"])
        return Summary(**raw)
    except (TypeError, KeyError):
        return None


def write(path: Path, summary: Summary) -> None:
    """Write atomically (temp file + rename): two servers starting at once never see half a file."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=path.parent, suffix=".tmp")
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as handle:
            json.dump(asdict(summary), handle, ensure_ascii=False)
        os.replace(tmp, path)
    finally:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(tmp)


def prune(folder: Path, keep: int) -> None:
    """Delete all but the ``keep`` most recently written summary files."""
    files = sorted(folder.glob("*.json"), key=lambda p: p.stat().st_mtime_ns, reverse=True)
    for old in files[keep:]:
        with contextlib.suppress(FileNotFoundError):
            old.unlink()
