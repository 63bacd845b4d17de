"""Tabular exports: a CSV folder for spreadsheets and `neo4j-admin database import` files.

The CSV folder is meant for Excel and LibreOffice, which run a cell that starts with ``=``,
``+``, ``-`` or ``@`` (and, after a leading tab or carriage return, the same) as a formula: a
name such as ``=HYPERLINK(...)`` from a news text would become a live link or worse. Text cells
starting with one of those characters get a leading apostrophe (the OWASP advice against CSV
injection); numbers are written as numbers and never changed, so a negative NPMI stays a number.

The neo4j-admin files are not for spreadsheets: an apostrophe would end up in the database,
so their text stays raw. They may contain line breaks inside quoted fields, which the importer
only accepts with ``--multiline-fields=true`` (written into ``import.sh``).
"""

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
    "evidence_level",
    "independent_sources",
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


FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def _cell(value: Any) -> Any:
    if value is None:
        return ""
    if isinstance(value, list | dict | tuple):
        return json.dumps(value, ensure_ascii=False)
    return value


def spreadsheet_cell(value: Any) -> Any:
    """A CSV cell no spreadsheet runs as a formula: text starting with = + - @ tab or CR gets a leading '.

    >>> [spreadsheet_cell(v) for v in ("=1+1", "-x", "Amt", -0.5, None)]
    ["'=1+1", "'-x", 'Amt', -0.5, '']
    """
    cell = _cell(value)
    if isinstance(cell, str) and cell.startswith(FORMULA_START):
        return "'" + cell
    return cell


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
        [[spreadsheet_cell(n.props.get(k)) for k in ENTITY_PROPS] for n in entities],
    )
    edges = [e for e in data.edges if e.source in ids and e.target in ids]
    rows, quotes = [], []
    for e in edges:
        values = {"id": e.id, "type": e.type, "source": e.source, "target": e.target, **e.props}
        rows.append([spreadsheet_cell(values.get(k)) for k in EDGE_COLUMNS])
        for ev in e.props.get("evidence") or []:
            cells = [spreadsheet_cell(ev.get(k)) for k in EVIDENCE_COLUMNS[4:]]
            quotes.append([e.id, e.type, e.source, e.target, *cells])
    _write(out / "edges.csv", list(EDGE_COLUMNS), rows)
    _write(out / "evidence.csv", list(EVIDENCE_COLUMNS), quotes)
    return out


# neo4j-admin import: typed header fields; arrays split on a delimiter no item contains (import.sh names it).
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
    "independent_sources": "int",
    "positive": "int",
    "negative": "int",
    "neutral": "int",
}
_LABELS = {"Entity": ENTITY_PROPS, "Article": ARTICLE_PROPS, "Topic": TOPIC_PROPS}


def _is_text_list(value: Any) -> bool:
    return isinstance(value, list | tuple) and all(isinstance(v, str) for v in value)


def array_delimiter(data: GraphData) -> str:
    """A character no string-array item of the graph contains, for the importer's ``--array-delimiter``.

    ``;`` (the importer's default) when it is free; otherwise the first free private-use
    character, so an alias such as ``A; B`` reads back unchanged.

    >>> array_delimiter(GraphData())
    ';'
    """
    used = {ch for n in data.nodes for v in n.props.values() if _is_text_list(v) for item in v for ch in item}
    return next(ch for ch in (";", "|", *map(chr, range(0xE000, 0xF900))) if ch not in used)


def _admin_cell(value: Any, delimiter: str) -> Any:
    if _is_text_list(value):
        return delimiter.join(value)
    return _cell(value)


def write_neo4j_import(data: GraphData, out: Path) -> Path:
    """One CSV per label and per relationship type, plus ``import.sh`` with the matching command."""
    out.mkdir(parents=True, exist_ok=True)
    delimiter = array_delimiter(data)
    args = [f"--array-delimiter=U+{ord(delimiter):04X}"]
    for label, props in _LABELS.items():
        nodes = [n for n in data.nodes if n.label == label]
        if not nodes:
            continue
        header = (
            [f"id:ID({label})"]
            + [f"{p}:{_NODE_TYPES[p]}" if p in _NODE_TYPES else p for p in props if p != "id"]
            + [":LABEL"]
        )
        rows = [
            [n.id, *(_admin_cell(n.props.get(p), delimiter) for p in props if p != "id"), label]
            for n in nodes
        ]
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
        "neo4j-admin database import full --overwrite-destination --multiline-fields=true "
        + " ".join(args)
        + ' "${1:-neo4j}"',
    ]
    (out / "import.sh").write_text("\n".join(script) + "\n", encoding="utf-8")
    return out
