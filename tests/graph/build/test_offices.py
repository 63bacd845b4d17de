"""Offices in time, end to end: two articles → ingest → extract → build → store → graph at a date."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from graph.cli import app
from graph.model import Edge, GraphData, SubgraphFilter, entity_id, filter_graph
from graph.settings import Settings
from tests.graph.build.corpus import build_jsonl
from tests.graph.build.seedlike import Resolution

ARTICLES = [
    {"id": "bsp-1", "title": "Beispiel-IT: Neue Spitze", "published": "2019-04-02",
     "text": "Peter Alt wurde im März 2019 zum Geschäftsführer der Beispiel-IT GmbH gewählt. "
             "Die Beispiel-IT GmbH betreut Kommunen in Baden-Württemberg."},
    {"id": "bsp-2", "title": "Beispiel-IT: Wechsel an der Spitze", "published": "2022-08-15",
     "text": "Der ehemalige Geschäftsführer der Beispiel-IT GmbH, Peter Alt, hat das Unternehmen verlassen. "
             "Seine Nachfolgerin Claudia Neumann leitet die Beispiel-IT GmbH seit dem 1. Juli 2022."},
]
ALT, NEUMANN = entity_id("PERSON", "Peter Alt"), entity_id("PERSON", "Claudia Neumann")


@pytest.fixture
def built(tmp_path: Path, settings: Settings) -> GraphData:
    return build_jsonl(ARTICLES, tmp_path, settings, "beispiel")


def _office(data: GraphData, person: str) -> Edge:
    (edge,) = [e for e in data.edges_by_type("HOLDS_ROLE") if e.source == person]
    return edge


def _holders(data: GraphData, day: str) -> set[str]:
    return {e.source for e in filter_graph(data, SubgraphFilter(as_of=day)).edges if e.type == "HOLDS_ROLE"}


def test_offices_bounds_read_from_two_articles(built: GraphData) -> None:
    alt, neumann = _office(built, ALT).props, _office(built, NEUMANN).props
    assert alt["role"] == neumann["role"] == "Geschäftsführer"
    assert _office(built, ALT).target == _office(built, NEUMANN).target
    assert (alt["start_date"], alt["start_precision"], alt["end_date"], alt["status"]) == (
        "2019-03-01", "month", "2022-07-01", "ended")
    assert alt["bounds"]["start"]["sentence"].startswith("Peter Alt wurde im März 2019")
    assert alt["bounds"]["end"]["cue"] == "Nachfolgerin"
    assert (neumann["start_date"], neumann["status"], neumann.get("end_date")) == ("2022-07-01", "current", None)
    assert (alt["successor"], neumann["predecessor"]) == (NEUMANN, ALT)


def test_offices_graph_at_a_date(built: GraphData) -> None:
    assert _holders(built, "2019-01-15") == set()  # before the election
    assert _holders(built, "2019-03-20") == {ALT}  # "im März 2019": any day of March counts
    assert _holders(built, "2021-06-01") == {ALT}
    assert _holders(built, "2023-01-01") == {NEUMANN}  # after the end the successor holds it
    everyone = {n.id for n in filter_graph(built, SubgraphFilter(as_of="2019-01-15")).nodes}
    assert {ALT, NEUMANN} <= everyone  # the date drops offices, not actors


def test_offices_cli_export_and_paths_at_a_date(built: GraphData, settings: Settings, tmp_path: Path) -> None:
    runner = CliRunner()
    env = {"SKG_HOME": str(settings.home_path)}
    out = tmp_path / "at.json"
    done = runner.invoke(app, ["export", "--format", "json", "--out", str(out), "--as-of", "2020-01-01"], env=env)
    assert done.exit_code == 0, done.output
    exported = json.loads(out.read_text(encoding="utf-8"))
    links = exported.get("links") or exported.get("edges")
    offices = [e for e in links if e.get("type") == "HOLDS_ROLE"]
    assert [(e["source"], e["start_date"], e["end_date"]) for e in offices] == [(ALT, "2019-03-01", "2022-07-01")]
    org = _office(built, ALT).target
    hops = {}
    for day in ("2020-01-01", "2023-01-01"):
        done = runner.invoke(app, ["analyze", "paths", "--focus", ALT, "--target", org, "--json",
                                   "--as-of", day], env=env)
        assert done.exit_code == 0, done.output
        result = json.loads(done.output)
        assert result["method"]["as_of"] == day
        hops[day] = [(r["types"], r["office"]) for r in result["rows"] if r["path"] == 0]
    assert hops["2020-01-01"] == [("CO_MENTIONED,HOLDS_ROLE", "Geschäftsführer (2019-03 … 2022-07-01)")]
    assert hops["2023-01-01"] == [("CO_MENTIONED", "")]  # still named together, no longer in office
    bad = runner.invoke(app, ["export", "--format", "json", "--out", str(out), "--as-of", "März"], env=env)
    assert bad.exit_code != 0 and "YYYY-MM-DD" in bad.output


@pytest.mark.parametrize("first", [0, 1])
def test_offices_incremental_update_equals_full_build(settings: Settings, first: int) -> None:
    """Adding the second article to a built graph (in either order) gives the full build's offices."""
    from graph.build.builder import build_graph
    from graph.build.incremental import update_graph
    from graph.extract.pipeline import ExtractionPipeline
    from graph.model import Article
    from graph.resolve.resolver import resolve

    pipe = ExtractionPipeline.from_settings(settings)
    articles = [Article(id=a["id"], source="test", title=a["title"], published=a["published"], text=a["text"],
                        tags=("Personalien",)) for a in ARTICLES]
    docs = [pipe.extract(a) for a in articles]
    full_res = resolve(docs, [], settings)

    def part(i: int) -> Resolution:
        return Resolution(full_res.entities, [d for d in full_res.extractions if d.article_id == articles[i].id])

    full = build_graph(articles, full_res, settings)
    old = build_graph([articles[first]], part(first), settings)
    updated = update_graph(old, [articles[1 - first]], part(1 - first), settings)
    assert updated is not None
    assert updated.edges_by_type("HOLDS_ROLE") == full.edges_by_type("HOLDS_ROLE")
    assert _office(full, ALT).props["end_date"] == "2022-07-01"
