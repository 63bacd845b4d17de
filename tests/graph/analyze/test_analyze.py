"""Analysis functions on hand-built and synthetic graphs."""

from __future__ import annotations

import networkx as nx
import pytest
from scipy.stats import spearmanr

from bench.synthetic import generate
from graph.analyze import betweenness, brokerage, communities, degree, market, pagerank, paths, temporal
from graph.analyze.ego import ego_network
from graph.analyze.run import run_metric
from graph.build.builder import build_graph
from graph.build.nxgraph import entity_graph
from graph.errors import SkgError
from graph.model import GraphData
from graph.settings import Settings
from tests.graph.build.seedlike import eid, page


@pytest.fixture
def seed_data(settings: Settings) -> GraphData:
    articles, resolution = page()
    return build_graph(articles, resolution, settings)


@pytest.fixture(scope="module")
def synthetic() -> GraphData:
    from graph.settings import load_settings

    corpus = generate(1500, seed=7)
    return build_graph(corpus.articles, corpus.resolution, load_settings(env={}, use_file=False))


def test_analyze_results_state_method_and_snapshot(seed_data: GraphData) -> None:
    for metric in (
        "degree",
        "reach",
        "betweenness",
        "pagerank",
        "communities",
        "brokerage",
        "matrix",
        "share",
    ):
        result = run_metric(seed_data, metric)
        assert result.method["snapshot_id"] == seed_data.snapshot_id, metric
        assert result.method["algorithm"]


def test_degree_reach_counts_municipalities_of_a_vendor(seed_data: GraphData) -> None:
    table = degree.reach_by_type(entity_graph(seed_data)).table.set_index("id")
    assert table.loc[eid("JCC Software GmbH"), "MUNICIPALITY"] == 1
    assert table.loc[eid("HSH Soft- und Hardware Vertrieb"), "PERSON"] == 5
    strengths = degree.weighted_degree(entity_graph(seed_data)).table
    assert strengths.iloc[0]["weighted_degree"] == 10.0


def test_betweenness_sampled_matches_exact_with_all_pivots_and_ranks_well(synthetic: GraphData) -> None:
    g = entity_graph(synthetic)
    core = g.subgraph(max(nx.connected_components(g), key=len)).copy()
    exact = betweenness.betweenness(core).table.set_index("id")["betweenness"]
    full = betweenness.betweenness(core, exact_limit=0, pivots=core.number_of_nodes() - 1)
    assert full.method["exact"] is False
    sampled = betweenness.betweenness(
        core, exact_limit=0, pivots=min(400, core.number_of_nodes() - 1), seed=1
    )
    values = sampled.table.set_index("id")["betweenness"].loc[exact.index]
    top = exact.sort_values(ascending=False).head(100).index
    rho = spearmanr(exact.loc[top], values.loc[top]).statistic
    assert rho > 0.8, rho
    assert "mean_relative_stderr_top1pct" in sampled.extra and sampled.method["pivots"] > 0
    networkx_exact = nx.betweenness_centrality(core, normalized=False)
    top_node = exact.index[0]
    assert exact.iloc[0] == pytest.approx(networkx_exact[top_node])


def test_betweenness_all_pivot_estimate_equals_exact() -> None:
    g = nx.relabel_nodes(nx.barabasi_albert_graph(300, 3, seed=2), str)
    exact = betweenness.betweenness(g).table.set_index("id")["betweenness"]
    est = betweenness.betweenness(g, exact_limit=0, pivots=299).table.set_index("id")["betweenness"]
    rho = spearmanr(exact, est.loc[exact.index]).statistic
    assert rho > 0.99
    # with every node as a pivot the sampled code is Brandes itself
    every = betweenness._accumulate(betweenness._csr(g)[1], __import__("numpy").arange(300))[0]
    reference = nx.betweenness_centrality(g, normalized=False)
    assert every.tolist() == pytest.approx([reference[n] for n in sorted(g)])


def test_pagerank_and_communities_are_seeded_and_labelled(synthetic: GraphData) -> None:
    g = entity_graph(synthetic)
    pr = pagerank.pagerank(g).table
    assert pr["pagerank"].sum() == pytest.approx(1.0)
    first = communities.communities(g, seed=3)
    again = communities.communities(g, seed=3)
    assert first.table.equals(again.table) and first.extra["labels"] == again.extra["labels"]
    assert first.extra["modularity"] > 0.2 and first.extra["count"] > 1
    assert first.extra["labels"][0].count(" · ") == 2
    louvain = communities.communities(g, seed=3, algorithm="louvain")
    assert louvain.method["implementation"] == "igraph Louvain (multilevel)"
    assert communities.communities(g, seed=3, algorithm="leidenalg").extra["count"] > 1


def test_ego_network_respects_depth_and_types(seed_data: GraphData) -> None:
    g = entity_graph(seed_data)
    ego = ego_network(g, eid("Marian Schreier"), 1, types=("MUNICIPALITY",))
    assert set(ego) == {eid("Marian Schreier"), eid("Tengen")}
    with pytest.raises(SkgError):
        ego_network(g, "e_nobody")


def test_paths_carry_evidence_per_hop(seed_data: GraphData) -> None:
    g = entity_graph(seed_data)
    result = paths.k_shortest_paths(g, eid("Oliver Grün"), eid("Marian Schreier"), k=3)
    assert result.extra["paths"][0]["nodes"] == [eid("Oliver Grün"), eid("Marian Schreier")]
    assert len(result.extra["paths"]) == 3 and result.table["sentence"].notna().all()
    none = paths.k_shortest_paths(g, eid("Oliver Grün"), eid("Rolf Skuras"))
    assert none.table.empty and none.extra["paths"] == []


