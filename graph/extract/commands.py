"""CLI commands of the `extract` stage (registered by graph.cli)."""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Annotated

import typer

from graph.errors import ExtractionError, InputError


def register(app: typer.Typer) -> None:
    """Add this stage's commands to `app`."""
    app.command("extract")(extract_cmd)
    app.command("extractors")(extractors_cmd)
    gazetteer = typer.Typer(help="Manage the place gazetteer (Destatis Gemeindeverzeichnis import).",
                            no_args_is_help=True)
    gazetteer.command("import")(gazetteer_import_cmd)
    app.add_typer(gazetteer, name="gazetteer")
    corenlp = typer.Typer(help="The optional Stanford CoreNLP recogniser (Java, fetched from Maven Central).",
                          no_args_is_help=True)
    corenlp.command("fetch")(corenlp_fetch_cmd)
    app.add_typer(corenlp, name="corenlp")


def extract_cmd(
    ctx: typer.Context,
    paths: Annotated[list[str], typer.Argument(help="Files, folders, URLs or - (stdin).")],
    fmt: Annotated[str, typer.Option("--format", help="Output format: jsonl.")] = "jsonl",
    extractors: Annotated[str | None, typer.Option(help="Comma list of recognisers (see `skg extractors`).")
                          ] = None,
) -> None:
    """Print each document's entities and relations (one JSON object per line)."""
    from graph.cli import settings_of
    from graph.extract.output import document_json
    from graph.extract.pipeline import ExtractionPipeline
    from graph.ingest import InputFailure, read_inputs

    if fmt != "jsonl":
        raise ExtractionError(f"unknown format {fmt!r}", hint="use --format jsonl")
    settings = settings_of(ctx).with_overrides(extractors=extractors)
    pipeline = ExtractionPipeline.from_settings(settings)
    failures = 0
    for item in read_inputs(paths, settings):
        if isinstance(item, InputFailure):
            failures += 1
            typer.echo(f"skipped {item}", err=True)
            continue
        line = json.dumps(document_json(item, pipeline.extract(item)), ensure_ascii=False)
        sys.stdout.write(line + "\n")
    if failures:
        raise InputError(f"{failures} input(s) could not be read", hint="see the messages above")


def extractors_cmd() -> None:
    """List the registered recognisers and their versions."""
    from graph.extract.registry import registered

    for name, version in registered().items():
        typer.echo(f"{name}\t{version}")


def gazetteer_import_cmd(
    ctx: typer.Context,
    file: Annotated[Path, typer.Argument(help="Destatis Gemeindeverzeichnis CSV (gemeinden.csv).")],
    kreise: Annotated[Path | None, typer.Option(help="The districts CSV (kreise.csv).")] = None,
) -> None:
    """Load official municipality keys (AGS), districts and Länder into SKG_HOME."""
    from graph.cli import settings_of
    from graph.extract.gazetteer import import_destatis

    if kreise is None and (file.parent / "kreise.csv").exists():
        kreise = file.parent / "kreise.csv"
    counts = import_destatis(file, kreise, settings_of(ctx))
    typer.echo(f"imported {counts['gemeinden']} municipalities and {counts['kreise']} districts")


def corenlp_fetch_cmd(ctx: typer.Context) -> None:
    """Download CoreNLP and its German models (about 210 MB, once), compile the tagger, load the model."""
    from graph.cli import settings_of
    from graph.extract.corenlp import check

    report = check(settings_of(ctx))
    typer.echo(f"CoreNLP {report['version']}: {report['jars']} jars, {report['megabytes']} MB; "
               f"model loaded in {report['load_s']} s; tagged {report['sample']!r}")
    typer.echo("use it with SKG_EXTRACTORS=rules,corenlp (or --extractor rules,corenlp)")
