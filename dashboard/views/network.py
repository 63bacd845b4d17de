"""Network: the filtered graph drawn by vis-network, focus on an actor, click a node for its profile."""

from __future__ import annotations

import streamlit as st

from dashboard import data, sidebar, ui
from dashboard.netdata import METRICS


def render() -> None:
    """Draw the network page."""
    st.title("Network")
    snap = data.require_snapshot()
    c1, c2, c3, c4 = st.columns([3, 1, 1, 1])
    with c1:
        focus = ui.entity_picker("Focus on actor", snap, key="net_focus",
                                 default=st.query_params.get("focus"))
    depth = c2.number_input("Ego depth", 1, 4, 1, key="net_depth")
    metric = c3.selectbox("Size by", METRICS, key="net_metric")
    colour_by = c4.selectbox("Colour by", ("type", "community"), key="net_colour")
    flt = sidebar.current_filter(focus=focus, depth=int(depth))
    html, n_nodes, n_edges = data.network_html(flt, metric, colour_by, snap, int(data.settings().seed))
    st.caption(f"{n_nodes} actors, {n_edges} ties · top {flt.node_cap} by {metric} · "
               "line style shows the evidence level (legend below the drawing) · "
               "hover a tie for counts and quotes, click an actor to open its profile")
    if n_nodes == 0:
        st.info("No actors match the filters. Widen the date range, lower the minimum articles "
                "or the evidence level.")
        return
    ui.show_html(html, height=700)
    if focus:
        st.page_link("views/profile.py", label="Open the profile of the focused actor",
                     query_params={"entity": focus}, icon=":material/person:")


if __name__ == "__main__":
    render()
