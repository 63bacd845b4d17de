"""`skg neo4j start|stop|status`: thin commands over :mod:`graph.store.neo4j_server`."""

from __future__ import annotations

import json
from typing import Annotated, Any

import typer

neo4j_app = typer.Typer(name="neo4j", help="Run the local Neo4j Community server (127.0.0.1, auth on).",
                        no_args_is_help=True)


def _echo(result: dict[str, Any], as_json: bool) -> None:
    if as_json:
        typer.echo(json.dumps(result, indent=2, sort_keys=True))
        return
    for key, value in result.items():
        shown = json.dumps(value) if isinstance(value, dict) else value
        typer.echo(f"{key}: {shown}")


@neo4j_app.command("start")
def start_cmd(
    ctx: typer.Context,
    timeout: Annotated[float, typer.Option(help="Seconds to wait for Bolt.")] = 300.0,
    fast_boot: Annotated[bool, typer.Option(
        help="C1-only JIT: half the boot CPU, slower queries (tests yes, benchmarks no).")] = False,
    as_json: Annotated[bool, typer.Option("--json", help="Print JSON.")] = False,
) -> None:
    """Fetch Neo4j with Maven on first use, start it and wait until it accepts the password."""
    from graph.cli import settings_of
    from graph.store.neo4j_server import start

    _echo(start(settings_of(ctx), timeout=timeout, fast_boot=fast_boot), as_json)


@neo4j_app.command("stop")
def stop_cmd(
    ctx: typer.Context,
    as_json: Annotated[bool, typer.Option("--json", help="Print JSON.")] = False,
) -> None:
    """Stop the local server cleanly."""
    from graph.cli import settings_of
    from graph.store.neo4j_server import stop

    _echo(stop(settings_of(ctx)), as_json)


@neo4j_app.command("status")
def status_cmd(
    ctx: typer.Context,
    as_json: Annotated[bool, typer.Option("--json", help="Print JSON.")] = False,
) -> None:
    """Show whether the server runs, where, and where its password and log are."""
    from graph.cli import settings_of
    from graph.store.neo4j_server import status

    _echo(status(settings_of(ctx)), as_json)


def register(app: typer.Typer) -> None:
    """Add the `neo4j` command group to `app`."""
    app.add_typer(neo4j_app, name="neo4j")
