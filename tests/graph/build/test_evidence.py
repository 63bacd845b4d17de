"""Evidence levels, independent sources, reprints and self-published documents in the build."""

from __future__ import annotations

import dataclasses
import random
from itertools import combinations
from pathlib import Path

import pytest

from graph.build.builder import build_graph
from graph.build.reprints import reprint_groups
from graph.build.sources import publishing_actors, source_units
from graph.errors import ConfigError
from graph.model import Article, DocumentExtraction, Entity, EntityType, GraphData, OrgKind
from graph.settings import Settings
from tests.graph.build.seedlike import MAIN_NAMES, eid, page

FIXTURE = Path(__file__).resolve().parents[2] / "fixtures" / "evidence" / "corpus.jsonl"


def _edge(data: GraphData, etype: str, a: str, b: str) -> dict[str, object]:
    found = [e for e in data.edges if e.type == etype and {e.source, e.target} == {eid(a), eid(b)}]
    assert len(found) == 1, (etype, a, b)
    return found[0].props


def test_evidence_seed_page_clique_is_article_or_sentence_and_roles_are_stated(settings: Settings) -> None:
    articles, resolution = page()
    data = build_graph(articles, resolution, settings)
    for a, b in combinations(MAIN_NAMES, 2):
        assert _edge(data, "CO_MENTIONED", a, b)["evidence_level"] in ("article", "sentence"), (a, b)
    assert _edge(data, "CO_MENTIONED", "Marian Schreier", "Tengen")["evidence_level"] == "sentence"
    assert _edge(data, "CO_MENTIONED", "Oliver Grün", "Tengen")["evidence_level"] == "article"
    for person, org in (("Marian Schreier", "Tengen"), ("Oliver Grün", "Bundesverband IT-Mittelstand")):
        props = _edge(data, "HOLDS_ROLE", person, org)
        assert (props["evidence_level"], props["independent_sources"]) == ("stated", 1)
    assert {e.props["evidence_level"] for e in data.edges_by_type("LOCATED_IN")} == {"stated"}
    assert all("evidence_level" not in e.props for e in data.edges_by_type("MENTIONS"))


def _two_pages(publisher_a: str | None, publisher_b: str | None) -> tuple[list[Article], object]:
    """The seed page published twice, under different ids (a reprint) by two publishers."""
    first, res1 = page(source="a.txt")
    second, res2 = page(source="b.txt", published="2021-06-24")
    first = [dataclasses.replace(a, publisher=publisher_a) for a in first]
    second = [dataclasses.replace(a, publisher=publisher_b) for a in second]
    resolution = dataclasses.replace(res1, extractions=res1.extractions + res2.extractions)  # type: ignore[type-var]
    return first + second, resolution


def test_evidence_a_reprint_by_another_publisher_is_one_source(settings: Settings) -> None:
    articles, resolution = _two_pages("presseportal.de", "verwaltungsblick.example")
    data = build_graph(articles, resolution, settings)  # type: ignore[arg-type]
    props = _edge(data, "HOLDS_ROLE", "Marian Schreier", "Tengen")
    assert (props["count"], props["evidence_level"], props["independent_sources"]) == (2, "stated", 1)
    assert data.meta["reprinted_texts"] == 2  # the main article and the two-sentence kdvz teaser


def _doc(article_id: str, text: str) -> tuple[Article, DocumentExtraction]:
    spans, start = [], 0
    for sentence in text.split(". "):
        spans.append((start, start + len(sentence) + 1))
        start += len(sentence) + 2
    return Article(article_id, "x", text=text), DocumentExtraction(article_id, sentences=tuple(spans))


LONG = [f"Der Landkreis Beispielstadt erweitert sein Bürgerportal um weitere {n} Online-Dienste"
        for n in ("zwölf", "dreizehn", "vierzehn", "fünfzehn")]


def test_reprints_need_two_shared_sentences_making_half_of_the_shorter_text() -> None:
    pairs = [_doc("a", ". ".join(LONG)), _doc("b", ". ".join(LONG[:2])),  # shortened copy
             _doc("c", ". ".join([LONG[0], "Ein ganz anderer Satz über die Stadtwerke und ihre Netze"])),
             _doc("d", "Kurz. Knapp.")]
    articles = [a for a, _ in pairs]
    docs = {d.article_id: d for _, d in pairs}
    assert reprint_groups(articles, docs) == {"a": "a", "b": "a"}
    shuffled = articles[:]
    random.Random(3).shuffle(shuffled)
    assert reprint_groups(shuffled, docs) == {"a": "a", "b": "a"}


def test_sources_units_merge_publishers_of_one_reprinted_text_only() -> None:
    arts = [Article("a", "x", publisher="p1.de"), Article("b", "x", publisher="p2.de"),
            Article("c", "x", publisher="p1.de"), Article("d", "x"), Article("e", "x", publisher="p3.de"),
            Article("f", "x", publisher="p3.de")]
    units = source_units(arts, {"a": "a", "b": "a", "e": "e", "f": "e"})
    assert units["a"] == units["b"] != units["c"]  # p1's own article is another source
    assert units["d"] == 0  # unknown publisher
    assert units["e"] == units["f"] != units["a"]  # one publisher's copies stay that publisher


