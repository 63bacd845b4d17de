"""Risen evidence levels and ended offices across two real builds of an invented corpus.

First build: one article (publisher kurier-example.de) names Dataport and Hamburg in different
sentences (an ``article``-level tie) and says Martin Ansbacher is Oberbürgermeister of Ulm. The
second build adds two articles from two other publishers that name Dataport and Hamburg in one
sentence (now ``corroborated``) and one saying Ansbacher held the office until February 2025 and
Thomas Weber succeeded him.
"""

from __future__ import annotations

import json

import pytest

from graph.model.graphdata import level_rank
from tests.graph.watch.conftest import build_twice, skg

FIRST = [
    {"id": "l1", "title": "Dataport wächst", "published": "2024-03-01", "url": "https://www.kurier-example.de/dataport",
     "text": "Dataport betreibt Rechenzentren für mehrere Länder. Zu den Kunden gehört auch die Freie und "
     "Hansestadt Hamburg.\n\nMartin Ansbacher ist Oberbürgermeister der Stadt Ulm."},
]
SECOND = [
    {"id": "l2", "title": "Gemeinsames Projekt", "published": "2025-03-02", "url": "https://www.blatt-example.de/projekt",
     "text": "Dataport und Hamburg starten ein gemeinsames Projekt für digitale Akten."},
    {"id": "l3", "title": "Auftrag vergeben", "published": "2025-03-03", "url": "https://www.zeitung-example.de/auftrag",
     "text": "Hamburg vergibt den Auftrag für das neue Portal an Dataport."},
    {"id": "l4", "title": "Wechsel in Ulm", "published": "2025-03-04", "url": "https://www.zeitung-example.de/ulm",
     "text": "Martin Ansbacher war bis Februar 2025 Oberbürgermeister der Stadt Ulm. Sein Nachfolger ist Thomas Weber."},
]


@pytest.fixture(scope="module")
def report(tmp_path_factory: pytest.TempPathFactory) -> dict:
    root = tmp_path_factory.mktemp("levels")
    home, first = build_twice(root, FIRST, SECOND)
    out = root / "report.json"
    assert skg(home, "watch", "report", "--since", first, "--format", "json", "--out", str(out)) == 3
    return dict(json.loads(out.read_text(encoding="utf-8")))


def _tie(change: dict) -> tuple[frozenset[str], str]:
    return frozenset((change["source_name"], change["target_name"])), change["edge_type"]


def test_a_tie_named_apart_then_in_one_sentence_by_two_publishers_rose(report: dict) -> None:
    rises = {_tie(c): c for c in report["level_rises"]}
    dataport = rises[(frozenset(("Dataport", "Hamburg")), "CO_MENTIONED")]
    assert (dataport["old_level"], dataport["level"]) == ("article", "corroborated")
    assert dataport["independent_sources"] == 2
    assert {e["publisher"] for e in dataport["evidence"]} >= {"blatt-example.de", "zeitung-example.de"}
    assert "→" in dataport["title"] and "article → corroborated" in dataport["title"]
    for change in report["level_rises"]:
        assert level_rank(change["level"]) > level_rank(change["old_level"])
    # ties the second build did not strengthen are not listed
    assert (frozenset(("Hamburg", "Ulm")), "CO_MENTIONED") not in rises


def test_an_office_that_ended_is_listed(report: dict) -> None:
    ended = report["ended_offices"]
    assert [(c["source_name"], c["role"], c["target_name"], c["status"]) for c in ended] == [
        ("Martin Ansbacher", "Oberbürgermeister", "Ulm", "ended")]
    assert ended[0]["end_date"].startswith("2025-02")
    assert ended[0]["old_status"] != "ended"
    assert "Februar 2025" in ended[0]["evidence"][0]["sentence"]


def test_the_successor_is_new_and_nothing_else_is(report: dict) -> None:
    assert [a["source_name"] for a in report["new_actors"]] == ["Thomas Weber"]
    contracts = [(t["source_name"], t["target_name"]) for t in report["new_ties"] if t["edge_type"] == "CONTRACTS_WITH"]
    assert contracts == [("Hamburg", "Dataport")]  # "Hamburg vergibt den Auftrag … an Dataport"
    assert all("Thomas Weber" in (t["source_name"], t["target_name"]) for t in report["new_ties"]
               if t["edge_type"] != "CONTRACTS_WITH")
    assert all(t.get("level") for t in report["new_ties"])  # every new tie carries its level
