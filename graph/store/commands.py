"""CLI commands of the `store` stage: `skg query`, `skg push`, `skg snapshots`.

Thin: they parse options, call :mod:`graph.store` functions and print.
"""

from __future__ import annotations

import csv
import json
import sys
from typing import Annotated, Any

import typer

from graph.errors import QueryError, StoreError
from graph.store.base import QueryResult

FORMATS = ("table", "jsonl", "csv")


def parse_params(pairs: list[str]) -> dict[str, Any]:
    """``["k=v", …]`` as a dict; values that parse as JSON (numbers, booleans, lists) are typed.

    >>> parse_params(["t=MUNICIPALITY", "n=5"])
    {'t': 'MUNICIPALITY', 'n': 5}
    """
    params: dict[str, Any] = {}
    for pair in pairs:
        key, sep, raw = pair.partition("=")
        if not sep or not key:
            raise QueryError(f"--param {pair!r} is not key=value", hint="write --param name=value")
        try:
            params[key] = json.loads(raw)
        except ValueError:
            params[key] = raw
    return params


def _cell(value: Any) -> str:
    return value if isinstance(value, str) else json.dumps(value, ensure_ascii=False)


def print_result(result: QueryResult, fmt: str) -> None:
    """Write ``result`` to stdout as a table, JSON lines or CSV."""
    if fmt == "jsonl":
        for row in result.rows:
            typer.echo(json.dumps(dict(zip(result.columns, row, strict=True)), ensure_ascii=False))
    elif fmt == "csv":
        writer = csv.writer(sys.stdout)
        writer.writerow(result.columns)
        writer.writerows([_cell(v) for v in row] for row in result.rows)
    else:
        from rich.console import Console
        from rich.table import Table

        table = Table(*result.columns)
        for row in result.rows:
            table.add_row(*(_cell(v) for v in row))
        Console().print(table)
    if result.truncated:  # on stderr, so that JSON lines and CSV on stdout stay plain data
        typer.echo(result.notice(), err=True)


def _list_saved() -> None:
    from graph.store.saved_queries import list_queries

    for q in list_queries():
        params = ", ".join(p.name + ("" if p.required else f"={p.default!r}") for p in q.params.values())
        typer.echo(f"{q.name}({params})\n    {q.description}")


def query_command(
    ctx: typer.Context,
    cypher_text: Annotated[str | None, typer.Argument(metavar="CYPHER", help="Read-only Cypher.")] = None,
    param: Annotated[list[str] | None, typer.Option("--param", "-p", help="Query parameter k=v.")] = None,
    backend: Annotated[str | None, typer.Option(help="embedded or neo4j (default: settings).")] = None,
    fmt: Annotated[str, typer.Option("--format", help="table, jsonl or csv.")] = "table",
    saved: Annotated[str | None, typer.Option(help="Run a saved query by name.")] = None,
    list_saved: Annotated[bool, typer.Option("--list", help="List the saved queries.")] = False,
    row_cap: Annotated[int | None, typer.Option(help="Maximum rows (default: query_row_cap).")] = None,
    timeout: Annotated[float | None, typer.Option(
        help="Stop the query after this many seconds (default: query_timeout_s; 0 = no limit).")] = None,
) -> None:
    """Run read-only Cypher (or a saved query) against the graph; writes are refused."""
    from graph.cli import settings_of
    from graph.store import open_store
    from graph.store.saved_queries import bind, get_query

    if list_saved:
        _list_saved()
        return
    if fmt not in FORMATS:
        raise QueryError(f"unknown format {fmt!r}", hint="use table, jsonl or csv")
    if (cypher_text is None) == (saved is None):
        raise QueryError("give either a Cypher query or --saved NAME", hint="see `skg query --list`")
    params = parse_params(param or [])
    with open_store(settings_of(ctx), backend) as store:
        if saved is not None:
            query = get_query(saved)
            result = store.cypher(query.cypher, bind(query, params), row_cap=row_cap, timeout_s=timeout)
        else:
            result = store.cypher(str(cypher_text), params, row_cap=row_cap, timeout_s=timeout)
    print_result(result, fmt)


def push_command(ctx: typer.Context) -> None:
    """Copy the current embedded snapshot to Neo4j (incremental, resumable)."""
    from graph.cli import settings_of
    from graph.store import open_store

    settings = settings_of(ctx)
    with open_store(settings, "embedded") as embedded:
        graph = embedded.load()
    if not graph.snapshot_id and not graph.nodes:
        raise StoreError("there is no embedded graph to push", hint="run `skg build` first")
    if not settings.neo4j_uri:
        from graph.store.neo4j_server import ensure_running

        ensure_running(settings)
    with open_store(settings, "neo4j") as neo:
        report = neo.write(graph)
    typer.echo(f"pushed snapshot {report.snapshot_id}: {report.nodes} nodes and {report.edges} "
               f"relationships written, {report.skipped} unchanged skipped in {report.seconds:.1f} s")


def snapshots_command(ctx: typer.Context) -> None:
    """List the embedded graph snapshots (newest first)."""
    from graph.cli import settings_of
    from graph.store.embedded_snapshots import list_snapshots

    rows = list_snapshots(settings_of(ctx).home_path)
    if not rows:
        typer.echo("no snapshots yet: run `skg build`")
    for row in rows:
        mark = "*" if row["current"] else " "
        typer.echo(f"{mark} {row['dir']}  {int(str(row['bytes'])) / 1e6:.1f} MB")


def register(app: typer.Typer) -> None:
    """Add this stage's commands to `app`."""
    app.command("query")(query_command)
    app.command("push")(push_command)
    app.command("snapshots")(snapshots_command)
