"""CLI commands of the `analyze` stage (registered by graph.cli)."""

from __future__ import annotations

import json
from typing import Annotated

import typer

from graph.build.cli_filters import (
    AsOfOpt,
    EdgeTypeOpt,
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


def analyze_command(
    ctx: typer.Context,
    metric: Annotated[
        str,
        typer.Argument(
            help="degree|reach|betweenness|pagerank|communities|brokerage|matrix|share|ego|paths|diff"
        ),
    ],
    top: Annotated[int, typer.Option(help="Rows to print.")] = 20,
    as_json: Annotated[bool, typer.Option("--json", help="Print method and rows as JSON.")] = False,
    focus: Annotated[str | None, typer.Option(help="Entity id (ego centre / path source).")] = None,
    target: Annotated[str | None, typer.Option(help="Entity id (path target).")] = None,
    depth: Annotated[int, typer.Option(help="Ego depth.")] = 1,
    k: Annotated[int, typer.Option(help="Number of paths.")] = 3,
    period_a: Annotated[str | None, typer.Option(help="diff: FROM:TO of period A.")] = None,
    period_b: Annotated[str | None, typer.Option(help="diff: FROM:TO of period B.")] = None,
    types: TypeOpt = None,
    kinds: KindOpt = None,
    date_from: FromOpt = None,
    date_to: ToOpt = None,
    land: LandOpt = None,
    min_articles: MinArticlesOpt = 1,
    min_npmi: MinNpmiOpt = -1.0,
    node_cap: NodeCapOpt = None,
    edge_types: EdgeTypeOpt = None,
    min_evidence_level: MinLevelOpt = "article",
    as_of: AsOfOpt = None,
) -> None:
    """Compute one analysis on the stored graph and print it with how it was computed."""
    from graph.analyze.run import run_metric
    from graph.cli import settings_of

    settings = settings_of(ctx)
    # ego applies --type after measuring distances on the whole graph (see ego_network)
    graph_types = None if metric == "ego" else types
    flt = make_filter(
        graph_types, kinds, date_from, date_to, land, min_articles, min_npmi, node_cap, None, 1, edge_types,
        min_evidence_level, as_of=as_of,
    )
    result = run_metric(
        load_graph(settings),
        metric,
        flt,
        focus=focus,
        target=target,
        depth=depth,
        k=k,
        period_a=period_a,
        period_b=period_b,
        seed=settings.seed,
        types=tuple(t.upper() for t in types or ()),
    )
    if as_json:
        typer.echo(json.dumps(result.to_dict(rows=top), ensure_ascii=False, default=str))
        return
    typer.echo(result.table.head(top).to_string())
    typer.echo(json.dumps({"method": result.method, **result.extra}, ensure_ascii=False, default=str))


def register(app: typer.Typer) -> None:
    """Add this stage's commands to `app`."""
    app.command("analyze")(analyze_command)
