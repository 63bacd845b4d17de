"""Every export format, re-read with an independent reader and compared with the graph."""

from __future__ import annotations

import csv
import dataclasses
import json
import re
from pathlib import Path

import matplotlib.image as mpimg
import networkx as nx
import numpy as np
import pytest
from lxml import etree

from graph.build.builder import build_graph
from graph.build.nxgraph import filter_data
from graph.errors import ExportError
from graph.export import export_graph
from graph.export.style import TYPE_LABELS
from graph.model import GraphData
from graph.settings import Settings
from graph.store.base import SubgraphFilter
from tests.graph.build.seedlike import Resolution, eid, page

GEXF_NS = "http://www.gexf.net/1.2draft"
HOSTILE = 'Müller & <script>alert("x")</script> GmbH'


@pytest.fixture
def data(settings: Settings) -> GraphData:
    articles, resolution = page()
    entities = dict(resolution.entities)
    hsh = eid("HSH Soft- und Hardware Vertrieb")
    entities[hsh] = dataclasses.replace(entities[hsh], name=HOSTILE)  # must survive every format escaped
    return build_graph(articles, Resolution(entities, resolution.extractions), settings)


def _entity_edges(data: GraphData) -> set[tuple[str, str, str]]:
    ids = {n.id for n in data.nodes if n.label == "Entity"}
    return {(e.source, e.target, e.type) for e in data.edges if e.source in ids and e.target in ids}


def _entity_ids(data: GraphData) -> set[str]:
    return {n.id for n in data.nodes if n.label == "Entity"}


def test_export_json_node_link_round_trip(data: GraphData, tmp_path: Path) -> None:
    path = export_graph(data, "json", tmp_path / "g.json")
    payload = json.loads(path.read_text(encoding="utf-8"))
    g = nx.node_link_graph(payload, edges="edges")
    assert set(g.nodes) == _entity_ids(data)
    assert {(u, v, d["type"]) for u, v, d in g.edges(data=True)} == _entity_edges(data)
    node = next(n for n in payload["nodes"] if n["id"] == eid("Tengen"))
    assert {"id", "name", "type", "kind"} <= set(node) and node["name"] == "Tengen"
    edge = next(e for e in payload["edges"] if e["type"] == "CO_MENTIONED")
    assert {"source", "target", "type", "articles", "sentence_count", "npmi"} <= set(edge)
    assert payload["graph"]["snapshot_id"] == data.snapshot_id
    assert any(n["name"] == HOSTILE for n in payload["nodes"])


@pytest.mark.parametrize("fmt", ["gexf", "gexf-dynamic"])
def test_export_gexf_round_trip_with_viz(data: GraphData, tmp_path: Path, fmt: str) -> None:
    path = export_graph(data, fmt, tmp_path / "g.gexf")
    g = nx.read_gexf(path)
    assert set(g.nodes) == _entity_ids(data)
    assert {(u, v, d["edge_type"]) for u, v, d in g.edges(data=True)} == _entity_edges(data)
    tengen = g.nodes[eid("Tengen")]
    assert tengen["label"] == "Tengen" and tengen["ags"] == "08335080"
    # drawing hints sit in the GEXF namespace, where the schema declares them (Gephi reads them there)
    node = etree.parse(str(path)).find(f".//{{{GEXF_NS}}}node[@id='{eid('Tengen')}']")
    assert dict(node.find(f"{{{GEXF_NS}}}color").attrib) == {"r": "44", "g": "160", "b": "44", "a": "1.0"}
    assert float(node.find(f"{{{GEXF_NS}}}size").get("value")) > 4
    assert node.find(f"{{{GEXF_NS}}}position") is not None
    text = path.read_text(encoding="utf-8")
    if fmt == "gexf-dynamic":
        assert 'mode="dynamic"' in text and 'timeformat="date"' in text
        assert tengen["start"] == "2021-06-22" and tengen["end"] == "2021-06-22"
    else:
        assert 'mode="static"' in text


def test_export_graphml_round_trip(data: GraphData, tmp_path: Path) -> None:
    g = nx.read_graphml(export_graph(data, "graphml", tmp_path / "g.graphml"))
    assert set(g.nodes) == _entity_ids(data)
    assert {(u, v, d["type"]) for u, v, d in g.edges(data=True)} == _entity_edges(data)
    co = [d for _, _, d in g.edges(data=True) if d["type"] == "CO_MENTIONED"]
    assert all(json.loads(d["evidence"])[0]["sentence"] for d in co)
    assert g.nodes[eid("Tengen")]["ags"] == "08335080"


