"""Compare periods: ties that are new, vanished, strengthened or weakened between two date ranges."""

from __future__ import annotations

import datetime as dt

import streamlit as st

from dashboard import actors, data, sidebar

CHANGES = ("new", "vanished", "strengthened", "weakened", "stable")


def render() -> None:
    """Draw the compare page."""
    st.title("Compare periods")
    snap = data.require_snapshot()
    c1, c2 = st.columns(2)
    first = c1.date_input("Period A", (dt.date(2022, 1, 1), dt.date(2022, 12, 31)), key="cmp_a")
    second = c2.date_input("Period B", (dt.date(2024, 1, 1), dt.date(2024, 12, 31)), key="cmp_b")
    if not (isinstance(first, tuple) and len(first) == 2 and isinstance(second, tuple) and len(second) == 2):
        st.info("Pick a start and an end date for both periods.")
        return
    diff = actors.compare(sidebar.current_filter(), (first[0].isoformat(), first[1].isoformat()),
                          (second[0].isoformat(), second[1].isoformat()), snap)
    counts = diff["change"].value_counts()
    cols = st.columns(len(CHANGES))
    for col, change in zip(cols, CHANGES, strict=True):
        col.metric(change, int(counts.get(change, 0)))
    shown = st.multiselect("Show", CHANGES, default=list(CHANGES[:4]), key="cmp_show")
    table = diff[diff["change"].isin(shown)].sort_values(["change", "after", "before"],
                                                         ascending=[True, False, False])
    st.dataframe(table[["change", "a", "b", "before", "after"]], hide_index=True,
                 column_config={"before": "articles in A", "after": "articles in B"})


if __name__ == "__main__":
    render()
