"""Curated actors (the registry, ``data/actors/registry.tsv``) and the document's tags."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache

from graph.extract.candidates import P_ACTOR, P_PERSON, Candidate
from graph.extract.context import Context
from graph.extract.inflect import gender
from graph.extract.lexicon import Actor, Lexicon
from graph.extract.phrases import PhraseMatcher
from graph.extract.recognizers.common import is_acronym
from graph.model.extraction import EntityType, OrgKind
from graph.model.ids import fold

_TAG_DEFINITION = re.compile(r"^(?P<long>.+?)\s*\((?P<short>[^()]{2,15})\)$")


@dataclass
class ActorIndex:
    """Known actors by exact surface form (matcher) and by folded name (lookup)."""

    matcher: PhraseMatcher[Actor] = field(default_factory=PhraseMatcher)
    by_name: dict[str, Actor] = field(default_factory=dict)
    single: dict[str, Actor] = field(default_factory=dict)  # one-token names, for "BITMi-Präsident"
    ids: dict[str, str] = field(default_factory=dict)  # canonical name → registry id

    def add(self, actor: Actor) -> None:
        """Index an actor under its canonical name, aliases and their inflected forms.

        Names of ``anycase`` actors are added in their usual case variants
        too, so one exact scan finds "kdvz" and "KDVZ" alike (a second,
        case-folded scan over every token would cost more than the extra
        dictionary entries).
        """
        if actor.id:
            self.ids.setdefault(actor.canonical, actor.id)
        names = inflections((actor.canonical, *actor.aliases))
        if actor.anycase:
            names = list(dict.fromkeys(v for n in names for v in case_variants(n)))
        for name in names:
            self.matcher.add(name, actor)
            self.by_name.setdefault(fold(name), actor)
            if " " not in name and "-" not in name:
                self.single.setdefault(name, actor)

    def lookup(self, name: str) -> Actor | None:
        """The actor called ``name`` (folded comparison)."""
        return self.by_name.get(fold(name))

    def with_descriptors(self, words: list[str]) -> Actor | None:
        """The one-word organisation ``words`` start with, when only descriptors follow it."""
        actor = self.single.get(words[0]) if len(words) > 1 else None
        if actor is None or actor.type is not EntityType.ORGANIZATION \
                or not all(w in DESCRIPTORS for w in words[1:]):
            return None
        return actor


# Words that follow a company's name without changing whom it names ("Advantic Systemhaus GmbH").
DESCRIPTORS = frozenset({"Systemhaus", "Softwarehaus", "Software", "Systems", "Solutions", "Services",
                         "Consulting", "Deutschland", "Germany", "Informatik", "Informationstechnik",
                         "Datentechnik", "IT", "IT-Services", "IT-Systemhaus", "Group", "Gruppe",
                         "Holding", "Technologies", "Vertrieb"})


def case_variants(name: str) -> tuple[str, ...]:
    """A brand name as written, in lower case, in upper case and with a capital first letter."""
    return (name, name.lower(), name.upper(), name[:1].upper() + name[1:])


def _genitives(name: str) -> list[str]:
    """"des IT-Planungsrates", "des Bundesverwaltungsamts", "Dataports": one-word names in the genitive.

    Only for a word (or hyphenated compound) ending in a lower-case letter,
    not already ending in a sibilant, whose last part is not feminine
    (feminine nouns keep their form: "der Bundesagentur").
    """
    last = name.rsplit("-", 1)[-1]
    if " " in name or len(last) < 4 or not last.isalpha() or not last[-1].islower() or is_acronym(last) \
            or last.endswith(("s", "x", "z", "ß")) or gender(last) == "f":
        return []
    return [f"{name}s"] if last[-1] in "aeiouy" else [f"{name}s", f"{name}es"]


def inflections(names: tuple[str, ...]) -> list[str]:
    """Names plus dative/genitive forms with a leading adjective ("Deutschen Städtetag", "…tags")."""
    out = list(names)
    for name in names:
        out += _genitives(name)
        first, sep, rest = name.partition(" ")
        if sep and first[:1].isupper() and first.endswith(("e", "er", "es")) and len(first) > 4:
            stem = first[:-1] if first.endswith("e") else first[:-2]
            out.append(f"{stem}en {rest}")
            if first.endswith(("er", "es")):  # masculine/neuter genitive: "des Deutschen Städtetags"
                out += [f"{stem}en {rest}s", f"{stem}en {rest}es"]
                out.append(f"{stem}e {rest}")  # after an article: "der Deutsche Städtetag"
        elif sep and first[:1].isupper() and first.isalpha() and len(first) > 4 and gender(first) != "f" \
                and not first.endswith("s"):  # a leading noun in the genitive: "des Bundesamts für …"
            out += [f"{first}s {rest}", f"{first}es {rest}"]
    return out


@lru_cache(maxsize=4)
def actor_index(lexicon: Lexicon) -> ActorIndex:
    """The index of the curated actors (built once per lexicon)."""
    index = ActorIndex()
    for actor in lexicon.actors:
        index.add(actor)
    return index


def tag_actors(tags: tuple[str, ...], index: ActorIndex, kind_of: dict[str, OrgKind]) -> list[Actor]:
    """Actors named by the document's tags ("Bundesverband IT-Mittelstand (BITMi)").

    A tag that names a known actor adds its acronym as an alias; an unknown
    tag counts only when it defines an acronym, so plain topic tags
    ("Panorama") never become organisations.
    """
    out = []
    for tag in tags:
        match = _TAG_DEFINITION.match(tag.strip())
        if not match or not is_acronym(match["short"]):
            continue
        known = index.lookup(match["long"]) or index.lookup(match["short"])
        if known:
            names = (match["long"], match["short"])
            out.append(Actor(known.canonical, known.type, known.kind, names, known.id))
        else:
            low = match["long"].casefold()
            kind = next((k for head, k in kind_of.items() if head.casefold() in low), OrgKind.OTHER)
            out.append(Actor(match["long"], EntityType.ORGANIZATION, kind, (match["short"],)))
    return out


def actor_candidates(ctx: Context, extractor: str) -> list[Candidate]:
    """Spans naming curated actors, tag actors, and acronym prefixes of compounds."""
    index = actor_index(ctx.lexicon)
    tokens = ctx.doc.tokens
    found: list[Candidate] = []
    matchers = [index.matcher]
    single = index.single
    if ctx.tag_actors:
        extra = ActorIndex()
        for actor in ctx.tag_actors:
            extra.add(actor)
        matchers.append(extra.matcher)
        single = {**single, **extra.single}
    for matcher in matchers:
        for i, end, named in matcher.scan(tokens, keys=ctx.doc.texts):
            found.append(_candidate(tokens[i].start, tokens[end - 1].end, named, extractor, end - i == 1))
    for tok in tokens:
        if "-" in tok.text:
            prefix = tok.text.split("-", 1)[0]
            hit = single.get(prefix)
            if hit is not None and len(prefix) > 1:
                found.append(_candidate(tok.start, tok.start + len(prefix), hit, extractor))
    return found


def _candidate(start: int, end: int, actor: Actor, extractor: str, one_word: bool = False) -> Candidate:
    """One-word names yield to full person names ("Harrison Ford" is not the carmaker)."""
    priority = P_PERSON - 2 if one_word else P_ACTOR
    return Candidate(start, end, actor.type, actor.canonical, actor.kind, 0.95, priority, extractor)
