"""The per-snapshot dashboard summary, on real embedded stores (and Neo4j when one runs)."""

from __future__ import annotations

import json
from pathlib import Path

import pandas as pd
import pytest

from bench.bench_dashboard import synthetic_graph
from dashboard import compute, summary
from graph.settings import Settings
from graph.store import open_store
from graph.store.base import SubgraphFilter
from tests.dashboard.conftest import write_graph
from tests.dashboard.fixtures import sample_graph


def _full_entities(settings: Settings) -> pd.DataFrame:
    with open_store(settings, "embedded") as store:
        return compute.entities_frame(store.subgraph(SubgraphFilter()))


def _summary(settings: Settings) -> summary.Summary:
    with open_store(settings, "embedded") as store:
        return summary.load_or_compute(store, str(store.snapshot_id()), settings.home_path)


def test_summary_counts_lands_and_dates_of_the_fixture(fixture_home: Settings) -> None:
    got = _summary(fixture_home)
    assert got.snapshot_id == "s_fixture"
    assert got.stats["nodes"]["Entity"] == 13 and got.stats["nodes"]["Article"] == 4
    assert got.lands == ["Baden-Württemberg", "Bayern"]
    assert got.kinds == ["association", "other", "public_it_provider", "vendor"]
    assert got.date_range == ("2022-01-10", "2024-05-01")
    assert [r["period"] for r in got.timeline] == ["2022-03", "2023-06", "2024-02", "2024-05"]


@pytest.mark.parametrize(("types", "kinds"), [
    ((), ()), (("ORGANIZATION",), ()), ((), ("vendor",)), (("PERSON", "ORGANIZATION"), ("association",)),
    (("MUNICIPALITY",), ("vendor",)),
])
def test_summary_top_actors_equal_ranking_the_whole_table(settings: Settings, types: tuple[str, ...],
                                                          kinds: tuple[str, ...]) -> None:
    """Type/kind filters keep or drop whole groups, so the stored top 10 answer them exactly."""
    write_graph(settings, synthetic_graph(400))  # about 20 actors per group: the cut matters
    top = _summary(settings).top_frame()
    for n in (3, summary.TOP_N):
        expected = compute.rank_actors(_full_entities(settings), n, types, kinds).reset_index(drop=True)
        got = compute.rank_actors(top, n, types, kinds).reset_index(drop=True)
        pd.testing.assert_frame_equal(got, expected, check_dtype=False)


def test_summary_is_read_back_from_disk(fixture_home: Settings) -> None:
    first = _summary(fixture_home)
    path = summary.cache_path(fixture_home.home_path, "s_fixture")
    raw = json.loads(path.read_text(encoding="utf-8"))
    raw["lands"] = ["Marker-Land"]  # proves the second call reads the file instead of the store
    path.write_text(json.dumps(raw), encoding="utf-8")
    second = _summary(fixture_home)
    assert second.lands == ["Marker-Land"]
    assert second.top == first.top and second.stats == first.stats


def test_summary_of_another_version_is_recomputed(fixture_home: Settings) -> None:
    _summary(fixture_home)
    path = summary.cache_path(fixture_home.home_path, "s_fixture")
    raw = json.loads(path.read_text(encoding="utf-8"))
    path.write_text(json.dumps(raw | {"version": summary.VERSION - 1, "lands": ["Old"]}), encoding="utf-8")
    assert _summary(fixture_home).lands == ["Baden-Württemberg", "Bayern"]
    assert json.loads(path.read_text(encoding="utf-8"))["version"] == summary.VERSION


def test_summary_works_when_the_cache_cannot_be_written(fixture_home: Settings) -> None:
    (fixture_home.home_path / "cache").write_text("a file where the cache folder should be")
    assert _summary(fixture_home).lands == ["Baden-Württemberg", "Bayern"]


def test_summary_cache_path_is_inside_home_for_any_snapshot_id(tmp_path: Path) -> None:
    path = summary.cache_path(tmp_path, "../../etc/passwd")
    assert path.parent == tmp_path / "cache" / "dashboard"
    assert path.name == ".._.._etc_passwd.json"


@pytest.mark.neo4j
def test_summary_is_the_same_on_neo4j(fixture_home: Settings) -> None:
    from graph.store.neo4j_server.testing import neo4j_settings_or_skip

    neo = open_store(neo4j_settings_or_skip(), "neo4j")
    try:
        neo.write(sample_graph())
        on_neo4j = summary.compute_summary(neo, "s_fixture")
    finally:
        neo.close()
    embedded = _summary(fixture_home)
    assert on_neo4j.lands == embedded.lands and on_neo4j.top == embedded.top
    assert on_neo4j.timeline == embedded.timeline and on_neo4j.date_range == embedded.date_range
    assert on_neo4j.stats["nodes"] == embedded.stats["nodes"]


def test_summary_prune_keeps_the_newest_files(tmp_path: Path) -> None:
    import os

    for i in range(5):
        path = tmp_path / f"s_{i}.json"
        path.write_text("{}")
        os.utime(path, ns=(i * 10**9, i * 10**9))
    summary.prune(tmp_path, 2)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["s_3.json", "s_4.json"]


@pytest.mark.neo4j
def test_summary_overview_and_sidebar_on_neo4j(settings: Settings, monkeypatch: pytest.MonkeyPatch) -> None:
    """The first page on Neo4j: counts, Länder and top actors from the summary, cache in the test home."""
    from graph.store.neo4j_server.client import local_credentials
    from graph.store.neo4j_server.testing import neo4j_settings_or_skip
    from tests.dashboard.conftest import open_page

    neo_settings = neo4j_settings_or_skip()
    with open_store(neo_settings, "neo4j") as neo:
        neo.write(sample_graph())
    uri, user, password = local_credentials(neo_settings)
    for name, value in {"SKG_BACKEND": "neo4j", "SKG_NEO4J_URI": uri, "SKG_NEO4J_USER": user,
                        "SKG_NEO4J_PASSWORD": password,
                        "SKG_NEO4J_DATABASE": str(neo_settings.neo4j_database)}.items():
        monkeypatch.setenv(name, value)
    at = open_page("overview")
    assert not at.exception and not at.error, at.exception or [e.value for e in at.error]
    assert {m.label: m.value for m in at.metric}["Actors"] == "13"
    assert at.sidebar.selectbox(key="f_land").options == ["Baden-Württemberg", "Bayern"]
    assert "Backend **neo4j**" in at.sidebar.caption[0].value
    assert summary.cache_path(settings.home_path, "s_fixture").is_file()