def test_export_csv_folder_round_trip(data: GraphData, tmp_path: Path) -> None:
    out = export_graph(data, "csv", tmp_path / "csv")
    with (out / "nodes.csv").open(encoding="utf-8") as fh:
        nodes = list(csv.DictReader(fh))
    with (out / "edges.csv").open(encoding="utf-8") as fh:
        edges = list(csv.DictReader(fh))
    with (out / "evidence.csv").open(encoding="utf-8") as fh:
        quotes = list(csv.DictReader(fh))
    assert {n["id"] for n in nodes} == _entity_ids(data)
    assert {(e["source"], e["target"], e["type"]) for e in edges} == _entity_edges(data)
    total_quotes = sum(len(e.props.get("evidence") or []) for e in data.edges if e.type != "MENTIONS")
    assert len(quotes) == total_quotes and {q["edge_id"] for q in quotes} <= {e["id"] for e in edges}


def test_export_neo4j_import_headers_and_rows(data: GraphData, tmp_path: Path) -> None:
    out = export_graph(data, "neo4j-import", tmp_path / "neo")
    with (out / "nodes_Entity.csv").open(encoding="utf-8") as fh:
        rows = list(csv.reader(fh))
    assert rows[0][0] == "id:ID(Entity)" and rows[0][-1] == ":LABEL" and "aliases:string[]" in rows[0]
    assert len(rows) - 1 == len(_entity_ids(data))
    with (out / "rels_MENTIONS_Article_Entity.csv").open(encoding="utf-8") as fh:
        header, *mention_rows = list(csv.reader(fh))
    assert header[:2] == [":START_ID(Article)", ":END_ID(Entity)"] and header[-1] == ":TYPE"
    assert len(mention_rows) == len(data.edges_by_type("MENTIONS"))
    assert (
        "--relationships=CO_MENTIONED=rels_CO_MENTIONED_Entity_Entity.csv" in (out / "import.sh").read_text()
    )


def test_export_cypher_script_literals_decode_to_the_data(data: GraphData, tmp_path: Path) -> None:
    text = export_graph(data, "cypher", tmp_path / "g.cypher").read_text(encoding="utf-8")
    statements = [s for s in text.splitlines() if s and not s.startswith(":")]
    creates = [s for s in statements if s.startswith("CREATE (:")]
    assert len(creates) == len(data.nodes)
    rels = [s for s in statements if s.startswith("MATCH (a:")]
    assert len(rels) == len(data.edges)
    names = set()
    for s in creates:
        m = re.search(r'`name`: ("(?:[^"\\]|\\.)*")', s)
        if m:
            names.add(json.loads(m.group(1)))
    assert HOSTILE in names
    assert all(s.endswith(");") for s in creates + rels)


def test_export_filters_apply_to_files(data: GraphData, tmp_path: Path) -> None:
    flt = SubgraphFilter(types=("PERSON",))
    g = nx.read_graphml(export_graph(data, "graphml", tmp_path / "p.graphml", flt))
    assert set(g.nodes) == {n.id for n in filter_data(data, flt).nodes}
    assert {d["type"] for _, d in g.nodes(data=True)} == {"PERSON"}


def test_export_refuses_bad_format_and_target(data: GraphData, tmp_path: Path) -> None:
    with pytest.raises(ExportError, match="unknown export format"):
        export_graph(data, "xls", tmp_path / "x")
    with pytest.raises(ExportError, match="folder"):
        export_graph(data, "json", tmp_path)
    with pytest.raises(ExportError, match="does not exist"):
        export_graph(data, "json", tmp_path / "missing" / "g.json")


