"""Exports for the current filters through :func:`graph.export.export_graph`, as download bytes."""

from __future__ import annotations

import importlib
import io
import tempfile
import zipfile
from pathlib import Path

from dashboard import data
from graph.errors import ExportError
from graph.store.base import SubgraphFilter

FALLBACK_FORMATS = ("graphml", "gexf", "json", "csv", "html", "png", "svg", "pdf")


def formats() -> list[str]:
    """Export formats the export stage offers."""
    try:
        import graph.export as ex
    except ImportError:  # pragma: no cover - the stage ships with the package
        return []
    return list(getattr(ex, "FORMATS", FALLBACK_FORMATS))


def export_bytes(fmt: str, flt: SubgraphFilter, snap: str) -> tuple[str, bytes]:
    """Run one export into a temporary folder; return (file name, content); several files are zipped."""
    export_graph = importlib.import_module("graph.export").export_graph
    graph = data.graph_data(snap)  # the export applies ``flt`` itself and cites articles
    with tempfile.TemporaryDirectory(prefix="skg-export-") as tmp:
        folder = fmt in getattr(importlib.import_module("graph.export"), "FOLDER_FORMATS", ())
        out = Path(tmp) / (f"skg-{snap}-{fmt}" if folder else f"skg-{snap}.{fmt.split('-')[0]}")
        export_graph(graph, fmt, out, flt, data.settings())
        files = sorted(p for p in Path(tmp).rglob("*") if p.is_file())
        if not files:
            raise ExportError(f"the {fmt} export wrote no file", hint="check the export stage's log")
        if len(files) == 1:
            return files[0].name, files[0].read_bytes()
        buffer = io.BytesIO()
        with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as zf:
            for f in files:
                zf.write(f, f.relative_to(tmp))
        return f"skg-{snap}-{fmt}.zip", buffer.getvalue()
