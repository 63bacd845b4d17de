"""The What's new page on two real embedded snapshots of the hand-built graph."""

from __future__ import annotations

import json
from dataclasses import replace

from graph.model import Edge, GraphData, Node
from graph.settings import Settings
from tests.dashboard.conftest import open_page, write_graph
from tests.dashboard.fixtures import sample_graph


def later_graph() -> GraphData:
    """The sample graph a build later: one new vendor with a tie to Ulm."""
    graph = sample_graph()
    vendor = Node("Entity", "e_newvendor", {"id": "e_newvendor", "name": "Neu Software GmbH", "type": "ORGANIZATION",
                                            "kind": "vendor", "mentions": 1, "articles": 1,
                                            "first_seen": "2024-07-01", "last_seen": "2024-07-01"})
    article = Node("Article", "a_5", {"id": "a_5", "title": "Ulm picks Neu Software", "published": "2024-07-01",
                                      "url": "https://example.org/a_5", "role": "article", "source": "fixture"})
    evidence = [{"article_id": "a_5", "published": "2024-07-01", "sentence": "Ulm picks Neu Software GmbH.",
                 "start": 0, "end": 10}]
    tie = Edge("CO_MENTIONED", "e_newvendor", "e_ulm", {"weight": 1, "articles": 1, "first_seen": "2024-07-01",
                                                         "last_seen": "2024-07-01", "evidence": json.dumps(evidence)})
    return replace(graph, nodes=[*graph.nodes, vendor, article], edges=[*graph.edges, tie], snapshot_id="s_later")


def _frames(at: object) -> list[dict]:
    return [df.value.to_dict("records") for df in at.dataframe]  # type: ignore[attr-defined]


def test_whats_new_with_one_build_lists_everything(fixture_home: Settings) -> None:
    at = open_page("whats_new")
    assert not at.exception, at.exception
    assert at.title[0].value == "What's new"
    assert any("Only one build" in i.value for i in at.info)
    metrics = {m.label: m.value for m in at.metric}
    assert metrics["New actors"] == "13"


def test_whats_new_between_two_builds(fixture_home: Settings) -> None:
    write_graph(fixture_home, later_graph())
    at = open_page("whats_new")
    assert not at.exception, at.exception
    assert not at.error, [e.value for e in at.error]
    metrics = {m.label: m.value for m in at.metric}
    assert metrics == {"New actors": "1", "New ties": "1", "Ties whose level rose": "0", "Ended offices": "0"}
    actors, ties = _frames(at)
    assert [a["actor"] for a in actors] == ["Neu Software GmbH"] and actors[0]["kind"] == "vendor"
    assert ties[0]["from"] == "Neu Software GmbH" and ties[0]["to"] == "Ulm"
    assert ties[0]["evidence"].startswith("“Ulm picks Neu Software GmbH.” — Ulm picks Neu Software, 2024-07-01")
    # picking the same build on both sides: nothing new
    at.selectbox(key="wn_old").set_value(at.selectbox(key="wn_new").value).run()
    assert {m.value for m in at.metric} == {"0"}


def test_whats_new_follows_the_watchlist(fixture_home: Settings) -> None:
    write_graph(fixture_home, later_graph())
    (fixture_home.home_path / "watchlist.jsonl").write_text('{"field": "land", "value": "Bayern"}\n',
                                                           encoding="utf-8")
    at = open_page("whats_new")
    assert {m.value for m in at.metric} == {"0"}  # the new tie is in Baden-Württemberg
    assert any("land Bayern" in c.value for c in at.caption)
    at.toggle(key="wn_scoped").set_value(False).run()
    assert {m.label: m.value for m in at.metric}["New ties"] == "1"


def _with_levels(graph: GraphData, co_level: str, role_status: str, end: str | None) -> GraphData:
    """``graph`` with the Komm.ONE–Stuttgart tie at ``co_level`` and Erika's CEO office in ``role_status``."""
    edges = []
    for edge in graph.edges:
        props = dict(edge.props)
        if edge.type == "CO_MENTIONED":
            props["evidence_level"] = co_level if {edge.source, edge.target} == {"e_komm1", "e_stuttgart"} else "article"
        if edge.type == "HOLDS_ROLE" and (edge.source, edge.props.get("role")) == ("e_person", "CEO"):
            props.update(evidence_level="stated", status=role_status, end_date=end)
        edges.append(replace(edge, props=props))
    return replace(graph, edges=edges)


def test_whats_new_shows_level_rises(fixture_home: Settings) -> None:
    write_graph(fixture_home, _with_levels(sample_graph(), "article", "current", None))
    write_graph(fixture_home, _with_levels(later_graph(), "corroborated", "current", None))
    at = open_page("whats_new")
    assert not at.exception, at.exception
    metrics = {m.label: m.value for m in at.metric}
    assert metrics == {"New actors": "1", "New ties": "1", "Ties whose level rose": "1", "Ended offices": "0"}
    _, _, rises = _frames(at)
    assert {rises[0]["from"], rises[0]["to"]} == {"Komm.ONE", "Stuttgart"}
    assert (rises[0]["was"], rises[0]["now"]) == ("article", "corroborated")
    assert rises[0]["evidence"] == "“Komm.ONE serves Stuttgart.” — Digital town hall, 2022-03-01, kommune21.de"  # the publisher


def test_whats_new_shows_level_rises_and_ended_offices(fixture_home: Settings) -> None:
    write_graph(fixture_home, _with_levels(sample_graph(), "article", "current", None))
    write_graph(fixture_home, _with_levels(later_graph(), "corroborated", "ended", "2024-06-30"))
    at = open_page("whats_new")
    assert not at.exception, at.exception
    metrics = {m.label: m.value for m in at.metric}
    assert metrics == {"New actors": "1", "New ties": "1", "Ties whose level rose": "1", "Ended offices": "1"}
    _, _, rises, ended = _frames(at)
    assert {rises[0]["from"], rises[0]["to"]} == {"Komm.ONE", "Stuttgart"}
    assert (rises[0]["was"], rises[0]["now"]) == ("article", "corroborated")
    assert (ended[0]["person"], ended[0]["role"], ended[0]["at"]) == ("Erika Mustermann", "CEO", "Komm.ONE")
    assert (ended[0]["was"], ended[0]["now"], ended[0]["end"]) == ("current", "ended", "2024-06-30")
    assert ended[0]["evidence"].startswith("“Erika is CEO.”")
