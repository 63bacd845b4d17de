"""`skg judge …`: record curation judgements (registered by graph.cli).

Commands only validate and append to ``SKG_HOME/judgements.jsonl``; the next
``skg build`` replays the file and applies them.
"""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console
from rich.table import Table

from graph.errors import JudgementError
from graph.model import Entity, Judgement, JudgementAction, extraction_from_dict
from graph.resolve.judgements import JudgementLog, log_path
from graph.resolve.lookup import find_entity, looks_like_id
from graph.resolve.resolver import Resolution

judge_app = typer.Typer(
    help="Record curation judgements (merge, not-same, rename, retype, ignore); `skg build` applies them.",
    no_args_is_help=True,
)
ExtractionsOpt = Annotated[
    Path | None,
    typer.Option("--extractions", help="JSONL of extractions to look names up in (default: corpus cache)."),
]
NoteOpt = Annotated[str, typer.Option(help="Why (kept in the judgement record).")]
APPLY_HINT = "recorded; run `skg build` to apply it"


def _resolution(ctx: typer.Context, extractions: Path | None) -> Resolution | None:
    from graph.cli import settings_of
    from graph.resolve.current import current_resolution

    settings = settings_of(ctx)
    docs = None
    if extractions is not None:
        docs = [extraction_from_dict(json.loads(line))
                for line in extractions.read_text(encoding="utf-8").splitlines() if line.strip()]
    return current_resolution(settings, docs)


def _ref(ref: str, res: Resolution | None) -> tuple[str, str]:
    """The entity id (and a readable name) a command argument means."""
    if res is None:
        if looks_like_id(ref):
            return ref, ref
        raise JudgementError(f"cannot look up {ref!r}: no extracted corpus yet",
                             hint="give an entity id (e_…) or ingest and extract first")
    if ref in res.mapping or ref in res.ignored:
        entity = res.entity_of(ref)
        return ref, entity.name if entity else ref
    found: Entity = find_entity(ref, list(res.entities.values()))
    return found.id, found.name


def _record(ctx: typer.Context, judgement: Judgement, shown: str) -> None:
    from graph.cli import settings_of

    log = JudgementLog(log_path(settings_of(ctx)))
    log.add(judgement)
    typer.echo(f"{judgement.action.value} {shown}: {APPLY_HINT} ({log.path})")


def _author() -> str:
    return os.environ.get("USER", "")


@judge_app.command("merge")
def merge(ctx: typer.Context, a: str, b: str, note: NoteOpt = "", extractions: ExtractionsOpt = None) -> None:
    """A and B are the same actor (ids or exact names)."""
    res = _resolution(ctx, extractions)
    (ia, na), (ib, nb) = _ref(a, res), _ref(b, res)
    _record(ctx, Judgement(JudgementAction.MERGE, ia, ib, author=_author(), note=note), f"{na} + {nb}")


@judge_app.command("not-same")
def not_same(
    ctx: typer.Context, a: str, b: str, note: NoteOpt = "", extractions: ExtractionsOpt = None
) -> None:
    """A and B are different actors: never merge them, even if names match."""
    res = _resolution(ctx, extractions)
    (ia, na), (ib, nb) = _ref(a, res), _ref(b, res)
    _record(ctx, Judgement(JudgementAction.NOT_SAME, ia, ib, author=_author(), note=note), f"{na} ≠ {nb}")


@judge_app.command("rename")
def rename(
    ctx: typer.Context, a: str, name: str, note: NoteOpt = "", extractions: ExtractionsOpt = None
) -> None:
    """Display entity A as NAME."""
    ia, na = _ref(a, _resolution(ctx, extractions))
    judgement = Judgement(JudgementAction.RENAME, ia, value=name, author=_author(), note=note)
    _record(ctx, judgement, f"{na} → {name}")


@judge_app.command("retype")
def retype(ctx: typer.Context, a: str, type_: Annotated[str, typer.Argument(metavar="TYPE[/KIND]")],
           note: NoteOpt = "", extractions: ExtractionsOpt = None) -> None:
    """Set A's type (PERSON, ORGANIZATION, MUNICIPALITY, LOCATION), e.g. ORGANIZATION/vendor."""
    ia, na = _ref(a, _resolution(ctx, extractions))
    judgement = Judgement(JudgementAction.RETYPE, ia, value=type_, author=_author(), note=note)
    _record(ctx, judgement, f"{na} → {type_}")


@judge_app.command("ignore")
def ignore(ctx: typer.Context, a: str, note: NoteOpt = "", extractions: ExtractionsOpt = None) -> None:
    """Drop A from the graph (its mentions stay stored)."""
    ia, na = _ref(a, _resolution(ctx, extractions))
    _record(ctx, Judgement(JudgementAction.IGNORE, ia, author=_author(), note=note), na)


JsonOpt = Annotated[bool, typer.Option("--json", help="One JSON object a line.")]


@judge_app.command("list")
def list_(ctx: typer.Context, as_json: JsonOpt = False) -> None:
    """Show every judgement in file order (the order they are replayed in)."""
    from graph.cli import settings_of

    log = JudgementLog(log_path(settings_of(ctx)))
    rows = log.numbered()
    if as_json:
        for _, j in rows:
            typer.echo(json.dumps(j.to_dict(), ensure_ascii=False, sort_keys=True))
        return
    table = Table("line", "action", "subject", "other", "value", "created", "note", title=str(log.path))
    for number, j in rows:
        table.add_row(str(number), j.action.value, j.subject, j.other or "", j.value or "", j.created, j.note)
    Console().print(table)


@judge_app.command("undo")
def undo(ctx: typer.Context) -> None:
    """Remove the last judgement."""
    from graph.cli import settings_of

    removed = JudgementLog(log_path(settings_of(ctx))).undo_last()
    if removed is None:
        typer.echo("no judgements to undo")
        return
    typer.echo(f"removed: {json.dumps(removed.to_dict(), ensure_ascii=False, sort_keys=True)}")


@judge_app.command("candidates")
def candidates(ctx: typer.Context, limit: Annotated[int, typer.Option(help="Rows to show.")] = 30,
               extractions: ExtractionsOpt = None) -> None:
    """List likely duplicates that were not merged automatically (decide with merge / not-same)."""
    res = _resolution(ctx, extractions)
    if res is None:
        raise JudgementError("no extracted corpus yet",
                             hint="ingest and extract first, or pass --extractions")
    table = Table("score", "left", "right", "reasons")
    for c in res.candidates[:limit]:
        left, right = res.entities[c.left], res.entities[c.right]
        table.add_row(f"{c.score:.0f}", f"{left.name} ({c.left})", f"{right.name} ({c.right})",
                      "; ".join(c.reasons))
    Console().print(table)


def register(app: typer.Typer) -> None:
    """Add `skg judge …` to `app`."""
    app.add_typer(judge_app, name="judge")
