"""Evidence level and independent sources in every export format, and the CLI's level filter."""

from __future__ import annotations

import csv
import json
from pathlib import Path

import networkx as nx
import pytest
from typer.testing import CliRunner

from graph.build.builder import build_graph
from graph.cli import app
from graph.export import export_graph
from graph.model import GraphData
from graph.model.graphdata import EVIDENCE_LEVELS, level_rank
from graph.settings import Settings
from graph.store import open_store
from tests.graph.build.seedlike import page


@pytest.fixture
def data(settings: Settings) -> GraphData:
    articles, resolution = page()
    return build_graph(articles, resolution, settings)


def test_export_json_edges_carry_level_and_sources(data: GraphData, tmp_path: Path) -> None:
    payload = json.loads(export_graph(data, "json", tmp_path / "g.json").read_text(encoding="utf-8"))
    assert payload["edges"]
    for edge in payload["edges"]:
        assert edge["evidence_level"] in EVIDENCE_LEVELS
        assert edge["independent_sources"] >= 1


@pytest.mark.parametrize("fmt", ["gexf", "graphml"])
def test_export_graph_files_carry_level_and_sources(data: GraphData, tmp_path: Path, fmt: str) -> None:
    out = export_graph(data, fmt, tmp_path / f"g.{fmt}")
    g = nx.read_gexf(out) if fmt == "gexf" else nx.read_graphml(out)
    levels = [attrs["evidence_level"] for _, _, attrs in g.edges(data=True)]
    assert set(levels) <= set(EVIDENCE_LEVELS) and len(levels) == g.number_of_edges()
    assert all(int(attrs["independent_sources"]) >= 1 for _, _, attrs in g.edges(data=True))


def test_export_csv_edges_have_level_columns(data: GraphData, tmp_path: Path) -> None:
    folder = export_graph(data, "csv", tmp_path / "csv")
    with (folder / "edges.csv").open(encoding="utf-8") as fh:
        rows = list(csv.DictReader(fh))
    assert {r["evidence_level"] for r in rows} == {"article", "sentence", "stated"}
    stated = [r for r in rows if r["type"] == "HOLDS_ROLE"]
    assert stated and all(r["evidence_level"] == "stated" and r["independent_sources"] == "1" for r in stated)


def test_export_cli_keeps_ties_from_a_level_up(data: GraphData, settings: Settings, skg_home: Path,
                                               tmp_path: Path) -> None:
    with open_store(settings) as store:
        store.write(data)
    out = tmp_path / "stated.json"
    result = CliRunner().invoke(app, ["--home", str(skg_home), "export", "--format", "json", "--out", str(out),
                                      "--min-evidence-level", "stated"])
    assert result.exit_code == 0, result.output
    payload = json.loads(out.read_text(encoding="utf-8"))
    assert payload["edges"] and all(level_rank(e["evidence_level"]) >= 2 for e in payload["edges"])
    assert "min_evidence_level=stated" in payload["graph"]["filter"]
    bad = CliRunner().invoke(app, ["--home", str(skg_home), "export", "--format", "json", "--out", str(out),
                                   "--min-evidence-level", "gossip"])
    assert bad.exit_code != 0 and "unknown evidence level 'gossip'" in str(bad.exception)
