"""The whole pipeline on the seed page: ingest → extract (cached) → resolve → build → embedded store."""

from __future__ import annotations

import json
from itertools import combinations
from pathlib import Path

import pytest

from graph.model import GraphData
from graph.settings import Settings

pytest.importorskip("graph.extract.pipeline")
pytest.importorskip("graph.resolve.resolver")
pytest.importorskip("graph.store.corpus")


@pytest.fixture
def built(seed_paths: tuple[Path, Path], settings: Settings) -> tuple[GraphData, object, object]:
    from graph.pipeline import ingest_and_build
    from graph.store import open_store

    ingested, report = ingest_and_build([str(seed_paths[0])], settings)
    with open_store(settings) as store:
        data = store.load()
    return data, ingested, report


def _comentions(data: GraphData) -> set[frozenset[str]]:
    return {frozenset((e.source, e.target)) for e in data.edges_by_type("CO_MENTIONED")}


def _mentioned_by(data: GraphData, role: str) -> dict[str, set[str]]:
    roles = {n.id: n.props.get("role") for n in data.nodes_by_label("Article")}
    out: dict[str, set[str]] = {}
    for e in data.edges_by_type("MENTIONS"):
        if roles.get(e.source) == role:
            out.setdefault(e.source, set()).add(e.target)
    return out


def test_pipeline_seed_page_clique_and_boundaries(built: tuple[GraphData, object, object]) -> None:
    data, _, report = built
    assert report.snapshot_id == data.snapshot_id and report.nodes == len(data.nodes)  # type: ignore[attr-defined]
    pairs = _comentions(data)
    (main,) = _mentioned_by(data, "article").values()
    assert len(main) >= 10
    for a, b in combinations(sorted(main), 2):
        assert frozenset((a, b)) in pairs
    elsewhere = set().union(
        *_mentioned_by(data, "teaser").values(), *_mentioned_by(data, "vendor_listing").values()
    )
    only_elsewhere = elsewhere - main
    assert only_elsewhere
    assert not any(p & main and p & only_elsewhere for p in pairs)
    names = {n.id: n.props["name"] for n in data.nodes_by_label("Entity")}
    roles = {
        (names[e.source], names[e.target], e.props.get("role")) for e in data.edges_by_type("HOLDS_ROLE")
    }
    assert ("Marian Schreier", "Tengen", "Bürgermeister") in roles
    located = {(names[e.source], names[e.target]) for e in data.edges_by_type("LOCATED_IN")}
    assert len(located) >= 3


def test_pipeline_rebuild_uses_the_extraction_cache(
    built: tuple[GraphData, object, object], settings: Settings
) -> None:
    from graph.pipeline import rebuild
    from graph.store.corpus import CorpusStore

    data, _, first = built
    again = rebuild(settings)
    assert again.extracted == 0 and again.cached == first.articles  # type: ignore[attr-defined]
    assert again.snapshot_id == data.snapshot_id
    with CorpusStore.open(settings) as corpus:
        stored = json.loads(corpus.get_meta("last_build") or "{}")
    assert stored["snapshot_id"] == data.snapshot_id and stored["cached"] == first.articles  # type: ignore[attr-defined]


def test_pipeline_cli_build_analyze_export(
    built: tuple[GraphData, object, object], settings: Settings, tmp_path: Path
) -> None:
    from graph.cli import main

    home = str(settings.home_path)
    assert main(["--home", home, "build", "--json"]) == 0
    assert main(["--home", home, "analyze", "degree", "--top", "3"]) == 0
    out = tmp_path / "g.json"
    assert main(["--home", home, "export", "--format", "json", "--out", str(out), "--type", "PERSON"]) == 0
    payload = json.loads(out.read_text(encoding="utf-8"))
    assert payload["nodes"] and {n["type"] for n in payload["nodes"]} == {"PERSON"}
    assert main(["--home", home, "export", "--format", "xls", "--out", str(out)]) == 2


def test_pipeline_rebuild_persists_review_candidates(
    built: tuple[GraphData, object, object], settings: Settings
) -> None:
    from graph.pipeline import review_candidates
    from graph.store.corpus import CorpusStore

    _, _, report = built
    with CorpusStore.open(settings) as corpus:
        rows = review_candidates(corpus)
        stored = json.loads(corpus.get_meta("last_build") or "{}")
    assert len(rows) == report.review_candidates == stored["review_candidates"]  # type: ignore[attr-defined]
    assert isinstance(stored["warnings"], list)
    scores = [r["score"] for r in rows]
    assert scores == sorted(scores, reverse=True)
    for row in rows:
        assert row["left"] != row["right"] and row["reasons"] and row["left_name"] and row["right_name"]


def test_pipeline_candidate_rows_names_and_order() -> None:
    from graph.model import Entity, EntityType
    from graph.pipeline import candidate_rows
    from graph.resolve.resolver import MergeCandidate, Resolution

    ents = {i: Entity(id=i, name=n, type=EntityType.ORGANIZATION) for i, n in
            (("o1", "Komm.ONE"), ("o2", "Komm ONE AöR"), ("o3", "Dataport"))}
    res = Resolution(entities=ents, candidates=[
        MergeCandidate("o1", "o3", 0.4, ("same kind",)),
        MergeCandidate("o1", "o2", 0.9, ("name similarity 92", "same Land")),
    ])
    rows = candidate_rows(res)
    assert [(r["left_name"], r["right_name"], r["score"]) for r in rows] == [
        ("Komm.ONE", "Komm ONE AöR", 0.9), ("Komm.ONE", "Dataport", 0.4)]
    assert rows[0]["reasons"] == ["name similarity 92", "same Land"] and rows[0]["type"] == "ORGANIZATION"
