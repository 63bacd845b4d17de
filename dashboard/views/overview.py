"""Overview: counts, articles over time, top actors per type and kind, last ingest and build.

Everything here comes from the snapshot's summary (:mod:`dashboard.summary`):
no graph load, no entity table, no Altair. The top-actor lists are small
HTML tables (:mod:`dashboard.htmltable`): six interactive data grids cost
about a second of browser CPU on a cold first page, and even ``st.table``
makes the browser load Streamlit's Arrow reader first.
"""

from __future__ import annotations

import json
from typing import Any

import pandas as pd
import streamlit as st

from dashboard import data, prefetch, quality, sidebar, ui
from dashboard.htmltable import table_grid, table_html


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
    flt = sidebar.current_filter()
    _top(data.top_actors(flt, snap))
    _reports()
    prefetch.network_soon(flt, snap, int(data.settings().seed))  # the likely next click


def _counts(stats: dict[str, Any]) -> None:
    nodes, edges = stats.get("nodes") or {}, stats.get("edges") or {}
    cols = st.columns(4)
    cols[0].metric("Actors", f"{nodes.get('Entity', 0):,}")
    cols[1].metric("Articles", f"{nodes.get('Article', 0):,}")
    cols[2].metric("Co-mention ties", f"{edges.get('CO_MENTIONED', 0):,}")
    stated = sum(edges.get(t, 0) for t in ("HOLDS_ROLE", "AFFILIATED_WITH", "LOCATED_IN", "CONTRACTS_WITH"))
    cols[3].metric("Stated relations", f"{stated:,}")


def _top(top: pd.DataFrame) -> None:
    """One HTML block: a titled table per type/kind, three to a row."""
    groups = list(top["group"].unique())
    columns = ["name", "articles", "mentions"]
    tables = [(str(g), table_html(top[top["group"] == g][columns].to_dict("records"), columns))
              for g in groups]
    st.html(table_grid(tables, min(3, max(1, len(groups)))))


def _reports() -> None:
    """The last ingest and build as indented JSON text (``st.json`` would load a JSON viewer first)."""
    info = quality.corpus_info()
    report = {"last_ingest": info.get("last_ingest"), "last_build": info.get("last_build"),
              "corpus": info.get("stats")}
    with st.expander("Last ingest and build"):
        st.text(json.dumps(report, indent=2, ensure_ascii=False, default=str))


if __name__ == "__main__":
    render()
