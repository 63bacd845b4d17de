"""Filter options shared by `skg analyze` and `skg export` (the dashboard sidebar's filters)."""

from __future__ import annotations

from typing import Annotated, Any

import typer

from graph.model.filters import SubgraphFilter

TypeOpt = Annotated[list[str] | None, typer.Option("--type", help="Keep entity types (repeatable).")]
KindOpt = Annotated[list[str] | None, typer.Option("--kind", help="Keep organisation kinds (repeatable).")]
FromOpt = Annotated[str | None, typer.Option("--from", help="First date (YYYY-MM-DD).")]
ToOpt = Annotated[str | None, typer.Option("--to", help="Last date (YYYY-MM-DD).")]
LandOpt = Annotated[str | None, typer.Option("--land", help="Bundesland: its municipalities and neighbours.")]
MinArticlesOpt = Annotated[
    int, typer.Option("--min-articles", help="Co-mentions seen in at least N articles.")
]
MinNpmiOpt = Annotated[float, typer.Option("--min-npmi", help="Co-mentions with at least this NPMI.")]
NodeCapOpt = Annotated[int | None, typer.Option("--node-cap", help="Keep the N strongest nodes.")]
FocusOpt = Annotated[str | None, typer.Option("--focus", help="Entity id: its ego network only.")]
DepthOpt = Annotated[int, typer.Option("--depth", help="Hops around --focus.")]
EdgeTypeOpt = Annotated[list[str] | None, typer.Option("--edge-type", help="Keep edge types (repeatable).")]
AsOfOpt = Annotated[
    str | None, typer.Option("--as-of", help="The graph at a date (YYYY-MM-DD): only offices held then.")
]
MinLevelOpt = Annotated[
    str,
    typer.Option("--min-evidence-level",
                 help="Keep ties from this evidence level up: article|sentence|stated|corroborated."),
]


def make_filter(
    types: list[str] | None,
    kinds: list[str] | None,
    date_from: str | None,
    date_to: str | None,
    land: str | None,
    min_articles: int,
    min_npmi: float,
    node_cap: int | None,
    focus: str | None,
    depth: int,
    edge_types: list[str] | None,
    min_evidence_level: str = "article",
    as_of: str | None = None,
) -> SubgraphFilter | None:
    """A filter from CLI options, or ``None`` when nothing is restricted."""
    if as_of is not None:
        as_of = _iso_day(as_of)
    flt = SubgraphFilter(
        tuple(t.upper() for t in types or ()),
        tuple(kinds or ()),
        date_from,
        date_to,
        land,
        min_articles,
        min_npmi,
        node_cap,
        focus,
        depth,
        tuple(e.upper() for e in edge_types or ()),
        min_evidence_level.lower(),
        as_of=as_of,
    )
    return None if flt == SubgraphFilter() else flt


def _iso_day(text: str) -> str:
    """``--as-of`` as an ISO day, or a usage error saying how to write it."""
    import datetime as dt

    try:
        return dt.date.fromisoformat(text.strip()[:10]).isoformat()
    except ValueError:
        raise typer.BadParameter(f"{text!r} is not a date; write YYYY-MM-DD, e.g. 2022-07-01",
                                 param_hint="--as-of") from None


def load_graph(settings: Any) -> Any:
    """The current graph from the configured store, or a clear error when nothing was built."""
    from graph.errors import StoreError
    from graph.store import open_store

    with open_store(settings) as store:
        data = store.load()
    if not data.nodes:
        raise StoreError("the graph store is empty", hint="run `skg ingest FILES` and `skg build` first")
    return data
