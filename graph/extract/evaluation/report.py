"""Render evaluation results as rich tables."""

from __future__ import annotations

from rich.console import Console
from rich.table import Table

from graph.extract.evaluation.attributes import AttributeScore, Tally
from graph.extract.evaluation.pages import TEXTS_HINT, TextCheck
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


def attributes_table(attributes: AttributeScore) -> Table:
    """Kind, canonical-name and AGS accuracy on matched mentions, and actor recall per page."""
    table = Table("check", "right", "of", "rate", title="beyond the span (overlap-matched mentions)",
                  caption="actor recall: distinct (type, canonical) actors of a page with a found mention")
    rows = [("ORGANIZATION kind", attributes.kind), ("MUNICIPALITY canonical name", attributes.canonical),
            ("MUNICIPALITY AGS", attributes.ags)]
    rows += [(f"actor recall {label}", tally) for label, tally in sorted(attributes.actors.items())]
    rows.append(("actor recall (all)", sum(attributes.actors.values(), Tally())))
    rows.append(("... named as in gold (all)", sum(attributes.named.values(), Tally())))
    for name, tally in rows:
        table.add_row(name, str(tally.right), str(tally.total), f"{tally.rate:.3f}")
    return table


def print_text_check(check: TextCheck, console: Console | None = None) -> None:
    """One line on the page texts found, and what to do about the missing ones."""
    console = console or Console()
    skipped = len(check.missing) + len(check.changed)
    console.print(f"page texts in {check.folder}: {len(check.texts)} found, {len(check.missing)} missing, "
                  f"{len(check.changed)} changed (other sha256)")
    if skipped:
        console.print(f"skipped pages: {', '.join((check.missing + check.changed)[:10])}"
                      f"{' …' if skipped > 10 else ''}; {TEXTS_HINT}")


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
        if result.attributes is not None:
            console.print(attributes_table(result.attributes))
        if result.texts is not None:
            print_text_check(result.texts, console)
        if result.errors:
            console.print(errors_table(result))
        return
    console.print(checks_table(result))
    required = [c for c in result.checks if not c.optional]
    passed = sum(1 for c in required if c.passed)
    console.print(f"{passed}/{len(required)} required checks passed "
                  f"({result.extractor}, {result.seconds:.1f} s)")
