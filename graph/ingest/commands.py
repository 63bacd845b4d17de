"""CLI commands of the `ingest` stage: ``skg ingest`` and ``skg stats`` (registered by graph.cli)."""

from __future__ import annotations

from typing import TYPE_CHECKING, Annotated, Any

import typer
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn
from rich.table import Table

if TYPE_CHECKING:  # the run module imports every reader; commands import it when they run
    from graph.ingest.run import IngestReport


def report_table(report: IngestReport) -> Table:
    """The final table: one row per reader, one column per status, and a total row."""
    from graph.ingest.run import STATUSES

    table = Table("reader", *STATUSES, title="ingest")
    for reader in sorted(report.counts):
        table.add_row(reader, *(str(report.counts[reader][s]) for s in STATUSES))
    table.add_row("total", *(str(report.total(s)) for s in STATUSES), style="bold")
    return table


def print_failures(report: IngestReport, console: Console) -> None:
    """One line per failure: ``file:line: message — hint``."""
    for failure in report.failures:
        console.print(f"[red]failed[/red] {failure}", highlight=False, soft_wrap=True, markup=True)


def _run_ingest(inputs: list[str], settings: Any, console: Console) -> IngestReport:
    from graph.ingest.run import ingest
    from graph.ingest.sources import count_sources
    from graph.store.corpus import CorpusStore

    columns = (TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn())
    with CorpusStore.open(settings) as corpus, Progress(*columns, console=console, transient=True) as bar:
        task = bar.add_task("reading", total=count_sources(inputs))
        return ingest(inputs, corpus, settings, progress=lambda _src: bar.advance(task))


def ingest_command(
    ctx: typer.Context,
    inputs: Annotated[list[str], typer.Argument(help="Files, folders, URLs (http/https) or - for stdin.")],
) -> None:
    """Read news files, folders, feeds or URLs into the corpus store."""
    from graph.cli import settings_of

    console = Console()
    report = _run_ingest(inputs, settings_of(ctx), console)
    console.print(report_table(report))
    if report.removed:
        console.print(f"removed {report.removed} teasers/listings that their pages no longer hold")
    print_failures(report, Console(stderr=True))
    if report.failed:
        raise typer.Exit(1)


def stats_command(ctx: typer.Context) -> None:
    """Summarise the corpus store (documents per role and reader, duplicates, failures, dates)."""
    from graph.cli import settings_of
    from graph.store.corpus import CorpusStore

    with CorpusStore.open(settings_of(ctx)) as corpus:
        stats = corpus.stats()
    table = Table("measure", "value", title="corpus")
    for key, value in stats.items():
        shown = ", ".join(f"{k}: {v}" for k, v in value.items()) if isinstance(value, dict) else value
        table.add_row(key, "-" if shown in (None, "") else str(shown))
    Console().print(table)


def register(app: typer.Typer) -> None:
    """Add this stage's commands to `app`."""
    app.command("ingest")(ingest_command)
    app.command("stats")(stats_command)
