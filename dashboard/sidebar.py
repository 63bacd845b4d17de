"""The shared sidebar: backend and snapshot in use, and the global filters.

Filter widgets keep their values in ``st.session_state`` (keys ``f_*``) and
are drawn on every run by the router, so they survive page switches; pages
read them through :func:`current_filter`.

The widgets sit in a "Filters" popover with a one-line summary of what is
active next to it. Why: Chromium loads the JavaScript of date fields,
sliders and number inputs only when they are shown, and on a first visit
that was about a third of the first page's browser time (side by side on a
10,000-article graph: 2.46 s → 1.71 s to the first page with an empty
browser cache, 2.21 s → 1.63 s after a server restart).
"""

from __future__ import annotations

import datetime as dt

import streamlit as st

from dashboard import data
from graph.errors import SkgError
from graph.model import EntityType, OrgKind
from graph.model.graphdata import EVIDENCE_LEVELS
from graph.settings import Settings
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
        with st.popover("Filters", icon=":material/filter_list:", width="stretch"):
            _widgets(s, snap)
        st.caption(summary(current_filter()))


def _widgets(s: Settings, snap: str | None) -> None:
    """The filter widgets (their keys are what :func:`current_filter` reads)."""
    st.multiselect("Entity types", [t.value for t in EntityType], key="f_types")
    st.multiselect("Organisation kinds", [k.value for k in OrgKind], key="f_kinds")
    st.date_input("From", value=None, key="f_from", min_value=dt.date(1990, 1, 1))
    st.date_input("To", value=None, key="f_to", min_value=dt.date(1990, 1, 1))
    st.selectbox("Land", data.lands(snap), index=None, key="f_land", placeholder="all Länder")
    st.number_input("Min. articles per tie", 1, 1000, int(s.min_articles), key="f_min_articles")
    st.slider("Association threshold (NPMI)", -1.0, 1.0, float(s.min_npmi), 0.05, key="f_npmi")
    st.selectbox("Evidence at least", EVIDENCE_LEVELS, key="f_level",
                 help="article: named in one article · sentence: in one sentence · stated: a stated "
                      "relation · corroborated: sentence-level or stated in two independent sources")
    st.number_input("Node cap", 10, 5000, int(s.node_cap), step=50, key="f_cap")


def summary(flt: SubgraphFilter) -> str:
    """The active filters in one line, so they stay visible while the popover is closed.

    >>> summary(SubgraphFilter(types=("PERSON",), land="Bayern", node_cap=300))
    'PERSON · Bayern · ≤ 300 nodes'
    >>> summary(SubgraphFilter(node_cap=300))
    'All actors and ties · ≤ 300 nodes'
    >>> summary(SubgraphFilter(min_evidence_level="stated"))
    'evidence ≥ stated'
    """
    parts = [", ".join(flt.types), ", ".join(flt.kinds)]
    if flt.date_from or flt.date_to:
        parts.append(f"{flt.date_from or '…'} – {flt.date_to or '…'}")
    parts.append(flt.land or "")
    if flt.min_articles > 1:
        parts.append(f"ties in ≥ {flt.min_articles} articles")
    if flt.min_npmi > -1.0:
        parts.append(f"NPMI ≥ {flt.min_npmi:g}")
    if flt.min_evidence_level != "article":
        parts.append(f"evidence ≥ {flt.min_evidence_level}")
    text = " · ".join(p for p in parts if p) or "All actors and ties"
    return f"{text} · ≤ {flt.node_cap} nodes" if flt.node_cap else text


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
        min_evidence_level=str(state.get("f_level") or "article"),
        focus=focus, depth=depth,
    )
