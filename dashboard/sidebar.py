"""The shared sidebar: backend and snapshot in use, and the global filters.

Filter widgets keep their values in ``st.session_state`` (keys ``f_*``) and
are drawn on every run by the router, so they survive page switches; pages
read them through :func:`current_filter`.
"""

from __future__ import annotations

import datetime as dt

import streamlit as st

from dashboard import data
from graph.errors import SkgError
from graph.model import EntityType, OrgKind
from graph.store.base import SubgraphFilter


def draw() -> None:
    """Draw backend/snapshot info and the filter widgets."""
    s = data.settings()
    with st.sidebar:
        try:
            snap = data.snapshot()
        except SkgError as exc:
            st.error(f"{s.backend} backend unavailable: {exc.message}")
            return
        st.caption(f"Backend **{s.backend}** · snapshot `{snap or 'empty'}`")
        st.subheader("Filters")
        st.multiselect("Entity types", [t.value for t in EntityType], key="f_types")
        st.multiselect("Organisation kinds", [k.value for k in OrgKind], key="f_kinds")
        st.date_input("From", value=None, key="f_from", min_value=dt.date(1990, 1, 1))
        st.date_input("To", value=None, key="f_to", min_value=dt.date(1990, 1, 1))
        st.selectbox("Land", data.lands(snap), index=None, key="f_land", placeholder="all Länder")
        st.number_input("Min. articles per tie", 1, 1000, int(s.min_articles), key="f_min_articles")
        st.slider("Association threshold (NPMI)", -1.0, 1.0, float(s.min_npmi), 0.05, key="f_npmi")
        st.number_input("Node cap", 10, 5000, int(s.node_cap), step=50, key="f_cap")


def _iso(value: object) -> str | None:
    return value.isoformat() if isinstance(value, dt.date) else None


def current_filter(focus: str | None = None, depth: int = 1) -> SubgraphFilter:
    """The sidebar's filters as a :class:`SubgraphFilter` (plus an optional focus)."""
    state = st.session_state
    s = data.settings()
    return SubgraphFilter(
        types=tuple(state.get("f_types") or ()), kinds=tuple(state.get("f_kinds") or ()),
        date_from=_iso(state.get("f_from")), date_to=_iso(state.get("f_to")),
        land=state.get("f_land") or None, min_articles=int(state.get("f_min_articles") or s.min_articles),
        min_npmi=float(state.get("f_npmi", s.min_npmi)), node_cap=int(state.get("f_cap") or s.node_cap),
        focus=focus, depth=depth,
    )
