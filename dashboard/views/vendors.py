"""Vendors × municipalities: heatmap, vendor reach, map of Germany, concentration (HHI) per Land."""

from __future__ import annotations

import streamlit as st

from dashboard import actors, charts, data, sidebar


def render() -> None:
    """Draw the vendors × municipalities page."""
    st.title("Vendors × municipalities")
    snap = data.require_snapshot()
    tables = actors.vendor_tables(sidebar.current_filter(), snap)
    pairs = tables["pairs"]
    if pairs.empty:
        st.info("No vendor–municipality ties under the current filters. "
                "Clear the type filters or lower the minimum articles.")
        return
    st.caption(f"{pairs['vendor'].nunique()} vendors, {pairs['municipality'].nunique()} municipalities, "
               f"{len(pairs)} ties")
    st.subheader("Matrix (articles per pair)")
    st.plotly_chart(charts.heatmap(pairs), key="vendor_heatmap")
    left, right = st.columns(2)
    with left:
        st.subheader("Vendor reach")
        st.dataframe(tables["reach"], hide_index=True)
        st.subheader("Concentration per Land (HHI, 0–10,000)")
        st.dataframe(tables["concentration"], hide_index=True)
    with right:
        st.subheader("Map")
        places = pairs.dropna(subset=["lat", "lon"]).groupby(["municipality", "lat", "lon"], as_index=False)
        points = places.agg(vendors=("vendor", "nunique"), articles=("articles", "sum"))
        points["name"] = points["municipality"]
        points["size"] = 6 + 3 * points["vendors"].clip(upper=10)
        points["hover"] = points["municipality"] + ": " + points["vendors"].astype(str) + " vendors"
        st.plotly_chart(charts.germany_map(points), key="vendor_map", config={"displayModeBar": False})


if __name__ == "__main__":
    render()
