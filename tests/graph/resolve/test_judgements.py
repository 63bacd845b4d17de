"""The judgements file: round trip, undo, validation, clear errors."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from graph.errors import JudgementError
from graph.model import EntityType, Judgement, JudgementAction, OrgKind
from graph.resolve import JudgementLog, parse_type

J = JudgementAction


def test_judgements_round_trip_keeps_order_and_sorted_keys(tmp_path: Path) -> None:
    log = JudgementLog(tmp_path / "home" / "judgements.jsonl")
    written = [
        log.add(Judgement(J.MERGE, "e_1", "e_2", note="same association")),
        log.add(Judgement(J.RENAME, "e_1", value="Bundesverband IT-Mittelstand")),
        log.add(Judgement(J.RETYPE, "e_3", value="ORGANIZATION/vendor")),
        log.add(Judgement(J.IGNORE, "e_4")),
    ]
    assert log.all() == written
    assert all(j.created for j in written)
    lines = log.path.read_text(encoding="utf-8").splitlines()
    assert len(lines) == 4
    first = json.loads(lines[0])
    assert list(first) == sorted(first)
    assert first["action"] == "merge" and first["note"] == "same association"


def test_judgements_undo_last_removes_only_the_last(tmp_path: Path) -> None:
    log = JudgementLog(tmp_path / "judgements.jsonl")
    assert log.undo_last() is None
    a = log.add(Judgement(J.IGNORE, "e_1"))
    b = log.add(Judgement(J.IGNORE, "e_2"))
    assert log.undo_last() == b
    assert log.all() == [a]
    assert not list(tmp_path.glob(".judgements-*"))  # no temporary file left behind


def test_judgements_bad_line_error_names_file_and_line(tmp_path: Path) -> None:
    path = tmp_path / "judgements.jsonl"
    path.write_text('{"action": "ignore", "subject": "e_1"}\n\n{"action": "explode", "subject": "e_2"}\n')
    with pytest.raises(JudgementError) as info:
        JudgementLog(path).all()
    assert f"{path}:3" in str(info.value)


def test_judgements_incomplete_judgement_is_refused(tmp_path: Path) -> None:
    log = JudgementLog(tmp_path / "judgements.jsonl")
    with pytest.raises(JudgementError, match="two different entities"):
        log.add(Judgement(J.MERGE, "e_1", "e_1"))
    with pytest.raises(JudgementError, match="unknown entity type"):
        log.add(Judgement(J.RETYPE, "e_1", value="COMPANY"))
    assert not log.path.exists()


def test_judgements_validate_names_unknown_id_line(tmp_path: Path) -> None:
    log = JudgementLog(tmp_path / "judgements.jsonl")
    log.add(Judgement(J.MERGE, "e_1", "e_2"))
    log.add(Judgement(J.NOT_SAME, "e_1", "e_9"))
    log.validate({"e_1", "e_2", "e_9"})
    with pytest.raises(JudgementError) as info:
        log.validate({"e_1", "e_2"})
    assert ":2" in str(info.value) and "e_9" in str(info.value)


def test_judgements_parse_type_accepts_kind_only_for_organisations() -> None:
    assert parse_type("organization/Public_Body") == (EntityType.ORGANIZATION, OrgKind.PUBLIC_BODY)
    with pytest.raises(JudgementError, match="only organisations"):
        parse_type("PERSON/vendor")
    with pytest.raises(JudgementError, match="unknown organisation kind"):
        parse_type("ORGANIZATION/startup")
