"""What a found mention says beyond its span: kind, canonical name, AGS, and actors per page.

Span F1 alone hides the errors analysts see: an organisation found as a
``vendor`` that is a municipal IT provider, "Freiburg" keyed to the wrong AGS,
an actor named five times on a page but never found. These scores are taken
on the one-to-one overlap matching of :func:`.scorer.overlap_pairs`, so a
slightly wrong span still says whether its attributes are right.

>>> gold = [Gold(Span(0, 8, "MUNICIPALITY"), "Freiburg im Breisgau", ags="08311000")]
>>> pred = [Predicted(Span(0, 8, "MUNICIPALITY"), "Freiburg im Breisgau", ags="08311000")]
>>> score = AttributeScore()
>>> score.add(gold, pred)
>>> score.ags, score.actors["MUNICIPALITY"]
(Tally(right=1, total=1), Tally(right=1, total=1))
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any

from graph.extract.evaluation.scorer import Span, overlap_pairs
from graph.model import fold


@dataclass(frozen=True)
class Gold:
    """A gold mention with the attributes to check."""

    span: Span
    canonical: str
    kind: str | None = None
    ags: str | None = None


@dataclass(frozen=True)
class Predicted:
    """A predicted mention with the attributes the pipeline gave it."""

    span: Span
    canonical: str
    kind: str | None = None
    ags: str | None = None


@dataclass(frozen=True)
class Tally:
    """How many of ``total`` checked items were right."""

    right: int = 0
    total: int = 0

    def __add__(self, other: Tally) -> Tally:
        return Tally(self.right + other.right, self.total + other.total)

    @property
    def rate(self) -> float:
        """right / total; 0 when nothing was checked."""
        return self.right / self.total if self.total else 0.0

    def as_dict(self) -> dict[str, float | int]:
        """Counts and the rounded rate."""
        return {"right": self.right, "total": self.total, "rate": round(self.rate, 4)}


def _pairs(gold: Sequence[Gold], pred: Sequence[Predicted]) -> list[tuple[Gold, Predicted]]:
    """Gold and predicted mentions paired by the one-to-one overlap matching."""
    by_gold = {g.span: g for g in gold}
    by_pred = {p.span: p for p in pred}
    return [(by_gold[g], by_pred[p]) for g, p in overlap_pairs(list(by_gold), list(by_pred))]


def _same(a: str | None, b: str | None) -> bool:
    return fold(a or "") == fold(b or "")


def actor_tally(gold: Sequence[Gold], found: Iterable[Span], named: Iterable[Span] = ()) -> dict[str, Tally]:
    """Per type: distinct gold actors (type, canonical) with at least one found mention.

    >>> g = [Gold(Span(0, 5, "PERSON"), "Oliver Grün"), Gold(Span(9, 13, "PERSON"), "Oliver Grün"),
    ...      Gold(Span(20, 25, "ORGANIZATION"), "BITMi")]
    >>> actor_tally(g, [Span(9, 13, "PERSON")])
    {'ORGANIZATION': Tally(right=0, total=1), 'PERSON': Tally(right=1, total=1)}
    """
    hit = set(found) | set(named)
    actors: dict[tuple[str, str], bool] = {}
    for g in gold:
        key = (g.span.label, fold(g.canonical))
        actors[key] = actors.get(key, False) or g.span in hit
    out: dict[str, Tally] = {}
    for (label, _), ok in sorted(actors.items()):
        out[label] = out.get(label, Tally()) + Tally(int(ok), 1)
    return out


@dataclass
class AttributeScore:
    """Corpus totals of the attribute checks and the document-level actor recall."""

    kind: Tally = Tally()  # matched organisations whose kind is right
    canonical: Tally = Tally()  # matched municipalities whose canonical name is right
    ags: Tally = Tally()  # matched municipalities with an official key, key right
    actors: dict[str, Tally] = field(default_factory=dict)  # per type: distinct actors found per page
    named: dict[str, Tally] = field(default_factory=dict)  # ... found under the gold canonical name

    def add(self, gold: Sequence[Gold], pred: Sequence[Predicted]) -> None:
        """Score one page."""
        pairs = _pairs(gold, pred)
        for g, p in pairs:
            if g.span.label == "ORGANIZATION" and g.kind:
                self.kind += Tally(int(g.kind == p.kind), 1)
            if g.span.label == "MUNICIPALITY":
                self.canonical += Tally(int(_same(g.canonical, p.canonical)), 1)
                if g.ags:
                    self.ags += Tally(int(g.ags == p.ags), 1)
        found = actor_tally(gold, [g.span for g, _ in pairs])
        named = actor_tally(gold, [g.span for g, p in pairs if _same(g.canonical, p.canonical)])
        for label, tally in found.items():
            self.actors[label] = self.actors.get(label, Tally()) + tally
            self.named[label] = self.named.get(label, Tally()) + named[label]

    def as_dict(self) -> dict[str, Any]:
        """JSON-ready tallies."""
        def table(rows: dict[str, Tally]) -> dict[str, Any]:
            total = sum(rows.values(), Tally())
            return {k: v.as_dict() for k, v in sorted(rows.items())} | {"all": total.as_dict()}

        return {"org_kind": self.kind.as_dict(), "municipality_canonical": self.canonical.as_dict(),
                "municipality_ags": self.ags.as_dict(), "actor_recall": table(self.actors),
                "actor_recall_named": table(self.named)}
