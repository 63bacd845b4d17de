"""Overview: counts, articles over time, top actors per type and kind, last ingest and build.

Everything here comes from the snapshot's summary (:mod:`dashboard.summary`):
no graph load, no entity table, no Altair. The top-actor lists are small
static tables (``st.table``): six interactive data grids cost about a second of
browser CPU on a cold first page and add nothing to ten rows each.
"""

from __future__ import annotations

from typing import Any

import pandas as pd
import streamlit as st

from dashboard import data, quality, sidebar, ui


def render() -> None:
    """Draw the overview page."""
    st.title("Overview")
    snap = data.require_snapshot()
    _counts(data.stats(snap))
    st.subheader("Articles over time")
    per_month = data.articles_per_month(snap)
    if per_month.empty:
        st.caption("no dated articles")
    else:
        ui.bar_chart(per_month, x="month", y="articles", height=220)
    st.subheader("Top actors per type and kind (current filters)")
    _top(data.top_actors(sidebar.current_filter(), snap))
    _reports()


def _counts(stats: dict[str, Any]) -> None:
    nodes, edges = stats.get("nodes") or {}, stats.get("edges") or {}
    cols = st.columns(4)
    cols[0].metric("Actors", f"{nodes.get('Entity', 0):,}")
    cols[1].metric("Articles", f"{nodes.get('Article', 0):,}")
    cols[2].metric("Co-mention ties", f"{edges.get('CO_MENTIONED', 0):,}")
    stated = sum(edges.get(t, 0) for t in ("HOLDS_ROLE", "AFFILIATED_WITH", "LOCATED_IN"))
    cols[3].metric("Stated relations", f"{stated:,}")


def _top(top: pd.DataFrame) -> None:
    groups = list(top["group"].unique())
    for col, group in zip(st.columns(min(3, max(1, len(groups)))) * len(groups), groups, strict=False):
        col.markdown(f"**{group}**")
        col.table(top[top["group"] == group][["name", "articles", "mentions"]], hide_index=True)


def _reports() -> None:
    info = quality.corpus_info()
    with st.expander("Last ingest and build"):
        st.json({"last_ingest": info.get("last_ingest"), "last_build": info.get("last_build"),
                 "corpus": info.get("stats")}, expanded=False)


if __name__ == "__main__":
    render()
