"""Second pass for municipalities: one reading per article, lists of places, genitives before offices.

A town of 12,000 people named bare ("Zwönitz liegt im …") is not trusted on
its own: too many small-town names are also surnames or words. Once the same
article has named it with a cue ("der Stadt Zwönitz"), every other bare
occurrence is that town. Likewise a name listed next to a municipality
("2021 Wackersdorf, Bitterfeld, Schwerin und Stahnsdorf") or after a plural
cue ("der Gemeinden Bad Brambach, Großhartmannsdorf und Lohmen") is a
municipality when the official list knows it, and "Aachens Oberbürgermeister"
names Aachen. Spans already taken by other entities are never touched, so the
pass only adds.
"""

from __future__ import annotations

import bisect
from collections.abc import Iterator
from operator import attrgetter

from graph.extract.candidates import P_PLACE, Candidate
from graph.extract.context import Context
from graph.extract.gazetteer import Place
from graph.extract.homonyms import Clues, choose
from graph.extract.recognizers.places import article_clues
from graph.model.extraction import EntityType

# Plural cues whose following list names municipalities ("der Städte A, B und C").
PLURAL_CUES = frozenset({
    "Städte", "Städten", "Gemeinden", "Kommunen", "Ortsgemeinden", "Samtgemeinden", "Verbandsgemeinden",
    "Mitgliedskommunen", "Mitgliedsgemeinden", "Nachbarkommunen", "Nachbargemeinden", "Kreisstädte",
    "Modellkommunen", "Pilotkommunen", "Landeshauptstädte"})
# Offices and bodies a municipality's genitive stands before ("Straubings Oberbürgermeister").
GENITIVE_HEADS = frozenset({
    "Oberbürgermeister", "Oberbürgermeisterin", "Bürgermeister", "Bürgermeisterin", "Stadtverwaltung",
    "Rathaus", "Stadtrat", "Gemeinderat", "Stadtwerke", "Kämmerer", "Kämmerin", "Verwaltung",
    "Digitalisierungsbeauftragter", "Digitalisierungsbeauftragte", "CIO"})
DETERMINERS = frozenset({"der", "die", "das", "dem", "den", "des", "ein", "eine", "einem", "einen", "einer",
                         "zum", "zur", "beim", "vom", "im", "am", "ins"})
SEPARATORS = frozenset({",", "und", "sowie", "oder"})
_MAX_NAME_TOKENS = 3  # "Kurort Oberwiesenthal", "Bad Brambach": names in lists are short
_MAX_LIST = 12  # names followed from one seed
CONFIDENCE = 0.75
_START = attrgetter("start")


def spread_places(ctx: Context, kept: list[Candidate], extractor: str) -> list[Candidate]:
    """``kept`` plus the municipalities the article's own readings imply (see module docstring)."""
    found = [c for c in kept if c.type is EntityType.MUNICIPALITY and c.place is not None]
    cues = _indices(ctx, PLURAL_CUES)
    heads = _indices(ctx, GENITIVE_HEADS)
    persons = [c for c in kept if c.type is EntityType.PERSON]
    if not found and not cues and not heads and not persons:
        return kept
    taken = _Taken(kept)
    added: list[Candidate] = []
    for start, end, place in _proposals(ctx, found, cues, heads, persons):
        if taken.free(start, end):
            taken.add(start, end)
            added.append(Candidate(start, end, EntityType.MUNICIPALITY, place.name, None, CONFIDENCE,
                                   P_PLACE, extractor, place))
    # no added span overlaps another or a kept one (``_Taken``): text order is all settle would do
    return sorted(kept + added, key=_START) if added else kept


def _indices(ctx: Context, words: frozenset[str]) -> list[int]:
    """Token indices of ``words``; most articles hold none, which one C-level set test finds out."""
    texts = ctx.doc.texts
    if words.isdisjoint(texts):
        return []
    return [i for i in ctx.doc.caps if texts[i] in words]


class _LazyClues:
    """The article's clues for homonyms, computed only when a proposed name has namesakes."""

    def __init__(self, ctx: Context, found: list[Candidate]) -> None:
        self.ctx, self.found = ctx, found
        self._clues: Clues | None = None

    def choose(self, name: str, fallback: Place) -> Place:
        """The place ``name`` means here (``fallback`` when it has no namesake or none fits)."""
        options = self.ctx.gazetteer.candidates(name)
        if len(options) < 2:
            return fallback
        if self._clues is None:
            self._clues = article_clues(self.ctx, self.found)
        return choose(options, self._clues) or fallback


def _proposals(ctx: Context, found: list[Candidate], cues: list[int], heads: list[int],
               persons: list[Candidate]) -> Iterator[tuple[int, int, Place]]:
    yield from _repeats(ctx, found)
    clues = _LazyClues(ctx, found)
    for first, last in _seeds(ctx, found, cues):
        for start, end, name in _listed(ctx, first, last):
            place = _known(ctx, name)
            if place is None:
                break
            yield start, end, clues.choose(name, place)
    yield from _genitives(ctx, heads, clues)
    yield from _bracketed(ctx, persons, clues)


def _repeats(ctx: Context, found: list[Candidate]) -> Iterator[tuple[int, int, Place]]:
    """Bare occurrences (and the genitive "-s") of a name the article already read as a municipality."""
    text = ctx.text
    seen: set[str] = set()
    for cand in found:
        name = text[cand.start:cand.end]
        if name in seen or _known(ctx, name) is None or cand.place is None:
            continue  # names that are also words ("Essen", "Hof") keep needing their own cue
        seen.add(name)
        for form in (name, name + "s"):
            for pos in _occurrences(text, form):
                if not _after_determiner(text, pos):
                    yield pos, pos + len(form), cand.place


