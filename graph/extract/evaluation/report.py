"""Render evaluation results as rich tables."""

from __future__ import annotations

from rich.console import Console
from rich.table import Table

from graph.extract.evaluation.runner import EvalResult
from graph.extract.evaluation.scorer import Counts, Score, micro


def _cells(c: Counts) -> list[str]:
    return [f"{c.precision:.3f}", f"{c.recall:.3f}", f"{c.f1:.3f}"]


def score_table(score: Score, title: str) -> Table:
    """Per-label and micro precision/recall/F1, strict and overlap side by side."""
    table = Table("type", "gold", "pred", "strict P", "R", "F1", "overlap P", "R", "F1", title=title,
                  caption="strict: same start, end and type; overlap: same type, shared characters")
    for label in score.labels():
        s, o = score.strict.get(label, Counts()), score.overlap.get(label, Counts())
        table.add_row(label, str(s.tp + s.fn), str(s.tp + s.fp), *_cells(s), *_cells(o))
    s, o = micro(score.strict), micro(score.overlap)
    table.add_row("micro", str(s.tp + s.fn), str(s.tp + s.fp), *_cells(s), *_cells(o), style="bold")
    return table


def errors_table(result: EvalResult) -> Table:
    """Strict false positives and false negatives with their context."""
    table = Table("error", "type", "text", "context", title="strict errors (examples)")
    table.add_column("document", max_width=24, no_wrap=True, overflow="ellipsis")
    for e in result.errors:
        table.add_row(e.error, e.label, e.text, e.context, e.document)
    return table


def checks_table(result: EvalResult) -> Table:
    """One row per seed check item."""
    table = Table("check", "item", "result", "detail", title=result.path)
    document = None
    for c in result.checks:
        if c.document != document:
            document = c.document
            table.add_section()
            table.add_row("", f"[bold]{document}[/]", "", "")
        mark = "[green]PASS[/]" if c.passed else ("[yellow]optional[/]" if c.optional else "[red]FAIL[/]")
        table.add_row(c.check, c.item, mark, c.detail)
    return table


def print_result(result: EvalResult, console: Console | None = None) -> None:
    """Print a result: the score table or the check table plus a summary line."""
    console = console or Console()
    if result.score is not None:
        title = f"{result.path} ({result.format}, {result.score.documents} documents, {result.extractor})"
        console.print(score_table(result.score, title))
        rate = result.score.documents / result.seconds if result.seconds else 0.0
        console.print(f"{result.seconds:.1f} s, {rate:.0f} documents/s")
        if result.errors:
            console.print(errors_table(result))
        return
    console.print(checks_table(result))
    required = [c for c in result.checks if not c.optional]
    passed = sum(1 for c in required if c.passed)
    console.print(f"{passed}/{len(required)} required checks passed "
                  f"({result.extractor}, {result.seconds:.1f} s)")
