"""Curated actors (the registry, ``data/actors/registry.tsv``) and the document's tags."""

from __future__ import annotations

import bisect
import operator
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from functools import lru_cache
from itertools import compress
from operator import methodcaller

from graph.extract.candidates import P_ACTOR, P_PERSON, Candidate
from graph.extract.context import Context
from graph.extract.inflect import gender
from graph.extract.lexicon import Actor, Lexicon
from graph.extract.phrases import PhraseMatcher
from graph.extract.recognizers.common import is_acronym
from graph.extract.text import Token
from graph.extract.vocabulary import noun_vocabulary
from graph.model.extraction import EntityType, OrgKind
from graph.model.ids import fold

_MIXED = re.compile(r"[-.][A-ZÄÖÜ]")  # a capital after a hyphen or dot inside a word: "regio-IT", "Komm.One"
_TAG_DEFINITION = re.compile(r"^(?P<long>.+?)\s*\((?P<short>[^()]{2,15})\)$")


@dataclass
class ActorIndex:
    """Known actors by exact surface form (matcher) and by folded name (lookup)."""

    matcher: PhraseMatcher[Actor] = field(default_factory=PhraseMatcher)
    by_name: dict[str, Actor] = field(default_factory=dict)
    single: dict[str, Actor] = field(default_factory=dict)  # one-token names, for "BITMi-Präsident"
    ids: dict[str, str] = field(default_factory=dict)  # canonical name → registry id
    loose: dict[str, Actor | None] = field(default_factory=dict)  # spelling key → actor (None: ambiguous)
    loose_starts: set[str] = field(default_factory=set)  # spelling keys of first words

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
        if actor.type is EntityType.ORGANIZATION:
            for name in (actor.canonical, *actor.aliases):
                self._add_loose(name, actor)

    def _add_loose(self, name: str, actor: Actor) -> None:
        """Index a brand-shaped name by its spelling key ("Komm.ONE" → "kommone"), also without digits.

        Only names of at least four letters whose own spelling marks them as a
        brand (an inner capital, a digit, a dot or hyphen, all capitals: "Komm.ONE",
        "regio iT", "ekom21", "KISA") and whose key is not a German noun: plain
        words ("Focus", "Städtetag") keep exact matching.
        """
        words = name.split()
        if len(words) > 2 or sum(ch.isalpha() for ch in name) < 4 or words[0] in CLASSIFIERS \
                or not _brand_shaped(name):
            return
        keys = [spelling_key(name)]
        stem = name.rstrip("0123456789 ")
        if stem != name and " " not in stem and sum(ch.isalpha() for ch in stem) >= 4:
            keys.append(spelling_key(stem))
        for key in keys:
            if len(key) < 4 or not key[0].isalpha() or _ordinary_word(key):
                continue
            known = self.loose.get(key, actor)
            self.loose[key] = actor if known is not None and known.canonical == actor.canonical else None
            self.loose_starts.add(key)
            if len(words) > 1:
                self.loose_starts.add(spelling_key(words[0]))

    def drop_loose_prefixes(self, topics: frozenset[str]) -> None:
        """Forget spelling keys of topics ("E-Government") and digit-less stems that start other keys.

        "Komm24" without its digits, "komm", begins "kommone" and "kommunal":
        too unspecific to stand for one actor.
        """
        unsafe = {spelling_key(t) for t in topics}
        written = {spelling_key(name) for name in self.single}  # a stem that is a name itself stays
        for key, actor in self.loose.items():
            if key not in written and any(other.startswith(key) and self.loose[other] is not actor
                                          for other in self.loose if other != key):
                unsafe.add(key)
        for key in unsafe:
            self.loose.pop(key, None)

    def loose_hits(self, texts: list[str], caps: list[int],
                   mixed: list[int]) -> Iterator[tuple[int, int, Actor]]:
        """(first, end token index, actor) of one- and two-word names in another spelling or case.

        Only capitalised tokens and lower-case ones with a capital after a
        hyphen or dot (``mixed``: "regio-IT") can start such a name; their keys
        are made by C loops (a key for every token cost 4 % of the extraction time).
        """
        yield from self._loose_from(texts, caps)
        lower = [i for i in mixed if texts[i][:1].islower()]
        if lower:
            yield from self._loose_from(texts, lower)

    def _loose_from(self, texts: list[str], chosen: list[int]) -> Iterator[tuple[int, int, Actor]]:
        words = list(map(texts.__getitem__, chosen))
        keys = list(map(str.casefold, words))
        for j in compress(range(len(words)), map(operator.not_, map(str.isalnum, words))):
            keys[j] = _strip_marks(keys[j])  # "Komm.One", "regio-IT": few tokens, translate is slow
        loose = self.loose
        single = self.single
        for i, key in compress(zip(chosen, keys, strict=True), map(self.loose_starts.__contains__, keys)):
            if texts[i] in single and loose.get(key) is single[texts[i]]:
                continue  # written as in the registry: the exact matcher has it
            if i + 1 < len(texts) and texts[i + 1][:1].isalnum():
                actor = loose.get(key + spelling_key(texts[i + 1]))
                if actor is not None:
                    yield i, i + 2, actor
                    continue
            actor = loose.get(key)
            if actor is not None and loose_surface_ok(texts[i]):
                yield i, i + 1, actor

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


_MARKS = str.maketrans("", "", ".-_/' ’")
_strip_marks = methodcaller("translate", _MARKS)


