"""Overview: counts, articles over time, top actors per type and kind, last ingest and build."""

from __future__ import annotations

import streamlit as st

from dashboard import data, quality, sidebar


def render() -> None:
    """Draw the overview page."""
    st.title("Overview")
    snap = data.require_snapshot()
    stats = data.stats(snap)
    nodes, edges = stats.get("nodes", {}), stats.get("edges", {})
    cols = st.columns(4)
    cols[0].metric("Actors", f"{nodes.get('Entity', 0):,}")
    cols[1].metric("Articles", f"{nodes.get('Article', 0):,}")
    cols[2].metric("Co-mention ties", f"{edges.get('CO_MENTIONED', 0):,}")
    stated = sum(edges.get(t, 0) for t in ("HOLDS_ROLE", "AFFILIATED_WITH", "LOCATED_IN"))
    cols[3].metric("Stated relations", f"{stated:,}")
    st.subheader("Articles over time")
    per_month = data.articles_per_month(snap)
    if per_month.empty:
        st.caption("no dated articles")
    else:
        st.bar_chart(per_month, x="month", y="articles", height=220)
    st.subheader("Top actors per type and kind (current filters)")
    top = data.top_actors(sidebar.current_filter(), snap)
    groups = list(top["group"].unique())
    for col, group in zip(st.columns(min(3, max(1, len(groups)))) * len(groups), groups, strict=False):
        col.markdown(f"**{group}**")
        col.dataframe(top[top["group"] == group][["name", "articles", "mentions"]], hide_index=True)
    _reports()


def _reports() -> None:
    info = quality.corpus_info()
    with st.expander("Last ingest and build"):
        st.json({"last_ingest": info.get("last_ingest"), "last_build": info.get("last_build"),
                 "corpus": info.get("stats")}, expanded=False)


if __name__ == "__main__":
    render()
