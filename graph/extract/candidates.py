"""Candidate spans proposed by recognisers, and how overlapping ones are settled.

Recognisers propose freely; one deterministic pass keeps the best
non-overlapping set: rules before guesses, then the longer span, then the
higher ``priority`` (curated lists over patterns over person names), then the
earlier start.
"""

from __future__ import annotations

import bisect
from dataclasses import dataclass
from operator import attrgetter

from graph.extract.gazetteer import Place
from graph.model.extraction import EntityType, OrgKind

# Priorities: curated actors and cue-backed places beat patterns, patterns beat guesses.
P_ACTOR, P_PATTERN, P_PLACE, P_PERSON, P_GUESS = 50, 40, 35, 30, 10


@dataclass(frozen=True, init=False)
class Candidate:
    """A proposed entity span with everything needed to make a Mention.

    Recognisers propose about 80 of these per 3,000-character article, so the
    constructor fills the instance dict directly: the frozen-dataclass
    ``__init__`` (one ``object.__setattr__`` per field) took twice as long.
    """

    start: int
    end: int
    type: EntityType
    canonical: str
    kind: OrgKind | None = None
    confidence: float = 0.8
    priority: int = P_PATTERN
    extractor: str = "rules@1.1"
    place: Place | None = None

    def __init__(self, start: int, end: int, type: EntityType, canonical: str,
                 kind: OrgKind | None = None, confidence: float = 0.8, priority: int = P_PATTERN,
                 extractor: str = "rules@1.1", place: Place | None = None) -> None:
        fields = self.__dict__
        fields["start"] = start
        fields["end"] = end
        fields["type"] = type
        fields["canonical"] = canonical
        fields["kind"] = kind
        fields["confidence"] = confidence
        fields["priority"] = priority
        fields["extractor"] = extractor
        fields["place"] = place

    @property
    def length(self) -> int:
        """Span length in characters."""
        return self.end - self.start

    def moved(self, **changes: object) -> Candidate:
        """A copy with fields changed (an unknown field raises ``TypeError`` like ``dataclasses.replace``)."""
        return Candidate(**{**self.__dict__, **changes})


def tier(cand: Candidate) -> int:
    """1 for rule candidates, 0 for guesses: a guess never overrides a rule, however long."""
    return 1 if cand.priority >= P_GUESS + 10 else 0


_in_text_order = attrgetter("start", "end")


def _rank(cand: Candidate) -> tuple[int, int, int, int, str]:
    """Sort key of :func:`settle`, best first (``tier`` and ``length`` inlined: it runs per candidate)."""
    return (-1 if cand.priority >= P_GUESS + 10 else 0, cand.start - cand.end, -cand.priority, cand.start,
            cand.canonical)


def settle(candidates: list[Candidate]) -> list[Candidate]:
    """Keep the best non-overlapping candidates, in text order.

    Among rule candidates the longest span wins ("Frankfurt (Main)" over the
    river "Main", "Harrison Ford" over the carmaker), then the higher priority.
    """
    ranked = sorted(candidates, key=_rank)
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
    return sorted(kept, key=_in_text_order)
