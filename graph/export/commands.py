"""CLI commands of the `export` stage (registered by graph.cli)."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from graph.build.cli_filters import (
    AsOfOpt,
    DepthOpt,
    EdgeTypeOpt,
    FocusOpt,
    FromOpt,
    KindOpt,
    LandOpt,
    MinArticlesOpt,
    MinLevelOpt,
    MinNpmiOpt,
    NodeCapOpt,
    ToOpt,
    TypeOpt,
    load_graph,
    make_filter,
)


def export_command(
    ctx: typer.Context,
    fmt: Annotated[
        str,
        typer.Option(
            "--format", help="json|gexf|gexf-dynamic|graphml|csv|cypher|neo4j-import|html|png|svg|pdf"
        ),
    ],
    out: Annotated[Path, typer.Option("--out", help="Output file (a folder for csv and neo4j-import).")],
    types: TypeOpt = None,
    kinds: KindOpt = None,
    date_from: FromOpt = None,
    date_to: ToOpt = None,
    land: LandOpt = None,
    min_articles: MinArticlesOpt = 1,
    min_npmi: MinNpmiOpt = -1.0,
    node_cap: NodeCapOpt = None,
    focus: FocusOpt = None,
    depth: DepthOpt = 1,
    edge_types: EdgeTypeOpt = None,
    min_evidence_level: MinLevelOpt = "article",
    as_of: AsOfOpt = None,
) -> None:
    """Export the stored graph (after the filters) to a file or folder."""
    from graph.cli import settings_of
    from graph.export import export_graph

    settings = settings_of(ctx)
    flt = make_filter(
        types, kinds, date_from, date_to, land, min_articles, min_npmi, node_cap, focus, depth, edge_types,
        min_evidence_level, as_of=as_of,
    )
    path = export_graph(load_graph(settings), fmt, out, flt, settings)
    typer.echo(f"wrote {fmt} to {path}")


def register(app: typer.Typer) -> None:
    """Add this stage's commands to `app`."""
    app.command("export")(export_command)
