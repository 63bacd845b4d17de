"""CLI commands of the `build` stage (registered by graph.cli)."""

from __future__ import annotations

import json
from typing import Annotated

import typer

from graph.pipeline import BuildReport


def build_command(
    ctx: typer.Context,
    as_json: Annotated[bool, typer.Option("--json", help="Print the build report as JSON.")] = False,
) -> None:
    """Rebuild the graph from the corpus store and judgements, and store it."""
    from graph.cli import settings_of
    from graph.pipeline import rebuild

    settings = settings_of(ctx)

    def progress(stage: str, done: int, total: int) -> None:
        if not as_json and (done == total or done % 500 == 0):
            typer.echo(f"{stage}: {done}/{total}", err=True)

    report = rebuild(settings, progress)
    if as_json:
        typer.echo(json.dumps(report.to_dict(), ensure_ascii=False, sort_keys=True))
        return
    echo_build_report(report)


def echo_build_report(report: BuildReport) -> None:
    """Print a build report in a few human lines (shared by `skg build` and `skg demo`)."""
    typer.echo(
        f"snapshot {report.snapshot_id}: {report.nodes} nodes, {report.edges} edges "
        f"({report.entities} entities from {report.articles} documents; "
        f"{report.extracted} extracted, {report.cached} cached)"
    )
    typer.echo(
        f"co-mentions kept {report.comentions_kept} of {report.comentions_total}; seconds {report.seconds}"
    )
    typer.echo(f"review candidates (likely duplicates): {report.review_candidates}"
               " — see the dashboard's Review page or `skg judge candidates`")
    for warning in report.warnings:
        typer.echo(f"warning: {warning}", err=True)
    levels = report.evidence_levels
    if levels:
        typer.echo("ties by evidence level: " + ", ".join(f"{k} {v}" for k, v in levels.items()))
    for knob, steps in report.backbone.items():
        if isinstance(steps, dict):
            typer.echo(f"  {knob}: " + ", ".join(f"{k} → {v}" for k, v in steps.items()))


def register(app: typer.Typer) -> None:
    """Add this stage's commands to `app`."""
    app.command("build")(build_command)
