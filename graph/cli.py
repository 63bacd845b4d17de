"""The `skg` command: a thin shell over the library.

Each stage package contributes its commands through ``<stage>/commands.py``
(a ``register(app)`` function), so this module only wires them together,
resolves settings and turns expected errors (:class:`graph.errors.SkgError`)
into one clear line and a non-zero exit code.
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console
from rich.table import Table

from graph.errors import SkgError
from graph.settings import SETTINGS, Settings, load_settings, settings_markdown

app = typer.Typer(
    name="skg",
    help="stakeholder-graph: a knowledge graph of German public-sector IT news.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)
err_console = Console(stderr=True)


@app.callback()
def _root(
    ctx: typer.Context,
    home: Annotated[str | None, typer.Option(help="Folder of the local stores (SKG_HOME).")] = None,
    config: Annotated[Path | None, typer.Option(help="Settings file (TOML).")] = None,
    backend: Annotated[str | None, typer.Option(help="Graph backend: embedded or neo4j.")] = None,
) -> None:
    """Resolve settings once; every command reads them from ``ctx.obj``."""
    settings = load_settings(config_file=config, flags={"home": home, "backend": backend})
    if settings.backend not in ("embedded", "neo4j"):
        raise SkgError(f"unknown backend {settings.backend!r}", hint="use embedded or neo4j")
    ctx.obj = settings


def settings_of(ctx: typer.Context) -> Settings:
    """The resolved settings of the running command."""
    obj = ctx.find_root().obj
    if not isinstance(obj, Settings):  # pragma: no cover - only when called outside the app
        return load_settings()
    return obj


@app.command("settings")
def show_settings(
    ctx: typer.Context,
    markdown: Annotated[bool, typer.Option(help="Print the Markdown table of docs/settings.md.")] = False,
) -> None:
    """List every setting with its value, origin and help."""
    if markdown:
        typer.echo(settings_markdown(), nl=False)
        return
    settings = settings_of(ctx)
    table = Table("name", "value", "from", "help")
    for s in SETTINGS:
        shown = "***" if "password" in s.name and settings.values[s.name] else settings.values[s.name]
        table.add_row(s.name, str(shown), settings.origins[s.name], s.help)
    Console().print(table)


def _register_stages() -> None:
    from graph.analyze import commands as analyze_cmds
    from graph.build import commands as build_cmds
    from graph.doctor import commands as doctor_cmds
    from graph.export import commands as export_cmds
    from graph.extract import commands as extract_cmds
    from graph.extract.evaluation import commands as eval_cmds
    from graph.ingest import commands as ingest_cmds
    from graph.resolve import commands as resolve_cmds
    from graph.store import commands as store_cmds
    from graph.store.neo4j_server import commands as neo4j_cmds
    from graph.watch import commands as watch_cmds

    for module in (ingest_cmds, extract_cmds, eval_cmds, resolve_cmds, build_cmds, store_cmds,
                   neo4j_cmds, analyze_cmds, export_cmds, doctor_cmds, watch_cmds):
        module.register(app)
    from dashboard import commands as dashboard_cmds

    dashboard_cmds.register(app)


_register_stages()


def main(argv: list[str] | None = None) -> int:
    """Entry point of the console script; returns the exit code."""
    try:
        result = app(args=argv, standalone_mode=False)
    except SkgError as exc:
        err_console.print(f"[red]error:[/red] {exc}", highlight=False, soft_wrap=True)
        return 2
    except typer.Exit as exc:
        return int(exc.exit_code or 0)
    except typer.Abort:
        err_console.print("aborted")
        return 130
    except KeyboardInterrupt:
        err_console.print("interrupted")
        return 130
    except Exception as exc:  # click usage errors arrive here in non-standalone mode
        import click

        if isinstance(exc, click.ClickException):
            exc.show()
            return exc.exit_code
        raise
    return result if isinstance(result, int) else 0


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
