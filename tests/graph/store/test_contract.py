"""The one contract every graph backend meets, run unchanged on embedded LadybugDB and Neo4j."""

from __future__ import annotations

import pytest

from graph.errors import QueryError, QueryRefusedError
from graph.store import GraphStore, SubgraphFilter, reader
from graph.store.rows import sorted_graph
from graph.store.saved_queries import list_queries, run_saved
from tests.graph.store.refusals import REFUSED_QUERIES
from tests.graph.store.sample_graph import ARTICLE_IDS, E, sample_graph

SAVED_ARGS = {"entity": "Dataport", "a": E["mueller"], "b": E["hamburg"], "land": "Baden-Württemberg",
              "municipality": "Stuttgart", "organisation": "Dataport"}


def test_contract_load_round_trips_the_written_graph(store: GraphStore) -> None:
    g = sample_graph()
    loaded = store.load()
    expected = sorted_graph(g.nodes, g.edges, g.snapshot_id)
    assert loaded.snapshot_id == "snap_sample_v1"
    assert loaded.nodes == expected.nodes
    assert loaded.edges == expected.edges


def test_contract_snapshot_id_and_stats(store: GraphStore) -> None:
    stats = store.stats()
    assert store.snapshot_id() == "snap_sample_v1"
    assert stats["nodes"] == {"Entity": 17, "Article": 6, "Topic": 3}
    assert stats["edges"] == {"CO_MENTIONED": 13, "MENTIONS": 23, "HOLDS_ROLE": 3,
                              "AFFILIATED_WITH": 2, "LOCATED_IN": 4, "CONTRACTS_WITH": 0, "TAGGED": 6,
                              "SAID_ABOUT": 1, "SAID_ON": 1}
    assert stats["entity_types"] == {"LOCATION": 1, "MUNICIPALITY": 4, "ORGANIZATION": 9, "PERSON": 3}


def test_contract_evidence_levels_are_stored_and_filter_ties(store: GraphStore) -> None:
    everything = store.subgraph(SubgraphFilter())
    assert all(e.props["evidence_level"] and e.props["independent_sources"] >= 1 for e in everything.edges)
    stated = store.subgraph(SubgraphFilter(min_evidence_level="stated"))
    assert {e.props["evidence_level"] for e in stated.edges} == {"stated", "corroborated"}
    assert len(stated.edges) == 3 + 9 + 1  # corroborated co-mentions + every stated relation + SAID_ABOUT
    corroborated = store.subgraph(SubgraphFilter(min_evidence_level="corroborated"))
    assert {e.props["independent_sources"] for e in corroborated.edges} == {2}
    assert {n.props["name"] for n in corroborated.nodes} == {
        "Dataport", "Hamburg", "Komm.ONE", "Stuttgart", "Anna Müller"}
    articles = {n.id: n.props for n in store.load().nodes if n.label == "Article"}
    assert articles[ARTICLE_IDS["a4"]]["publisher"] == "presseportal.de"
    assert articles[ARTICLE_IDS["a4"]]["source_kind"] == "press_release"


def test_contract_entity_returns_properties_or_none(store: GraphStore) -> None:
    hamburg = store.entity(E["hamburg"])
    assert hamburg is not None
    assert (hamburg["name"], hamburg["ags"], hamburg["land"], hamburg["lat"]) == (
        "Hamburg", "02000000", "Hamburg", 53.55)
    assert store.entity(E["dataport"])["aliases"] == ["Dataport AöR"]  # type: ignore[index]
    assert store.entity("e_does_not_exist") is None


def test_contract_neighbours_strongest_first_and_filtered(store: GraphStore) -> None:
    found = store.neighbours(E["stuttgart"])
    names = [n["entity"]["name"] for n in found]
    assert names[0] == "Komm.ONE" and found[0]["edge"]["articles"] == 2
    assert set(names) == {"Komm.ONE", "Nortal", "Materna", "Jörg Schmidt", "Baden-Württemberg"}
    typed = store.neighbours(E["stuttgart"], edge_types=("HOLDS_ROLE",))
    assert [(n["entity"]["name"], n["edge"]["role"]) for n in typed] == [("Jörg Schmidt", "CIO")]
    assert len(store.neighbours(E["stuttgart"], limit=2)) == 2


