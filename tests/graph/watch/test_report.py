"""`skg watch report` on two real builds: exactly the new actors and ties, in three formats that agree."""

from __future__ import annotations

import json
import re
from pathlib import Path
from xml.etree import ElementTree

import feedparser
import pytest

from graph.model.graphdata import EVIDENCE_LEVELS
from tests.graph.watch.conftest import SECOND, skg

ATOM = "{http://www.w3.org/2005/Atom}"
NEW_ACTORS = {"Zangberg", "AKDB", "Karin Wüst", "Materna"}
NEW_PAIRS = {frozenset(p) for p in (("Zangberg", "AKDB"), ("Zangberg", "Karin Wüst"), ("AKDB", "Karin Wüst"),
                                    ("Ulm", "Materna"), ("Ulm", "Dataport"), ("Materna", "Dataport"))}


def report(home: Path, tmp_path: Path, *args: str, fmt: str = "json") -> tuple[int, str]:
    out = tmp_path / f"report.{fmt}"
    code = skg(home, "watch", "report", "--format", fmt, "--out", str(out), *args)
    return code, out.read_text(encoding="utf-8")


def pairs(data: dict) -> set[frozenset[str]]:
    return {frozenset((t["source_name"], t["target_name"])) for t in data["new_ties"]}


def test_report_lists_exactly_the_new_actors_and_ties(home: Path, first_snapshot: str, tmp_path: Path) -> None:
    code, text = report(home, tmp_path, "--since", first_snapshot)
    data = json.loads(text)
    assert code == 3
    assert data["old"]["snapshot_id"] == first_snapshot and data["new"]["current"]
    assert {a["source_name"] for a in data["new_actors"]} == NEW_ACTORS
    assert pairs(data) == NEW_PAIRS
    # six co-mention ties and two contracts ("nutzt … die Cloud der AKDB", "hat Materna … beauftragt")
    assert data["counts"] == {"new_actors": 4, "new_ties": 8, "level_rises": 0, "ended_offices": 0}
    assert {(t["source_name"], t["target_name"]) for t in data["new_ties"] if t["edge_type"] == "CONTRACTS_WITH"} == {
        ("Zangberg", "AKDB"), ("Ulm", "Materna")}


def test_new_ties_carry_their_sentence_and_article(home: Path, first_snapshot: str, tmp_path: Path) -> None:
    data = json.loads(report(home, tmp_path, "--since", first_snapshot)[1])
    titles = {r["title"]: r for r in SECOND}
    for tie in data["new_ties"]:
        ev = tie["evidence"][0]
        article = titles[ev["title"]]
        assert ev["sentence"] in article["text"]
        assert ev["published"] == article["published"] and ev["url"] == article["url"]
        assert ev["publisher"] == "example.org"  # the domain of the article's address
        assert tie["source_name"] in ev["sentence"] or tie["target_name"] in ev["sentence"]
        assert tie["level"] in EVIDENCE_LEVELS  # every tie has a level since the evidence merge


def test_default_compares_the_previous_build(home: Path, first_snapshot: str, tmp_path: Path) -> None:
    assert report(home, tmp_path)[1] == report(home, tmp_path, "--since", first_snapshot)[1]


def test_table_and_atom_agree_with_json(home: Path, first_snapshot: str, tmp_path: Path) -> None:
    data = json.loads(report(home, tmp_path, "--since", first_snapshot)[1])
    code, table = report(home, tmp_path, "--since", first_snapshot, fmt="table")
    assert code == 3
    assert "4 new actors, 8 new ties, 0 ties whose level rose, 0 ended offices" in table
    for name in NEW_ACTORS:
        assert re.search(rf"│ {re.escape(name)}\s+│", table), name
    changes = [c for key in ("new_actors", "new_ties", "level_rises", "ended_offices") for c in data[key]]
    code, atom = report(home, tmp_path, "--since", first_snapshot, fmt="atom")
    feed = feedparser.parse(atom)
    assert code == 3 and not feed.bozo, feed.get("bozo_exception")
    assert feed.version == "atom10"
    assert [e.title for e in feed.entries] == [c["title"] for c in changes]
    assert [e.id for e in feed.entries] == [f"urn:skg:watch:{c['key']}" for c in changes]
    assert len({e.id for e in feed.entries}) == len(changes) == 12  # 4 actors, 8 ties
    assert feed.feed.updated == data["new"]["created"]
    assert {e.updated for e in feed.entries} == {data["new"]["created"]}
    hrefs = {link.get("href") for link in ElementTree.fromstring(atom.encode()).iter(f"{ATOM}link")}
    assert hrefs == {r["url"] for r in SECOND}  # every tie links the article behind it
    assert any("Bürgerportal" in e.content[0].value for e in feed.entries)


def test_atom_entry_ids_are_stable_across_runs(home: Path, first_snapshot: str, tmp_path: Path) -> None:
    first = feedparser.parse(report(home, tmp_path, "--since", first_snapshot, fmt="atom")[1])
    again = feedparser.parse(report(home, tmp_path, "--since", first_snapshot, fmt="atom")[1])
    assert [e.id for e in first.entries] == [e.id for e in again.entries]


def test_exit_zero_when_a_rebuild_changes_nothing(home: Path, first_snapshot: str, tmp_path: Path,
                                                  capsys: pytest.CaptureFixture[str]) -> None:
    assert skg(home, "build") == 0
    capsys.readouterr()
    code, text = report(home, tmp_path, fmt="table")
    assert code == 0
    assert "nothing new" in text
    # the rebuild pruned the first snapshot (snapshots_kept = 2): a clear error, not a traceback
    assert skg(home, "watch", "report", "--since", first_snapshot) == 2
    err = capsys.readouterr().err
    assert "no stored snapshot" in err and "snapshots_kept" in err


def test_unknown_snapshot_is_a_clear_error(home: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert skg(home, "watch", "report", "--since", "s_nothing") == 2
    err = capsys.readouterr().err
    assert "E400" in err and "'s_nothing'" in err and "skg snapshots" in err


def test_report_before_any_build_is_a_clear_error(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert skg(tmp_path / "empty", "watch", "report") == 2
    assert "skg build" in capsys.readouterr().err
