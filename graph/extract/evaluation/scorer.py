"""Precision, recall and F1 of predicted spans against gold spans. Pure functions.

Two matchings are reported, as is usual for NER:

* **strict** — a prediction counts only with exactly the gold start, end and label;
* **overlap** — a prediction counts when it shares at least one character and
  the label with a gold span; each gold span and each prediction is used once.

>>> gold = [Span(0, 12, "PER"), Span(20, 26, "LOC")]
>>> pred = [Span(0, 12, "PER"), Span(16, 26, "LOC"), Span(30, 33, "ORG")]
>>> strict = count_strict(gold, pred)
>>> strict["PER"], strict["LOC"], strict["ORG"]
(Counts(tp=1, fp=0, fn=0), Counts(tp=0, fp=1, fn=1), Counts(tp=0, fp=1, fn=0))
>>> count_overlap(gold, pred)["LOC"]
Counts(tp=1, fp=0, fn=0)
>>> round(micro(strict).f1, 3)
0.4
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field


@dataclass(frozen=True, order=True)
class Span:
    """A labelled character span ``[start, end)`` of one document's text."""

    start: int
    end: int
    label: str

    def overlaps(self, other: Span) -> bool:
        """Whether the two spans share at least one character.

        >>> Span(0, 5, "X").overlaps(Span(4, 9, "X")), Span(0, 5, "X").overlaps(Span(5, 9, "X"))
        (True, False)
        """
        return self.start < other.end and other.start < self.end


@dataclass(frozen=True)
class Counts:
    """True positives, false positives, false negatives, and the scores they give."""

    tp: int = 0
    fp: int = 0
    fn: int = 0

    def __add__(self, other: Counts) -> Counts:
        return Counts(self.tp + other.tp, self.fp + other.fp, self.fn + other.fn)

    @property
    def precision(self) -> float:
        """tp / (tp + fp); 0 when nothing was predicted."""
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 0.0

    @property
    def recall(self) -> float:
        """tp / (tp + fn); 0 when there is no gold span."""
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 0.0

    @property
    def f1(self) -> float:
        """Harmonic mean of precision and recall.

        >>> round(Counts(tp=3, fp=1, fn=2).f1, 4)
        0.6667
        """
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def as_dict(self) -> dict[str, float | int]:
        """Counts and rounded scores for JSON output."""
        return {"tp": self.tp, "fp": self.fp, "fn": self.fn, "precision": round(self.precision, 4),
                "recall": round(self.recall, 4), "f1": round(self.f1, 4)}


def _labels(gold: Iterable[Span], pred: Iterable[Span]) -> list[str]:
    return sorted({s.label for s in gold} | {s.label for s in pred})


def count_strict(gold: Sequence[Span], pred: Sequence[Span]) -> dict[str, Counts]:
    """Per-label counts under exact matching (duplicates count once each side)."""
    gold_set, pred_set = Counter(set(gold)), Counter(set(pred))
    hits = gold_set & pred_set
    out: dict[str, Counts] = {}
    for label in _labels(gold_set, pred_set):
        tp = sum(n for s, n in hits.items() if s.label == label)
        g = sum(n for s, n in gold_set.items() if s.label == label)
        p = sum(n for s, n in pred_set.items() if s.label == label)
        out[label] = Counts(tp, p - tp, g - tp)
    return out


def overlap_pairs(gold: Sequence[Span], pred: Sequence[Span]) -> list[tuple[Span, Span]]:
    """One-to-one overlap matching: (gold, prediction) pairs of the same label.

    Each gold span takes the unused same-label prediction it overlaps most
    (ties: the earliest), scanning gold spans left to right.

    >>> overlap_pairs([Span(0, 10, "ORG")], [Span(0, 4, "ORG"), Span(5, 10, "ORG")])
    [(Span(start=0, end=10, label='ORG'), Span(start=5, end=10, label='ORG'))]
    """
    pred_u = sorted(set(pred))
    used: set[int] = set()
    pairs = []
    for g in sorted(set(gold)):
        best, best_len = -1, 0
        for index, p in enumerate(pred_u):
            if index in used or p.label != g.label or not p.overlaps(g):
                continue
            shared = min(p.end, g.end) - max(p.start, g.start)
            if shared > best_len:
                best, best_len = index, shared
        if best >= 0:
            used.add(best)
            pairs.append((g, pred_u[best]))
    return pairs


