"""One official place (municipality, district or Land) and the everyday short form of its name.

Kept apart from the gazetteer so that the homonym rules (``homonyms.py``)
and the gazetteer can both use it without importing each other.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

# "Freiburg im Breisgau" is called "Freiburg", "Halle (Saale)" "Halle", "Neustadt a.d.Aisch" "Neustadt",
# "Bautzen / Budyšin" "Bautzen": cut at the qualifier (a bracket, a slash, a preposition, an abbreviation).
_QUALIFIER = re.compile(
    r"\s*(?:\(|,|/| im | am | an der | an | auf | unter | ob der | ob | in der | in | bei "
    r"| a\. ?d\. ?| i\. ?d\. ?| v\. ?d\. ?| a\. ?| b\. ?| i\. ?)")


@dataclass(frozen=True)
class Place:
    """A municipality (8-digit AGS), district (5-digit key) or Land (2-digit key).

    ``name`` is the official name (districts: with their kind, "Landkreis
    Harburg"); ``land`` the Land's name; ``kreis`` the district's name;
    ``type`` the official type ("Stadt", "Gemeinde", "Markt", "Landkreis",
    "Kreis", "Land" …) when the source gives it.
    """

    name: str
    kind: str  # "gemeinde" | "kreis" | "land"
    population: int
    lat: float | None = None
    lon: float | None = None
    land: str | None = None
    ags: str | None = None
    kreis: str | None = None
    type: str | None = None


def short_name(name: str) -> str:
    """The everyday name of a place.

    >>> [short_name(n) for n in ("Freiburg im Breisgau", "Halle (Saale)", "Neustadt a.d.Aisch",
    ...                          "Mühldorf a.Inn", "Bautzen / Budyšin", "Kirchheim unter Teck", "Berlin")]
    ['Freiburg', 'Halle', 'Neustadt', 'Mühldorf', 'Bautzen', 'Kirchheim', 'Berlin']
    """
    match = _QUALIFIER.search(name)
    return name[: match.start()].strip() if match and match.start() > 1 else name
