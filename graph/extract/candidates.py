"""Candidate spans proposed by recognisers, and how overlapping ones are settled.

Recognisers propose freely; one deterministic pass keeps the best
non-overlapping set: rules before guesses, then the longer span, then the
higher ``priority`` (curated lists over patterns over person names), then the
earlier start.
"""

from __future__ import annotations

import bisect
from dataclasses import dataclass, replace

from graph.extract.gazetteer import Place
from graph.model.extraction import EntityType, OrgKind

# Priorities: curated actors and cue-backed places beat patterns, patterns beat guesses.
P_ACTOR, P_PATTERN, P_PLACE, P_PERSON, P_GUESS = 50, 40, 35, 30, 10


@dataclass(frozen=True)
class Candidate:
    """A proposed entity span with everything needed to make a Mention."""

    start: int
    end: int
    type: EntityType
    canonical: str
    kind: OrgKind | None = None
    confidence: float = 0.8
    priority: int = P_PATTERN
    extractor: str = "rules@1.0"
    place: Place | None = None

    @property
    def length(self) -> int:
        """Span length in characters."""
        return self.end - self.start

    def moved(self, **changes: object) -> Candidate:
        """A copy with fields changed."""
        return replace(self, **changes)  # type: ignore[arg-type]


def tier(cand: Candidate) -> int:
    """1 for rule candidates, 0 for guesses: a guess never overrides a rule, however long."""
    return 1 if cand.priority >= P_GUESS + 10 else 0


def settle(candidates: list[Candidate]) -> list[Candidate]:
    """Keep the best non-overlapping candidates, in text order.

    Among rule candidates the longest span wins ("Frankfurt (Main)" over the
    river "Main", "Harrison Ford" over the carmaker), then the higher priority.
    """
    ranked = sorted(candidates, key=lambda c: (-tier(c), -c.length, -c.priority, c.start, c.canonical))
    starts: list[int] = []
    ends: list[int] = []
    kept: list[Candidate] = []
    for cand in ranked:
        idx = bisect.bisect_left(starts, cand.end)
        if cand.end <= cand.start or (idx > 0 and ends[idx - 1] > cand.start):
            continue
        starts.insert(idx, cand.start)
        ends.insert(idx, cand.end)
        kept.append(cand)
    return sorted(kept, key=lambda c: (c.start, c.end))
