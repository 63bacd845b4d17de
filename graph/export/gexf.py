"""GEXF 1.2 (namespace ``1.2draft``) for Gephi, valid against the official schema.

Why not ``networkx.write_gexf``: its files fail the official XSD (an empty ``name`` on
``<graph>``, the drawing hints in the ``viz`` namespace where the schema declares them in the
GEXF namespace, a ``lastmodifieddate`` that changes every day) and contain raw control
characters that no XML parser opens. This writer follows the schema: ``<color>``, ``<size>``
and ``<position>`` are children of ``<node>`` in the GEXF namespace. Gephi matches these
elements by local name, so it reads colours, sizes and positions either way; ``networkx.read_gexf``
reads nodes, edges and every attribute but looks for the ``viz`` namespace only, so it does
not see the drawing hints.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import networkx as nx
from lxml import etree

from graph.export.layout import positions
from graph.export.style import colour_of, rgb
from graph.export.view import entity_multigraph, entity_records
from graph.export.xmlattrs import Column, columns, iso_date, text_of, xml_safe, xsd_number
from graph.model import GraphData

NS = "http://www.gexf.net/1.2draft"
XSI = "http://www.w3.org/2001/XMLSchema-instance"
SCHEMA_LOCATION = f"{NS} {NS}/gexf.xsd"
# Edge properties GEXF has its own places for: the edge's ``weight`` attribute and its label.
EDGE_RESERVED = ("weight", "type")


def _el(parent: etree._Element, tag: str, **attrs: str) -> etree._Element:
    return etree.SubElement(parent, f"{{{NS}}}{tag}", attrs)


def _declare(graph: etree._Element, cls: str, cols: list[Column]) -> None:
    block = _el(graph, "attributes", **{"class": cls, "mode": "static"})
    for col in cols:
        _el(block, "attribute", id=col.name, title=col.name, type=col.kind)


def _values(parent: etree._Element, attrs: dict[str, Any], cols: list[Column]) -> None:
    block = _el(parent, "attvalues")
    for col in cols:
        if col.name in attrs:
            _el(block, "attvalue", **{"for": col.name, "value": text_of(attrs[col.name], col.kind)})


def _interval(attrs: dict[str, Any]) -> dict[str, str]:
    """``start``/``end`` from first/last seen, only when both are valid dates (else: always present)."""
    start, end = iso_date(attrs.get("first_seen")), iso_date(attrs.get("last_seen"))
    return {"start": start, "end": end} if start and end else {}


def _viz(node: etree._Element, attrs: dict[str, Any], size: float, xy: tuple[float, float]) -> None:
    r, g, b = rgb(colour_of(attrs))
    _el(node, "color", r=str(r), g=str(g), b=str(b), a="1.0")
    _el(node, "size", value=xsd_number(size))
    _el(node, "position", x=xsd_number(xy[0]), y=xsd_number(xy[1]), z="0.0")


def _layout(data: GraphData, seed: int) -> tuple[dict[str, tuple[float, float]], dict[str, int]]:
    g = entity_multigraph(data)
    return positions(nx.Graph(g.to_undirected()), seed), dict(g.degree())


def gexf_tree(data: GraphData, seed: int = 42, dynamic: bool = False) -> etree._ElementTree:
    """The GEXF document: colours by type, sizes by degree, seeded positions; dates when ``dynamic``."""
    nodes, edges = entity_records(data)
    node_rows = [{k: v for k, v in attrs.items() if k != "id"} for _, attrs in nodes]
    edge_rows = [{("edge_type" if k == "type" else k): v for k, v in attrs.items() if k != "weight"}
                 for _, attrs in edges]
    node_cols, edge_cols = columns(node_rows), columns(edge_rows)
    pos, degree = _layout(data, seed)
    root = etree.Element(f"{{{NS}}}gexf", {f"{{{XSI}}}schemaLocation": SCHEMA_LOCATION, "version": "1.2"},
                         nsmap={None: NS, "xsi": XSI})
    meta = _el(root, "meta")
    _el(meta, "creator").text = "stakeholder-graph"
    _el(meta, "description").text = xml_safe(
        f"snapshot {data.snapshot_id}; filter: {data.meta.get('filter', 'no filter')}")
    mode = {"mode": "dynamic", "timeformat": "date"} if dynamic else {"mode": "static"}
    graph = _el(root, "graph", defaultedgetype="directed", **mode)
    _declare(graph, "node", node_cols)
    _declare(graph, "edge", edge_cols)
    node_block = _el(graph, "nodes", count=str(len(nodes)))
    for (node_id, attrs), row in zip(nodes, node_rows, strict=True):
        node = _el(node_block, "node", id=node_id, label=xml_safe(str(attrs.get("name", node_id))),
                   **(_interval(attrs) if dynamic else {}))
        _values(node, row, node_cols)
        _viz(node, attrs, 4.0 + 2.0 * degree.get(node_id, 0) ** 0.5, pos.get(node_id, (0.0, 0.0)))
    edge_block = _el(graph, "edges", count=str(len(edges)))
    for (edge, attrs), row in zip(edges, edge_rows, strict=True):
        extra = {"weight": xsd_number(attrs["weight"])} if "weight" in attrs else {}
        element = _el(edge_block, "edge", id=edge.id, source=edge.source, target=edge.target,
                      label=edge.type, **extra, **(_interval(attrs) if dynamic else {}))
        _values(element, row, edge_cols)
    return etree.ElementTree(root)


def write_gexf(data: GraphData, out: Path, seed: int = 42, dynamic: bool = False) -> Path:
    """Write :func:`gexf_tree` to ``out`` (UTF-8, indented; equal graphs give equal bytes)."""
    gexf_tree(data, seed, dynamic).write(str(out), encoding="utf-8", xml_declaration=True, pretty_print=True)
    return out
