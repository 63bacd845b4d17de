"""Word lists and the actor registry as data files (``data/lexicon``, ``data/actors``).

Language data lives in plain files so that curators can extend it without
touching code, and their content hash becomes part of the extractor version:
changing a list invalidates cached extractions.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from graph.errors import ExtractionError
from graph.extract.actor_registry import Registry, RegistryActor, read_registry
from graph.model.extraction import EntityType, OrgKind
from graph.model.ids import digest
from graph.resources import data_path

LEXICON_FILES = (
    ("lexicon", "first_names.txt"), ("lexicon", "legal_forms.txt"), ("lexicon", "org_heads.tsv"),
    ("lexicon", "role_nouns.txt"), ("lexicon", "place_stopwords.txt"), ("lexicon", "locations.txt"),
    ("lexicon", "name_stopwords.txt"), ("actors", "registry.tsv"), ("lexicon", "common_nouns.txt"),
    ("lexicon", "topic_abbreviations.txt"), ("lexicon", "media.txt"),
    ("lexicon", "office_cues.tsv"), ("lexicon", "speech_verbs.tsv"),
)


@dataclass(frozen=True)
class Actor:
    """One curated actor: its display name, type, kind and the names it goes by.

    ``id`` is the registry id (empty for actors a document's tags define);
    ``anycase`` says its names are also matched in lower, upper and
    capitalised spelling ("kdvz", "KDVZ", "Kdvz").
    """

    canonical: str
    type: EntityType
    kind: OrgKind | None
    aliases: tuple[str, ...]
    id: str = ""
    anycase: bool = False

    @classmethod
    def of(cls, entry: RegistryActor) -> Actor:
        """The matching view of a registry row."""
        return cls(entry.name, EntityType.ORGANIZATION, entry.kind, entry.names[1:], entry.id,
                   entry.match == "anycase")


@dataclass(frozen=True, eq=False)
class Lexicon:
    """Everything the rule recogniser knows as data (hashed by identity, so it can key caches)."""

    first_names: frozenset[str]
    legal_forms: tuple[str, ...]
    org_heads: dict[str, tuple[OrgKind, bool]]  # head → (kind, matches as compound suffix)
    trailing_heads: dict[str, OrgKind]  # words that end a name: "Hirzel Verlag", "Bellevue Group"
    role_nouns: frozenset[str]
    place_stopwords: frozenset[str]
    locations: dict[str, str]  # surface → canonical
    name_stopwords: frozenset[str]
    actors: tuple[Actor, ...]  # matched in texts (registry rows with match "off" left out)
    fingerprint: str
    common_nouns: frozenset[str] = frozenset()  # nouns shaped like street names ("Arbeitsplatz")
    registry: Registry = field(default_factory=lambda: Registry(()))
    topic_abbreviations: frozenset[str] = frozenset()  # OZG, KI, DSGVO: never an organisation alone


def _lines(path: Path) -> list[str]:
    try:
        text = path.read_text(encoding="utf-8")
    except OSError as exc:
        raise ExtractionError(f"cannot read word list: {exc}", path=str(path),
                              hint="reinstall stakeholder-graph; the data folder is incomplete") from None
    return [ln.rstrip("\n") for ln in text.splitlines() if ln.strip() and not ln.startswith("#")]


def read_pairs(path: Path, allowed: tuple[str, ...], columns: str) -> list[tuple[str, str]]:
    """The ``word<TAB>value`` rows of a two-column list; a value outside ``allowed`` stops at its line.

    Shared by the office cues and the speech verbs, whose second column is a closed set
    (cue kind, polarity). ``columns`` names the two columns in the error's hint ("verb", "polarity").
    """
    rows = []
    text = path.read_text(encoding="utf-8")
    for number, line in enumerate(text.splitlines(), 1):
        if not line.strip() or line.startswith("#"):
            continue
        word, _, value = line.partition("\t")
        if value not in allowed:
            left, _, right = columns.partition(",")
            raise ExtractionError(f"unknown {right.strip()} {value!r}", path=str(path), line=number,
                                  hint=f"write: {left.strip()}<TAB>one of {', '.join(allowed)}")
        rows.append((word, value))
    return rows


def _words(path: Path) -> frozenset[str]:
    return frozenset(w for ln in _lines(path) for w in ln.split())


def _optional_words(path: Path) -> frozenset[str]:
    """Words of a list that older data folders (and test lexicons) may lack."""
    return _words(path) if path.exists() else frozenset()


def _org_heads(path: Path, mode: str) -> dict[str, tuple[OrgKind, bool]]:
    """Heads of one mode: ``trailing``, or the others (``word``/``suffix``)."""
    heads: dict[str, tuple[OrgKind, bool]] = {}
    for number, ln in enumerate(_lines(path), 1):
        parts = ln.split("\t")
        if len(parts) != 3 or parts[2] not in ("word", "suffix", "trailing"):
            raise ExtractionError("expected 3 tab-separated columns", path=str(path), line=number,
                                  hint="write: head<TAB>kind<TAB>word|suffix|trailing")
        if (parts[2] == "trailing") == (mode == "trailing"):
            heads[parts[0]] = (OrgKind(parts[1]), parts[2] == "suffix")
    return heads


def _locations(path: Path) -> dict[str, str]:
    out: dict[str, str] = {}
    for ln in _lines(path):
        names = [n.strip() for n in ln.split("|") if n.strip()]
        for name in names:
            out[name] = names[0]
    return out


def _registry(shipped: Path, user: Path | None) -> Registry:
    """Shipped rows, replaced or extended by the user's file (same columns) when it exists."""
    layers = [read_registry(shipped)]
    if user is not None and user.exists():
        layers.append(read_registry(user))
    return Registry.merge(*layers)


@lru_cache(maxsize=4)
def load_lexicon(root: Path | None = None, user_actors: Path | None = None) -> Lexicon:
    """Read all word lists (cached per process; ``root`` replaces ``data/`` in tests).

    ``user_actors`` is the user's registry extension (``SKG_HOME/actors.tsv``);
    its content is part of the fingerprint, so editing it invalidates cached
    extractions like editing a shipped list does.
    """
    def path(*parts: str) -> Path:
        return root.joinpath(*parts) if root else data_path(*parts)

    files = [path(*p) for p in LEXICON_FILES]
    if user_actors is not None:
        files.append(user_actors)
    fingerprint = digest(*(f.read_bytes() if f.exists() else b"" for f in files), length=8)
    heads_file = path("lexicon", "org_heads.tsv")
    registry = _registry(path("actors", "registry.tsv"), user_actors)
    return Lexicon(
        first_names=_words(path("lexicon", "first_names.txt")),
        legal_forms=tuple(_lines(path("lexicon", "legal_forms.txt"))),
        org_heads=_org_heads(heads_file, "head"),
        trailing_heads={h: k for h, (k, _) in _org_heads(heads_file, "trailing").items()},
        role_nouns=frozenset(_lines(path("lexicon", "role_nouns.txt"))),
        place_stopwords=_words(path("lexicon", "place_stopwords.txt")),
        locations=_locations(path("lexicon", "locations.txt")),
        name_stopwords=_words(path("lexicon", "name_stopwords.txt")),
        actors=tuple(Actor.of(a) for a in registry.actors if a.match != "off")
        + _media(path("lexicon", "media.txt"), registry),
        fingerprint=fingerprint,
        common_nouns=_optional_words(path("lexicon", "common_nouns.txt")),
        registry=registry,
        topic_abbreviations=_optional_words(path("lexicon", "topic_abbreviations.txt")),
    )


def _media(path: Path, registry: Registry) -> tuple[Actor, ...]:
    """Media outlets and press services of ``media.txt`` the registry does not list yet (kind media).

    One outlet a line, its names separated by "|" ("dpa|Deutsche Presse-Agentur");
    a name the registry already has is left to the registry row.
    """
    if not path.exists():
        return ()
    known = {n.casefold() for a in registry.actors for n in a.names}
    out = []
    for ln in _lines(path):
        names = [n.strip() for n in ln.split("|") if n.strip()]
        if names and not any(n.casefold() in known for n in names):
            out.append(Actor(names[0], EntityType.ORGANIZATION, OrgKind.MEDIA, tuple(names[1:])))
    return tuple(out)
