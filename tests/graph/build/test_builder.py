"""The builder on a seed-like page and on small synthetic corpora."""

from __future__ import annotations

import dataclasses
from itertools import combinations
from pathlib import Path

import pytest

from bench.synthetic import generate
from graph.build.builder import build_graph
from graph.build.cooccur import npmi_lift
from graph.export import export_graph
from graph.model import Article, GraphData
from graph.settings import Settings
from tests.graph.build.seedlike import MAIN_NAMES, TEASERS, VENDORS, Resolution, eid, page


@pytest.fixture
def seed_graph(settings: Settings) -> GraphData:
    articles, resolution = page()
    return build_graph(articles, resolution, settings)


def _pairs(data: GraphData, etype: str = "CO_MENTIONED") -> set[frozenset[str]]:
    return {frozenset((e.source, e.target)) for e in data.edges_by_type(etype)}  # type: ignore[arg-type]


def test_builder_main_article_entities_form_a_clique(seed_graph: GraphData) -> None:
    pairs = _pairs(seed_graph)
    assert len(MAIN_NAMES) == 11
    for a, b in combinations(MAIN_NAMES, 2):
        assert frozenset((eid(a), eid(b))) in pairs, (a, b)


def test_builder_never_links_main_article_to_teaser_or_listing_entities(seed_graph: GraphData) -> None:
    main = {eid(n) for n in MAIN_NAMES}
    teaser_names = [
        n
        for _, _, paragraphs, _ in TEASERS
        for s in paragraphs[0]
        for n in MAIN_NAMES
        + list(
            {
                "Freiburg im Breisgau",
                "Bundeszentrale für politische Bildung",
                "kdvz Rhein Erft Rur",
                "Rolf Skuras",
                "Frederic Lottis",
            }
        )
        if n in s
    ]
    outside = (
        {eid(n) for n in teaser_names} | {eid(v) for v, _, _ in VENDORS} | {eid(c) for _, _, c in VENDORS}
    )
    assert outside and not (outside & main)
    for pair in _pairs(seed_graph):
        assert not (pair & main and pair & outside), pair
    # listed vendors are never co-mentioned with anybody
    vendors = {eid(v) for v, _, _ in VENDORS}
    assert not any(pair & vendors for pair in _pairs(seed_graph))


def test_builder_locates_listed_vendors_and_keeps_roles(seed_graph: GraphData) -> None:
    located = {(e.source, e.target) for e in seed_graph.edges_by_type("LOCATED_IN")}
    assert located == {(eid(v), eid(c)) for v, _, c in VENDORS}
    roles = {(e.source, e.target, e.props["role"]) for e in seed_graph.edges_by_type("HOLDS_ROLE")}
    assert (eid("Marian Schreier"), eid("Tengen"), "Bürgermeister") in roles
    assert (eid("Oliver Grün"), eid("Bundesverband IT-Mittelstand"), "Präsident") in roles
    affiliated = {(e.source, e.target) for e in seed_graph.edges_by_type("AFFILIATED_WITH")}
    assert (eid("Stefan Wess"), eid("KI Bundesverband")) in affiliated


def test_builder_counts_windows_and_quotes_the_shared_sentence(seed_graph: GraphData) -> None:
    edge = next(
        e
        for e in seed_graph.edges_by_type("CO_MENTIONED")
        if {e.source, e.target} == {eid("Oliver Grün"), eid("Bundesverband IT-Mittelstand")}
    )
    p = edge.props
    assert (p["sentence_count"], p["paragraph_count"], p["document_count"], p["articles"]) == (1, 1, 1, 1)
    assert p["evidence"][0]["sentence"] == "Oliver Grün ist Präsident des Bundesverband IT-Mittelstand."
    far = next(
        e
        for e in seed_graph.edges_by_type("CO_MENTIONED")
        if {e.source, e.target} == {eid("Oliver Grün"), eid("Tengen")}
    )
    assert (far.props["sentence_count"], far.props["paragraph_count"]) == (0, 0)
    assert all(e.source < e.target for e in seed_graph.edges_by_type("CO_MENTIONED"))


def test_builder_nodes_carry_the_documented_properties(seed_graph: GraphData) -> None:
    from graph.model.graphdata import ARTICLE_PROPS, ENTITY_PROPS

    tengen = next(n for n in seed_graph.nodes if n.id == eid("Tengen"))
    assert set(tengen.props) == set(ENTITY_PROPS)
    assert (tengen.props["ags"], tengen.props["mentions"], tengen.props["first_seen"]) == (
        "08335080",
        1,
        "2021-06-22",
    )
    assert all(set(n.props) == set(ARTICLE_PROPS) for n in seed_graph.nodes_by_label("Article"))
    assert {n.props["name"] for n in seed_graph.nodes_by_label("Topic")} == {"Panorama", "HSH", "DATABUND"}
    assert len(seed_graph.edges_by_type("TAGGED")) == 3


def test_builder_is_deterministic_to_the_byte(settings: Settings, tmp_path: Path) -> None:
    articles, resolution = page()
    first = build_graph(articles, resolution, settings)
    shuffled = Resolution(resolution.entities, list(reversed(resolution.extractions)))
    second = build_graph(list(reversed(articles)), shuffled, settings)
    assert first.snapshot_id == second.snapshot_id
    a = export_graph(first, "json", tmp_path / "a.json")
    b = export_graph(second, "json", tmp_path / "b.json")
    assert a.read_bytes() == b.read_bytes()
    assert [e.id for e in first.edges] == [e.id for e in second.edges]


