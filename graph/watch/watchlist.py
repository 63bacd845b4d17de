"""The watchlist: which actors, kinds, types and Länder an analyst follows.

Kept as ``SKG_HOME/watchlist.jsonl``, one entry per line (``{"field": "actor", "value":
"e_…", "name": "Komm.ONE"}``), so that it can be read, diffed and edited by hand like the
judgement log. Actors are stored by entity id, which stays the same across builds, with the
name they had when added (for reading only). An empty watchlist means "everything".
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from graph.errors import ConfigError
from graph.extract.actor_registry import LAENDER
from graph.model import EntityType, OrgKind, fold

FILE_NAME = "watchlist.jsonl"
FIELDS = ("actor", "kind", "type", "land")


@dataclass(frozen=True)
class Entry:
    """One watched thing: an actor id, an organisation kind, an entity type or a Land."""

    field: str
    value: str
    name: str = ""

    def label(self) -> str:
        """How the entry reads in lists and report headers."""
        return f"{self.field} {self.name} ({self.value})" if self.name else f"{self.field} {self.value}"


@dataclass
class Watchlist:
    """Entries in file order; :meth:`matches` decides whether an entity is watched."""

    entries: list[Entry] = field(default_factory=list)

    def is_empty(self) -> bool:
        """An empty watchlist watches everything."""
        return not self.entries

    def values(self, name: str) -> set[str]:
        """The values of one field (``actor`` ids, kinds, types or Länder)."""
        return {e.value for e in self.entries if e.field == name}

    def matches(self, entity_id: str, props: Mapping[str, Any]) -> bool:
        """Whether the entity with ``entity_id`` and ``props`` is watched (always, when empty)."""
        if self.is_empty():
            return True
        return (entity_id in self.values("actor")
                or any(str(props.get(name)) in self.values(name) for name in ("kind", "type", "land")))

    def add(self, entry: Entry) -> bool:
        """Add ``entry`` unless the same field and value are there; return whether it was added."""
        if any(e.field == entry.field and e.value == entry.value for e in self.entries):
            return False
        self.entries.append(entry)
        return True

    def remove(self, field_name: str, value: str) -> bool:
        """Drop the entry with ``field_name`` and ``value``; return whether one was there."""
        kept = [e for e in self.entries if not (e.field == field_name and e.value == value)]
        removed = len(kept) != len(self.entries)
        self.entries = kept
        return removed

    def describe(self) -> str:
        """One line for report headers."""
        if self.is_empty():
            return "everything (empty watchlist)"
        return "; ".join(e.label() for e in self.entries)


def path_of(home: Path) -> Path:
    """Where the watchlist of ``home`` lives."""
    return home / FILE_NAME


def load(home: Path) -> Watchlist:
    """The watchlist of ``home`` (empty when the file does not exist).

    A malformed line stops with an error naming file and line: silently watching less than the
    analyst wrote would hide news.
    """
    path = path_of(home)
    if not path.exists():
        return Watchlist()
    entries = []
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        if line.strip():
            entries.append(_entry(line, path, number))
    return Watchlist(entries)


def _entry(line: str, path: Path, number: int) -> Entry:
    try:
        raw = json.loads(line)
        entry = Entry(str(raw["field"]), str(raw["value"]), str(raw.get("name") or ""))
    except (ValueError, KeyError, TypeError):
        raise ConfigError("not a watchlist entry", path=str(path), line=number,
                          hint='each line is {"field": "actor|kind|type|land", "value": "..."}; '
                               "fix or delete the line, or use `skg watch remove`") from None
    if entry.field not in FIELDS:
        raise ConfigError(f"unknown watchlist field {entry.field!r}", path=str(path), line=number,
                          hint=f"use one of {', '.join(FIELDS)}")
    return entry


def save(home: Path, watchlist: Watchlist) -> Path:
    """Write the watchlist (one JSON object per line, in order) and return its path."""
    path = path_of(home)
    path.parent.mkdir(parents=True, exist_ok=True)
    text = "".join(json.dumps({"field": e.field, "value": e.value, **({"name": e.name} if e.name else {})},
                              ensure_ascii=False) + "\n" for e in watchlist.entries)
    tmp = path.with_suffix(".tmp")
    tmp.write_text(text, encoding="utf-8")
    tmp.replace(path)
    return path


def _pick(value: str, allowed: tuple[str, ...], what: str) -> str:
    """``value`` spelled as in ``allowed`` (case and umlaut spelling ignored), else a clear error."""
    for option in allowed:
        if fold(option) == fold(value):
            return option
    raise ConfigError(f"unknown {what} {value!r}", hint=f"use one of {', '.join(allowed)}")


def kind_entry(value: str) -> Entry:
    """A watched organisation kind (``vendor``, ``public_it_provider`` …)."""
    return Entry("kind", _pick(value, tuple(k.value for k in OrgKind), "kind"))


def type_entry(value: str) -> Entry:
    """A watched entity type (``PERSON``, ``ORGANIZATION``, ``MUNICIPALITY``, ``LOCATION``)."""
    return Entry("type", _pick(value, tuple(t.value for t in EntityType), "type"))


def land_entry(value: str) -> Entry:
    """A watched Land (``Bayern``, ``Nordrhein-Westfalen`` …)."""
    return Entry("land", _pick(value, LAENDER, "Land"))
