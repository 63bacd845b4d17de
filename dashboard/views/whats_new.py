"""What's new: the ``skg watch report`` between two kept snapshots, in the browser.

New actors, new ties with their evidence level and sentence, ties whose level rose and ended
offices, within the watchlist (``skg watch add …``) or for everything. Tables are Streamlit data
grids, which show document text as text.
"""

from __future__ import annotations

from typing import Any

import pandas as pd
import streamlit as st

from dashboard import data, ui

_EVIDENCE = {"evidence_text": "evidence"}
_TIE = {"source_name": "from", "target_name": "to", "edge_type": "tie"}
SECTIONS = (
    ("new_actors", "New actors", {"source_name": "actor", "details.type": "type", "details.kind": "kind",
                                  "details.land": "Land", "details.articles": "articles", "subject": "id"}),
    ("new_ties", "New ties", {**_TIE, "role": "role", "level": "level", "independent_sources": "sources",
                              **_EVIDENCE}),
    ("level_rises", "Ties whose level rose", {**_TIE, "old_level": "was", "level": "now", **_EVIDENCE}),
    ("ended_offices", "Ended offices", {"source_name": "person", "role": "role", "target_name": "at",
                                        "old_status": "was", "status": "now", "end_date": "end",
                                        **_EVIDENCE}),
)


def _pick(snaps: list[dict[str, Any]]) -> tuple[str | None, str]:
    """The two snapshot folders to compare (default: previous → current)."""
    labels = {s["dir"]: s["label"] for s in snaps}
    dirs = list(labels)
    c1, c2 = st.columns(2)
    older = c1.selectbox("From (older build)", dirs, index=min(1, len(dirs) - 1), key="wn_old",
                         format_func=labels.__getitem__)
    newer = c2.selectbox("To (newer build)", dirs, index=0, key="wn_new", format_func=labels.__getitem__)
    if len(dirs) == 1:
        st.info("Only one build is kept, so everything counts as new. Raise `snapshots_kept` to keep more.")
        return None, str(newer)
    if dirs.index(str(older)) < dirs.index(str(newer)):
        st.caption("“From” was newer than “To”: compared the other way round.")
        older, newer = newer, older
    return str(older), str(newer)


def _table(rows: list[dict[str, Any]], columns: dict[str, str]) -> pd.DataFrame:
    frame = pd.json_normalize(rows) if rows else pd.DataFrame()
    present = [c for c in columns if c in frame.columns]
    frame = frame[present]
    text = [c for c in present if frame[c].dtype == object]
    return frame.assign(**{c: frame[c].fillna("") for c in text}).rename(columns=columns)


def render() -> None:
    """Draw the What's new page."""
    st.title("What's new")
    data.require_snapshot()
    snaps = data.stored_snapshots()
    if not snaps:
        st.info("No kept snapshots of the embedded store: run `skg build`.")
        return
    older, newer = _pick(snaps)
    scope, _ = data.watch_scope()
    scoped = st.toggle("Only the watchlist", value=True, key="wn_scoped")
    shown = scope if scoped else "everything"
    st.caption(f"Scope: {ui.md(shown)} · edit with `skg watch add` / `skg watch remove`")
    report = data.whats_new(older, newer, scoped)
    cols = st.columns(len(SECTIONS))
    for col, (key, title, _) in zip(cols, SECTIONS, strict=True):
        col.metric(title, report["counts"][key])
    for key, title, columns in SECTIONS:
        st.subheader(f"{title} ({report['counts'][key]})")
        if report[key]:
            st.dataframe(_table(report[key], columns), hide_index=True, use_container_width=True)
        else:
            st.caption("none")
    since = report["old"]["snapshot_id"] if report["old"] else None
    st.caption("Same report in a terminal: `skg watch report" + (f" --since {since}`" if since else "`"))


if __name__ == "__main__":
    render()
