"""The one subgraph filter, above all the cases where the store and the build version used to differ."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest

from graph.build.nxgraph import filter_data
from graph.errors import SkgError
from graph.model import Edge, GraphData, Node, SubgraphFilter, describe_filter, filter_graph
from graph.settings import load_settings
from graph.store import GraphStore, open_store
from graph.store import SubgraphFilter as StoreSubgraphFilter
from graph.store.filtering import apply_filter
from tests.graph.store.sample_graph import E, sample_graph


def ent(eid: str, etype: str = "PERSON", **props: Any) -> Node:
    return Node("Entity", eid, {"type": etype, **props})


def co(a: str, b: str, **props: Any) -> Edge:
    return Edge("CO_MENTIONED", a, b, props)


def ids(data: GraphData) -> set[str]:
    return {n.id for n in data.nodes}


def pairs(data: GraphData) -> set[tuple[str, str]]:
    return {(e.source, e.target) for e in data.edges}


def test_filters_store_and_model_share_one_class() -> None:
    assert StoreSubgraphFilter is SubgraphFilter


def test_filters_comention_without_count_passes_default_but_not_threshold() -> None:
    g = GraphData([ent("a"), ent("b"), ent("c")], [co("a", "b"), co("b", "c", articles=3)])
    assert pairs(filter_graph(g, SubgraphFilter())) == {("a", "b"), ("b", "c")}
    assert pairs(filter_graph(g, SubgraphFilter(min_articles=2))) == {("b", "c")}


def test_filters_tie_filters_drop_entities_without_a_kept_tie() -> None:
    g = GraphData([ent("a"), ent("b"), ent("c"), ent("alone")],
                  [co("a", "b", articles=1), co("b", "c", articles=4),
                   Edge("HOLDS_ROLE", "a", "c", {"role": "CIO"})])
    assert ids(filter_graph(g, SubgraphFilter(min_articles=2))) == {"a", "b", "c"}  # a: via its role
    strong = SubgraphFilter(min_articles=2, edge_types=("CO_MENTIONED",))
    assert ids(filter_graph(g, strong)) == {"b", "c"}
    assert ids(filter_graph(g, SubgraphFilter(edge_types=("HOLDS_ROLE",)))) == {"a", "c"}
    assert ids(filter_graph(g, SubgraphFilter(min_npmi=0.5))) == {"a", "b", "c"}  # no npmi: passes
    assert "alone" in ids(filter_graph(g, SubgraphFilter(types=("PERSON",))))


def test_filters_period_alone_keeps_actors_without_a_tie_in_it() -> None:
    g = GraphData([ent("a", first_seen="2024-03-01", last_seen="2024-03-01"), ent("b")],
                  [co("a", "b", articles=1, first_seen="2023-01-01", last_seen="2023-01-01")])
    kept = filter_graph(g, SubgraphFilter(date_from="2024-01-01"))
    assert ids(kept) == {"a", "b"} and not kept.edges


def test_filters_timestamps_compare_by_day_and_bounds_are_inclusive() -> None:
    g = GraphData([ent("a", first_seen="2024-01-31T18:00:00", last_seen="2024-02-05"),
                   ent("b", first_seen="2023-05-01", last_seen="2023-12-31T23:59:00"),
                   ent("c", first_seen="2024-02-01", last_seen="2024-02-01")])
    jan = SubgraphFilter(date_from="2023-12-31", date_to="2024-01-31")
    assert ids(filter_graph(g, jan)) == {"a", "b"}


def test_filters_missing_end_of_a_range_is_open_and_undated_stays() -> None:
    g = GraphData([ent("late", first_seen="2025-01-01"), ent("early", last_seen="2020-01-01"),
                   ent("open_end", first_seen="2019-01-01"), ent("undated")])
    assert ids(filter_graph(g, SubgraphFilter(date_from="2021-01-01", date_to="2022-12-31"))) == {
        "open_end", "undated"}


def test_filters_unknown_focus_raises_with_a_hint() -> None:
    g = GraphData([ent("a"), ent("b")], [co("a", "b", articles=1)])
    with pytest.raises(SkgError, match="'nobody' is not in the graph") as err:
        filter_graph(g, SubgraphFilter(focus="nobody"))
    assert "skg search" in err.value.hint


def test_filters_focus_excluded_by_filters_raises() -> None:
    g = GraphData([ent("a"), ent("org", "ORGANIZATION")], [co("a", "org", articles=1)])
    with pytest.raises(SkgError, match="excluded by the filters"):
        filter_graph(g, SubgraphFilter(focus="org", types=("PERSON",)))
    with pytest.raises(SkgError, match="excluded by the filters"):
        filter_graph(g, SubgraphFilter(focus="a", min_articles=2))


def test_filters_ego_network_walks_only_the_filtered_graph() -> None:
    g = GraphData([ent("a"), ent("org", "ORGANIZATION"), ent("b")],
                  [co("a", "org", articles=1), co("b", "org", articles=1), co("a", "b", articles=1)])
    assert ids(filter_graph(g, SubgraphFilter(focus="a", depth=2, min_articles=1))) == {"a", "org", "b"}
    people = filter_graph(GraphData(g.nodes, g.edges[:2]), SubgraphFilter(focus="a", depth=2, types=("PERSON",)))
    assert ids(people) == {"a"}  # b is reachable only through the excluded organisation


def test_filters_land_seeds_are_municipalities_of_that_land() -> None:
    g = GraphData([ent("ulm", "MUNICIPALITY", land="BW"), ent("vendor", "ORGANIZATION", land="BW"),
                   ent("koeln", "MUNICIPALITY", land="NRW"), ent("p")],
                  [co("ulm", "p", articles=1), co("vendor", "koeln", articles=1)])
    assert ids(filter_graph(g, SubgraphFilter(land="BW"))) == {"ulm", "p"}


def test_filters_node_cap_keeps_the_focus_within_the_cap() -> None:
    g = GraphData([ent("hub"), ent("x"), ent("y"), ent("z")],
                  [co("hub", "x", weight=5.0), co("hub", "y", weight=4.0), co("hub", "z", weight=1.0)])
    assert ids(filter_graph(g, SubgraphFilter(node_cap=2))) == {"hub", "x"}
    assert ids(filter_graph(g, SubgraphFilter(node_cap=2, focus="z", depth=2))) == {"z", "hub"}
    assert ids(filter_graph(g, SubgraphFilter(node_cap=3, focus="z", depth=2))) == {"z", "hub", "x"}


def test_filters_without_evidence_strips_quotes_and_offsets_only() -> None:
    edge = co("a", "b", articles=2, evidence=[{"sentence": "…"}], offsets=[[0, 3]])
    g = GraphData([ent("a"), ent("b")], [edge])
    light = filter_graph(g, SubgraphFilter(evidence=False)).edges
    assert [e.props for e in light] == [{"articles": 2}] and light[0].id == edge.id
    assert filter_graph(g, SubgraphFilter()).edges == [edge]


def test_filters_keep_input_order_meta_and_drop_articles() -> None:
    g = GraphData([ent("z"), Node("Article", "d1"), ent("a")],
                  [Edge("MENTIONS", "d1", "z"), co("z", "a", articles=1)], "snap", {"backbone": {"x": 1}})
    kept = filter_graph(g, SubgraphFilter(min_articles=1))
    assert [n.id for n in kept.nodes] == ["z", "a"] and [e.type for e in kept.edges] == ["CO_MENTIONED"]
    assert kept.snapshot_id == "snap" and kept.meta == {"backbone": {"x": 1}, "filter": "no filter"}


FILTERS = [
    SubgraphFilter(),
    SubgraphFilter(types=("ORGANIZATION",), kinds=("vendor",)),
    SubgraphFilter(min_articles=2),
    SubgraphFilter(min_npmi=0.3, edge_types=("CO_MENTIONED",)),
    SubgraphFilter(date_from="2024-01-01"),
    SubgraphFilter(date_to="2023-06-30", edge_types=("HOLDS_ROLE", "CO_MENTIONED")),
    SubgraphFilter(land="Baden-Württemberg"),
    SubgraphFilter(focus=E["stuttgart"], depth=2, node_cap=4),
    SubgraphFilter(node_cap=5, evidence=False),
]


@pytest.fixture(scope="module")
def store(tmp_path_factory: pytest.TempPathFactory) -> Iterator[GraphStore]:
    """The sample graph in an embedded store (the dashboard's source)."""
    home = tmp_path_factory.mktemp("filters-home")
    with open_store(load_settings(env={"SKG_HOME": str(home)}, use_file=False), "embedded") as opened:
        opened.write(sample_graph())
        yield opened


@pytest.mark.parametrize("flt", FILTERS, ids=describe_filter)
def test_filters_store_subgraph_equals_export_filter(store: GraphStore, flt: SubgraphFilter) -> None:
    from_store, loaded = store.subgraph(flt), store.load()
    exported = filter_data(loaded, flt)
    assert from_store.nodes == exported.nodes and from_store.edges == exported.edges
    assert apply_filter(loaded, flt) == exported
    assert from_store.nodes, flt


def test_filters_min_evidence_level_keeps_ties_from_that_level_up() -> None:
    g = GraphData(
        [ent("a"), ent("b"), ent("c"), ent("d")],
        [co("a", "b", evidence_level="article"), co("b", "c", evidence_level="sentence"),
         Edge("HOLDS_ROLE", "c", "d", {"evidence_level": "stated"}), co("a", "d")],  # a–d: built before levels
    )
    assert len(filter_graph(g, SubgraphFilter()).edges) == 4
    kept = filter_graph(g, SubgraphFilter(min_evidence_level="sentence"))
    assert [(e.source, e.target) for e in kept.edges] == [("b", "c"), ("c", "d")]
    stated = filter_graph(g, SubgraphFilter(min_evidence_level="stated"))
    assert ids(stated) == {"c", "d"}  # a level filter is a tie filter: actors without such a tie go
    assert filter_graph(g, SubgraphFilter(min_evidence_level="corroborated")).nodes == []
    assert describe_filter(SubgraphFilter(min_evidence_level="stated")) == "min_evidence_level=stated"


def test_filters_unknown_evidence_level_is_refused() -> None:
    with pytest.raises(SkgError, match="unknown evidence level 'strong'"):
        SubgraphFilter(min_evidence_level="strong")
