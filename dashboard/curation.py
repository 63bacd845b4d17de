"""The review queue: likely duplicates, low-confidence entities, mega-hubs; judgements and rebuilds.

Judgements go through :class:`graph.resolve.judgements.JudgementLog` (a JSONL
file in SKG_HOME) and take effect through :func:`graph.pipeline.rebuild`, so
the dashboard decides nothing the CLI could not replay.
"""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

import numpy as np
import pandas as pd
import streamlit as st
from rapidfuzz import fuzz, process

from dashboard import compute, data
from graph.errors import SkgError
from graph.model import Judgement, JudgementAction


@st.cache_data(show_spinner="Looking for duplicates…", max_entries=4)
def duplicate_candidates(snap: str, threshold: float = 85.0, limit: int = 200) -> pd.DataFrame:
    """Pairs of same-type entities with similar names, scored and explained."""
    ents = data.entities(snap)
    rows: list[dict[str, Any]] = []
    ents = ents.assign(folded=ents["name"].map(_fold))
    # Block by type and first letter: keeps cdist matrices small on 10k-entity graphs.
    for _key, group in ents.groupby([ents["type"], ents["folded"].str.slice(0, 1)]):
        items = list(group.itertuples())
        if len(items) < 2:
            continue
        scores = process.cdist(group["folded"].tolist(), group["folded"].tolist(),
                               scorer=fuzz.token_sort_ratio, score_cutoff=threshold, dtype=np.uint8)
        for i, j in zip(*np.nonzero(np.triu(scores, k=1)), strict=True):
            rows.append(_candidate(items[i], items[j], float(scores[i, j])))
    frame = pd.DataFrame(rows, columns=["score", "a", "b", "type", "reasons", "a_id", "b_id"])
    return frame.sort_values(["score", "a"], ascending=[False, True]).head(limit)


def _fold(name: Any) -> str:
    from graph.model import fold

    return fold(str(name)).replace(".", "").replace("-", " ")


def _candidate(a: Any, b: Any, score: float) -> dict[str, Any]:
    reasons = [f"name similarity {score:.0f}"]
    if isinstance(a.kind, str) and a.kind == b.kind:
        reasons.append(f"same kind {a.kind}")
    if isinstance(a.land, str) and a.land == b.land:
        reasons.append(f"same Land {a.land}")
    return {"score": round(score, 1), "a": a.name, "b": b.name, "type": a.type,
            "reasons": "; ".join(reasons), "a_id": a.id, "b_id": b.id}


@st.cache_data(show_spinner=False, max_entries=4)
def low_confidence(snap: str, below: float = 0.6) -> pd.DataFrame:
    """Entities whose confidence is under ``below``, least confident first."""
    ents = data.entities(snap)
    low = ents[ents["confidence"].fillna(1.0) < below]
    return low.sort_values("confidence")[["name", "type", "kind", "confidence", "articles", "id"]]


@st.cache_data(show_spinner=False, max_entries=4)
def mega_hubs(snap: str, top: int = 15) -> pd.DataFrame:
    """Entities with the largest share of all ties (often generic words or the publisher)."""
    gd = data.graph_data(snap)
    metrics = compute.node_metrics(gd, int(data.settings().seed))
    if metrics.empty:
        return pd.DataFrame(columns=["name", "type", "degree", "share", "id"])
    names = data.entities(snap).set_index("id")
    total = max(1, int(metrics["degree"].sum()) // 2)
    metrics = metrics.sort_values("degree", ascending=False).head(top)
    metrics["share"] = (metrics["degree"] / total).round(3)
    metrics["name"] = metrics["id"].map(names["name"])
    metrics["type"] = metrics["id"].map(names["type"])
    return metrics[["name", "type", "degree", "share", "id"]]


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
