"""Evidence levels in the network view and the "who reports about this actor" block of the profile."""

from __future__ import annotations

from dashboard import compute, netdata, netview
from graph.settings import Settings
from tests.dashboard.conftest import open_page
from tests.dashboard.fixtures import sample_graph


def test_evidence_publishers_of_an_actor_with_kinds() -> None:
    table = compute.reporting_publishers(sample_graph(), "e_komm1")
    rows = {r["publisher"]: r for r in table.to_dict("records")}
    assert list(table["publisher"]) == ["kommune21.de", "komm.one", "presseportal.de"]
    assert rows["kommune21.de"]["articles"] == 2 and rows["kommune21.de"]["editorial"] == 2
    assert rows["komm.one"]["self_published"] == 1 and rows["presseportal.de"]["press_release"] == 1
    assert compute.reporting_publishers(sample_graph(), "e_orphan").empty


def test_evidence_edges_are_drawn_by_level_with_a_legend() -> None:
    _, edges = netdata.network_lists(sample_graph())
    by_pair = {frozenset((e["from"], e["to"])): e for e in edges}
    strong = by_pair[frozenset(("e_vendor1", "e_ulm"))]  # corroborated, two articles
    weak = by_pair[frozenset(("e_vendor3", "e_ulm"))]  # sentence, one article
    assert strong["color"] == netdata.LEVEL_STYLES["corroborated"]["color"] and "dashes" not in strong
    assert strong["width"] > weak["width"]
    assert "evidence: corroborated · independent sources: 2" in strong["title"]
    role = by_pair[frozenset(("e_person", "e_komm1"))]
    assert "evidence:" in role["title"]
    page = netview.network_html([], [], legend=netview.level_legend(netdata.LEVEL_STYLES))
    assert all(level in page for level in netdata.LEVEL_STYLES) and "id='legend'" in page


def test_evidence_network_level_filter_keeps_stated_ties_and_up(fixture_home: Settings) -> None:
    at = open_page("network")
    at.sidebar.selectbox(key="f_level").set_value("stated").run()
    caption = next(c.value for c in at.caption if "actors" in c.value)
    # 8 actors of co-mentions and relations, and Max Muster by his office and his statement (both stated)
    assert caption.startswith("9 actors"), caption
    assert any("evidence ≥ stated" in c.value for c in at.sidebar.caption)


def test_evidence_profile_shows_who_reports(fixture_home: Settings) -> None:
    at = open_page("profile", entity="e_komm1")
    assert not at.exception, at.exception
    assert "Who reports about this actor" in [h.value for h in at.subheader]
    text = "\n".join(m.value for m in at.markdown)
    assert "**4** articles from **3** publishers · self-published: **1** (25%)" in text
    assert any("presseportal.de" in str(df.value.to_dict()) for df in at.dataframe)
