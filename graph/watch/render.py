"""A report as terminal tables or JSON (the Atom feed is in :mod:`graph.watch.atom`).

All three formats render the same :class:`graph.watch.diff.Changes`, so they list the same
changes; the tests compare them. Names and sentences come from documents, so the tables use
:class:`rich.text.Text` cells, which never interpret ``[markup]``.
"""

from __future__ import annotations

import json
from io import StringIO

from rich.console import Console
from rich.table import Table
from rich.text import Text

from graph.watch.diff import Change, Changes

SECTIONS = (("new_actors", "New actors"), ("new_ties", "New ties"), ("level_rises", "Ties whose level rose"),
            ("ended_offices", "Ended offices"))


def to_json(report: Changes) -> str:
    """The report as one indented JSON document."""
    return json.dumps(report.to_dict(), ensure_ascii=False, indent=2) + "\n"


def evidence_line(change: Change) -> str:
    """The first evidence record as ``"sentence" — title, date, publisher``."""
    if not change.evidence:
        return ""
    ev = change.evidence[0]
    where = ", ".join(p for p in (ev.title, ev.published, ev.publisher) if p)
    return f"“{ev.sentence}” — {where}" if where else f"“{ev.sentence}”"


def _rows(name: str, change: Change) -> list[str]:
    if name == "new_actors":
        d = change.details
        return [change.source_name, str(d.get("type", "")), str(d.get("kind", "")), str(d.get("land", "")),
                str(d.get("articles", "")), change.subject]
    if name == "ended_offices":
        status = f"{change.old_status or '?'} → {change.status}"
        return [change.source_name, change.role, change.target_name, status, change.end_date,
                evidence_line(change)]
    level = f"{change.old_level} → {change.level}" if name == "level_rises" else change.level
    sources = "" if change.independent_sources is None else str(change.independent_sources)
    tie = change.edge_type + (f" {change.role}" if change.role else "")
    return [change.source_name, change.target_name, tie, level, sources, evidence_line(change)]


HEADERS = {
    "new_actors": ("actor", "type", "kind", "Land", "articles", "id"),
    "new_ties": ("from", "to", "tie", "level", "sources", "evidence"),
    "level_rises": ("from", "to", "tie", "level", "sources", "evidence"),
    "ended_offices": ("person", "role", "at", "status", "end", "evidence"),
}


def to_table(report: Changes, width: int = 160) -> str:
    """The report as plain-text tables, one per non-empty section, after a header."""
    out = StringIO()
    console = Console(file=out, width=width, no_color=True, highlight=False, emoji=False)
    old = report.old.label() if report.old else "(no earlier snapshot: everything is new)"
    console.print(Text(f"from {old}\nto   {report.new.label()}\nscope: {report.scope}"))
    counts = report.counts()
    console.print(Text(", ".join(f"{n} {title.lower()}" for (key, title), n
                                 in zip(SECTIONS, counts.values(), strict=True))))
    for key, title in SECTIONS:
        changes: list[Change] = getattr(report, key)
        if not changes:
            continue
        table = Table(*HEADERS[key], title=f"{title} ({len(changes)})", title_justify="left")
        for change in changes:
            table.add_row(*(Text(cell) for cell in _rows(key, change)))
        console.print(table)
    if not report.all():
        console.print(Text("nothing new"))
    return out.getvalue()
