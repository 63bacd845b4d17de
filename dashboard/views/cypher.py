"""Cypher console: read-only queries, the saved query library with parameter forms, table/graph/download."""

from __future__ import annotations

from typing import Any

import streamlit as st

from dashboard import data, queries, ui

DEFAULT_QUERY = "MATCH (e:Entity) RETURN e.id, e.name, e.type LIMIT 25"
OWN = "(write my own)"


def render() -> None:
    """Draw the Cypher page."""
    st.title("Cypher (read-only)")
    snap = data.require_snapshot()
    saved = {q["name"]: q for q in queries.saved_queries()}
    pick = str(st.selectbox("Saved query", [OWN, *saved], key="cy_saved"))
    chosen = saved.get(pick)
    with st.form("cypher_form"):
        if chosen:
            st.caption(chosen["description"])
            st.code(chosen["query"], language="cypher")
            raw = {name: st.text_input(f"${name}", value=_default(spec), key=f"cy_p_{pick}_{name}",
                                       help=f"{spec['type']}: {spec['help']}")
                   for name, spec in chosen["params"].items()}
        else:
            text = st.text_area("Query", value=DEFAULT_QUERY, height=140, key="cy_text")
            raw = {name: st.text_input(f"${name}", key=f"cy_own_{name}")
                   for name in queries.parameters_of(text)}
        submitted = st.form_submit_button("Run", type="primary")
    if submitted:
        typed = {k: queries.coerce_param(v) for k, v in raw.items()}
        st.session_state.pop("cy_result", None)  # a failed run must not leave the previous table behind
        with st.spinner(f"running… time limit {queries.time_limit()}"):
            fresh = queries.run_saved(pick, raw) if chosen else queries.run(text, typed)
        st.session_state["cy_result"] = fresh
    result = st.session_state.get("cy_result")
    if result is not None:
        _show(result, snap)


def _default(spec: dict[str, Any]) -> str:
    return "" if spec["default"] is None else str(spec["default"])


def _show(result: Any, snap: str) -> None:
    frame = queries.as_frame(result)
    st.caption(f"{len(frame)} rows")
    if result.truncated:
        st.warning(result.notice(), icon="✂️")
    tab_table, tab_graph = st.tabs(["Table", "Graph"])
    with tab_table:
        st.dataframe(frame, hide_index=True)
        st.download_button("Download CSV", frame.to_csv(index=False).encode("utf-8"), "query.csv",
                           "text/csv", key="cy_download")
    with tab_graph:
        sub = queries.result_graph(result, snap)
        if not sub.nodes:
            st.caption("the result holds no entity ids to draw (return e.id to see a graph)")
            return
        ui.show_html(data.graph_html(sub, height=480), height=520)


if __name__ == "__main__":
    render()
