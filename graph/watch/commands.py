"""`skg watch add|list|remove|report`: thin commands over :mod:`graph.watch`.

``report`` exits 0 when nothing changed in the watched scope and 3 when something did, so a
cron job can mail or post only when there is news (errors exit 2, like every `skg` command).
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from graph.errors import ConfigError, JudgementError
from graph.model import fold
from graph.settings import Settings

if TYPE_CHECKING:
    from graph.watch.watchlist import Entry

CHANGED_EXIT = 3
FORMATS = ("table", "json", "atom")

watch_app = typer.Typer(help="Watch actors, kinds, types or Länder and report what is new between builds.",
                        no_args_is_help=True)

Kinds = Annotated[list[str] | None,
                  typer.Option("--kind", help="Organisation kind, e.g. vendor (repeatable).")]
Types = Annotated[list[str] | None, typer.Option("--type", help="Entity type, e.g. PERSON (repeatable).")]
Lands = Annotated[list[str] | None, typer.Option("--land", help="Land, e.g. Bayern (repeatable).")]
Names = Annotated[list[str] | None, typer.Argument(metavar="NAME…", help="Actor names or entity ids (e_…).")]


def _settings(ctx: typer.Context) -> Settings:
    from graph.cli import settings_of

    return settings_of(ctx)


def _actor_entries(settings: Settings, names: list[str]) -> list[Entry]:
    """Resolve actor names (or ids) against the current snapshot."""
    from graph.resolve.lookup import find_entity, looks_like_id
    from graph.watch.report import current_entities
    from graph.watch.watchlist import Entry

    entities = current_entities(settings) if names else []
    entries: list[Entry] = []
    for ref in names:
        if looks_like_id(ref) and not any(e.id == ref for e in entities):
            entries.append(Entry("actor", ref))  # not in the graph (yet): watched from its next build
            continue
        try:
            found = find_entity(ref, entities)
        except JudgementError as exc:
            hint = ("run `skg build` first" if not entities
                    else "use the entity id (see `skg query` or the dashboard)")
            raise ConfigError(exc.message, hint=hint) from None
        entries.append(Entry("actor", found.id, found.name))
    return entries


@watch_app.command("add")
def add_cmd(ctx: typer.Context, names: Names = None, kind: Kinds = None, type_: Types = None,
            land: Lands = None) -> None:
    """Watch actors (by name or id), organisation kinds, entity types or Länder."""
    from graph.watch import watchlist as wl

    settings = _settings(ctx)
    new = [*_actor_entries(settings, names or []), *(wl.kind_entry(k) for k in kind or []),
           *(wl.type_entry(t) for t in type_ or []), *(wl.land_entry(x) for x in land or [])]
    if not new:
        raise ConfigError("nothing to add", hint="name actors, or give --kind, --type or --land")
    current = wl.load(settings.home_path)
    for entry in new:
        added = current.add(entry)
        typer.echo(f"{'added' if added else 'already watched'}: {entry.label()}")
    path = wl.save(settings.home_path, current)
    typer.echo(f"{len(current.entries)} entries in {path}")


@watch_app.command("list")
def list_cmd(ctx: typer.Context,
             as_json: Annotated[bool, typer.Option("--json", help="JSON object per line.")] = False) -> None:
    """Show what is watched."""
    from graph.watch import watchlist as wl

    current = wl.load(_settings(ctx).home_path)
    if current.is_empty():
        typer.echo("the watchlist is empty: reports cover everything (add with `skg watch add`)", err=True)
    for entry in current.entries:
        if as_json:
            typer.echo(json.dumps({"field": entry.field, "value": entry.value, "name": entry.name},
                                  ensure_ascii=False))
        else:
            typer.echo(f"{entry.field}\t{entry.value}\t{entry.name}")


@watch_app.command("remove")
def remove_cmd(ctx: typer.Context, names: Names = None, kind: Kinds = None, type_: Types = None,
               land: Lands = None) -> None:
    """Stop watching actors (name as listed, or id), kinds, types or Länder."""
    from graph.watch import watchlist as wl

    home = _settings(ctx).home_path
    current = wl.load(home)
    wanted = [*(("actor", n) for n in names or []), *(("kind", wl.kind_entry(k).value) for k in kind or []),
              *(("type", wl.type_entry(t).value) for t in type_ or []),
              *(("land", wl.land_entry(x).value) for x in land or [])]
    for field_name, ref in wanted:
        hits = [e for e in current.entries if e.field == field_name
                and (e.value == ref or (e.name and fold(e.name) == fold(ref)))]
        if not hits:
            raise ConfigError(f"{field_name} {ref!r} is not on the watchlist", hint="see `skg watch list`")
        for entry in hits:
            current.remove(entry.field, entry.value)
            typer.echo(f"removed: {entry.label()}")
    wl.save(home, current)


@watch_app.command("report")
def report_cmd(
    ctx: typer.Context,
    since: Annotated[str | None, typer.Option(
        help="Older snapshot (id, folder or prefix; default: the previous build).")] = None,
    until: Annotated[str | None, typer.Option(help="Newer snapshot (default: the current one).")] = None,
    fmt: Annotated[str, typer.Option("--format", help="table, json or atom.")] = "table",
    out: Annotated[Path | None, typer.Option(help="Write to this file instead of standard output.")] = None,
    everything: Annotated[bool, typer.Option("--all", help="Ignore the watchlist.")] = False,
) -> None:
    """New actors, new ties, risen evidence levels and ended offices between two snapshots (exit 3 if any)."""
    from graph.watch.atom import to_atom
    from graph.watch.render import to_json, to_table
    from graph.watch.report import build_report

    if fmt not in FORMATS:
        raise ConfigError(f"unknown format {fmt!r}", hint="use table, json or atom")
    report = build_report(_settings(ctx), since, until, scoped=not everything)
    text = to_json(report) if fmt == "json" else to_table(report)
    data = to_atom(report) if fmt == "atom" else text.encode()
    if out is None:
        typer.echo(data.decode("utf-8"), nl=False)
    else:
        out.parent.mkdir(parents=True, exist_ok=True)
        out.write_bytes(data)
        typer.echo(f"wrote {len(report.all())} changes to {out}", err=True)
    if report.all():
        raise typer.Exit(CHANGED_EXIT)


def register(app: typer.Typer) -> None:
    """Add ``skg watch`` to the root app."""
    app.add_typer(watch_app, name="watch")
