"""The cached data layer: the only place the dashboard talks to :mod:`graph`.

Pages call these functions and never import ``graph.store`` or run Cypher or
algorithms themselves. The store handle is a ``st.cache_resource`` (one per
backend and home); graph-sized results are cached per snapshot id, so a
rebuild invalidates them automatically and a rerun with the same filters
costs nothing.
"""

from __future__ import annotations

import contextlib
from dataclasses import replace
from typing import Any

import pandas as pd
import streamlit as st

from dashboard import compute
from dashboard import summary as summaries
from graph.errors import SkgError, StoreError
from graph.model import GraphData
from graph.settings import Settings, load_settings
from graph.store.base import GraphStore, SubgraphFilter


class EmptyGraphError(StoreError):
    """The store holds no graph yet."""

    code = "E404"


def settings() -> Settings:
    """Settings from the environment ``skg dashboard`` passed on."""
    return load_settings()


@st.cache_resource(show_spinner=False)
def _open_store(backend: str, home: str) -> GraphStore:
    from graph.store import open_store

    return open_store(settings(), backend)


def store() -> GraphStore:
    """The shared store handle for the configured backend."""
    s = settings()
    return _open_store(s.backend, str(s.home_path))


def reset() -> None:
    """Close the store and drop every cache (before and after a rebuild)."""
    with contextlib.suppress(SkgError):
        store().close()
    st.cache_resource.clear()
    st.cache_data.clear()


def snapshot() -> str | None:
    """Id of the snapshot readers see now."""
    return store().snapshot_id()


def require_snapshot() -> str:
    """The current snapshot id, or a friendly error telling how to fill the store."""
    snap = snapshot()
    if not snap:
        raise EmptyGraphError(
            "the graph is empty",
            hint="run `skg demo` for the sample corpus, or `skg ingest FILES` then `skg build`")
    return snap


@st.cache_resource(show_spinner="Loading graph…", max_entries=4)
def graph_data(snap: str) -> GraphData:
    """The whole stored graph of snapshot ``snap`` (shared, treat as read-only)."""
    return store().load()


@st.cache_resource(show_spinner="Filtering…", max_entries=16)
def filtered(flt: SubgraphFilter, snap: str) -> GraphData:
    """Entities and edges after ``flt`` (focus and node cap are applied by the network view)."""
    return store().subgraph(replace(flt, focus=None, node_cap=None))


@st.cache_resource(show_spinner=False, max_entries=4)
def summary(snap: str) -> summaries.Summary:
    """Counts, Länder, timeline and top actors of ``snap`` (a small JSON cached on disk per snapshot).

    A resource, not data: every session shares the one frozen object instead
    of unpickling a copy, so a new visitor's sidebar and overview cost nothing.
    """
    return summaries.load_or_compute(store(), snap, settings().home_path)


def stats(snap: str) -> dict[str, Any]:
    """Counts per label and edge type (from the snapshot's summary)."""
    return summary(snap).stats


def lands(snap: str | None) -> list[str]:
    """The Länder of the snapshot's municipalities, sorted (empty before the first build)."""
    return list(summary(snap).lands) if snap else []


@st.cache_data(show_spinner=False, max_entries=4)
def entities(snap: str) -> pd.DataFrame:
    """All entities as a table (from the entity graph: no articles need loading)."""
    return compute.entities_frame(filtered(SubgraphFilter(), snap))


@st.cache_data(show_spinner=False, max_entries=4)
def articles(snap: str) -> pd.DataFrame:
    """All article nodes as a table."""
    return compute.articles_frame(graph_data(snap))


def articles_per_month(snap: str) -> pd.DataFrame:
    """Articles per publication month, counted by the store once per snapshot (no graph load)."""
    return compute.timeline_frame(summary(snap).timeline)


@st.cache_data(show_spinner=False, max_entries=16)
def top_actors(flt: SubgraphFilter, snap: str, n: int = 10) -> pd.DataFrame:
    """Most-reported actors per type/kind within the filters.

    Type and kind filters keep or drop whole groups, so the summary's top
    ``TOP_N`` per group already answers them; only tie, date and Land filters
    (or a longer list) need a filtered subgraph from the store.
    """
    if not _needs_subgraph(flt) and n <= summaries.TOP_N:
        top = compute.rank_actors(summary(snap).top_frame(), n, flt.types, flt.kinds)
        return top.reset_index(drop=True)
    return compute.top_actors(filtered(flt, snap), n)