def test_contract_subgraph_filters(store: GraphStore) -> None:
    vendors = store.subgraph(SubgraphFilter(types=("ORGANIZATION",), kinds=("vendor",)))
    assert {n.props["name"] for n in vendors.nodes} == {"Materna", "PROSOZ Herten", "Nortal"}
    assert all(n.label == "Entity" for n in store.subgraph(SubgraphFilter()).nodes)
    strong = store.subgraph(SubgraphFilter(min_articles=2, edge_types=("CO_MENTIONED",)))
    assert len(strong.edges) == 3
    bw = store.subgraph(SubgraphFilter(land="Baden-Württemberg"))
    assert {"Stuttgart", "Ulm", "Komm.ONE", "Materna", "Nortal"} <= {n.props["name"] for n in bw.nodes}
    assert "Hamburg" not in {n.props["name"] for n in bw.nodes}
    ego = store.subgraph(SubgraphFilter(focus=E["ulm"], depth=1))
    assert {n.props["name"] for n in ego.nodes} == {"Ulm", "Materna", "Baden-Württemberg"}
    recent = store.subgraph(SubgraphFilter(date_from="2024-05-01", edge_types=("CO_MENTIONED",)))
    assert {n.props["name"] for n in recent.nodes} == {
        "PROSOZ Herten", "Köln", "Nortal", "Stuttgart", "Komm.ONE", "Petra Weber"}
    assert len(store.subgraph(SubgraphFilter(node_cap=4)).nodes) == 4


def test_contract_paths_are_shortest_first(store: GraphStore) -> None:
    paths = store.paths(E["mueller"], E["hamburg"], k=3, max_hops=4)
    assert paths[0] == [E["mueller"], E["dataport"], E["hamburg"]]
    assert all(len(p) >= 3 for p in paths) and len(paths) <= 3
    assert store.paths(E["mueller"], E["ulm"], max_hops=2) == []
    assert len(store.paths(E["mueller"], E["ulm"], k=2, max_hops=6)) == 2


def test_contract_search_names_and_aliases(store: GraphStore) -> None:
    assert [r["name"] for r in store.search("komm")] == ["Komm.ONE", "Kommune21"]
    assert store.search("DATAPORT")[0]["name"] == "Dataport"
    assert [r["name"] for r in store.search("aör")] == ["Dataport"]
    assert store.search("no such actor") == []


def test_contract_evidence_most_recent_first(store: GraphStore) -> None:
    records = store.evidence(E["hamburg"], E["dataport"])
    assert [r["published"] for r in records] == ["2024-02-02", "2023-01-10"]
    assert records[0]["article_id"] == ARTICLE_IDS["a4"]
    assert records[0]["sentence"].startswith("Dataport betreibt")


def test_contract_user_cypher_rows_params_and_cap(store: GraphStore) -> None:
    result = store.cypher("MATCH (n:Entity) WHERE n.type = $t RETURN n.name AS name ORDER BY name",
                          {"t": "MUNICIPALITY"})
    assert result.columns == ["name"]
    assert result.rows == [["Hamburg"], ["Köln"], ["Stuttgart"], ["Ulm"]]
    capped = store.cypher("MATCH (n:Entity) RETURN n.id ORDER BY n.id", row_cap=5)
    assert len(capped.rows) == 5 and capped.truncated
    node = store.cypher("MATCH (n:Entity) WHERE n.id = $id RETURN n", {"id": E["ulm"]}).rows[0][0]
    assert node["_label"] == "Entity" and node["ags"] == "08421000"


@pytest.mark.parametrize("query", REFUSED_QUERIES)
def test_contract_write_and_admin_queries_are_refused(store: GraphStore, query: str) -> None:
    with pytest.raises(QueryRefusedError, match="refused"):
        store.cypher(query)


def test_contract_data_unchanged_after_refusals(store: GraphStore) -> None:
    for query in REFUSED_QUERIES:
        with pytest.raises(QueryRefusedError):
            store.cypher(query)
    g = sample_graph()
    assert store.load().edges == sorted_graph(g.nodes, g.edges, g.snapshot_id).edges
    assert store.stats()["nodes"]["Entity"] == 17


@pytest.mark.parametrize("name", [q.name for q in list_queries()])
def test_contract_saved_query_runs(store: GraphStore, name: str) -> None:
    params = {k: v for k, v in SAVED_ARGS.items() if k in {p for q in list_queries() if q.name == name
                                                           for p in q.params}}
    result = run_saved(store, name, params)
    assert result.rows, f"{name} returned nothing on the sample graph"


def test_contract_saved_queries_expected_answers(store: GraphStore) -> None:
    top = run_saved(store, "top_vendors_by_reach", {"limit": 1}).rows
    assert top == [[E["materna"], "Materna", 2, 2]]
    holders = run_saved(store, "office_holders", {"municipality": "Stuttgart"}).rows
    assert [r[1:3] for r in holders] == [["Jörg Schmidt", "CIO"]]
    vendors = run_saved(store, "vendors_in_land_since", {"land": "Baden-Württemberg", "since": "2024-01-01"})
    assert [r[1] for r in vendors.rows] == ["Nortal"]


def test_contract_saved_queries_same_on_both_backends(both_stores: tuple[GraphStore, GraphStore]) -> None:
    emb, neo = both_stores
    for query in list_queries():
        params = {k: v for k, v in SAVED_ARGS.items() if k in query.params}
        a, b = run_saved(emb, query.name, params), run_saved(neo, query.name, params)
        assert (a.columns, a.rows) == (b.columns, b.rows), query.name


