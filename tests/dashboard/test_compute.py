"""Pure table builders behind the pages, on the hand-built graph."""

from __future__ import annotations

from dashboard import compute, netdata
from graph.model import GraphData
from tests.dashboard.fixtures import sample_graph


def test_compute_hhi_of_monopoly_and_duopoly() -> None:
    assert compute.hhi([7]) == 10000.0
    assert compute.hhi([1, 1]) == 5000.0
    assert compute.hhi([]) == 0.0


def test_compute_vendor_pairs_reach_and_concentration() -> None:
    pairs = compute.vendor_municipality_pairs(sample_graph())
    assert set(zip(pairs["vendor_id"], pairs["municipality_id"], strict=True)) == {
        ("e_vendor1", "e_stuttgart"), ("e_vendor1", "e_ulm"), ("e_vendor2", "e_muenchen"),
        ("e_vendor3", "e_ulm")}
    reach = compute.vendor_reach(pairs).set_index("vendor")
    assert reach.loc["Vendor AG", "municipalities"] == 2
    conc = compute.concentration_per_land(pairs).set_index("land")
    assert conc.loc["Bayern", "hhi"] == 10000.0
    # Baden-Württemberg: Vendor AG 5 articles, Software G.m.b.H. 1 → (5/6)^2+(1/6)^2 of 10,000.
    assert conc.loc["Baden-Württemberg", "hhi"] == round((5 / 6 * 100) ** 2 + (1 / 6 * 100) ** 2, 1)
    assert conc.loc["Baden-Württemberg", "leader"] == "Vendor AG"


def test_compute_period_diff_classifies_changes() -> None:
    g = sample_graph()
    early = GraphData(nodes=g.nodes, edges=[e for e in g.edges if (e.props.get("first_seen") or "") < "2023"])
    late = GraphData(nodes=g.nodes, edges=[e for e in g.edges if (e.props.get("first_seen") or "") >= "2023"
                                           and e.type == "CO_MENTIONED"])
    diff = compute.period_diff(early, late).set_index(["a_id", "b_id"])["change"]
    assert diff[("e_stuttgart", "e_vendor1")] == "vanished"
    assert diff[("e_ulm", "e_vendor1")] == "new"


def test_compute_layout_is_stable_across_runs() -> None:
    first, _ = netdata.network_lists(sample_graph(), seed=42)
    second, _ = netdata.network_lists(sample_graph(), seed=42)
    assert [(n["id"], n["x"], n["y"]) for n in first] == [(n["id"], n["x"], n["y"]) for n in second]


def test_compute_node_cap_keeps_top_by_metric_and_focus() -> None:
    nodes, _edges = netdata.network_lists(sample_graph(), metric="articles", cap=3, focus="e_orphan")
    ids = {n["id"] for n in nodes}
    assert ids == {"e_orphan"}, "the ego network of an isolated actor is the actor itself"
    nodes, _ = netdata.network_lists(sample_graph(), metric="articles", cap=2)
    assert "e_vendor1" in {n["id"] for n in nodes}, "Vendor AG has the most articles"


def test_compute_edge_tooltip_has_counts_and_quotes() -> None:
    _, edges = netdata.network_lists(sample_graph())
    tip = next(e["title"] for e in edges if {e["from"], e["to"]} == {"e_bitmi", "e_dataport"})
    assert "articles: 2" in tip and "“BITMi met Dataport.” (2024-02-20)" in tip


def test_compute_node_metrics_come_from_graph_analyze() -> None:
    from graph.analyze.nodes import node_metrics

    data = sample_graph()
    ours = compute.node_metrics(data, seed=42).set_index("id")
    theirs = node_metrics(compute.analysis_graph(data), seed=42).table.set_index("id")
    assert list(ours.columns) == ["degree", "strength", "pagerank", "community"]
    assert (ours["pagerank"] - theirs["pagerank"].reindex(ours.index)).abs().max() < 1e-9
    assert (ours["strength"] == theirs["weighted_degree"].reindex(ours.index)).all()


def test_compute_timeline_frame_sorts_months() -> None:
    frame = compute.timeline_frame([{"period": "2024-06", "articles": 2}, {"period": "2024-05", "articles": 5}])
    assert frame.to_dict("records") == [{"month": "2024-05", "articles": 5}, {"month": "2024-06", "articles": 2}]


def test_compute_rank_actors_matches_the_filtered_subgraph() -> None:
    from graph.store.base import SubgraphFilter
    from graph.store.filtering import apply_filter

    data = sample_graph()
    ents = compute.entities_frame(data)
    for flt in (SubgraphFilter(), SubgraphFilter(types=("ORGANIZATION", "PERSON")),
                SubgraphFilter(kinds=("vendor",))):
        expected = compute.top_actors(apply_filter(data, flt), 3).reset_index(drop=True)
        ours = compute.rank_actors(ents, 3, flt.types, flt.kinds).reset_index(drop=True)
        assert ours.equals(expected), flt