def spelling_key(name: str) -> str:
    """A name without case, spaces, dots and hyphens: "Komm.One", "KOMM ONE", "komm-one" → "kommone"."""
    return _strip_marks(name.casefold())


def loose_surface_ok(word: str) -> bool:
    """A one-word surface may stand for a brand in another spelling unless it reads as a plain word.

    "Kisa", "Ekom" (short, like an acronym spoken as a word), "VITAKO",
    "Komm.One" pass; "Kommunal" (a capitalised ordinary word of six or more
    letters) does not, even though "KOMMUNAL" is a magazine's name.
    """
    return len(word) <= 5 or not (word[:1].isupper() and word[1:].islower() and word.isalpha())


def _brand_shaped(name: str) -> bool:
    """Spelled like a brand, not like a word: inner capital, digit, dot, hyphen or all capitals."""
    return any(ch.isupper() or ch.isdigit() or ch in ".-" for word in name.split() for ch in word[1:])


def _ordinary_word(key: str) -> bool:
    """Whether a spelling key is a German noun, a first name or a known place name (never a loose match)."""
    word = key.capitalize()
    return word in noun_vocabulary().common or word in noun_vocabulary().proper


# Words that classify a name without being part of it when the rest alone names the actor; the
# one rule for descriptors is in docs/extraction.md ("Descriptors"), the pattern side in orgs.py.
CLASSIFIERS = frozenset({
    "Zweckverband", "Zweckverbands", "Zweckverbandes", "Gesamtzweckverband", "Datenzentrale", "Rechenzentrum",
    "IT-Dienstleister", "IT-Dienstleisters", "Firma", "Unternehmen", "Softwarehaus", "Softwarehersteller",
    "Softwareanbieter", "Anbieter", "Dienstleister", "Start-up", "Startup", "Systemhaus",
    "Beratungsunternehmen"})


def _label(tokens: list[Token], i: int) -> bool:
    """"Bild: AKDB": a one-word name that is also a German noun, right before a colon, is a caption label."""
    return i + 1 < len(tokens) and tokens[i + 1].text == ":" \
        and noun_vocabulary().kind(tokens[i].text) is not None


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
    index.drop_loose_prefixes(lexicon.topic_abbreviations)
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
            if end - i == 1 and _label(tokens, i):
                continue
            if end - i == 2 and tokens[i].text in CLASSIFIERS and index.lookup(
                    ctx.text[tokens[i + 1].start:tokens[end - 1].end]) is named:
                i += 1  # "Zweckverband KISA" → "KISA"; "Zweckverband Kommunale …" keeps it
            found.append(_candidate(tokens[i].start, tokens[end - 1].end, named, extractor, end - i == 1))
    mixed = [bisect.bisect_right(ctx.doc.starts, m.start()) - 1 for m in _MIXED.finditer(ctx.text)]
    for i, end, named in index.loose_hits(ctx.doc.texts, ctx.doc.caps, mixed):
        if tokens[i].text[:1].isupper() or any(map(str.isupper, tokens[i].text)):
            priority = P_PERSON - 2 if end - i == 1 else P_ACTOR - 1
            found.append(Candidate(tokens[i].start, tokens[end - 1].end, named.type, named.canonical,
                                   named.kind, 0.85, priority, extractor))
    for tok in map(tokens.__getitem__, _joined(ctx)):
        text = tok.text
        if "-" in text:
            prefix = text.split("-", 1)[0]
            hit = single.get(prefix)
            if hit is not None and len(prefix) > 1:
                found.append(_candidate(tok.start, tok.start + len(prefix), hit, extractor))
            elif "/" in text or (len(prefix) > 3 and prefix != prefix.lower()):
                found += _compound_parts(tok, single, index, extractor)
        elif "/" in text:
            found += _compound_parts(tok, single, index, extractor)
    return found


_JOINER = re.compile(r"[-/]")


def _joined(ctx: Context) -> list[int]:
    """Indices of the tokens holding "-" or "/", in text order.

    One regex scan of the text finds the few such characters (every
    non-space character lies in a token); a Python test of each token did
    the same work for every word of the article.
    """
    starts = ctx.doc.starts
    return sorted({bisect.bisect_right(starts, m.start()) - 1 for m in _JOINER.finditer(ctx.text)})


def _compound_parts(tok: Token, single: dict[str, Actor], index: ActorIndex,
                    extractor: str) -> list[Candidate]:
    """"BITMi-Präsident", "Komm.One-Netz" (any spelling), "KGRZ/ekom21": actor names inside one token."""
    found = []
    offset = 0
    parts = tok.text.split("/") if "/" in tok.text else [tok.text]
    for part in parts:
        prefix = part.split("-", 1)[0] if len(parts) == 1 else part
        hit = single.get(prefix) if len(prefix) > 1 else None
        if hit is None and len(prefix) > 3 and prefix != prefix.lower() and loose_surface_ok(prefix):
            hit = index.loose.get(spelling_key(prefix))
        if hit is not None:
            found.append(_candidate(tok.start + offset, tok.start + offset + len(prefix), hit, extractor))
        offset += len(part) + 1
    return found


def _candidate(start: int, end: int, actor: Actor, extractor: str, one_word: bool = False) -> Candidate:
    """One-word names yield to full person names ("Harrison Ford" is not the carmaker)."""
    priority = P_PERSON - 2 if one_word else P_ACTOR
    return Candidate(start, end, actor.type, actor.canonical, actor.kind, 0.95, priority, extractor)
