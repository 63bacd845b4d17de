"""Data quality: entities by type and extractor, confidence, orphans, single-source ties, failed ingests."""

from __future__ import annotations

import plotly.express as px
import streamlit as st

from dashboard import data, quality


def render() -> None:
    """Draw the data-quality page."""
    st.title("Data quality")
    snap = data.require_snapshot()
    tables = quality.summary(snap)
    left, right = st.columns(2)
    with left:
        st.subheader("Entities by type and kind")
        st.dataframe(tables["by_type"], hide_index=True)
    with right:
        st.subheader("Confidence")
        conf = tables["confidence"]
        if conf.empty:
            st.caption("no confidence values stored")
        else:
            st.plotly_chart(px.histogram(conf, x="confidence", nbins=20, height=260), key="dq_conf")
    st.subheader(f"Orphans ({len(tables['orphans'])}) — actors without any tie")
    st.dataframe(tables["orphans"], hide_index=True)
    st.subheader(f"Single-source ties ({len(tables['single_source'])}) — seen in one article only")
    st.dataframe(tables["single_source"], hide_index=True)
    info = quality.corpus_info()
    st.subheader("Corpus and extractors")
    st.json(info.get("stats") or {}, expanded=False)
    failures = info.get("failures")
    st.subheader(f"Documents that failed to ingest ({0 if failures is None else len(failures)})")
    if failures is not None and not failures.empty:
        st.dataframe(failures, hide_index=True)


if __name__ == "__main__":
    render()
