"""One call from "which snapshots, which scope" to a :class:`graph.watch.diff.Changes`.

Shared by ``skg watch report`` and the dashboard's "What's new" page, so both show the same.
"""

from __future__ import annotations

from graph.errors import StoreError
from graph.model import Entity, EntityType, GraphData, OrgKind
from graph.settings import Settings
from graph.watch import snapshots
from graph.watch import watchlist as wl
from graph.watch.diff import Changes, compare
from graph.watch.snapshots import SnapshotRef


def build_report(settings: Settings, since: str | None = None, until: str | None = None,
                 scoped: bool = True) -> Changes:
    """Changes between ``since`` (default: the snapshot before ``until``) and ``until`` (default: current).

    ``scoped=False`` ignores the watchlist and reports everything.
    """
    older, newer = snapshots.pick(settings.home_path, since, until)
    return report_between(settings, older, newer, scoped)


def report_between(settings: Settings, older: SnapshotRef | None, newer: SnapshotRef,
                   scoped: bool = True) -> Changes:
    """Changes from ``older`` (``None``: an empty graph) to ``newer`` within the watchlist (or everything)."""
    home, pool = settings.home_path, int(settings.buffer_pool_mb)
    watched = wl.load(home) if scoped else wl.Watchlist()
    old_graph, new_graph = snapshots.read(home, older, pool), snapshots.read(home, newer, pool)
    return compare(old_graph, new_graph, watched, older, newer)


def current_entities(settings: Settings) -> list[Entity]:
    """The actors of the current snapshot as model entities (for name lookup); empty before a build."""
    home = settings.home_path
    try:
        _, newer = snapshots.pick(home)
    except StoreError:  # no graph yet: names cannot be looked up, ids still can
        return []
    graph = snapshots.read(home, newer, int(settings.buffer_pool_mb))
    return entities_of(graph)


def entities_of(graph: GraphData) -> list[Entity]:
    """Entity nodes of ``graph`` as :class:`Entity` objects."""
    out = []
    for node in graph.nodes_by_label("Entity"):
        p = node.props
        kind = p.get("kind")
        out.append(Entity(node.id, str(p.get("name") or node.id), EntityType(str(p.get("type"))),
                          kind=OrgKind(kind) if kind in {k.value for k in OrgKind} else None,
                          aliases=tuple(p.get("aliases") or ()), land=p.get("land")))
    return out
