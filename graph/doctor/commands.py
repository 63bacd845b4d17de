"""`skg doctor`: one table of what this install can do and what to run for the rest."""

from __future__ import annotations

import json
from dataclasses import asdict
from typing import Annotated

import typer

STYLE = {"ok": "green", "missing": "red", "warn": "yellow", "info": "cyan"}


def doctor_cmd(
    ctx: typer.Context,
    as_json: Annotated[bool, typer.Option("--json", help="Print the findings as JSON lines.")] = False,
    strict: Annotated[bool, typer.Option(help="Exit 1 when a part is missing or broken.")] = False,
) -> None:
    """Check Python, packages, readers, Java/Maven, Neo4j, CoreNLP, Chromium, gazetteer and stores."""
    from rich.console import Console
    from rich.markup import escape
    from rich.table import Table

    from graph.cli import settings_of
    from graph.doctor.report import diagnose

    rows = diagnose(settings_of(ctx))
    if as_json:
        for row in rows:
            typer.echo(json.dumps(asdict(row), ensure_ascii=False))
    else:
        table = Table("part", "status", "found", "to get the rest", title="skg doctor")
        for row in rows:
            table.add_row(escape(row.area), f"[{STYLE[row.status]}]{row.status}[/]", escape(row.found),
                          escape(row.fix))
        Console().print(table)
    if strict and any(row.status == "missing" for row in rows):
        raise typer.Exit(1)


def register(app: typer.Typer) -> None:
    """Add ``skg doctor`` to the root app."""
    app.command("doctor")(doctor_cmd)