def _needs_subgraph(flt: SubgraphFilter) -> bool:
    """Whether ``flt`` drops entities for reasons other than their type and kind."""
    return bool(flt.restricts_ties() or flt.date_from or flt.date_to or flt.land or flt.focus)


def entity_options(snap: str) -> dict[str, str]:
    """Entity id → "name (type)" for pickers, sorted by name."""
    ents = entities(snap).sort_values(["name", "id"])
    return {r.id: f"{r.name} ({r.type}{'/' + r.kind if isinstance(r.kind, str) else ''})"
            for r in ents.itertuples()}


def search(text: str, limit: int = 20) -> list[dict[str, Any]]:
    """Entities whose name or alias contains ``text``."""
    return store().search(text, limit) if text.strip() else []


def network_html(flt: SubgraphFilter, metric: str, colour_by: str, snap: str,
                 seed: int) -> tuple[str, int, int]:
    """The vis-network page for the filtered graph, with node and edge counts.

    The page links the vis-network bundle this server serves (or inlines it
    when static serving is off), so the URL is part of the cache key.
    """
    from dashboard import assets

    return _network_html(flt, metric, colour_by, snap, seed, assets.vis_url())


@st.cache_data(show_spinner="Laying out the network…", max_entries=16)
def _network_html(flt: SubgraphFilter, metric: str, colour_by: str, snap: str, seed: int,
                  script_src: str | None) -> tuple[str, int, int]:
    from dashboard import netdata, netview, timing  # igraph: not needed by the first page

    with timing.step("network:layout"):  # logged only on a cache miss (see dashboard.prefetch)
        nodes, edges = netdata.network_lists(filtered(flt, snap), metric=metric, colour_by=colour_by,
                                             focus=flt.focus, depth=flt.depth, cap=flt.node_cap, seed=seed)
        legend = netview.level_legend(netdata.LEVEL_STYLES)
        page = netview.network_html(nodes, edges, script_src=script_src, legend=legend)
        return page, len(nodes), len(edges)


def graph_html(graph: GraphData, height: int = 480, cap: int = 500) -> str:
    """A vis-network page for a small ad-hoc graph (e.g. a query result)."""
    from dashboard import assets, netdata, netview

    nodes, edges = netdata.network_lists(graph, metric="degree", cap=cap, seed=int(settings().seed))
    return netview.network_html(nodes, edges, height=height, script_src=assets.vis_url())


def stored_snapshots() -> list[dict[str, Any]]:
    """Kept embedded snapshots, newest first (``dir``, ``snapshot_id``, ``label``, ``current``)."""
    from graph.watch.snapshots import stored

    return [{"dir": r.dir, "snapshot_id": r.snapshot_id, "label": r.label(), "current": r.current}
            for r in stored(settings().home_path)]


def watch_scope() -> tuple[str, str]:
    """The watchlist as one line for the page, and its file text (a cache key that changes with edits)."""
    from graph.watch import watchlist

    home = settings().home_path
    path = watchlist.path_of(home)
    text = path.read_text(encoding="utf-8") if path.exists() else ""
    return watchlist.load(home).describe(), text


def whats_new(older: str | None, newer: str, scoped: bool) -> dict[str, Any]:
    """``skg watch report`` between two snapshot folders as its JSON form (cached per pair and watchlist)."""
    return _whats_new(older, newer, scoped, watch_scope()[1])


@st.cache_data(show_spinner="Comparing snapshots…", max_entries=8)
def _whats_new(older: str | None, newer: str, scoped: bool, watchlist_text: str) -> dict[str, Any]:
    from graph.watch.render import evidence_line
    from graph.watch.report import report_between
    from graph.watch.snapshots import stored

    s = settings()
    by_dir = {r.dir: r for r in stored(s.home_path)}
    if newer not in by_dir or (older is not None and older not in by_dir):
        raise StoreError("that snapshot is no longer kept", hint="reload the page and pick another")
    report = report_between(s, by_dir[older] if older else None, by_dir[newer], scoped)
    result = report.to_dict()
    for name in ("new_ties", "level_rises", "ended_offices"):
        for row, change in zip(result[name], getattr(report, name), strict=True):
            row["evidence_text"] = evidence_line(change)
    return result
