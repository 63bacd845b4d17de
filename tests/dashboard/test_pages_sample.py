"""AppTest smoke tests of every page on the sample corpus built by the real pipeline."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from dashboard import data
from graph.settings import Settings, load_settings
from graph.store import open_store
from graph.store.base import SubgraphFilter
from tests.dashboard.conftest import open_page
from tests.dashboard.test_pages import PAGES

pytestmark = pytest.mark.slow


@pytest.mark.parametrize("page", PAGES)
def test_pages_sample_page_renders(page: str, sample_settings: Settings) -> None:
    at = open_page(page)
    assert not at.exception, at.exception
    assert not at.error, [e.value for e in at.error]
    assert at.title


def test_pages_sample_network_and_vendors_have_content(sample_settings: Settings) -> None:
    at = open_page("network")
    caption = next(c.value for c in at.caption if "actors," in c.value)
    assert int(caption.split()[0]) > 20
    at = open_page("vendors")
    assert any("vendors" in c.value for c in at.caption), "the sample has vendor–municipality ties"


def test_pages_sample_saved_query_runs(sample_settings: Settings) -> None:
    at = open_page("cypher")
    at.selectbox(key="cy_saved").set_value("top_vendors_by_reach").run()
    at.button[0].click().run()
    assert not at.exception and not at.error
    assert at.dataframe and len(at.dataframe[0].value) > 0


def test_pages_sample_review_merge_rebuilds_and_undo_restores(sample_home: Path, tmp_path: Path,
                                                               monkeypatch: pytest.MonkeyPatch) -> None:
    home = tmp_path / "home"
    shutil.copytree(sample_home, home)
    monkeypatch.setenv("SKG_HOME", str(home))
    settings = load_settings(env={"SKG_HOME": str(home)}, use_file=False)
    with open_store(settings) as store:
        before = store.stats()["nodes"]["Entity"]
        vendors = sorted(n.id for n in store.subgraph(SubgraphFilter(kinds=("vendor",))).nodes
                         if n.props.get("kind") == "vendor")
    a, b = vendors[:2]
    at = open_page("review")
    at.radio(key="rv_action").set_value("merge").run()
    at.selectbox(key="rv_subject").set_value(a).run()
    at.selectbox(key="rv_other").set_value(b).run()
    at.button(key="rv_go").click().run()
    assert not at.exception, at.exception
    assert any("Recorded merge" in s.value for s in at.success)
    assert data.store().stats()["nodes"]["Entity"] == before - 1
    at.button(key="rv_undo").click().run()
    assert not at.exception, at.exception
    assert data.store().stats()["nodes"]["Entity"] == before


def test_pages_sample_review_shows_the_resolvers_candidates(sample_home: Path, tmp_path: Path,
                                                              monkeypatch: pytest.MonkeyPatch) -> None:
    import json

    from graph.store.corpus import CorpusStore

    home = tmp_path / "home"
    shutil.copytree(sample_home, home)
    monkeypatch.setenv("SKG_HOME", str(home))
    settings = load_settings(env={"SKG_HOME": str(home)}, use_file=False)
    at = open_page("review")
    assert any("proposed no merges" in c.value for c in at.caption), "the sample resolves without candidates"
    rows = [{"left": "o1", "right": "o2", "score": 0.5, "reasons": ["alias overlap"], "left_name": "Komm.ONE",
             "right_name": "Komm ONE", "type": "ORGANIZATION"},
            {"left": "o3", "right": "o4", "score": 0.93, "reasons": ["name similarity 93", "same AGS"],
             "left_name": "Stadt Ulm", "right_name": "Ulm", "type": "MUNICIPALITY"}]
    with CorpusStore.open(settings) as corpus:
        corpus.set_meta("review_candidates", json.dumps(rows))
    data.reset()
    at = open_page("review")
    assert not at.exception, at.exception
    table = at.dataframe[0].value
    assert list(table.columns) == ["score", "a", "b", "type", "reasons"]
    assert table.to_dict("records") == [
        {"score": 0.93, "a": "Stadt Ulm", "b": "Ulm", "type": "MUNICIPALITY",
         "reasons": "name similarity 93; same AGS"},
        {"score": 0.5, "a": "Komm.ONE", "b": "Komm ONE", "type": "ORGANIZATION", "reasons": "alias overlap"}]


def test_pages_sample_land_filter_has_data(sample_settings: Settings) -> None:
    at = open_page("vendors")
    lands = at.selectbox(key="f_land").options
    assert "Baden-Württemberg" in lands and len(lands) >= 5, "geonames gives municipalities their Land"
    concentration = at.dataframe[-1].value
    assert "Baden-Württemberg" in set(concentration["land"])
    at.selectbox(key="f_land").set_value("Baden-Württemberg").run()
    assert not at.exception and not at.error
    caption = next(c.value for c in at.caption if "municipalities" in c.value)
    assert int(caption.split(" vendors")[0]) > 0
