"""Review: merge candidates, low-confidence entities, mega-hubs; judgements with rebuild and undo."""

from __future__ import annotations

import streamlit as st

from dashboard import curation, data, ui
from graph.model import EntityType, JudgementAction, OrgKind


def render() -> None:
    """Draw the review page."""
    st.title("Review")
    snap = data.require_snapshot()
    if msg := st.session_state.pop("review_msg", None):
        st.success(msg)
    tab_dup, tab_low, tab_hub, tab_log = st.tabs(
        ["Likely duplicates", "Low confidence", "Mega-hubs", "Judgements"])
    with tab_dup:
        dups = curation.duplicate_candidates(snap)
        if dups.empty:
            st.caption("The resolver proposed no merges in the last rebuild.")
        else:
            st.caption("Merge candidates the resolver found in the last rebuild, best first.")
            st.dataframe(dups[["score", "a", "b", "type", "reasons"]], hide_index=True)
    with tab_low:
        st.dataframe(curation.low_confidence(snap), hide_index=True)
    with tab_hub:
        st.dataframe(curation.mega_hubs(snap), hide_index=True)
    with tab_log:
        _log()
    st.subheader("Decide")
    _decide(snap)


def _decide(snap: str) -> None:
    action = st.radio("Action", [a.value for a in JudgementAction], horizontal=True, key="rv_action",
                      format_func=lambda a: a.replace("_", " "))
    subject = ui.entity_picker("Actor", snap, key="rv_subject")
    other = value = None
    if action in (JudgementAction.MERGE, JudgementAction.NOT_SAME):
        other = ui.entity_picker("Other actor", snap, key="rv_other")
    elif action == JudgementAction.RENAME:
        value = st.text_input("New name", key="rv_name")
    elif action == JudgementAction.RETYPE:
        etype = st.selectbox("Type", [t.value for t in EntityType], key="rv_type")
        kind = st.selectbox("Kind", ["—"] + [k.value for k in OrgKind], key="rv_kind")
        value = etype if kind == "—" else f"{etype}/{kind}"
    note = st.text_input("Note (optional)", key="rv_note")
    if st.button("Record and rebuild", type="primary", disabled=not subject, key="rv_go"):
        j = curation.judge(JudgementAction(action), str(subject), other, value, note)
        _rebuild(f"Recorded {j.action} and rebuilt the graph.")


def _log() -> None:
    rows = [j.to_dict() for j in curation.judgements()]
    if not rows:
        st.caption("no judgements yet")
        return
    st.dataframe(rows[::-1], hide_index=True)
    if st.button("Undo the last judgement and rebuild", key="rv_undo"):
        undone = curation.undo_last()
        _rebuild(f"Undid {undone.action if undone else 'nothing'} and rebuilt the graph.")


def _rebuild(message: str) -> None:
    with st.spinner("Rebuilding the graph…"):
        curation.rebuild()
    st.session_state["review_msg"] = message
    st.rerun()


if __name__ == "__main__":
    render()
