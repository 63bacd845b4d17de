"""`skg watch add|list|remove` and how the watchlist scopes a report (actor, kind, Land, type)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from graph.watch import watchlist as wl
from tests.graph.watch.conftest import skg
from tests.graph.watch.test_report import NEW_PAIRS, pairs, report


def scoped(home: Path, tmp_path: Path, first: str) -> dict:
    code, text = report(home, tmp_path, "--since", first)
    data = json.loads(text)
    assert code == (3 if any(data["counts"].values()) else 0)
    return data


def test_actor_scope_keeps_ties_with_either_end_watched(home: Path, first_snapshot: str, tmp_path: Path) -> None:
    assert skg(home, "watch", "add", "Dataport") == 0
    data = scoped(home, tmp_path, first_snapshot)
    assert data["new_actors"] == []  # Dataport itself is not new
    assert pairs(data) == {frozenset(("Ulm", "Dataport")), frozenset(("Materna", "Dataport"))}
    assert "actor Dataport" in data["scope"]


def test_kind_scope(home: Path, first_snapshot: str, tmp_path: Path) -> None:
    assert skg(home, "watch", "add", "--kind", "vendor") == 0
    data = scoped(home, tmp_path, first_snapshot)
    assert [a["source_name"] for a in data["new_actors"]] == ["Materna"]
    assert pairs(data) == {frozenset(("Ulm", "Materna")), frozenset(("Materna", "Dataport"))}


def test_land_scope(home: Path, first_snapshot: str, tmp_path: Path) -> None:
    assert skg(home, "watch", "add", "--land", "bayern") == 0  # spelled as the Land list has it
    data = scoped(home, tmp_path, first_snapshot)
    assert [a["source_name"] for a in data["new_actors"]] == ["Zangberg"]
    assert pairs(data) == {frozenset(("Zangberg", "AKDB")), frozenset(("Zangberg", "Karin Wüst"))}


def test_type_scope_and_union_of_entries(home: Path, first_snapshot: str, tmp_path: Path) -> None:
    assert skg(home, "watch", "add", "--type", "PERSON", "--kind", "vendor") == 0
    data = scoped(home, tmp_path, first_snapshot)
    assert {a["source_name"] for a in data["new_actors"]} == {"Karin Wüst", "Materna"}
    assert pairs(data) == {p for p in NEW_PAIRS if p & {"Karin Wüst", "Materna"}}


def test_scope_with_nothing_new_exits_zero(home: Path, first_snapshot: str, tmp_path: Path) -> None:
    assert skg(home, "watch", "add", "Komm.ONE") == 0
    code, text = report(home, tmp_path, "--since", first_snapshot)
    assert code == 0 and json.loads(text)["counts"] == dict.fromkeys(
        ("new_actors", "new_ties", "level_rises", "ended_offices"), 0)
    assert report(home, tmp_path, "--since", first_snapshot, "--all")[0] == 3


def test_add_list_remove_keep_a_readable_file(home: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert skg(home, "watch", "add", "Ulm", "--land", "Nordrhein-Westfalen") == 0
    assert skg(home, "watch", "add", "ulm") == 0  # the same actor again: listed once
    lines = (home / "watchlist.jsonl").read_text(encoding="utf-8").splitlines()
    entries = [json.loads(x) for x in lines]
    assert [(e["field"], e.get("name")) for e in entries] == [("actor", "Ulm"), ("land", None)]
    assert entries[0]["value"].startswith("e_")
    capsys.readouterr()
    assert skg(home, "watch", "list", "--json") == 0
    listed = [json.loads(x) for x in capsys.readouterr().out.splitlines()]
    assert [x["value"] for x in listed] == [e["value"] for e in entries]
    assert skg(home, "watch", "remove", "Ulm") == 0
    assert wl.load(home).entries == [wl.Entry("land", "Nordrhein-Westfalen")]
    assert skg(home, "watch", "remove", "--land", "Nordrhein-Westfalen") == 0
    assert wl.load(home).is_empty()


def test_unknown_names_and_values_are_clear_errors(home: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert skg(home, "watch", "add", "Nirgendwo GmbH") == 2
    assert "no entity named 'Nirgendwo GmbH'" in capsys.readouterr().err
    assert skg(home, "watch", "add", "--kind", "bakery") == 2
    assert "use one of vendor" in capsys.readouterr().err
    assert skg(home, "watch", "add", "--land", "Bavaria") == 2
    assert "Bayern" in capsys.readouterr().err
    assert skg(home, "watch", "remove", "Ulm") == 2
    assert "not on the watchlist" in capsys.readouterr().err
    assert not (home / "watchlist.jsonl").exists()


def test_a_broken_watchlist_line_names_file_and_line(home: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (home / "watchlist.jsonl").write_text('{"field": "kind", "value": "vendor"}\nnot json\n', encoding="utf-8")
    assert skg(home, "watch", "report") == 2
    err = capsys.readouterr().err
    assert "watchlist.jsonl:2" in err and "skg watch remove" in err
