"""Tabular exports: a CSV folder for spreadsheets and `neo4j-admin database import` files."""

from __future__ import annotations

import csv
import json
from pathlib import Path
from typing import Any

from graph.model import GraphData
from graph.model.graphdata import ARTICLE_PROPS, EDGE_PROPS, ENTITY_PROPS, TOPIC_PROPS

EDGE_COLUMNS = (
    "id",
    "type",
    "source",
    "target",
    "weight",
    "articles",
    "sentence_count",
    "paragraph_count",
    "document_count",
    "first_seen",
    "last_seen",
    "npmi",
    "lift",
    "role",
    "count",
    # HOLDS_ROLE: the office in time; SAID_ABOUT / SAID_ON: statements by polarity
    "start_date",
    "start_precision",
    "end_date",
    "end_precision",
    "status",
    "predecessor",
    "successor",
    "polarity",
    "positive",
    "negative",
    "neutral",
)
EVIDENCE_COLUMNS = (
    "edge_id",
    "type",
    "source",
    "target",
    "article_id",
    "published",
    "sentence",
    "start",
    "end",
    "verb",
    "polarity",
)


def _cell(value: Any) -> Any:
    if value is None:
        return ""
    if isinstance(value, list | dict | tuple):
        return json.dumps(value, ensure_ascii=False)
    return value


def _write(path: Path, header: list[str], rows: list[list[Any]]) -> None:
    with path.open("w", newline="", encoding="utf-8") as fh:
        writer = csv.writer(fh)
        writer.writerow(header)
        writer.writerows(rows)


def write_csv_folder(data: GraphData, out: Path) -> Path:
    """``nodes.csv`` (entities), ``edges.csv`` (entity–entity edges), ``evidence.csv`` (one row a quote)."""
    out.mkdir(parents=True, exist_ok=True)
    entities = [n for n in data.nodes if n.label == "Entity"]
    ids = {n.id for n in entities}
    _write(
        out / "nodes.csv",
        list(ENTITY_PROPS),
        [[_cell(n.props.get(k)) for k in ENTITY_PROPS] for n in entities],
    )
    edges = [e for e in data.edges if e.source in ids and e.target in ids]
    rows, quotes = [], []
    for e in edges:
        values = {"id": e.id, "type": e.type, "source": e.source, "target": e.target, **e.props}
        rows.append([_cell(values.get(k)) for k in EDGE_COLUMNS])
        for ev in e.props.get("evidence") or []:
            quotes.append(
                [e.id, e.type, e.source, e.target, *(_cell(ev.get(k)) for k in EVIDENCE_COLUMNS[4:])]
            )
    _write(out / "edges.csv", list(EDGE_COLUMNS), rows)
    _write(out / "evidence.csv", list(EVIDENCE_COLUMNS), quotes)
    return out


# neo4j-admin import: typed header fields; arrays split on ';' (the tool's default delimiter).
_NODE_TYPES = {
    "lat": "float",
    "lon": "float",
    "mentions": "int",
    "articles": "int",
    "confidence": "float",
    "aliases": "string[]",
}
_EDGE_TYPES = {
    "weight": "float",
    "articles": "int",
    "sentence_count": "int",
    "paragraph_count": "int",
    "document_count": "int",
    "npmi": "float",
    "lift": "float",
    "count": "int",
    "positive": "int",
    "negative": "int",
    "neutral": "int",
}
_LABELS = {"Entity": ENTITY_PROPS, "Article": ARTICLE_PROPS, "Topic": TOPIC_PROPS}


def _admin_cell(value: Any) -> Any:
    if isinstance(value, list | tuple) and all(isinstance(v, str) for v in value):
        return ";".join(v.replace(";", ",") for v in value)
    return _cell(value)


def write_neo4j_import(data: GraphData, out: Path) -> Path:
    """One CSV per label and per relationship type, plus ``import.sh`` with the matching command."""
    out.mkdir(parents=True, exist_ok=True)
    args = []
    for label, props in _LABELS.items():
        nodes = [n for n in data.nodes if n.label == label]
        if not nodes:
            continue
        header = (
            [f"id:ID({label})"]
            + [f"{p}:{_NODE_TYPES[p]}" if p in _NODE_TYPES else p for p in props if p != "id"]
            + [":LABEL"]
        )
        rows = [[n.id, *(_admin_cell(n.props.get(p)) for p in props if p != "id"), label] for n in nodes]
        _write(out / f"nodes_{label}.csv", header, rows)
        args.append(f"--nodes={label}=nodes_{label}.csv")
    labels = {n.id: n.label for n in data.nodes}
    groups: dict[tuple[str, str, str], list[list[Any]]] = {}
    for e in data.edges:
        if e.source not in labels or e.target not in labels:
            continue
        key = (e.type, labels[e.source], labels[e.target])
        groups.setdefault(key, []).append(
            [e.source, e.target, *(_cell(e.props.get(p)) for p in EDGE_PROPS if p != "id"), e.id, e.type]
        )
    for (etype, src, dst), rows in sorted(groups.items()):
        header = [f":START_ID({src})", f":END_ID({dst})"]
        header += [f"{p}:{_EDGE_TYPES[p]}" if p in _EDGE_TYPES else p for p in EDGE_PROPS if p != "id"]
        header += ["id", ":TYPE"]
        name = f"rels_{etype}_{src}_{dst}.csv"
        _write(out / name, header, rows)
        args.append(f"--relationships={etype}={name}")
    script = [
        "#!/bin/sh",
        "# Load into an empty database (stop Neo4j first).",
        "neo4j-admin database import full --overwrite-destination " + " ".join(args) + ' "${1:-neo4j}"',
    ]
    (out / "import.sh").write_text("\n".join(script) + "\n", encoding="utf-8")
    return out
