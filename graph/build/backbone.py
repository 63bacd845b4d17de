"""Significance filters that turn a hairball into a readable backbone.

Four independent knobs, each with the number of co-mention edges it keeps:

* ``min_articles`` — an edge must be seen in at least this many articles;
* ``min_npmi`` — the association must beat chance (NPMI discounts hubs);
* ``alpha`` — the disparity filter of Serrano, Boguñá & Vespignani (2009):
  an edge survives when it carries a significantly large share of the
  strength of at least one endpoint (p < alpha under a uniform null model);
* ``min_level`` — the tie must stand on at least this rung of the evidence
  ladder (``article`` keeps all; see :mod:`graph.build.evidence`). The
  builder applies it to stated relations too.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from graph.model import Edge
from graph.model.graphdata import EVIDENCE_LEVELS, level_rank

ARTICLE_STEPS = (1, 2, 3, 5, 10)
NPMI_STEPS = (-1.0, 0.0, 0.2, 0.4)
ALPHA_STEPS = (1.0, 0.5, 0.2, 0.1, 0.05, 0.01)


def disparity_pvalues(edges: Sequence[Edge]) -> list[float]:
    """Disparity-filter p-value of each edge (the smaller of its two endpoints).

    An endpoint with a single edge cannot judge it; such edges take the other
    endpoint's value, and an isolated pair is always kept (p = 0). Below, the
    heavy edge a–b is significant for hub ``a`` (p = (1 - 9/11)^2 = 0.033), the
    two light ones are not.

    >>> from graph.model import Edge
    >>> es = [Edge("CO_MENTIONED", "a", "b", {"weight": 9.0}),
    ...       Edge("CO_MENTIONED", "a", "c", {"weight": 1.0}),
    ...       Edge("CO_MENTIONED", "a", "d", {"weight": 1.0})]
    >>> [round(p, 3) for p in disparity_pvalues(es)]
    [0.033, 0.826, 0.826]
    """
    strength: dict[str, float] = {}
    degree: dict[str, int] = {}
    for e in edges:
        w = float(e.props.get("weight") or 0.0)
        for n in (e.source, e.target):
            strength[n] = strength.get(n, 0.0) + w
            degree[n] = degree.get(n, 0) + 1
    result = []
    for e in edges:
        w = float(e.props.get("weight") or 0.0)
        ps = [
            (1.0 - w / strength[n]) ** (degree[n] - 1)
            for n in (e.source, e.target)
            if degree[n] > 1 and strength[n] > 0
        ]
        result.append(min(ps) if ps else 0.0)
    return result


def keep_mask(
    edges: Sequence[Edge],
    min_articles: int,
    min_npmi: float,
    alpha: float,
    pvalues: Sequence[float] | None = None,
    min_level: str = "article",
) -> list[bool]:
    """Which co-mention edges pass all four filters."""
    if alpha < 1.0 and pvalues is None:
        pvalues = disparity_pvalues(edges)
    rank = level_rank(min_level)
    mask = []
    for i, e in enumerate(edges):
        ok = int(e.props.get("articles") or 0) >= min_articles
        ok = ok and level_rank(e.props.get("evidence_level")) >= rank
        npmi = e.props.get("npmi")
        ok = ok and (-1.0 if npmi is None else float(npmi)) >= min_npmi
        if ok and alpha < 1.0 and pvalues is not None:
            ok = pvalues[i] < alpha
        mask.append(ok)
    return mask


def backbone_report(edges: Sequence[Edge]) -> dict[str, Any]:
    """How many co-mention edges each setting would keep (one knob at a time)."""
    pvalues = disparity_pvalues(edges)
    return {
        "total": len(edges),
        "min_articles": {str(k): sum(keep_mask(edges, k, -1.0, 1.0)) for k in ARTICLE_STEPS},
        "min_npmi": {str(k): sum(keep_mask(edges, 1, k, 1.0)) for k in NPMI_STEPS},
        "backbone_alpha": {str(a): sum(p < a or a >= 1.0 for p in pvalues) for a in ALPHA_STEPS},
        "min_evidence_level": _level_steps(edges),
    }


def _level_steps(edges: Sequence[Edge]) -> dict[str, int]:
    """Edges kept from each evidence level up (one pass: a histogram of ranks, summed from the top)."""
    per_rank = [0] * len(EVIDENCE_LEVELS)
    for e in edges:
        per_rank[level_rank(e.props.get("evidence_level"))] += 1
    return {lv: sum(per_rank[i:]) for i, lv in enumerate(EVIDENCE_LEVELS)}
