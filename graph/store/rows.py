"""Flat property rows: how :class:`GraphData` records look inside a backend.

Both backends store exactly the declared properties (see :mod:`graph.store.schema`),
coerced to one type each, so that a graph written to LadybugDB or Neo4j reads back
identically. Reading turns rows back into :class:`Node` / :class:`Edge` records
(``None`` values and the ``id`` are left out of ``props``; JSON strings are decoded).
"""

from __future__ import annotations

import datetime as dt
import gc
import json
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from graph.errors import StoreError
from graph.model.graphdata import EDGE_TYPES, NODE_LABELS, Edge, EdgeType, GraphData, Node, NodeLabel
from graph.model.ids import digest
from graph.store.schema import EDGE_SCHEMA, NODE_SCHEMA, REL_ENDPOINTS, PropType

_FAST: dict[str, type] = {"STRING": str, "INT64": int, "DOUBLE": float, "JSON": str}


def coerce(name: str, value: Any, kind: PropType) -> Any:
    """One property value in its declared type (``None`` stays ``None``)."""
    if value is None or type(value) is _FAST.get(kind):
        return value
    try:
        if kind == "JSON":
            return value if isinstance(value, str) else json.dumps(value, ensure_ascii=False, sort_keys=True)
        if kind == "STRING[]":
            return [str(v) for v in ([value] if isinstance(value, str) else value)]
        if kind == "INT64":
            return int(value)
        if kind == "DOUBLE":
            return float(value)
        if isinstance(value, (dt.date, dt.datetime)):
            return value.isoformat()
        return str(value)
    except (TypeError, ValueError):
        raise StoreError(
            f"property {name}={value!r} is not a valid {kind}",
            hint="fix the graph builder so that it emits the declared property types",
        ) from None


def _typed(props: dict[str, Any], schema: dict[str, PropType]) -> dict[str, Any]:
    """Every declared property (``None`` when absent), present ones coerced; others ignored."""
    row: dict[str, Any] = dict.fromkeys(schema)
    for name, value in props.items():
        kind = schema.get(name)
        if kind is not None and value is not None:
            row[name] = coerce(name, value, kind)
    return row


def node_row(node: Node) -> dict[str, Any]:
    """The declared properties of ``node`` as a flat, typed row (``id`` included)."""
    row = _typed(node.props, NODE_SCHEMA[node.label])
    row["id"] = node.id
    return row


def edge_row(edge: Edge) -> dict[str, Any]:
    """The declared properties of ``edge`` plus ``source``/``target`` endpoint ids."""
    row = _typed(edge.props, EDGE_SCHEMA)
    row["id"] = edge.id
    row["source"] = edge.source
    row["target"] = edge.target
    return row


def row_hash(row: dict[str, Any]) -> str:
    """A content hash of a row (used to skip unchanged rows on an incremental push)."""
    return digest(json.dumps(row, sort_keys=True, ensure_ascii=False, default=str), length=32)


@contextmanager
def gc_paused() -> Iterator[None]:
    """Pause the cyclic garbage collector while tens of thousands of row dicts are built.

    Allocating that many containers triggers full collections that walk every live object, so
    in a process already holding a large graph (the dashboard, a benchmark) the collector, not
    the database, dominated reading a big subgraph. Rows hold no reference cycles.
    """
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


_SCALARS = frozenset((str, int, float, bool, type(None)))


def plain(value: Any) -> Any:
    """A JSON-compatible value (``Decimal`` → number, dates → ISO strings)."""
    if type(value) in _SCALARS:  # the common case, checked first: rows hold mostly scalars
        return value
    if isinstance(value, Decimal):
        return int(value) if value == value.to_integral_value() else float(value)
    if isinstance(value, (dt.date, dt.datetime)):
        return value.isoformat()
    if isinstance(value, (list, tuple)):
        return [plain(v) for v in value]
    if isinstance(value, dict):
        return {str(k): plain(v) for k, v in value.items()}
    return value


