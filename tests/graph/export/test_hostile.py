"""Hostile text in every file export: read back exactly, never a formula, never broken XML.

The graph is tests/graph/export/hostile.py. XML cannot hold most control characters; the
exports replace each with U+FFFD (see docs/export.md), which :func:`xml_expected` spells out
independently of the exporter's code.
"""

from __future__ import annotations

import csv
import json
import re
from pathlib import Path
from typing import Any

import networkx as nx
import pytest
from lxml import etree

from graph.export import export_graph
from graph.model import GraphData
from graph.settings import Settings
from tests.graph.export.hostile import hostile_graph

# XML 1.0 "Char": tab, LF, CR and everything from U+0020 except surrogates, U+FFFE and U+FFFF
NOT_XML = re.compile("[^\t\n\r\u0020-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def xml_expected(text: str) -> str:
    """What an XML export must read back for ``text``: forbidden characters become U+FFFD."""
    return NOT_XML.sub("\ufffd", text)


@pytest.fixture
def data(settings: Settings) -> GraphData:
    return hostile_graph(settings)


def _entities(data: GraphData) -> dict[str, dict[str, Any]]:
    return {n.id: n.props for n in data.nodes if n.label == "Entity"}


def _entity_edges(data: GraphData) -> dict[str, dict[str, Any]]:
    ids = _entities(data)
    return {e.id: {"type": e.type, **e.props} for e in data.edges if e.source in ids and e.target in ids}


def test_hostile_fixture_carries_every_pattern(data: GraphData) -> None:
    names = [p["name"] for p in _entities(data).values()]
    joined = "".join(names)
    for needle in ("<script>", "onerror=", "'", '"', "\\", "\n", "\r", "\u2028", "\x00", "DETACH DELETE"):
        assert needle in joined, needle
    assert {n[0] for n in names} >= set(FORMULA_START)
    assert any(NOT_XML.search(n.props.get("name", "")) for n in data.nodes if n.label == "Topic")
    assert any(e.props.get("role") and "<script>" in e.props["role"] for e in data.edges)


def test_json_round_trips_hostile_text_exactly(data: GraphData, tmp_path: Path) -> None:
    payload = json.loads(export_graph(data, "json", tmp_path / "g.json").read_text(encoding="utf-8"))
    g = nx.node_link_graph(payload, edges="edges")
    assert {n: d["name"] for n, d in g.nodes(data=True)} == {i: p["name"] for i, p in _entities(data).items()}
    got = sorted(json.dumps(d.get("evidence"), sort_keys=True) for _, _, d in g.edges(data=True))
    want = sorted(json.dumps(e.get("evidence"), sort_keys=True) for e in _entity_edges(data).values())
    assert got == want  # evidence sentences exact, control characters included


@pytest.mark.parametrize("fmt", ["gexf", "gexf-dynamic", "graphml"])
def test_xml_exports_are_well_formed_and_read_back(data: GraphData, tmp_path: Path, fmt: str) -> None:
    path = export_graph(data, fmt, tmp_path / f"g.{fmt.split('-')[0]}")
    etree.parse(str(path), etree.XMLParser(recover=False, no_network=True))  # strict: raises when broken
    g = nx.read_gexf(path) if fmt.startswith("gexf") else nx.read_graphml(path)
    names = {i: xml_expected(p["name"]) for i, p in _entities(data).items()}
    assert {n: d["name"] for n, d in g.nodes(data=True)} == names
    aliases = {i: p["aliases"] for i, p in _entities(data).items()}
    assert {n: json.loads(d["aliases"]) for n, d in g.nodes(data=True)} == aliases  # JSON text: exact
    roles = sorted(xml_expected(e["role"]) for e in _entity_edges(data).values() if e.get("role"))
    assert sorted(d["role"] for _, _, d in g.edges(data=True) if d.get("role")) == roles
    quotes = sorted(json.dumps(e.get("evidence"), sort_keys=True) for e in _entity_edges(data).values())
    read = sorted(json.dumps(json.loads(d["evidence"]) if "evidence" in d else None, sort_keys=True)
                  for _, _, d in g.edges(data=True))
    assert read == quotes


def _rows(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8", newline="") as fh:
        return list(csv.DictReader(fh))


def test_csv_text_cells_cannot_start_a_formula(data: GraphData, tmp_path: Path) -> None:
    out = export_graph(data, "csv", tmp_path / "csv")
    tables = {name: _rows(out / name) for name in ("nodes.csv", "edges.csv", "evidence.csv")}
    numeric = {"lat", "lon", "mentions", "articles", "confidence", "weight", "sentence_count",
               "paragraph_count", "document_count", "npmi", "lift", "count", "start", "end"}
    for name, rows in tables.items():
        assert rows, name
        for row in rows:
            for column, cell in row.items():
                if column in numeric and cell:
                    float(cell)  # numbers stay numbers (a negative longitude keeps its minus)
                else:
                    assert not cell.startswith(FORMULA_START), (name, column, cell)
    lons = {r["lon"] for r in tables["nodes.csv"] if r["lon"]}
    assert lons == {"-0.25"}
    # the text itself is kept: a leading apostrophe is the only change
    names = {r["id"]: r["name"] for r in tables["nodes.csv"]}
    for entity_id, props in _entities(data).items():
        original = props["name"]
        assert names[entity_id] == ("'" + original if original.startswith(FORMULA_START) else original)


def test_neo4j_import_files_keep_text_raw_and_allow_line_breaks(data: GraphData, tmp_path: Path) -> None:
    out = export_graph(data, "neo4j-import", tmp_path / "neo")
    rows = _rows(out / "nodes_Entity.csv")
    assert {r["name"] for r in rows} == {p["name"] for p in _entities(data).values()}  # raw: no apostrophes
    assert "--multiline-fields=true" in (out / "import.sh").read_text(encoding="utf-8")
