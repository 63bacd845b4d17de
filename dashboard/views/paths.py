"""Paths: k shortest paths between two actors, each hop with its quoted evidence.

With a date in "Offices held on", paths only run through offices held that day (as
``skg analyze paths --as-of``), and a hop along an office names it with its bounds.
"""

from __future__ import annotations

import datetime as dt

import streamlit as st

from dashboard import actors, data, ui


def render() -> None:
    """Draw the paths page."""
    st.title("Paths between two actors")
    snap = data.require_snapshot()
    c1, c2 = st.columns(2)
    with c1:
        source = ui.entity_picker("From", snap, key="path_from", default=st.query_params.get("from"))
    with c2:
        target = ui.entity_picker("To", snap, key="path_to", default=st.query_params.get("to"))
    k = st.slider("Number of paths", 1, 10, 3, key="path_k")
    hops = st.slider("Maximum hops", 1, 6, 4, key="path_hops")
    day = st.date_input("Offices held on", value=None, key="path_as_of", min_value=dt.date(1990, 1, 1),
                        help="Leave empty for all offices ever found; with a date, only those held that day.")
    if not source or not target:
        st.info("Pick two actors.")
        return
    if source == target:
        st.warning("Pick two different actors.")
        return
    as_of = day.isoformat() if isinstance(day, dt.date) else None
    found = actors.paths_at(source, target, k, hops, as_of, snap) if as_of else \
        actors.paths(source, target, k, hops, snap)
    if not found:
        when = f" with the offices held on {as_of}" if as_of else ""
        st.info(f"No path of at most {hops} hops{when}. Try more hops, another date or loosen the filters.")
        return
    for number, hop_list in enumerate(found, start=1):
        chain = " → ".join([ui.md(hop_list[0]["from"])] + [ui.md(h["to"]) for h in hop_list])
        st.markdown(f"**Path {number}** ({len(hop_list)} hops): {chain}")
        for hop in hop_list:
            office = f" · {ui.md(hop['office'])}" if hop.get("office") else ""
            with st.expander(f"{ui.md(hop['from'])} — {ui.md(hop['to'])}{office}"):
                ui.evidence_list(hop["evidence"], limit=3)


if __name__ == "__main__":
    render()
