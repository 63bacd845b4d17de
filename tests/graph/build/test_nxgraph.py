"""networkx views and the shared SubgraphFilter."""

from __future__ import annotations

import pytest

from graph.build.builder import build_graph
from graph.build.nxgraph import entity_graph, filter_data, to_networkx
from graph.errors import SkgError
from graph.model import GraphData
from graph.settings import Settings
from graph.store.base import SubgraphFilter
from tests.graph.build.seedlike import ENTITIES, MAIN_NAMES, eid, page


@pytest.fixture
def data(settings: Settings) -> GraphData:
    articles, resolution = page()
    return build_graph(articles, resolution, settings)


def test_nxgraph_to_networkx_keeps_every_node_and_edge(data: GraphData) -> None:
    g = to_networkx(data)
    assert g.number_of_nodes() == len(data.nodes)
    assert g.number_of_edges() == len(data.edges)
    assert g.graph["snapshot_id"] == data.snapshot_id


def test_nxgraph_entity_graph_merges_typed_and_comention_edges(data: GraphData) -> None:
    g = entity_graph(data)
    assert set(g.nodes) == set(ENTITIES_IDS := {eid(n) for n in ENTITIES}) and len(ENTITIES_IDS) == 22
    edge = g.edges[eid("Oliver Grün"), eid("Bundesverband IT-Mittelstand")]
    assert edge["types"] == ["CO_MENTIONED", "HOLDS_ROLE"] and edge["roles"] == ["Präsident"]
    assert edge["articles"] == 1 and edge["evidence"]


def test_nxgraph_filters_by_type_and_kind(data: GraphData) -> None:
    people = entity_graph(data, SubgraphFilter(types=("PERSON",)))
    assert {people.nodes[n]["type"] for n in people} == {"PERSON"}
    vendors = entity_graph(data, SubgraphFilter(types=("ORGANIZATION", "MUNICIPALITY"), kinds=("vendor",)))
    kinds = {vendors.nodes[n].get("kind") for n in vendors if vendors.nodes[n]["type"] == "ORGANIZATION"}
    assert kinds == {"vendor"}
    assert eid("Tengen") in vendors


def test_nxgraph_filters_land_with_neighbours(data: GraphData) -> None:
    g = entity_graph(data, SubgraphFilter(land="Nordrhein-Westfalen"))
    assert set(g.nodes) == {eid("Münster"), eid("JCC Software GmbH")}


def test_nxgraph_focus_depth_and_node_cap(data: GraphData) -> None:
    ego = entity_graph(data, SubgraphFilter(focus=eid("Rolf Skuras"), depth=1))
    assert set(ego.nodes) == {eid("Rolf Skuras"), eid("Frederic Lottis"), eid("kdvz Rhein Erft Rur")}
    capped = entity_graph(data, SubgraphFilter(node_cap=5))
    assert capped.number_of_nodes() == 5 and set(capped.nodes) <= {eid(n) for n in MAIN_NAMES}
    with pytest.raises(SkgError, match="focus entity"):
        filter_data(data, SubgraphFilter(focus="e_missing"))


def test_nxgraph_filters_dates_edge_types_and_counts(data: GraphData) -> None:
    recent = entity_graph(data, SubgraphFilter(date_from="2024-01-01"))
    assert eid("Oliver Grün") not in recent and eid("Rolf Skuras") in recent
    located = filter_data(data, SubgraphFilter(edge_types=("LOCATED_IN",)))
    assert {e.type for e in located.edges} == {"LOCATED_IN"} and len(located.edges) == 3
    none = filter_data(data, SubgraphFilter(min_articles=2))
    assert not none.edges_by_type("CO_MENTIONED") and none.edges_by_type("HOLDS_ROLE")
    assert filter_data(data, SubgraphFilter(min_articles=2)).meta["filter"] == "min_articles=2"
