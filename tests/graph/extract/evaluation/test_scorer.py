"""Strict and overlap scoring on hand-made examples."""

from __future__ import annotations

from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from graph.extract.evaluation.scorer import Counts, Span, count_overlap, count_strict, micro, score_corpus


def test_scorer_strict_needs_exact_boundaries_and_label() -> None:
    gold = [Span(0, 13, "PER"), Span(20, 26, "LOC"), Span(30, 40, "ORG")]
    pred = [Span(0, 13, "PER"), Span(20, 27, "LOC"), Span(30, 40, "LOC")]
    table = count_strict(gold, pred)
    assert table["PER"] == Counts(1, 0, 0)
    assert table["LOC"] == Counts(0, 2, 1)
    assert table["ORG"] == Counts(0, 0, 1)
    assert micro(table) == Counts(1, 2, 2)


def test_scorer_overlap_accepts_shifted_boundaries_but_not_wrong_label() -> None:
    gold = [Span(0, 13, "PER"), Span(20, 26, "LOC"), Span(30, 40, "ORG")]
    pred = [Span(6, 13, "PER"), Span(18, 22, "LOC"), Span(30, 40, "LOC")]
    table = count_overlap(gold, pred)
    assert table["PER"] == Counts(1, 0, 0)
    assert table["LOC"] == Counts(1, 1, 0)
    assert table["ORG"] == Counts(0, 0, 1)


def test_scorer_overlap_is_one_to_one() -> None:
    gold = [Span(0, 10, "ORG"), Span(11, 20, "ORG")]
    pred = [Span(0, 20, "ORG")]
    assert count_overlap(gold, pred)["ORG"] == Counts(1, 0, 1)
    assert count_overlap(pred, gold)["ORG"] == Counts(1, 1, 0)


def test_scorer_overlap_prefers_the_largest_overlap() -> None:
    gold = [Span(0, 10, "ORG"), Span(8, 30, "ORG")]
    pred = [Span(9, 30, "ORG"), Span(0, 9, "ORG")]
    assert count_overlap(gold, pred)["ORG"] == Counts(2, 0, 0)


def test_scorer_scores_and_empty_cases() -> None:
    c = Counts(tp=6, fp=2, fn=4)
    assert (c.precision, c.recall) == (0.75, 0.6)
    assert c.f1 == pytest.approx(2 * 0.75 * 0.6 / 1.35)
    assert Counts().f1 == 0.0
    assert count_strict([], []) == {}


def test_scorer_corpus_sums_documents_and_serialises() -> None:
    score = score_corpus([
        ([Span(0, 3, "LOC")], [Span(0, 3, "LOC")]),
        ([Span(0, 5, "PER")], [Span(0, 4, "PER")]),
    ])
    data: dict[str, Any] = score.as_dict()
    assert data["documents"] == 2
    assert data["strict"]["micro"] == {"tp": 1, "fp": 1, "fn": 1, "precision": 0.5, "recall": 0.5, "f1": 0.5}
    assert data["overlap"]["micro"]["f1"] == 1.0


spans = st.builds(
    lambda start, length, label: Span(start, start + length, label),
    st.integers(0, 60), st.integers(1, 12), st.sampled_from(["PER", "ORG", "LOC"]),
)


@given(st.lists(spans, max_size=8), st.lists(spans, max_size=8))
def test_scorer_overlap_never_below_strict(gold: list[Span], pred: list[Span]) -> None:
    strict, overlap = micro(count_strict(gold, pred)), micro(count_overlap(gold, pred))
    assert overlap.tp >= strict.tp
    assert strict.tp + strict.fn == overlap.tp + overlap.fn == len(set(gold))
    assert strict.tp + strict.fp == overlap.tp + overlap.fp == len(set(pred))


@given(st.lists(spans, max_size=8))
def test_scorer_perfect_prediction_scores_one(gold: list[Span]) -> None:
    for table in (count_strict(gold, gold), count_overlap(gold, gold)):
        total = micro(table)
        assert total.fp == total.fn == 0
        assert total.f1 == (1.0 if gold else 0.0)