def test_builder_snapshot_changes_with_content_and_settings(settings: Settings) -> None:
    articles, resolution = page()
    base = build_graph(articles, resolution, settings).snapshot_id
    edited = [dataclasses.replace(articles[0], title="Anders"), *articles[1:]]
    assert build_graph(edited, resolution, settings).snapshot_id != base
    stricter = settings.with_overrides(evidence_cap=1)
    assert build_graph(articles, resolution, stricter).snapshot_id != base
    assert build_graph(articles, resolution, settings, extractor_version="x@2").snapshot_id != base


def test_builder_caps_evidence_most_recent_first(settings: Settings) -> None:
    articles, docs, entities = [], [], {}
    for i, day in enumerate(["2020-01-01", "2023-05-05", "2021-03-03"]):
        pa, res = page(source=f"p{i}.txt", published=day)
        articles += [dataclasses.replace(a, title=f"{a.title} {i}", content_hash="") for a in pa]
        docs += res.extractions
        entities = res.entities
    data = build_graph(articles, Resolution(entities, docs), settings.with_overrides(evidence_cap=2))
    edge = next(
        e
        for e in data.edges_by_type("CO_MENTIONED")
        if {e.source, e.target} == {eid("Oliver Grün"), eid("Tengen")}
    )
    assert [ev["published"] for ev in edge.props["evidence"]] == ["2023-05-05", "2021-03-03"]
    assert (edge.props["articles"], edge.props["first_seen"], edge.props["last_seen"]) == (
        3,
        "2020-01-01",
        "2023-05-05",
    )


def test_builder_counts_duplicate_documents_once_as_articles(settings: Settings) -> None:
    articles, resolution = page()
    main = articles[0]
    twin = dataclasses.replace(main, id=Article.make_id("copy.txt", "article", 0), source_id="k21-copy")
    twin_doc = dataclasses.replace(resolution.extractions[0], article_id=twin.id)
    data = build_graph(
        [*articles, twin], Resolution(resolution.entities, [*resolution.extractions, twin_doc]), settings
    )
    edge = next(
        e
        for e in data.edges_by_type("CO_MENTIONED")
        if {e.source, e.target} == {eid("Oliver Grün"), eid("Tengen")}
    )
    assert (edge.props["document_count"], edge.props["articles"]) == (2, 1)


def test_cooccur_npmi_discounts_hubs() -> None:
    exclusive, _ = npmi_lift(10, 10, 10, 1000)
    hub, _ = npmi_lift(10, 10, 1000 - 1, 1000)
    assert exclusive == 1.0 and abs(hub) < 0.01


def test_builder_backbone_filters_report_and_apply(settings: Settings) -> None:
    corpus = generate(600, seed=3)
    full = build_graph(corpus.articles, corpus.resolution, settings)
    report = full.meta["backbone"]
    total = len(full.edges_by_type("CO_MENTIONED"))
    assert report["total"] == total == report["min_articles"]["1"]
    assert report["min_articles"]["2"] < total and report["backbone_alpha"]["0.05"] < total
    strict = build_graph(corpus.articles, corpus.resolution, settings.with_overrides(backbone_alpha=0.05))
    assert len(strict.edges_by_type("CO_MENTIONED")) == report["backbone_alpha"]["0.05"]
    sparse = build_graph(corpus.articles, corpus.resolution, settings.with_overrides(min_articles=2))
    kept = sparse.edges_by_type("CO_MENTIONED")
    assert len(kept) == report["min_articles"]["2"] and all(e.props["articles"] >= 2 for e in kept)
    assert strict.snapshot_id != full.snapshot_id


def test_builder_ignores_entities_the_resolution_dropped(settings: Settings) -> None:
    articles, resolution = page()
    dropped = eid("Tengen")
    kept = {k: v for k, v in resolution.entities.items() if k != dropped}
    data = build_graph(articles, Resolution(kept, resolution.extractions), settings)
    assert all(dropped not in (e.source, e.target) for e in data.edges)
    assert all(n.id != dropped for n in data.nodes)


def test_incremental_update_equals_full_build(settings: Settings) -> None:
    from graph.build.incremental import update_graph

    corpus = generate(400, seed=11)
    docs = {d.article_id: d for d in corpus.resolution.extractions}
    old, new = corpus.articles[:300], corpus.articles[300:]

    def part(arts: list[Article]) -> Resolution:
        return Resolution(corpus.resolution.entities, [docs[a.id] for a in arts])

    full = build_graph(corpus.articles, corpus.resolution, settings)
    updated = update_graph(build_graph(old, part(old), settings), new, part(new), settings)
    assert updated is not None
    assert updated.snapshot_id == full.snapshot_id
    assert updated.nodes == full.nodes
    assert updated.edges == full.edges
    assert updated.meta == full.meta


def test_incremental_update_refuses_what_needs_a_rebuild(settings: Settings) -> None:
    from graph.build.incremental import update_graph

    articles, resolution = page()
    previous = build_graph(articles, resolution, settings)
    assert (
        update_graph(
            previous, articles[:1], Resolution(resolution.entities, resolution.extractions[:1]), settings
        )
        is None
    )  # already in the graph
    thinned = build_graph(articles, resolution, settings.with_overrides(min_articles=2))
    more, res2 = page(source="other.txt")
    assert update_graph(thinned, more, res2, settings.with_overrides(min_articles=2)) is None
    renamed = {k: dataclasses.replace(v, name=v.name + " AG") for k, v in res2.entities.items()}
    assert update_graph(previous, more, Resolution(renamed, res2.extractions), settings) is None