def test_contract_paths_match_networkx_on_the_whole_graph(store: GraphStore) -> None:
    import networkx as nx

    from graph.store.reader import _k_shortest

    graph = nx.Graph()
    for edge in store.load().edges:
        if edge.type not in ("MENTIONS", "TAGGED"):
            graph.add_edge(edge.source, edge.target)
    keys = ["mueller", "ulm", "koeln", "fitko", "vitako", "weber"]
    for i, a in enumerate(keys):
        for b in keys[i + 1:]:
            for hops in (3, 4):
                expected = _k_shortest(graph, E[a], E[b], 3, hops)
                assert store.paths(E[a], E[b], k=3, max_hops=hops) == expected, (a, b, hops)


def test_contract_timeline_counts_dated_news_per_period(store: GraphStore) -> None:
    # a3 is undated, a6 is a vendor listing: neither counts; a5 (a teaser) does.
    assert store.timeline() == [{"period": "2023-01", "articles": 1}, {"period": "2023-03", "articles": 1},
                                {"period": "2024-02", "articles": 1}, {"period": "2024-05", "articles": 1}]
    assert store.timeline("year") == [{"period": "2023", "articles": 2}, {"period": "2024", "articles": 2}]
    assert store.timeline("quarter") == [{"period": "2023-Q1", "articles": 2},
                                         {"period": "2024-Q1", "articles": 1},
                                         {"period": "2024-Q2", "articles": 1}]
    assert [r["period"] for r in store.timeline("day")] == ["2023-01-10", "2023-03-01", "2024-02-02",
                                                            "2024-05-20"]
    with pytest.raises(QueryError, match="granularity"):
        store.timeline("fortnight")


def test_contract_subgraph_without_evidence_drops_only_the_quotes(store: GraphStore) -> None:
    full = store.subgraph(SubgraphFilter(focus=E["stuttgart"], depth=2))
    light = store.subgraph(SubgraphFilter(focus=E["stuttgart"], depth=2, evidence=False))
    assert light.nodes == full.nodes
    assert [e.id for e in light.edges] == [e.id for e in full.edges]
    assert any("evidence" in e.props for e in full.edges)
    assert all("evidence" not in e.props and "offsets" not in e.props for e in light.edges)
    assert [{k: v for k, v in e.props.items() if k not in ("evidence", "offsets")} for e in full.edges] == [
        e.props for e in light.edges]


def test_contract_hub_rich_ego_scan_matches_the_lookup_path(
        store: GraphStore, monkeypatch: pytest.MonkeyPatch) -> None:
    looked_up = store.subgraph(SubgraphFilter(focus=E["stuttgart"], depth=2))
    monkeypatch.setattr(reader, "EGO_FETCH_MAX", 2)  # force the one-scan path of a hub-rich network
    scanned = store.subgraph(SubgraphFilter(focus=E["stuttgart"], depth=2))
    assert scanned == looked_up and len(scanned.nodes) > 2


def _offices(store: GraphStore, day: str) -> set[tuple[str, str]]:
    graph = store.subgraph(SubgraphFilter(as_of=day, edge_types=("HOLDS_ROLE",)))
    return {(e.source, str(e.props["role"])) for e in graph.edges}


def test_contract_offices_carry_their_bounds_and_the_graph_at_a_date_keeps_the_held_ones(
        store: GraphStore) -> None:
    roles = {n["edge"]["role"]: n["edge"] for n in store.neighbours(E["mueller"], edge_types=("HOLDS_ROLE",))}
    office = roles["Vorständin"]
    assert (office["start_date"], office["start_precision"], office["end_date"], office["status"]) == (
        "2023-01-01", "year", "2024-03-31", "ended")
    assert office["bounds"]["start"]["sentence"].startswith("Seit 2023")
    assert _offices(store, "2023-03-01") == {(E["mueller"], "Vorständin"), (E["schmidt"], "CIO")}
    assert _offices(store, "2024-04-15") == set()  # Müller's ended, Schmidt's last seen 2023, Weber's not begun
    assert _offices(store, "2030-01-01") == {(E["weber"], "Projektleiterin")}  # current: open-ended
    everything = store.subgraph(SubgraphFilter(as_of="2024-04-15"))
    assert len(everything.nodes) == len(store.subgraph(SubgraphFilter()).nodes)  # actors stay


def test_contract_statements_keep_verb_polarity_and_quote(store: GraphStore) -> None:
    said = store.neighbours(E["staedtetag"], edge_types=("SAID_ABOUT",))
    assert [(n["entity"]["name"], n["edge"]["polarity"], n["edge"]["negative"]) for n in said] == [
        ("Vitako", "negative", 1)]
    assert said[0]["edge"]["evidence"][0]["verb"] == "kritisierte"
    result = store.cypher("MATCH (a:Entity)-[r:SAID_ON]->(t:Topic) RETURN a.name AS who, t.name AS topic, "
                          "r.polarity AS polarity")
    assert result.columns == ["who", "topic", "polarity"]
    assert result.rows == [["Anna Müller", "OZG", "neutral"]]
