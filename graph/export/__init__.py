"""Stage `export`: write a built graph in the formats analysts use (see docs/export.md).

``export_graph`` is the one entry point; every format honours the same
:class:`graph.store.base.SubgraphFilter` as the dashboard. Without a filter,
the Cypher script and the neo4j-admin files contain the complete graph
(articles and topics included) so a database can be recreated from them;
every other format shows the entity network.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from graph.errors import ExportError
from graph.model import GraphData
from graph.store.base import SubgraphFilter

FORMATS = (
    "json",
    "gexf",
    "gexf-dynamic",
    "graphml",
    "csv",
    "cypher",
    "neo4j-import",
    "html",
    "png",
    "svg",
    "pdf",
)
FOLDER_FORMATS = ("csv", "neo4j-import")
VISUAL_FORMATS = ("html", "png", "svg", "pdf")


def export_graph(
    data: GraphData, fmt: str, out: str | Path, flt: SubgraphFilter | None = None, settings: Any = None
) -> Path:
    """Write ``data`` (after ``flt``) as ``fmt`` to ``out`` (a folder for csv/neo4j-import); returns the path.

    Visual formats draw at most ``settings.node_cap`` nodes when the filter
    sets no cap, because an unreadable hairball helps nobody.
    """
    from graph.build.nxgraph import entity_graph, filter_data

    if fmt not in FORMATS:
        raise ExportError(f"unknown export format {fmt!r}", hint="use one of: " + ", ".join(FORMATS))
    path = Path(out)
    _check_target(path, fmt)
    seed = int(getattr(settings, "seed", 42))
    if fmt in VISUAL_FORMATS and settings is not None and (flt is None or flt.node_cap is None):
        flt = _with_cap(flt, int(settings.node_cap))
    try:
        if fmt in VISUAL_FORMATS:
            return _visual(data, entity_graph(data, flt), fmt, path, seed)
        full = flt is None and fmt in ("cypher", "neo4j-import")
        return _files(data if full else filter_data(data, flt), fmt, path, seed)
    except OSError as exc:
        raise ExportError(
            f"cannot write {fmt} export: {exc.strerror}",
            path=str(path),
            hint="check that the folder exists and is writable",
        ) from exc


def _with_cap(flt: SubgraphFilter | None, cap: int) -> SubgraphFilter:
    from dataclasses import replace

    return replace(flt or SubgraphFilter(), node_cap=cap)


def _check_target(path: Path, fmt: str) -> None:
    if fmt in FOLDER_FORMATS:
        if path.exists() and not path.is_dir():
            raise ExportError(
                f"--out must name a folder for {fmt}", path=str(path), hint="give a folder path"
            )
    elif path.is_dir():
        raise ExportError(
            f"--out names a folder but {fmt} writes one file",
            path=str(path),
            hint=f"give a file name such as graph.{fmt.split('-')[0]}",
        )
    parent = path if fmt in FOLDER_FORMATS else path.parent
    if not parent.exists() and not (fmt in FOLDER_FORMATS and parent.parent.exists()):
        raise ExportError("the output folder does not exist", path=str(parent), hint="create it first")


def _files(view: GraphData, fmt: str, path: Path, seed: int) -> Path:
    from graph.export import cypher_script, netformats, tables

    writers = {
        "json": lambda: netformats.write_json(view, path),
        "gexf": lambda: netformats.write_gexf(view, path, seed),
        "gexf-dynamic": lambda: netformats.write_gexf(view, path, seed, dynamic=True),
        "graphml": lambda: netformats.write_graphml(view, path),
        "csv": lambda: tables.write_csv_folder(view, path),
        "neo4j-import": lambda: tables.write_neo4j_import(view, path),
        "cypher": lambda: cypher_script.write_cypher(view, path),
    }
    return writers[fmt]()


def _visual(data: GraphData, g: Any, fmt: str, path: Path, seed: int) -> Path:
    from graph.export.layout import positions

    pos = positions(g, seed)
    title = f"Stakeholder graph ({g.number_of_nodes()} actors)"
    caption = f"Filter: {g.graph.get('filter')} · Snapshot: {data.snapshot_id}"
    if fmt == "html":
        from graph.export.html import write_html

        return write_html(g, path, pos, title, caption)
    from graph.export.figure import write_figure

    titles = {
        n.id: (str(n.props.get("title") or n.id), n.props.get("published"))
        for n in data.nodes
        if n.label == "Article"
    }
    return write_figure(
        g,
        path,
        pos,
        fmt,
        title=title,
        filter_text=str(g.graph.get("filter")),
        snapshot_id=data.snapshot_id,
        titles=titles,
    )