def count_overlap(gold: Sequence[Span], pred: Sequence[Span]) -> dict[str, Counts]:
    """Per-label counts under one-to-one overlap matching (:func:`overlap_pairs`).

    >>> count_overlap([Span(0, 10, "ORG")], [Span(0, 4, "ORG"), Span(5, 10, "ORG")])["ORG"]
    Counts(tp=1, fp=1, fn=0)
    """
    gold_u, pred_u = sorted(set(gold)), sorted(set(pred))
    matched = Counter(g.label for g, _ in overlap_pairs(gold_u, pred_u))
    gold_n = Counter(s.label for s in gold_u)
    pred_n = Counter(s.label for s in pred_u)
    return {
        label: Counts(matched[label], pred_n[label] - matched[label], gold_n[label] - matched[label])
        for label in _labels(gold_u, pred_u)
    }


def strict_errors(gold: Sequence[Span], pred: Sequence[Span]) -> tuple[list[Span], list[Span]]:
    """False positives and false negatives under strict matching, in text order.

    >>> strict_errors([Span(0, 5, "PER"), Span(9, 12, "LOC")], [Span(0, 5, "PER"), Span(9, 12, "ORG")])
    ([Span(start=9, end=12, label='ORG')], [Span(start=9, end=12, label='LOC')])
    """
    gold_set, pred_set = set(gold), set(pred)
    return sorted(pred_set - gold_set), sorted(gold_set - pred_set)


def add_counts(total: dict[str, Counts], more: Mapping[str, Counts]) -> dict[str, Counts]:
    """Sum two per-label tables (a new dict)."""
    out = dict(total)
    for label, counts in more.items():
        out[label] = out.get(label, Counts()) + counts
    return out


def micro(table: Mapping[str, Counts]) -> Counts:
    """The micro average: all labels' counts summed."""
    total = Counts()
    for counts in table.values():
        total = total + counts
    return total


@dataclass
class Score:
    """Corpus-level strict and overlap counts per label."""

    strict: dict[str, Counts] = field(default_factory=dict)
    overlap: dict[str, Counts] = field(default_factory=dict)
    documents: int = 0

    def add(self, gold: Sequence[Span], pred: Sequence[Span]) -> None:
        """Score one more document."""
        self.strict = add_counts(self.strict, count_strict(gold, pred))
        self.overlap = add_counts(self.overlap, count_overlap(gold, pred))
        self.documents += 1

    def labels(self) -> list[str]:
        """Every label seen in gold or predictions."""
        return sorted(set(self.strict) | set(self.overlap))

    def as_dict(self) -> dict[str, object]:
        """JSON-ready per-label and micro scores."""
        def table(counts: dict[str, Counts]) -> dict[str, object]:
            rows: dict[str, object] = {k: v.as_dict() for k, v in sorted(counts.items())}
            return rows | {"micro": micro(counts).as_dict()}

        return {"documents": self.documents, "strict": table(self.strict), "overlap": table(self.overlap)}


def score_corpus(pairs: Iterable[tuple[Sequence[Span], Sequence[Span]]]) -> Score:
    """Score ``(gold, predicted)`` span lists of many documents.

    >>> s = score_corpus([([Span(0, 3, "LOC")], [Span(0, 3, "LOC")]), ([Span(1, 2, "PER")], [])])
    >>> micro(s.strict)
    Counts(tp=1, fp=0, fn=1)
    """
    score = Score()
    for gold, pred in pairs:
        score.add(gold, pred)
    return score