def decode_props(row: dict[str, Any], schema: dict[str, PropType]) -> dict[str, Any]:
    """Props of a stored row as the model carries them: no ``None``, no ``id``, JSON decoded."""
    props = {k: plain(v) for k, v in row.items() if v is not None and k != "id" and k in schema}
    for name in _json_names(schema):
        if isinstance(props.get(name), str):
            props[name] = json.loads(props[name])
    return props


def _json_names(schema: dict[str, PropType]) -> tuple[str, ...]:
    """Names of the JSON-typed properties of ``schema`` (precomputed for the fixed schemas)."""
    known = _JSON_NAMES.get(id(schema))
    return known if known is not None else _scan_json(schema)


def _scan_json(schema: dict[str, PropType]) -> tuple[str, ...]:
    return tuple(n for n, t in schema.items() if t == "JSON")


_JSON_NAMES = {id(s): _scan_json(s) for s in (*NODE_SCHEMA.values(), EDGE_SCHEMA)}


def node_from_row(label: NodeLabel, row: dict[str, Any]) -> Node:
    """Inverse of :func:`node_row`."""
    return Node(label, str(row["id"]), decode_props(row, NODE_SCHEMA[label]))


def edge_from_row(edge_type: EdgeType, row: dict[str, Any]) -> Edge:
    """Inverse of :func:`edge_row`."""
    return Edge(edge_type, str(row["source"]), str(row["target"]), decode_props(row, EDGE_SCHEMA))


@dataclass
class GraphRows:
    """Typed rows of a graph, grouped by label and relationship type (ids computed once)."""

    nodes: dict[NodeLabel, list[dict[str, Any]]] = field(default_factory=dict)
    edges: dict[EdgeType, list[dict[str, Any]]] = field(default_factory=dict)


def graph_rows(graph: GraphData) -> GraphRows:
    """Rows of every node and edge, after refusing duplicate ids and dangling edges."""
    out = GraphRows({label: [] for label in NODE_LABELS}, {t: [] for t in EDGE_TYPES})
    labels: dict[str, str] = {}
    for node in graph.nodes:
        if node.id in labels:
            raise StoreError(f"duplicate node id {node.id!r} ({labels[node.id]} and {node.label})",
                             hint="node ids must be unique across labels; fix the graph builder")
        labels[node.id] = node.label
        out.nodes[node.label].append(node_row(node))
    edge_ids: set[str] = set()
    for edge in graph.edges:
        row = edge_row(edge)
        _check_edge(edge, row["id"], labels, edge_ids)
        out.edges[edge.type].append(row)
    return out


def validate(graph: GraphData) -> None:
    """Refuse duplicate ids and edges whose endpoints are missing (both backends alike)."""
    graph_rows(graph)


def _check_edge(edge: Edge, edge_id: str, labels: dict[str, str], edge_ids: set[str]) -> None:
    src, dst = REL_ENDPOINTS[edge.type]
    if labels.get(edge.source) != src or labels.get(edge.target) != dst:
        raise StoreError(
            f"{edge.type} edge {edge.source} -> {edge.target} needs a {src} and a {dst} node",
            hint="every edge endpoint must be a node of the graph with the right label",
        )
    if edge_id in edge_ids:
        raise StoreError(f"duplicate {edge.type} edge {edge.source} -> {edge.target}",
                         hint="merge parallel edges of one type and role in the graph builder")
    edge_ids.add(edge_id)


_LABEL_RANK = {label: i for i, label in enumerate(NODE_LABELS)}
_TYPE_RANK = {edge_type: i for i, edge_type in enumerate(EDGE_TYPES)}


def sorted_graph(nodes: Iterable[Node], edges: Iterable[Edge], snapshot_id: str) -> GraphData:
    """A :class:`GraphData` in canonical order (label/type, then id) so backends compare equal."""
    node_list = sorted(nodes, key=lambda n: (_LABEL_RANK[n.label], n.id))
    edge_list = sorted(edges, key=lambda e: (_TYPE_RANK[e.type], e.id))
    return GraphData(node_list, edge_list, snapshot_id)
