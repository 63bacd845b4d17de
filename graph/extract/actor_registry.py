"""The registry of curated actors (``data/actors/registry.tsv``, extended by ``SKG_HOME/actors.tsv``).

One row per organisation of German public-sector IT: a stable id, the name
texts use, its official name, acronyms, brand spellings and former names, its
legal form, kind, seat (municipality and AGS), Land, the ids it was formed
from, and the public page its facts were read on. The file is a TSV with a
header line so that a change to one actor is a one-line diff.

Users add or replace actors with a file of the same columns in their
``SKG_HOME``; a user row with a shipped id replaces the shipped row. Every
row is validated on load and a bad one stops the load with ``file:line``:
a silently skipped actor would only show up as a missing node much later.

Predecessors stay actors of their own. The registry records who came from
whom (:meth:`Registry.successors`, :meth:`Registry.predecessors`) but never
folds one into the other: news about the KIVBF in 2015 is about the KIVBF.

>>> reg = parse_registry(["id\\tname\\tkind\\tsource", "kdo\\tKDO\\tpublic_it_provider\\t"], "x.tsv")
>>> reg[0].id, reg[0].kind.value, reg[0].entity_key
('kdo', 'public_it_provider', 'actor:kdo')
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

from graph.errors import ExtractionError
from graph.model.extraction import OrgKind

COLUMNS = ("id", "name", "kind", "legal_form", "official_name", "acronyms", "aliases", "former_names",
           "match", "seat", "ags", "land", "predecessors", "source")
REQUIRED = ("id", "name", "kind", "source")
MATCH_MODES = ("case", "anycase", "off")
LAENDER = ("Baden-Württemberg", "Bayern", "Berlin", "Brandenburg", "Bremen", "Hamburg", "Hessen",
           "Mecklenburg-Vorpommern", "Niedersachsen", "Nordrhein-Westfalen", "Rheinland-Pfalz", "Saarland",
           "Sachsen", "Sachsen-Anhalt", "Schleswig-Holstein", "Thüringen")
USER_FILE = "actors.tsv"
MIN_ANYCASE = 4  # shorter names are matched as written only: "kdo" or "Eco" would hit ordinary words

_ID = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
_AGS = re.compile(r"^\d{8}$")
_URL = re.compile(r"^https?://\S+$")


@dataclass(frozen=True)
class RegistryActor:
    """One registry row; list fields are tuples in file order."""

    id: str
    name: str
    kind: OrgKind
    legal_form: str = ""
    official_name: str = ""
    acronyms: tuple[str, ...] = ()
    aliases: tuple[str, ...] = ()
    former_names: tuple[str, ...] = ()
    match: str = "case"
    seat: str = ""
    ags: str = ""
    land: str = ""
    predecessors: tuple[str, ...] = ()
    source: str = ""
    origin: str = ""  # "file:line" the row was read from, for error messages

    @property
    def entity_key(self) -> str:
        """The key its entity id is derived from: stable while the id is, whatever the name becomes."""
        return f"actor:{self.id}"

    @property
    def names(self) -> tuple[str, ...]:
        """Every name the actor goes by (display name first, no duplicates)."""
        seen: dict[str, None] = {}
        for name in (self.name, self.official_name, *self.acronyms, *self.aliases, *self.former_names):
            if name:
                seen.setdefault(name, None)
        return tuple(seen)


def _split(value: str) -> tuple[str, ...]:
    return tuple(v.strip() for v in value.split("|") if v.strip())


def _fail(message: str, origin: str, hint: str) -> ExtractionError:
    path, _, line = origin.rpartition(":")
    number = int(line) if line.isdigit() else None
    return ExtractionError(message, path=path or origin, line=number, hint=hint)


def _header(line: str, path: str) -> list[str]:
    cols = line.split("\t")
    unknown = [c for c in cols if c not in COLUMNS]
    missing = [c for c in REQUIRED if c not in cols]
    if unknown or missing or len(set(cols)) != len(cols):
        raise ExtractionError(f"bad header: unknown {unknown}, missing {missing}", path=path, line=1,
                              hint="the first line names the columns; see data/actors/README.md")
    return cols


def _row(cols: list[str], line: str, origin: str) -> RegistryActor:
    cells = line.split("\t")
    if len(cells) > len(cols):
        raise _fail(f"{len(cells)} cells but {len(cols)} columns", origin, "remove the extra tabs")
    values = dict(zip(cols, cells + [""] * (len(cols) - len(cells)), strict=True))
    values = {k: v.strip() for k, v in values.items()}
    actor_id, kind = values["id"], values["kind"]
    if not _ID.match(actor_id):
        raise _fail(f"id {actor_id!r} is not a slug", origin, "use lower-case letters, digits and hyphens")
    if not values["name"]:
        raise _fail(f"{actor_id}: the name is empty", origin, "write the name texts use")
    if kind not in {k.value for k in OrgKind}:
        raise _fail(f"{actor_id}: unknown kind {kind!r}", origin,
                    "use one of: " + ", ".join(k.value for k in OrgKind))
    match = values.get("match") or "case"
    if match not in MATCH_MODES:
        raise _fail(f"{actor_id}: unknown match {match!r}", origin, "use case, anycase or off")
    ags, land, source = values.get("ags", ""), values.get("land", ""), values["source"]
    if ags and not _AGS.match(ags):
        raise _fail(f"{actor_id}: AGS {ags!r} is not 8 digits", origin, "copy the AGS of the seat")
    if land and land not in LAENDER:
        raise _fail(f"{actor_id}: unknown Land {land!r}", origin, "write the Land's full German name")
    if source and not all(_URL.match(s) for s in _split(source)):
        raise _fail(f"{actor_id}: source {source!r} is not a URL", origin, "give the http(s) address")
    actor = RegistryActor(
        id=actor_id, name=values["name"], kind=OrgKind(kind), legal_form=values.get("legal_form", ""),
        official_name=values.get("official_name", ""), acronyms=_split(values.get("acronyms", "")),
        aliases=_split(values.get("aliases", "")), former_names=_split(values.get("former_names", "")),
        match=match, seat=values.get("seat", ""), ags=ags, land=land,
        predecessors=_split(values.get("predecessors", "")), source=source, origin=origin)
    if match == "anycase":
        short = [n for n in actor.names if len(n) < MIN_ANYCASE]
        if short:
            raise _fail(f"{actor_id}: {short} too short to match in any case", origin,
                        "set match to case, or move the short name to an entry matched as written")
    if actor_id in actor.predecessors:
        raise _fail(f"{actor_id} lists itself as predecessor", origin, "remove it")
    return actor


def parse_registry(lines: Iterable[str], path: str) -> list[RegistryActor]:
    """Rows of one registry file (``#`` comments and blank lines skipped); raises on the first bad row."""
    cols: list[str] | None = None
    out: list[RegistryActor] = []
    seen: dict[str, str] = {}
    for number, raw in enumerate(lines, 1):
        line = raw.rstrip("\n").rstrip("\r")
        if not line.strip() or line.startswith("#"):
            continue
        if cols is None:
            cols = _header(line, path)
            continue
        actor = _row(cols, line, f"{path}:{number}")
        if actor.id in seen:
            raise _fail(f"id {actor.id} already used at {seen[actor.id]}", actor.origin, "ids must be unique")
        seen[actor.id] = actor.origin
        out.append(actor)
    if cols is None:
        raise ExtractionError("no header line", path=path, hint="start the file with the column names")
    return out


def read_registry(path: Path) -> list[RegistryActor]:
    """Parse one registry file."""
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise ExtractionError(f"cannot read the actor registry: {exc}", path=str(path),
                              hint="save it as UTF-8, columns split by tabs") from None
    return parse_registry(text.splitlines(), str(path))


@dataclass(frozen=True, eq=False)
class Registry:
    """The merged registry: shipped rows, replaced or extended by user rows (by id)."""

    actors: tuple[RegistryActor, ...]

    @classmethod
    def merge(cls, *layers: Sequence[RegistryActor]) -> Registry:
        """Later layers replace earlier rows of the same id; the result is checked as a whole."""
        by_id: dict[str, RegistryActor] = {}
        for layer in layers:
            for actor in layer:
                by_id[actor.id] = actor
        registry = cls(tuple(by_id.values()))
        registry.check()
        return registry

    def get(self, actor_id: str) -> RegistryActor | None:
        """The actor with that id."""
        return self._by_id.get(actor_id)

    @property
    def _by_id(self) -> dict[str, RegistryActor]:
        cached: dict[str, RegistryActor] | None = self.__dict__.get("_ids")
        if cached is None:
            cached = {a.id: a for a in self.actors}
            object.__setattr__(self, "_ids", cached)
        return cached

    def predecessors(self, actor_id: str) -> tuple[RegistryActor, ...]:
        """The actors ``actor_id`` was formed from (merged, split off or renamed into it)."""
        actor = self.get(actor_id)
        return tuple(self._by_id[p] for p in actor.predecessors) if actor else ()

    def successors(self, actor_id: str) -> tuple[RegistryActor, ...]:
        """The actors that list ``actor_id`` as a predecessor."""
        return tuple(a for a in self.actors if actor_id in a.predecessors)

    def check(self) -> None:
        """Cross-row rules: names unique, predecessors known, no name matched for two actors."""
        names: dict[str, RegistryActor] = {}
        owner: dict[str, RegistryActor] = {}
        for actor in self.actors:
            other = names.setdefault(actor.name, actor)
            if other is not actor:
                raise _fail(f"name {actor.name!r} is also the name of {other.id} ({other.origin})",
                            actor.origin, "names must be unique; add a distinguishing word")
            for p in actor.predecessors:
                if p not in self._by_id:
                    raise _fail(f"{actor.id}: unknown predecessor {p!r}", actor.origin,
                                "add the predecessor as an entry of its own, or fix the id")
            if actor.match == "off":
                continue
            for name in actor.names:
                first = owner.setdefault(name, actor)
                if first is not actor:
                    raise _fail(f"{actor.id}: {name!r} is already a name of {first.id} ({first.origin})",
                                actor.origin, "a text name can point at one actor only; drop it from one")
