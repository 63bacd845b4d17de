"""Frozen model objects built by filling the instance dict equal those the constructor makes."""

from __future__ import annotations

from dataclasses import dataclass

from graph.extract.frozen import build
from graph.model.extraction import Evidence, Relation, RelationType


def test_frozen_build_equals_the_constructor_for_relations_and_evidence() -> None:
    ev = {"article_id": "a1", "sentence": "Landrat Andy Grabner.", "start": 0, "end": 21,
          "published": "2026-01-02", "extractor": "rules@1.0"}
    evidence = build(Evidence, ev)
    assert evidence == Evidence(**ev) and hash(evidence) == hash(Evidence(**ev))
    rel = {"type": RelationType.HOLDS_ROLE, "source": "e_1", "target": "e_2", "source_name": "Andy Grabner",
           "target_name": "Tengen", "evidence": evidence, "role": "Landrat", "confidence": 0.85,
           "office": None, "statement": None}
    built = build(Relation, rel)
    assert built == Relation(**rel) and hash(built) == hash(Relation(**rel))  # type: ignore[arg-type]
    assert set(rel) == set(Relation.__dataclass_fields__)


@dataclass(frozen=True)
class _Checked:
    value: int
    doubled: int = 0

    def __post_init__(self) -> None:
        object.__setattr__(self, "doubled", self.value * 2)


def test_frozen_build_uses_the_constructor_for_validation_or_missing_fields() -> None:
    assert build(_Checked, {"value": 2, "doubled": 0}).doubled == 4
    partial = {"article_id": "a1", "sentence": "x", "start": 0, "end": 1}
    assert build(Evidence, partial) == Evidence(**partial)  # type: ignore[arg-type]