def _after_determiner(text: str, pos: int) -> bool:
    """Whether an article or a contracted preposition comes right before ``pos`` ("das Essen", "beim Hof")."""
    return text[max(pos - 7, 0):pos].rstrip().rpartition(" ")[2].casefold() in DETERMINERS


def _occurrences(text: str, word: str) -> Iterator[int]:
    """Start offsets of ``word`` standing as a whole word (not inside another word or compound)."""
    pos = text.find(word)
    while pos >= 0:
        end = pos + len(word)
        before = text[pos - 1] if pos else " "
        after = text[end] if end < len(text) else " "
        if not (before.isalnum() or before == "-") and not (after.isalnum() or after == "-"):
            yield pos
        pos = text.find(word, end)


def _seeds(ctx: Context, found: list[Candidate], cues: list[int]) -> Iterator[tuple[int, int]]:
    """Token ranges (first, last) around which a list of places may run: found places, plural cues."""
    doc = ctx.doc
    for cand in found:
        first = bisect.bisect_left(doc.starts, cand.start)
        last = bisect.bisect_left(doc.starts, cand.end) - 1
        yield first, last
    for i in cues:
        yield i, i


def _listed(ctx: Context, first: int, last: int) -> Iterator[tuple[int, int, str]]:
    """Names listed before token ``first`` and after token ``last``, nearest first, each side in turn.

    After a plural cue the first name follows directly ("der Städte Jena, Gera"); beside a place a
    separator ("," "und" "sowie" "oder") must come between.
    """
    texts = ctx.doc.texts
    cue = texts[first] in PLURAL_CUES
    k = last + 1
    for _ in range(_MAX_LIST):
        if not cue or k != last + 1:
            if k >= len(texts) or texts[k] not in SEPARATORS:
                break
            k += 1
        name = _name_at(ctx, k, 1)
        if name is None:
            break
        yield name
        k = bisect.bisect_left(ctx.doc.starts, name[1])
    if cue:
        return
    k = first - 1
    for _ in range(_MAX_LIST):
        if k < 1 or texts[k] not in SEPARATORS:
            break
        name = _name_at(ctx, k - 1, -1)
        if name is None:
            break
        yield name
        k = bisect.bisect_left(ctx.doc.starts, name[0]) - 1


def _name_at(ctx: Context, k: int, step: int) -> tuple[int, int, str] | None:
    """The longest run of up to three capitalised tokens from ``k`` (rightwards or leftwards)."""
    tokens, texts = ctx.doc.tokens, ctx.doc.texts
    run: list[int] = []
    j = k
    while 0 <= j < len(tokens) and len(run) < _MAX_NAME_TOKENS and texts[j][:1].isupper() \
            and texts[j] not in SEPARATORS:
        run.append(j)
        j += step
    run.sort()
    while run:
        start, end = tokens[run[0]].start, tokens[run[-1]].end
        name = ctx.text[start:end]
        if _known(ctx, name) is not None:
            return start, end, name
        run = run[:-1] if step > 0 else run[1:]
    return None


def _known(ctx: Context, name: str) -> Place | None:
    """The largest municipality of that name, unless the name is a word or first name more often."""
    if name in ctx.lexicon.place_stopwords or name in ctx.lexicon.first_names:
        return None
    options = [p for p in ctx.gazetteer.candidates(name) if p.kind != "land"]
    return options[0] if options else None


def _genitives(ctx: Context, heads: list[int], clues: _LazyClues) -> Iterator[tuple[int, int, Place]]:
    """ "Straubings Oberbürgermeister": a known municipality's genitive right before an office."""
    tokens, texts = ctx.doc.tokens, ctx.doc.texts
    for i in heads:
        word = texts[i - 1] if i > 0 else ""
        if len(word) > 3 and word.endswith("s") and word[:1].isupper():
            place = _known(ctx, word[:-1])
            if place is not None:
                yield tokens[i - 1].start, tokens[i - 1].end, clues.choose(word[:-1], place)


def _bracketed(ctx: Context, persons: list[Candidate], clues: _LazyClues) -> Iterator[tuple[int, int, Place]]:
    """ "Bürgermeister Lothar Koch (Burgwald)": a known municipality in brackets right after a person."""
    doc = ctx.doc
    for person in persons:
        k = bisect.bisect_left(doc.starts, person.end)
        if k + 2 >= len(doc.texts) or doc.texts[k] != "(":
            continue
        name = _name_at(ctx, k + 1, 1)
        if name is None:
            continue
        close = bisect.bisect_left(doc.starts, name[1])
        place = _known(ctx, name[2])
        if place is not None and close < len(doc.texts) and doc.texts[close] == ")":
            yield name[0], name[1], clues.choose(name[2], place)


class _Taken:
    """The character spans already holding an entity (sorted, non-overlapping)."""

    def __init__(self, kept: list[Candidate]) -> None:
        spans = sorted((c.start, c.end) for c in kept)
        self.starts = [s for s, _ in spans]
        self.ends = [e for _, e in spans]

    def free(self, start: int, end: int) -> bool:
        """Whether ``start:end`` overlaps no taken span."""
        idx = bisect.bisect_left(self.starts, end)
        return idx == 0 or self.ends[idx - 1] <= start

    def add(self, start: int, end: int) -> None:
        """Take ``start:end`` (known to be free)."""
        idx = bisect.bisect_left(self.starts, start)
        self.starts.insert(idx, start)
        self.ends.insert(idx, end)