@pytest.mark.parametrize("fmt", ["png", "svg", "pdf"])
def test_export_figures_show_legend_title_and_sources(
    data: GraphData, tmp_path: Path, settings: Settings, fmt: str, artifacts_dir: Path
) -> None:
    path = export_graph(data, fmt, tmp_path / f"g.{fmt}", settings=settings)
    raw = path.read_bytes()
    assert len(raw) > 5000
    if fmt == "png":
        image = mpimg.imread(path)
        assert image.shape[0] > 500 and float(np.std(image[..., :3])) > 0.02  # not blank
        (artifacts_dir / "export_figure.png").write_bytes(raw)
    elif fmt == "svg":
        text = raw.decode("utf-8")
        for label in (
            "Actor type",
            TYPE_LABELS["PERSON"],
            TYPE_LABELS["MUNICIPALITY"],
            "Organisation (vendor)",
            data.snapshot_id,
            "Sources of the numbered edges",
            "[1]",
            "Bundesverband IT-Mittelstand: Partner der Kommunen",
        ):
            assert label in text, label
        assert "<script>" not in text
    else:
        assert raw.startswith(b"%PDF") and data.snapshot_id.encode() in raw  # in the document metadata


@pytest.mark.browser
def test_export_html_renders_offline_in_chromium(
    data: GraphData, tmp_path: Path, settings: Settings, artifacts_dir: Path
) -> None:
    playwright = pytest.importorskip("playwright.sync_api")
    path = export_graph(data, "html", tmp_path / "g.html", settings=settings)
    html_text = path.read_text(encoding="utf-8")
    assert "<script src" not in html_text and "https://" not in html_text.split("<script>")[0]
    # the name travels as a JSON string whose <, > and & are escaped: it cannot end the <script>
    assert HOSTILE not in html_text and json.dumps(HOSTILE, ensure_ascii=False).replace(
        "&", "\\u0026").replace("<", "\\u003c").replace(">", "\\u003e") in html_text
    errors: list[str] = []
    requests: list[str] = []
    with playwright.sync_playwright() as p:
        browser = p.chromium.launch(
            executable_path="/usr/bin/chromium",
            args=["--no-sandbox", "--disable-gpu", "--disable-background-networking"],
        )
        try:
            page_ = browser.new_page(viewport={"width": 1200, "height": 900})
            page_.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
            page_.on("pageerror", lambda e: errors.append(str(e)))
            page_.on("dialog", lambda d: errors.append("dialog: " + d.message))
            page_.on("request", lambda r: requests.append(r.url) if not r.url.startswith("file:") else None)
            page_.goto(path.as_uri())
            page_.wait_for_function("window.skgNetwork !== undefined")
            page_.wait_for_timeout(500)
            painted = page_.evaluate("""() => {
                const c = document.querySelector('#net canvas');
                const d = c.getContext('2d').getImageData(0, 0, c.width, c.height).data;
                let n = 0; for (let i = 3; i < d.length; i += 4) { if (d[i] > 0) n++; } return n; }""")
            label = page_.evaluate(
                f"() => window.skgNetwork.body.data.nodes.get('{eid('HSH Soft- und Hardware Vertrieb')}').label"
            )
            page_.screenshot(path=str(artifacts_dir / "export_network.png"))
        finally:
            browser.close()
    assert errors == [] and requests == []
    assert painted > 1000
    assert label == HOSTILE  # decoded for the canvas, never executed


def test_export_is_deterministic(data: GraphData, tmp_path: Path) -> None:
    for fmt, name in (("gexf", "g.gexf"), ("graphml", "g.graphml"), ("cypher", "g.cypher")):
        a = export_graph(data, fmt, tmp_path / f"a{name}").read_bytes()
        b = export_graph(data, fmt, tmp_path / f"b{name}").read_bytes()
        assert a == b, fmt


def test_export_leaves_the_graph_records_untouched(
    data: GraphData, tmp_path: Path, settings: Settings
) -> None:
    # evidence dicts are shared between edges: no exporter may modify them in place
    before = json.dumps(
        [[n.props for n in data.nodes], [e.props for e in data.edges]], sort_keys=True, default=str
    )
    for fmt, name in (
        ("json", "g.json"),
        ("gexf-dynamic", "g.gexf"),
        ("graphml", "g.graphml"),
        ("csv", "csv"),
        ("cypher", "g.cypher"),
        ("neo4j-import", "neo"),
        ("svg", "g.svg"),
    ):
        export_graph(data, fmt, tmp_path / name, settings=settings)
    after = json.dumps(
        [[n.props for n in data.nodes], [e.props for e in data.edges]], sort_keys=True, default=str
    )
    assert after == before
