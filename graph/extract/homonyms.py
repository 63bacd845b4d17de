"""Which of several places of one name a text means.

"Münster" is a city of 315,000 in Nordrhein-Westfalen, a municipality in
Hessen ("Münster (Hessen)") and a village in Bavarian Swabia; "Neustadt" and
"Neuenkirchen" name a dozen places each. :func:`choose` picks one, in this
order:

1. **What stands at the mention**: a postal code before it ("48149 Münster"),
   a Land adjective before it ("im bayerischen Münster"), a qualifier after it
   ("Frankfurt (Oder)", "Halle an der Saale", "Münster (Westfalen)"). Places
   these rule out are dropped (unless that would drop all).
2. **What the article says**, as evidence points: the place's district is
   named, or another place of that district is (3 points); its Land is named
   (2 points); other places of its Land are named (1 point each, at most 2).
   The article's tags count like its text: they are the outlet's own
   description of the story ("Landkreis Harburg", "Bayern").
3. **Size**: the score is ``log10(population) + points``, so each point
   weighs as much as a tenfold population. Local evidence wins over a big
   namesake ("Münster" next to "Landkreis Donau-Ries" is the village of
   1,187), weak evidence does not ("Münster" in an article that also names
   München stays the city in Nordrhein-Westfalen).

Ties go to the larger place, then to the lower key, so the choice is
deterministic. Everything here is pure: places and clues in, a place out.
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field

from graph.extract.place import Place, short_name
from graph.model.ids import fold

BW, BY, BE, BB, HB, HH, HE, MV = ("Baden-Württemberg", "Bayern", "Berlin", "Brandenburg", "Bremen",
                                  "Hamburg", "Hessen", "Mecklenburg-Vorpommern")
NI, NW, RP, SL, SN, ST, SH, TH = ("Niedersachsen", "Nordrhein-Westfalen", "Rheinland-Pfalz", "Saarland",
                                  "Sachsen", "Sachsen-Anhalt", "Schleswig-Holstein", "Thüringen")

# Land adjectives: "bayerisch" + e/en/er/es/em. Ambiguous ones ("schwäbisch": BW or BY) are left out.
_ADJECTIVES = {
    "bayerisch": BY, "hessisch": HE, "sächsisch": SN, "niedersächsisch": NI, "thüringisch": TH,
    "brandenburgisch": BB, "saarländisch": SL, "westfälisch": NW, "nordrhein-westfälisch": NW,
    "rheinland-pfälzisch": RP, "baden-württembergisch": BW, "badisch": BW, "württembergisch": BW,
    "schleswig-holsteinisch": SH, "mecklenburgisch": MV, "sachsen-anhaltisch": ST, "hamburgisch": HH,
    "bremisch": HB, "berlinisch": BE,
}
_LAND_NAMES = (BW, BY, BE, BB, HB, HH, HE, MV, NI, NW, RP, SL, SN, ST, SH, TH)
# City-states are left out: "Berlin" names the city far more often than the Land.
LAND_WORDS: dict[str, str] = {
    **{name: name for name in _LAND_NAMES if name not in (BE, HH, HB)},
    "NRW": NW, "Westfalen": NW, "Westf": NW, "Bay": BY, "Thür": TH,
    **{stem + ending: land for stem, land in _ADJECTIVES.items()
       for ending in ("", "e", "en", "er", "es", "em")},
}
_FILLERS = frozenset({"der", "dem", "den", "des"})
_WORD = re.compile(r"\w+")


@dataclass(frozen=True)
class Clues:
    """What one article says about where it is.

    ``lands``: Länder named in the text or the tags; ``districts``: district
    keys (5 digits) named, or of other places named; ``neighbours``: how many
    other places of each Land are named.
    """

    lands: frozenset[str] = frozenset()
    districts: frozenset[str] = frozenset()
    neighbours: Mapping[str, int] = field(default_factory=dict)


NO_CLUES = Clues()


def choose(options: Sequence[Place], clues: Clues = NO_CLUES, lands: Iterable[str] = (),
           qualifier: str = "") -> Place | None:
    """The place a mention means among ``options`` (all called by the mention's name).

    ``lands`` are the Länder the mention itself is tied to (its postal code, an
    adjective before it); ``qualifier`` is the word after it ("Oder" in
    "Frankfurt an der Oder").

    >>> nrw = Place("Münster", "gemeinde", 315293, land="Nordrhein-Westfalen", ags="05515000")
    >>> hessen = Place("Münster (Hessen)", "gemeinde", 14689, land="Hessen", ags="06432015")
    >>> swabia = Place("Münster", "gemeinde", 1187, land="Bayern", ags="09779187")
    >>> three = [swabia, hessen, nrw]
    >>> choose(three).ags                                   # no context: the largest
    '05515000'
    >>> choose(three, qualifier="Hessen").ags               # "Münster (Hessen)"
    '06432015'
    >>> choose(three, lands=["Bayern"]).ags                 # "im bayerischen Münster"
    '09779187'
    >>> choose(three, Clues(districts=frozenset({"09779"}))).ags  # the article names Landkreis Donau-Ries
    '09779187'
    >>> choose(three, Clues(lands=frozenset({"Hessen"}))).ags     # Hessen named: 14,689 x 100 > 315,293
    '06432015'
    >>> choose(three, Clues(neighbours={"Bayern": 1})).ags  # München named too: not enough
    '05515000'
    >>> choose([]) is None
    True
    """
    if not options:
        return None
    pool = _qualified(options, frozenset(lands), qualifier)
    return max(sorted(pool, key=_key), key=lambda p: (score(p, clues), p.population))


def score(place: Place, clues: Clues) -> float:
    """``log10(population) + evidence points`` (see the module docstring).

    >>> p = Place("Halle (Westf.)", "gemeinde", 21577, land="Nordrhein-Westfalen", ags="05754012")
    >>> round(score(p, Clues()), 2), round(score(p, Clues(districts=frozenset({"05754"}))), 2)
    (4.33, 7.33)
    """
    points = 0
    if place.ags and place.ags[:5] in clues.districts:
        points += 3
    if place.land in clues.lands:
        points += 2
    if clues.neighbours and place.land:
        points += min(2, clues.neighbours.get(place.land, 0))
    return math.log10(place.population + 1) + points


def _key(place: Place) -> str:
    return place.ags or place.name


def _qualified(options: Sequence[Place], lands: frozenset[str], qualifier: str) -> list[Place]:
    """The options the mention's own qualifiers allow (all of them when none fits)."""
    pool = list(options)
    if qualifier:
        named = [p for p in pool if names_qualifier(p, qualifier)]
        pool = named or pool
        if qualifier.rstrip(".") in LAND_WORDS:
            lands = lands | {LAND_WORDS[qualifier.rstrip(".")]}
    if lands:
        pool = [p for p in pool if p.land in lands] or pool
    return pool


def names_qualifier(place: Place, word: str) -> bool:
    """Whether ``word`` repeats the qualifier of the place's official name.

    Compares the first four letters, so abbreviations count:

    >>> halle = Place("Halle (Westf.)", "gemeinde", 21577)
    >>> names_qualifier(halle, "Westfalen"), names_qualifier(halle, "Saale")
    (True, False)
    >>> names_qualifier(Place("Frankfurt (Oder)", "gemeinde", 57751), "Oder")
    True
    """
    rest = place.name[len(short_name(place.name)):]
    if not rest:
        return False
    want = fold(word)[:4]
    return len(want) >= 3 and any(w[:4] == want for w in _WORD.findall(fold(rest))
                                  if len(w) >= 3 and w not in _FILLERS)
