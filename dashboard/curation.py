"""The review queue: merge candidates, low-confidence entities, mega-hubs; judgements and rebuilds.

Judgements go through :class:`graph.resolve.judgements.JudgementLog` (a JSONL
file in SKG_HOME) and take effect through :func:`graph.pipeline.rebuild`, so
the dashboard decides nothing the CLI could not replay.
"""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

import pandas as pd
import streamlit as st

from dashboard import compute, data
from graph.errors import SkgError
from graph.model import Judgement, JudgementAction
from graph.store.base import SubgraphFilter

CANDIDATE_COLUMNS = ["score", "a", "b", "type", "reasons", "a_id", "b_id"]


@st.cache_data(show_spinner=False, max_entries=4)
def duplicate_candidates(snap: str) -> pd.DataFrame:
    """The resolver's merge candidates from the last rebuild (corpus meta ``review_candidates``).

    The resolver scores them with everything it knows (names, aliases, AGS,
    context), so the page shows its list rather than guessing from names.
    """
    from graph.pipeline import review_candidates
    from graph.store.corpus import CorpusStore

    with CorpusStore.open(data.settings()) as corpus:
        rows = review_candidates(corpus)
    return candidates_frame(rows)


def candidates_frame(rows: list[dict[str, Any]]) -> pd.DataFrame:
    """Stored candidate rows as the Review table (score, names, type, reasons, ids), best first.

    >>> candidates_frame([{"left": "o1", "right": "o2", "score": 0.9, "reasons": ["same AGS"],
    ...                    "left_name": "A", "right_name": "B", "type": "ORGANIZATION"}]).iloc[0]["reasons"]
    'same AGS'
    """
    out = [{"score": float(r.get("score") or 0.0), "a": r.get("left_name") or r.get("left"),
            "b": r.get("right_name") or r.get("right"), "type": r.get("type") or "",
            "reasons": "; ".join(str(x) for x in r.get("reasons") or []),
            "a_id": r.get("left"), "b_id": r.get("right")} for r in rows]
    frame = pd.DataFrame(out, columns=CANDIDATE_COLUMNS)
    return frame.sort_values(["score", "a"], ascending=[False, True], ignore_index=True)


@st.cache_data(show_spinner=False, max_entries=4)
def low_confidence(snap: str, below: float = 0.6) -> pd.DataFrame:
    """Entities whose confidence is under ``below``, least confident first."""
    ents = data.entities(snap)
    low = ents[ents["confidence"].fillna(1.0) < below]
    return low.sort_values("confidence")[["name", "type", "kind", "confidence", "articles", "id"]]


@st.cache_data(show_spinner=False, max_entries=4)
def mega_hubs(snap: str, top: int = 15) -> pd.DataFrame:
    """Entities with the largest share of all ties (often generic words or the publisher)."""
    from graph.analyze.degree import weighted_degree

    g = compute.analysis_graph(data.filtered(SubgraphFilter(), snap))
    table = weighted_degree(g).table
    if table.empty:
        return pd.DataFrame(columns=["name", "type", "degree", "share", "id"])
    total = max(1, g.number_of_edges())
    table = table.sort_values(["degree", "id"], ascending=[False, True]).head(top)
    return table.assign(share=(table["degree"] / total).round(3))[["name", "type", "degree", "share", "id"]]


def _log() -> Any:
    from graph.resolve.judgements import JudgementLog

    return JudgementLog(data.settings().home_path / "judgements.jsonl")


def judgements() -> list[Judgement]:
    """Every judgement recorded so far, oldest first."""
    return list(_log().all())


def judge(action: JudgementAction, subject: str, other: str | None = None, value: str | None = None,
          note: str = "") -> Judgement:
    """Record one judgement (not yet applied: call :func:`rebuild`)."""
    if action in (JudgementAction.MERGE, JudgementAction.NOT_SAME) and not other:
        raise SkgError(f"{action} needs two entities", hint="pick the second entity")
    if action in (JudgementAction.RENAME, JudgementAction.RETYPE) and not (value or "").strip():
        raise SkgError(f"{action} needs a value", hint="type the new name or TYPE/kind")
    j = Judgement(action=action, subject=subject, other=other, value=value, author="dashboard",
                  created=datetime.now(UTC).isoformat(timespec="seconds"), note=note)
    _log().add(j)
    return j


def undo_last() -> Judgement | None:
    """Remove the most recent judgement (not yet applied: call :func:`rebuild`)."""
    undone: Judgement | None = _log().undo_last()
    return undone


def rebuild() -> Any:
    """Apply the judgements: rebuild the graph from the corpus and refresh every cache."""
    from graph.pipeline import rebuild as run_rebuild

    data.reset()
    try:
        return run_rebuild(data.settings())
    finally:
        data.reset()
