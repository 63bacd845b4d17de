"""A Cypher script that recreates the graph in any Neo4j (``cypher-shell -f graph.cypher``).

This is a file export, not a query against our stores: literals are written
with ``json.dumps`` (JSON string escapes are valid Cypher escapes) and
property keys are backtick-quoted, so no value can break out of its literal.
Statements come from the fixed templates below.
"""

from __future__ import annotations

import json
from pathlib import Path
from string import Template
from typing import Any

from graph.model import GraphData

BATCH = 500
CONSTRAINT = Template("CREATE CONSTRAINT ${name} IF NOT EXISTS FOR (n:${label}) REQUIRE n.id IS UNIQUE;")
NODE = Template("CREATE (:${label} ${props});")
EDGE = Template(
    "MATCH (a:${src} {id: ${source}}), (b:${dst} {id: ${target}}) CREATE (a)-[:${type} ${props}]->(b);"
)
BEGIN, COMMIT = ":begin", ":commit"


def literal(value: Any) -> str:
    """A Cypher literal: strings, numbers, booleans, null and lists of those.

    >>> literal('Ein "Zitat" \\\\ mit Backslash')
    '"Ein \\\\"Zitat\\\\" \\\\\\\\ mit Backslash"'
    >>> literal([1, "a"])
    '[1, "a"]'
    """
    if value is None or isinstance(value, bool | int | float | str):
        return json.dumps(value, ensure_ascii=False)
    if isinstance(value, list | tuple) and all(isinstance(v, str | int | float) for v in value):
        return "[" + ", ".join(literal(v) for v in value) + "]"
    return json.dumps(json.dumps(value, ensure_ascii=False), ensure_ascii=False)  # nested → JSON text


def prop_map(props: dict[str, Any]) -> str:
    """``{`key`: literal, …}`` without nulls (Neo4j does not store them)."""
    items = [f"`{k.replace('`', '``')}`: {literal(v)}" for k, v in props.items() if v is not None]
    return "{" + ", ".join(items) + "}"


def _identifier(name: str) -> str:
    return "`" + name.replace("`", "``") + "`"


def write_cypher(data: GraphData, out: Path) -> Path:
    """Constraints, then nodes, then relationships, in transactions of ``BATCH`` statements."""
    labels = {n.id: n.label for n in data.nodes}
    lines = [
        CONSTRAINT.substitute(name=f"skg_{label.lower()}_id", label=label)
        for label in sorted(set(labels.values()))
    ]
    body = [NODE.substitute(label=_identifier(n.label), props=prop_map(n.props)) for n in data.nodes]
    for e in data.edges:
        if e.source in labels and e.target in labels:
            body.append(
                EDGE.substitute(
                    src=_identifier(labels[e.source]),
                    dst=_identifier(labels[e.target]),
                    source=literal(e.source),
                    target=literal(e.target),
                    type=_identifier(e.type),
                    props=prop_map({"id": e.id, **e.props}),
                )
            )
    for start in range(0, len(body), BATCH):
        lines += [BEGIN, *body[start : start + BATCH], COMMIT]
    out.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return out
