"""Read-only Cypher for the console page: user queries and the saved query library.

The store does the safety check (``GraphStore.cypher`` refuses writes with
:class:`graph.errors.QueryRefusedError`); this module only adapts results
for display and finds the entity ids in them to draw as a graph.
"""

from __future__ import annotations

import importlib
import re
from typing import Any

import pandas as pd

from dashboard import data
from graph.errors import SkgError
from graph.model import GraphData
from graph.store.base import QueryResult

PARAM_RE = re.compile(r"\$([A-Za-z_][A-Za-z0-9_]*)")


def _library() -> Any:
    return importlib.import_module("graph.store.saved_queries")


def saved_queries() -> list[dict[str, Any]]:
    """The saved query library: name, description, query text and typed parameters."""
    try:
        lib = _library()
    except ImportError:
        return []
    return [{"name": q.name, "description": q.description, "query": q.cypher,
             "params": {n: {"type": p.type, "default": p.default, "required": p.required, "help": p.help}
                        for n, p in q.params.items()}}
            for q in lib.list_queries()]


def run_saved(name: str, raw: dict[str, str]) -> QueryResult:
    """Run a saved query; blank form fields fall back to the parameter defaults."""
    lib = _library()
    params = {k: v for k, v in raw.items() if str(v).strip() != ""}
    result: QueryResult = lib.run_saved(data.store(), name, params)
    return result


def parameters_of(query: str) -> list[str]:
    """``$name`` parameters a query uses, in first-use order.

    >>> parameters_of("MATCH (e) WHERE e.name = $name AND e.x > $min RETURN e LIMIT $name")
    ['name', 'min']
    """
    return list(dict.fromkeys(PARAM_RE.findall(query)))


def coerce_param(value: str) -> Any:
    """Form text → int, float or string (Cypher parameters are typed)."""
    for kind in (int, float):
        try:
            return kind(value)
        except ValueError:
            continue
    return value


def run(query: str, params: dict[str, Any]) -> QueryResult:
    """Run a read-only query under the configured time and row limits (settings ``query_*``)."""
    if not query.strip():
        raise SkgError("the query is empty", hint="type a MATCH … RETURN query or pick a saved one")
    return data.store().cypher(query, params)


def time_limit() -> str:
    """The console's time limit in words, shown while a query runs."""
    seconds = float(data.settings().query_timeout_s)
    if seconds <= 0:
        return "none (query_timeout_s = 0)"
    return f"{seconds:g} s (setting query_timeout_s)"


def as_frame(result: QueryResult) -> pd.DataFrame:
    """Rows as a table; nested values shown as text."""
    rows = [[v if isinstance(v, str | int | float | bool) or v is None else str(v) for v in row]
            for row in result.rows]
    return pd.DataFrame(rows, columns=result.columns)


def _ids_in(value: Any, known: set[str], out: set[str]) -> None:
    if isinstance(value, str) and value in known:
        out.add(value)
    elif isinstance(value, dict):
        for v in value.values():
            _ids_in(v, known, out)
    elif isinstance(value, list | tuple):
        for v in value:
            _ids_in(v, known, out)


def result_graph(result: QueryResult, snap: str) -> GraphData:
    """The entities whose ids appear in the result, with the edges among them."""
    gd = data.graph_data(snap)
    known = {n.id for n in gd.nodes if n.label == "Entity"}
    found: set[str] = set()
    for row in result.rows:
        _ids_in(row, known, found)
    return GraphData(nodes=[n for n in gd.nodes if n.id in found],
                     edges=[e for e in gd.edges if e.source in found and e.target in found],
                     snapshot_id=snap)