def test_brokerage_roles_on_a_bridge(seed_data: GraphData) -> None:
    g = nx.Graph(snapshot_id="s")
    g.add_node("v1", type="ORGANIZATION", kind="vendor")
    g.add_node("v2", type="ORGANIZATION", kind="vendor")
    g.add_node("p", type="PERSON")
    g.add_node("m", type="MUNICIPALITY")
    g.add_edges_from([("v1", "v2"), ("v2", "p"), ("v2", "m"), ("p", "m")])
    row = brokerage.brokerage(g).table.set_index("id").loc["v2"]
    assert (row["gatekeeper"], row["representative"], row["liaison"], row["coordinator"]) == (2, 2, 0, 0)
    full = brokerage.brokerage(entity_graph(seed_data)).table
    assert full[["coordinator", "itinerant", "gatekeeper", "liaison"]].to_numpy().sum() == 0  # cliques only


def test_temporal_diff_finds_new_and_vanished_ties(seed_data: GraphData) -> None:
    result = temporal.period_diff(seed_data, (None, "2021-12-31"), ("2024-01-01", None))
    assert result.extra["new"] == 4 and result.extra["vanished"] == 55
    assert set(result.table["status"]) == {"new", "vanished"}
    sliced = temporal.time_slice(seed_data, "2024-01-01", None)
    assert set(sliced.nodes) == {
        eid(n)
        for n in (
            "Freiburg im Breisgau",
            "Bundeszentrale für politische Bildung",
            "kdvz Rhein Erft Rur",
            "Rolf Skuras",
            "Frederic Lottis",
        )
    }


def test_market_matrix_share_and_hhi(synthetic: GraphData) -> None:
    g = entity_graph(synthetic)
    matrix = market.vendor_municipality_matrix(g).table
    assert matrix.shape[0] > 5 and matrix.shape[1] > 5 and (matrix.to_numpy() >= 0).all()
    share = market.share_of_voice(g)
    sums = share.table.groupby("land")["share"].sum()
    assert sums.to_numpy() == pytest.approx(1.0)
    for land, hhi in share.extra["hhi"].items():
        shares = share.table[share.table["land"] == land]["share"]
        assert hhi == pytest.approx(((shares * 100) ** 2).sum(), abs=0.1)


def test_run_metric_rejects_unknown_metric_and_bad_period(seed_data: GraphData) -> None:
    with pytest.raises(SkgError, match="unknown metric"):
        run_metric(seed_data, "magic")
    with pytest.raises(SkgError, match="FROM:TO"):
        run_metric(seed_data, "diff", period_a="2020", period_b="2021:")


def test_pagerank_matches_networkx_on_a_weighted_graph(synthetic: GraphData) -> None:
    g = entity_graph(synthetic)
    ours = pagerank.pagerank(g).table.set_index("id")["pagerank"]
    reference = nx.pagerank(g, alpha=0.85, weight="weight", tol=1e-12)
    assert max(abs(ours[n] - v) for n, v in reference.items()) < 1e-6


def test_node_metrics_agree_with_the_single_metrics(synthetic: GraphData) -> None:
    from graph.analyze.nodes import node_metrics

    g = entity_graph(synthetic)
    result = node_metrics(g, seed=3)
    table = result.table.set_index("id")
    assert len(table) == g.number_of_nodes() and result.method["snapshot_id"] == synthetic.snapshot_id
    ranks = pagerank.pagerank(g).table.set_index("id")["pagerank"]
    assert (table["pagerank"] - ranks.reindex(table.index)).abs().max() < 1e-12
    parts = communities.communities(g, seed=3)
    assert (table["community"] == parts.table.set_index("id")["community"].reindex(table.index)).all()
    assert result.extra["labels"] == parts.extra["labels"]
    strengths = dict(g.degree(weight="weight"))
    assert all(abs(table.loc[n, "weighted_degree"] - w) < 1e-9 for n, w in strengths.items())
    assert node_metrics(nx.Graph()).table.empty


def test_communities_label_each_community_by_its_strongest_members(synthetic: GraphData) -> None:
    g = entity_graph(synthetic)
    result = communities.communities(g, seed=5)
    table = result.table
    assert set(result.extra["labels"]) == set(table["community"])
    for c, label in result.extra["labels"].items():
        members = table[table["community"] == c].sort_values(["weighted_degree", "id"], ascending=[False, True])
        assert label == " · ".join(members["name"].astype(str).head(3))


def test_to_igraph_converts_once_per_graph_and_notices_changes() -> None:
    from graph.analyze._igraph import to_igraph

    g = nx.Graph([("a", "b", {"weight": 2.0})])
    first, _ = to_igraph(g)
    assert to_igraph(g)[0] is first and to_igraph(g, weight=None)[0] is not first
    g.add_edge("b", "c", weight=1.0)
    h, names = to_igraph(g)
    assert h is not first and names == ["a", "b", "c"] and sorted(h.es["weight"]) == [1.0, 2.0]


def test_seeded_layout_is_reproducible() -> None:
    from graph.analyze.layout import seeded_layout

    g = nx.karate_club_graph()
    assert seeded_layout(g, seed=9) == seeded_layout(nx.Graph(g), seed=9)
    assert seeded_layout(g, seed=9) != seeded_layout(g, seed=10)
