"""`skg judge …` through the real CLI entry point."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from graph.cli import main
from graph.model import extraction_to_dict
from graph.resolve import JudgementLog

from .factory import MUNI, ORG, PER, doc, eid, mention


@pytest.fixture
def extractions_file(tmp_path: Path) -> Path:
    """A small cached-extractions file to look names up in."""
    docs = [
        doc("a", mention("a", "Bundesverband IT-Mittelstand"), mention("a", "BITMi", start=31)),
        doc("b", mention("b", "Stadt Tengen", MUNI), mention("b", "Marian Schreier", PER, start=20)),
        doc("c", mention("c", "Marian Schreiner", PER)),
    ]
    path = tmp_path / "extractions.jsonl"
    path.write_text("".join(json.dumps(extraction_to_dict(d)) + "\n" for d in docs), encoding="utf-8")
    return path


def _log(home: Path) -> JudgementLog:
    return JudgementLog(home / "judgements.jsonl")


def test_commands_judge_by_name_and_id(skg_home: Path, extractions_file: Path, capsys: pytest.CaptureFixture[str]) -> None:
    x = ["--extractions", str(extractions_file)]
    assert main(["judge", "not-same", "Marian Schreier", "Marian Schreiner", *x]) == 0
    assert "skg build" in capsys.readouterr().out
    assert main(["judge", "rename", "BITMi", "BITMi e.V.", *x]) == 0
    assert main(["judge", "retype", "Tengen", "MUNICIPALITY", *x]) == 0
    assert main(["judge", "ignore", eid(PER, "Marian Schreiner"), *x]) == 0
    assert main(["judge", "merge", "Marian Schreier", eid(MUNI, "Stadt Tengen"), "--note", "test", *x]) == 0
    actions = [(j.action.value, j.subject, j.other, j.value) for j in _log(skg_home).all()]
    assert actions == [
        ("not_same", eid(PER, "Marian Schreier"), eid(PER, "Marian Schreiner"), None),
        ("rename", eid(ORG, "Bundesverband IT-Mittelstand"), None, "BITMi e.V."),
        ("retype", eid(MUNI, "Stadt Tengen"), None, "MUNICIPALITY"),
        ("ignore", eid(PER, "Marian Schreiner"), None, None),
        ("merge", eid(PER, "Marian Schreier"), eid(MUNI, "Stadt Tengen"), None),
    ]


def test_commands_judge_list_and_undo(skg_home: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["judge", "ignore", "e_00000000000000aa"]) == 0
    assert main(["judge", "ignore", "e_00000000000000bb"]) == 0
    capsys.readouterr()
    assert main(["judge", "list", "--json"]) == 0
    listed = [json.loads(line)["subject"] for line in capsys.readouterr().out.splitlines()]
    assert listed == ["e_00000000000000aa", "e_00000000000000bb"]
    assert main(["judge", "undo"]) == 0
    assert "e_00000000000000bb" in capsys.readouterr().out
    assert [j.subject for j in _log(skg_home).all()] == ["e_00000000000000aa"]


def test_commands_judge_unknown_name_is_a_clear_error(
    skg_home: Path, extractions_file: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["judge", "ignore", "Nobody GmbH", "--extractions", str(extractions_file)]) == 2
    assert "no entity named 'Nobody GmbH'" in capsys.readouterr().err
    assert main(["judge", "ignore", "Tengen"]) == 2  # no corpus: names cannot be looked up
    assert "E300" in capsys.readouterr().err
    assert not (skg_home / "judgements.jsonl").exists()


def test_commands_judge_candidates_lists_similar_persons(
    skg_home: Path, extractions_file: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["judge", "candidates", "--extractions", str(extractions_file)]) == 0
    out = capsys.readouterr().out
    assert "Marian Schreier" in out and "Marian Schreiner" in out
