"""Export: every export format for the current filters, including the publication figure."""

from __future__ import annotations

import streamlit as st

from dashboard import data, exports, sidebar


def render() -> None:
    """Draw the export page."""
    st.title("Export")
    snap = data.require_snapshot()
    flt = sidebar.current_filter()
    st.caption(f"Snapshot `{snap}` · current filters: {flt}")
    fmts = exports.formats()
    if not fmts:
        st.warning("No export formats are available in this installation.")
        return
    fmt = st.selectbox("Format", fmts, key="ex_fmt")
    if st.button("Prepare export", type="primary", key="ex_go"):
        with st.spinner(f"Writing {fmt}…"):
            st.session_state["ex_file"] = (fmt, *exports.export_bytes(fmt, flt, snap))
    ready = st.session_state.get("ex_file")
    if ready and ready[0] == fmt:
        _, name, content = ready
        st.download_button(f"Download {name} ({len(content):,} bytes)", content, name, key="ex_download")


if __name__ == "__main__":
    render()
