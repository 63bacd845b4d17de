"""AppTest smoke tests: every page renders on a small known graph without exceptions."""

from __future__ import annotations

import datetime as dt

import pytest

from graph.settings import Settings
from tests.dashboard.conftest import open_page

PAGES = ("overview", "network", "profile", "vendors", "paths", "compare", "whats_new", "cypher", "review",
         "export", "quality")


def _texts(at: object) -> str:
    parts = []
    for kind in ("title", "header", "subheader", "markdown", "caption", "info", "error", "warning"):
        parts += [str(getattr(e, "value", "")) for e in getattr(at, kind)]
    return "\n".join(parts)


@pytest.mark.parametrize("page", PAGES)
def test_pages_render_without_exception(page: str, fixture_home: Settings) -> None:
    at = open_page(page)
    assert not at.exception, at.exception
    assert not at.error, [e.value for e in at.error]
    assert at.title, "every page has a title"


def test_pages_overview_shows_counts(fixture_home: Settings) -> None:
    at = open_page("overview")
    metrics = {m.label: m.value for m in at.metric}
    assert metrics["Actors"] == "13"
    assert metrics["Articles"] == "4"


def test_pages_profile_shows_partners_and_evidence(fixture_home: Settings) -> None:
    at = open_page("profile", entity="e_komm1")
    text = _texts(at)
    assert "Komm.ONE" in text
    assert "Erika Mustermann leads Komm.ONE" in text
    assert any("CEO" in str(df.value.to_dict()) for df in at.dataframe)


def test_pages_empty_store_shows_next_step(settings: Settings) -> None:
    at = open_page("overview")
    assert not at.exception
    assert at.error and "skg demo" in at.error[0].value


def test_pages_network_filter_by_type_changes_counts(fixture_home: Settings) -> None:
    at = open_page("network")
    before = next(c.value for c in at.caption if "actors" in c.value)
    at.sidebar.multiselect(key="f_types").set_value(["MUNICIPALITY", "ORGANIZATION"]).run()
    after = next(c.value for c in at.caption if "actors" in c.value)
    assert before.startswith("13 actors") and after.startswith("10 actors")


def test_pages_refused_query_is_friendly(fixture_home: Settings) -> None:
    at = open_page("cypher")
    at.text_area[0].set_value("MATCH (e) DELETE e")
    at.button[0].click().run()
    assert not at.exception
    assert at.error and "only read queries" in at.error[0].value
    assert any("E402" in c.value for c in at.caption)


def test_pages_neo4j_down_is_friendly(settings: Settings, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SKG_BACKEND", "neo4j")
    monkeypatch.setenv("SKG_NEO4J_URI", "bolt://127.0.0.1:9")
    monkeypatch.setenv("SKG_NEO4J_PASSWORD", "wrong")
    at = open_page("overview")
    assert not at.exception, at.exception
    assert at.error, "a clear error instead of a traceback"
    assert any("neo4j start" in i.value for i in at.info), [i.value for i in at.info]


def test_pages_overview_draws_from_the_summary_without_altair(fixture_home: Settings) -> None:
    """The first page: a time line chart and top-actor tables, and none of the heavy modules."""
    import os
    import subprocess
    import sys

    code = ("import sys; from tests.dashboard.conftest import open_page; at = open_page('overview'); "
            "assert not at.exception, at.exception; "
            "print(sum('skg-bars' in h.proto.body for h in at.get('html')), "
            "sum(h.proto.body.count('class=\"skg-table\"') for h in at.get('html')) + len(at.table), "
            "sorted(m for m in ('altair', 'igraph', 'pyvis', 'plotly.express') if m in sys.modules))")
    env = dict(os.environ, SKG_HOME=str(fixture_home.home_path))
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=env, check=False)
    assert out.returncode == 0, out.stderr[-2000:]
    charts, tables, heavy = out.stdout.strip().splitlines()[-1].split(" ", 2)
    assert int(charts) == 1 and int(tables) >= 4, out.stdout
    assert heavy == "[]"


def test_pages_profile_office_timeline_and_statements(fixture_home: Settings) -> None:
    person = open_page("profile", entity="e_person")
    assert not person.exception, person.exception
    assert "Offices over time" in _texts(person)
    table = person.dataframe[-1].value.to_dict(orient="records")
    assert [(r["label"], r["from"], r["to"], r["status"], r["successor"]) for r in table] == [
        ("CEO · Komm.ONE", "2021", "2024-02-20", "ended", "Max Muster")]
    assert "Seit 2021 CEO." in table[0]["start set by"]
    org = open_page("profile", entity="e_komm1")
    # the office table, not the "who reports" table that follows it
    holders = next(d.value for d in org.dataframe if "start set by" in d.value.columns).to_dict(orient="records")
    assert [(r["label"], r["to"]) for r in holders] == [("Erika Mustermann · CEO", "2024-02-20"),
                                                         ("Max Muster · CEO", "now")]
    speaker = open_page("profile", entity="e_person2")
    assert "Said** (1)" in _texts(speaker) and "Said about it** (0)" in _texts(speaker)
    assert any("Vendor AG" in e.label and "negative" in e.label for e in speaker.expander)
    spoken_of = open_page("profile", entity="e_vendor1")
    assert "Max Muster kritisierte Vendor AG" in _texts(spoken_of)
    assert "Said about it** (1)" in _texts(spoken_of)


def test_pages_paths_at_a_date_use_only_offices_held_then(fixture_home: Settings) -> None:
    # Max Muster is CEO of Komm.ONE from 2024-02-20 on: the one-hop path exists only from then.
    at = open_page("paths", **{"from": "e_person2", "to": "e_komm1"})
    assert "**Path 1** (1 hops)" in _texts(at)
    at.date_input(key="path_as_of").set_value(dt.date(2023, 1, 1)).run()
    assert not at.exception
    assert "(1 hops)" not in _texts(at) and "**Path 1** (3 hops)" in _texts(at)  # around, via Vendor AG
    assert not any("CEO" in e.label for e in at.expander)
    at.date_input(key="path_as_of").set_value(dt.date(2024, 6, 1)).run()
    assert "**Path 1** (1 hops)" in _texts(at)
    assert any("CEO" in e.label and "2024-02-20" in e.label for e in at.expander)
