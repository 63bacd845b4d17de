"""Candidates and how overlapping ones are settled."""

from __future__ import annotations

import dataclasses

import pytest

from graph.extract.candidates import P_ACTOR, P_GUESS, P_PERSON, Candidate, settle
from graph.model.extraction import EntityType, OrgKind


def test_candidates_constructor_sets_every_field_and_defaults() -> None:
    cand = Candidate(3, 9, EntityType.ORGANIZATION, "AKDB", OrgKind.PUBLIC_IT_PROVIDER)
    assert dataclasses.asdict(cand) == {
        "start": 3, "end": 9, "type": EntityType.ORGANIZATION, "canonical": "AKDB",
        "kind": OrgKind.PUBLIC_IT_PROVIDER, "confidence": 0.8, "priority": 40, "extractor": "rules@1.1",
        "place": None}
    assert set(vars(cand)) == {f.name for f in dataclasses.fields(Candidate)}


def test_candidates_stay_frozen_and_comparable() -> None:
    cand = Candidate(0, 4, EntityType.PERSON, "Anna")
    with pytest.raises(dataclasses.FrozenInstanceError):
        cand.start = 1  # type: ignore[misc]
    assert cand == Candidate(0, 4, EntityType.PERSON, "Anna")
    assert hash(cand) == hash(Candidate(0, 4, EntityType.PERSON, "Anna"))


def test_candidates_moved_changes_only_named_fields_and_rejects_unknown_ones() -> None:
    cand = Candidate(0, 4, EntityType.PERSON, "Anna", confidence=0.9, priority=P_PERSON)
    moved = cand.moved(start=10, end=14)
    assert (moved.start, moved.end, moved.canonical, moved.confidence) == (10, 14, "Anna", 0.9)
    assert cand.start == 0
    with pytest.raises(TypeError):
        cand.moved(colour="red")


def test_candidates_settle_prefers_rules_then_length_then_priority() -> None:
    guess = Candidate(0, 30, EntityType.ORGANIZATION, "Lange Vermutung", priority=P_GUESS)
    short = Candidate(0, 6, EntityType.MUNICIPALITY, "Berlin", priority=P_ACTOR)
    long = Candidate(0, 12, EntityType.ORGANIZATION, "Berlin Hbf", priority=P_PERSON)
    tie_low = Candidate(20, 25, EntityType.PERSON, "Weber", priority=P_PERSON)
    tie_high = Candidate(20, 25, EntityType.ORGANIZATION, "Weber", priority=P_ACTOR)
    kept = settle([guess, short, long, tie_low, tie_high])
    assert kept == [long, tie_high]


def test_candidates_settle_drops_empty_spans_and_returns_text_order() -> None:
    a = Candidate(10, 15, EntityType.PERSON, "B")
    b = Candidate(0, 5, EntityType.PERSON, "A")
    assert settle([a, Candidate(7, 7, EntityType.PERSON, "leer"), b]) == [b, a]
