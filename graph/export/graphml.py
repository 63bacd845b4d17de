"""GraphML 1.0, valid against the official schema (``graphml.xsd``).

Why not ``networkx.write_graphml``: for a multigraph it uses the edge key as the edge id, and
our keys (the edge type) repeat, which breaks the schema's ``edge_id_unique`` constraint; it
also refuses control characters with a ``ValueError`` instead of writing the file. Here every
edge keeps its stable id and text goes through :func:`graph.export.xmlattrs.xml_safe`.
Lists and dicts (aliases, evidence) are JSON text, as in the stores.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from lxml import etree

from graph.export.view import entity_records
from graph.export.xmlattrs import Column, columns, text_of
from graph.model import GraphData

NS = "http://graphml.graphdrawing.org/xmlns"
XSI = "http://www.w3.org/2001/XMLSchema-instance"
SCHEMA_LOCATION = f"{NS} {NS}/1.0/graphml.xsd"


def _el(parent: etree._Element, tag: str, **attrs: str) -> etree._Element:
    return etree.SubElement(parent, f"{{{NS}}}{tag}", attrs)


def _keys(root: etree._Element, domain: str, prefix: str, cols: list[Column]) -> dict[str, tuple[str, str]]:
    """Declare one ``<key>`` per column; return name → (key id, type)."""
    ids = {}
    for i, col in enumerate(cols):
        key_id = f"{prefix}{i}"
        _el(root, "key", id=key_id, **{"for": domain, "attr.name": col.name, "attr.type": col.kind})
        ids[col.name] = (key_id, col.kind)
    return ids


def _data(parent: etree._Element, attrs: dict[str, Any], keys: dict[str, tuple[str, str]]) -> None:
    for name, value in attrs.items():
        key_id, kind = keys[name]
        _el(parent, "data", key=key_id).text = text_of(value, kind)


def graphml_tree(data: GraphData) -> etree._ElementTree:
    """The GraphML document: graph keys (snapshot, filter), node keys, edge keys, then the graph."""
    nodes, edges = entity_records(data)
    head = {"snapshot_id": data.snapshot_id, "filter": str(data.meta.get("filter", "no filter"))}
    root = etree.Element(f"{{{NS}}}graphml", {f"{{{XSI}}}schemaLocation": SCHEMA_LOCATION},
                         nsmap={None: NS, "xsi": XSI})
    graph_keys = _keys(root, "graph", "g", columns([head]))
    node_keys = _keys(root, "node", "n", columns(attrs for _, attrs in nodes))
    edge_keys = _keys(root, "edge", "e", columns(attrs for _, attrs in edges))
    graph = _el(root, "graph", id="G", edgedefault="directed")
    _data(graph, head, graph_keys)
    for node_id, attrs in nodes:
        _data(_el(graph, "node", id=node_id), attrs, node_keys)
    for edge, attrs in edges:
        _data(_el(graph, "edge", id=edge.id, source=edge.source, target=edge.target), attrs, edge_keys)
    return etree.ElementTree(root)


def write_graphml(data: GraphData, out: Path) -> Path:
    """Write :func:`graphml_tree` to ``out`` (UTF-8, indented; equal graphs give equal bytes)."""
    graphml_tree(data).write(str(out), encoding="utf-8", xml_declaration=True, pretty_print=True)
    return out
