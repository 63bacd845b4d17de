"""`skg eval GOLD`: score extraction against a gold file (registered by graph.cli)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Annotated

import typer


def register(app: typer.Typer) -> None:
    """Add `skg eval` to `app`."""
    app.command("eval")(evaluate)


GoldArg = Annotated[Path, typer.Argument(help="Seed *.expected.json, GermEval TSV or JSONL span file.")]
ExtractorOpt = Annotated[str | None, typer.Option("--extractor", help="Recognisers, e.g. `rules,spacy`.")]
TextsOpt = Annotated[Path | None, typer.Option(
    help="Page gold: folder of <id>.txt page texts (default: the eval_texts setting, SKG_EVAL_TEXTS).")]
CheckTextsOpt = Annotated[bool, typer.Option(
    help="Page gold: only check the texts folder against the gold sha256 sums (exit 1 if any is missing).")]
ExcludeOpt = Annotated[list[str] | None, typer.Option(help="JSONL: gold type not to score (repeatable).")]


def evaluate(
    ctx: typer.Context,
    gold: GoldArg,
    extractor: ExtractorOpt = None,
    include_other: Annotated[bool, typer.Option(help="GermEval: also score OTH spans.")] = False,
    include_partderiv: Annotated[bool, typer.Option(help="GermEval: also score -part/-deriv spans.")] = False,
    exclude: ExcludeOpt = None,
    limit: Annotated[int | None, typer.Option(help="Score only the first N documents.")] = None,
    errors: Annotated[int, typer.Option(help="Show up to N strict false positives and negatives.")] = 0,
    as_json: Annotated[bool, typer.Option("--json", help="Print the result as JSON.")] = False,
    strict: Annotated[bool, typer.Option(help="Seed: exit with code 1 when a required check fails.")] = False,
    texts: TextsOpt = None,
    check_texts: CheckTextsOpt = False,
) -> None:
    """Score the extraction pipeline against gold annotations: per-type P/R/F1, strict and overlap."""
    from graph.cli import settings_of
    from graph.extract.evaluation.report import print_result
    from graph.extract.evaluation.runner import EvalOptions, evaluate_file

    options = EvalOptions(extractor, include_other, include_partderiv,
                          frozenset(x.upper() for x in exclude or ()), limit, errors, texts)
    if check_texts:
        _check_texts(gold, settings_of(ctx), options, as_json)
        return
    result = evaluate_file(gold, settings_of(ctx), options)
    if as_json:
        typer.echo(json.dumps(result.as_dict(), ensure_ascii=False, indent=2, sort_keys=True))
    else:
        print_result(result)
    failed = result.as_dict().get("failed", 0)
    if strict and failed:
        raise typer.Exit(1)


def _check_texts(gold: Path, settings: object, options: object, as_json: bool) -> None:
    """Report which page texts of a page gold file are missing or changed, without extracting."""
    from graph.extract.evaluation.pages import load_texts, read_page_gold, texts_folder
    from graph.extract.evaluation.report import print_text_check

    folder = texts_folder(getattr(options, "texts", None), str(getattr(settings, "eval_texts", "")))
    check = load_texts(read_page_gold(gold), folder)
    if as_json:
        typer.echo(json.dumps(check.as_dict(), ensure_ascii=False, indent=2, sort_keys=True))
    else:
        print_text_check(check)
    if check.missing or check.changed:
        raise typer.Exit(1)