def test_sources_publisher_that_spells_a_non_media_organisation_is_self_published() -> None:
    ents = [Entity("e1", "Nordwerk", EntityType.ORGANIZATION, OrgKind.VENDOR, ("Nordwerk GmbH",)),
            Entity("e2", "Kommune21", EntityType.ORGANIZATION, OrgKind.MEDIA),
            Entity("e3", "Ulm", EntityType.MUNICIPALITY),
            Entity("e4", "Deutscher Städtetag", EntityType.ORGANIZATION, OrgKind.ASSOCIATION)]
    arts = [Article("a", "x", publisher="nordwerk.de"), Article("b", "x", publisher="kommune21.de"),
            Article("c", "x", publisher="ulm.de"), Article("d", "x", publisher="Nordwerk GmbH"),
            Article("e", "x", publisher="staedtetag.de"), Article("f", "x")]
    assert publishing_actors(arts, ents) == {"a": "e1", "d": "e1", "e": "e4"}


def test_evidence_build_setting_keeps_ties_from_a_level_up(settings: Settings) -> None:
    articles, resolution = page()
    full = build_graph(articles, resolution, settings)
    stated = build_graph(articles, resolution, settings.with_overrides(min_evidence_level="stated"))
    levels = {e.props["evidence_level"] for e in stated.edges if "evidence_level" in e.props}
    assert levels == {"stated"}
    report = full.meta["backbone"]["min_evidence_level"]
    assert report["article"] == full.meta["comentions_total"] and report["stated"] == 0
    assert full.meta["evidence_levels"]["stated"] == len(full.edges_by_type("HOLDS_ROLE")) + len(
        full.edges_by_type("AFFILIATED_WITH")) + len(full.edges_by_type("LOCATED_IN"))
    assert stated.snapshot_id != full.snapshot_id
    with pytest.raises(ConfigError):
        build_graph(articles, resolution, settings.with_overrides(min_evidence_level="rumour"))


@pytest.fixture(scope="module")
def fixture_graph(tmp_path_factory: pytest.TempPathFactory) -> tuple[GraphData, GraphData]:
    """The invented evidence corpus through the real pipeline, twice (for determinism)."""
    from graph.pipeline import ingest_and_build
    from graph.settings import load_settings
    from graph.store import open_store

    graphs = []
    for run in range(2):
        home = tmp_path_factory.mktemp(f"evidence-{run}")
        settings = load_settings(env={"SKG_HOME": str(home)}, use_file=False)
        ingest_and_build([str(FIXTURE)], settings)
        with open_store(settings) as store:
            graphs.append(store.load())
    return graphs[0], graphs[1]


def _named(data: GraphData, etype: str, a: str, b: str) -> dict[str, object]:
    names = {n.id: n.props.get("name") for n in data.nodes}
    found = [e.props for e in data.edges if e.type == etype and {names[e.source], names[e.target]} == {a, b}]
    assert len(found) == 1, (etype, a, b, found)
    return found[0]


def test_fixture_press_release_reprinted_three_times_counts_once(fixture_graph: tuple[GraphData, GraphData]) -> None:
    data = fixture_graph[0]
    role = _named(data, "HOLDS_ROLE", "Jana Wiedemann", "Nordwerk")
    assert (role["count"], role["evidence_level"], role["independent_sources"]) == (4, "stated", 1)
    co = _named(data, "CO_MENTIONED", "Landkreis Göppingen", "Nordwerk")
    assert (co["articles"], co["evidence_level"], co["independent_sources"]) == (4, "sentence", 1)


def test_fixture_independent_reports_corroborate(fixture_graph: tuple[GraphData, GraphData]) -> None:
    role = _named(fixture_graph[0], "HOLDS_ROLE", "Henrik Vogelsang", "Reutlingen")
    assert (role["evidence_level"], role["independent_sources"], role["role"]) == ("corroborated", 2, "CIO")


def test_fixture_source_kinds_on_article_nodes(fixture_graph: tuple[GraphData, GraphData]) -> None:
    kinds = {n.props["source_id"]: (n.props["publisher"], n.props["source_kind"])
             for n in fixture_graph[0].nodes if n.label == "Article"}
    assert kinds["pr-nordwerk-goeppingen"] == ("presseportal.de", "press_release")
    assert kinds["vb-2024-0311"] == ("verwaltungsblick.example", "editorial")
    assert kinds["nw-news-2024-06"] == ("nordwerk.de", "self_published")
    assert kinds["ris-reutlingen-2024-117"] == ("reutlingen.example", "official_record")


def test_fixture_build_is_deterministic(fixture_graph: tuple[GraphData, GraphData]) -> None:
    first, second = fixture_graph
    assert first.snapshot_id == second.snapshot_id
    assert first.edges == second.edges and first.nodes == second.nodes


def test_evidence_on_the_shared_seed_page(seed_paths: tuple[Path, Path], tmp_path: Path) -> None:
    """The acceptance page: the main article's clique is article/sentence, its role edges stated."""
    from graph.pipeline import ingest_and_build
    from graph.settings import load_settings
    from graph.store import open_store

    settings = load_settings(env={"SKG_HOME": str(tmp_path / "home")}, use_file=False)
    ingest_and_build([str(seed_paths[0])], settings)
    with open_store(settings) as store:
        data = store.load()
    main = next(n.id for n in data.nodes if n.label == "Article" and n.props["role"] == "article")
    assert next(n for n in data.nodes if n.id == main).props["publisher"] == "kommune21.de"
    in_main = {e.target for e in data.edges if e.type == "MENTIONS" and e.source == main}
    clique = [e for e in data.edges_by_type("CO_MENTIONED") if e.source in in_main and e.target in in_main]
    assert len(clique) >= 45 and {e.props["evidence_level"] for e in clique} <= {"article", "sentence"}
    for person, org in (("Marian Schreier", "Tengen"), ("Oliver Grün", "Bundesverband IT-Mittelstand")):
        props = _named(data, "HOLDS_ROLE", person, org)
        assert (props["evidence_level"], props["independent_sources"]) == ("stated", 1)
