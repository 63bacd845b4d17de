"""CLI commands of the dashboard: ``skg dashboard`` and ``skg demo`` (registered by graph.cli).

The dashboard runs as its own ``streamlit run`` process bound to 127.0.0.1;
the resolved settings travel to it as ``SKG_*`` environment variables, so it
reads the same home, backend and thresholds as the command that started it.
"""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
from collections.abc import Mapping
from pathlib import Path
from typing import Annotated, Any

import typer

from graph.errors import SkgError
from graph.settings import SETTINGS, Settings

APP_PATH = Path(__file__).resolve().parent / "app.py"


def dashboard_env(settings: Settings, base: Mapping[str, str] | None = None) -> dict[str, str]:
    """The environment for the dashboard process: ``base`` plus every resolved setting as ``SKG_*``."""
    env = dict(os.environ if base is None else base)
    for s in SETTINGS:
        value = settings.values[s.name]
        env[s.env] = str(settings.home_path) if s.name == "home" else str(value)
    return env


def streamlit_command(port: int) -> list[str]:
    """``streamlit run`` headless on 127.0.0.1:``port`` without telemetry or file watching.

    It runs through :mod:`dashboard.server`, which imports the data layer
    before the server listens, so the first visitor does not wait for it.
    """
    return [sys.executable, "-m", "dashboard.server", str(APP_PATH),
            "--server.headless=true", "--server.address=127.0.0.1", f"--server.port={port}",
            "--browser.gatherUsageStats=false", "--server.fileWatcherType=none",
            "--global.developmentMode=false", "--theme.base=light", "--client.toolbarMode=minimal"]


def check_port(port: int) -> None:
    """Refuse a port another process already listens on (a clearer message than Streamlit's)."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        try:
            sock.bind(("127.0.0.1", port))
        except OSError:
            raise SkgError(f"port {port} on 127.0.0.1 is already in use",
                           hint="pick another one with `skg dashboard --port N`") from None


def serve(settings: Settings, port: int | None = None) -> int:
    """Run the dashboard in the foreground until interrupted; returns Streamlit's exit code."""
    port = int(port or settings.dashboard_port)
    check_port(port)
    typer.echo(f"dashboard on http://127.0.0.1:{port}  (backend {settings.backend}, home "
               f"{settings.home_path}) — press Ctrl+C to stop")
    proc = subprocess.Popen(streamlit_command(port), env=dashboard_env(settings))
    # A SIGTERM to `skg dashboard` must stop Streamlit too, or the server outlives us.
    previous = signal.signal(signal.SIGTERM, lambda *_: proc.terminate())
    try:
        return proc.wait()
    except KeyboardInterrupt:
        proc.terminate()
        return proc.wait(timeout=10)
    finally:
        signal.signal(signal.SIGTERM, previous)


def run_demo(settings: Settings) -> Any:
    """Ingest the shipped sample corpus into SKG_HOME and build the graph; returns both reports."""
    from graph.pipeline import ingest_and_build
    from graph.resources import data_path

    sample = data_path("sample")
    if not sample.is_dir():
        raise SkgError("the sample corpus is missing", path=str(sample),
                       hint="reinstall stakeholder-graph (`pip install -e .`)")
    settings.home_path.mkdir(parents=True, exist_ok=True)
    return ingest_and_build([str(sample)], settings)


def summary_lines(settings: Settings) -> list[str]:
    """A few lines about the built graph (counts per label and edge type)."""
    from graph.store import open_store

    with open_store(settings) as store:
        stats = store.stats()
    nodes: dict[str, Any] = stats.get("nodes", {})
    edges: dict[str, Any] = stats.get("edges", {})
    return [f"snapshot {stats.get('snapshot_id')} in {settings.home_path} ({settings.backend})",
            "nodes: " + ", ".join(f"{k} {v}" for k, v in nodes.items()),
            "edges: " + ", ".join(f"{k} {v}" for k, v in edges.items())]


def register(app: typer.Typer) -> None:
    """Add ``dashboard`` and ``demo`` to the ``skg`` command."""

    @app.command("dashboard")
    def dashboard_cmd(
        ctx: typer.Context,
        port: Annotated[int | None, typer.Option(help="Port on 127.0.0.1 (default: dashboard_port).")] = None,
    ) -> None:
        """Open the analysts' dashboard (Streamlit) on 127.0.0.1."""
        from graph.cli import settings_of

        raise typer.Exit(serve(settings_of(ctx), port))

    @app.command("demo")
    def demo_cmd(
        ctx: typer.Context,
        no_dashboard: Annotated[bool, typer.Option("--no-dashboard", help="Only ingest and build.")] = False,
        port: Annotated[int | None, typer.Option(help="Port of the dashboard.")] = None,
    ) -> None:
        """Ingest the shipped sample corpus, build the graph, print a summary, open the dashboard."""
        from graph.cli import settings_of

        settings = settings_of(ctx)
        from rich.console import Console

        from graph.build.commands import echo_build_report
        from graph.ingest.commands import report_table

        ingested, built = run_demo(settings)
        Console().print(report_table(ingested))
        echo_build_report(built)
        for line in summary_lines(settings):
            typer.echo(line)
        if not no_dashboard:
            raise typer.Exit(serve(settings, port))
