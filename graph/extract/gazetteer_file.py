"""The compact official place list: written from the Destatis CSVs, read by the gazetteer.

``scripts/build_gazetteer.py`` writes the shipped copy
(``data/gazetteer/de-gemeinden.tsv.gz``) and ``skg gazetteer import`` writes a
newer list to ``SKG_HOME/gazetteer.tsv.gz``; both go through
:func:`rows_from_csv` and :func:`write`, so they have one format.

The file is gzip'd UTF-8, tab-separated, one row per place, sorted by key:

    key       name                type              population  lat        lon       display
    03        Niedersachsen       Land              7993608
    03353     Harburg             Landkreis         254431                           Landkreis Harburg
    03353040  Winsen (Luhe)       Stadt             35103       53.357...  10.21...

The key's length tells the level: 2 digits a Land, 5 a district (Kreis key
as Destatis writes it, with its leading zero), 8 a municipality (AGS). A
municipality's district and Land are the first five and two digits of its
AGS, as in the official key; sorting by key puts every Land before its
districts and every district before its municipalities. ``display`` is the
district's name with its kind ("Landkreis Harburg", "Kreis Borken",
"Regionalverband Saarbrücken"; a kreisfreie Stadt just its name). A Land's
population is the sum of its municipalities'. The bytes are deterministic
(gzip time stamp 0, no file name, fixed level), so rebuilding from the same
CSVs gives the same file.
"""

from __future__ import annotations

import csv
import gzip
import io
from collections import defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import TypeVar

from graph.errors import ExtractionError

ATTRIBUTION = ("© Statistisches Bundesamt (Destatis), Gemeindeverzeichnis, "
               "Datenlizenz Deutschland – Namensnennung 2.0")
HEADER = ("key", "name", "type", "population", "lat", "lon", "display")
GEMEINDEN_HEADER = ("ags", "name", "type", "kreis", "bundesland", "population", "lat", "lon")
KREISE_HEADER = ("kreis_ags", "name", "type", "display_name", "bundesland", "population")
LAENDER_HEADER = ("land_code", "name")
AGS_LANDS = {
    "01": "Schleswig-Holstein", "02": "Hamburg", "03": "Niedersachsen", "04": "Bremen",
    "05": "Nordrhein-Westfalen", "06": "Hessen", "07": "Rheinland-Pfalz", "08": "Baden-Württemberg",
    "09": "Bayern", "10": "Saarland", "11": "Berlin", "12": "Brandenburg", "13": "Mecklenburg-Vorpommern",
    "14": "Sachsen", "15": "Sachsen-Anhalt", "16": "Thüringen",
}
CITY_DISTRICT_TYPES = frozenset({"Kreisfreie Stadt", "Stadtkreis"})

N = TypeVar("N", int, float)


@dataclass(frozen=True)
class Row:
    """One place of the compact list (numbers as text, exactly as written)."""

    key: str
    name: str
    type: str
    population: str
    lat: str = ""
    lon: str = ""
    display: str = ""

    def line(self) -> str:
        """The row as one tab-separated line."""
        return "\t".join((self.key, self.name, self.type, self.population, self.lat, self.lon,
                          self.display)) + "\n"


def rows_from_csv(gemeinden: Path, kreise: Path | None = None, laender: Path | None = None) -> list[Row]:
    """All places of the Destatis CSVs, sorted by key.

    Without ``kreise`` the districts are taken from the municipalities'
    ``kreis`` column; without ``laender`` the 16 Land names are the fixed
    official ones. Every municipality's district must be listed.
    """
    towns = _gemeinden(gemeinden)
    if not towns:
        raise ExtractionError("no municipalities in the file", path=str(gemeinden),
                              hint="give the Gemeindeverzeichnis CSV (one row per Gemeinde)")
    districts = _kreise(kreise) if kreise else _districts_of(towns)
    known = {d.key for d in districts}
    for line, (town, _) in enumerate(towns, 2):
        if town.key[:5] not in known:
            raise ExtractionError(f"the district {town.key[:5]} of {town.name} is not in {kreise}",
                                  path=str(gemeinden), line=line,
                                  hint="give the kreise.csv of the same Gemeindeverzeichnis")
    lands = _laender(laender, [t for t, _ in towns])
    return sorted([*lands, *districts, *(t for t, _ in towns)], key=lambda r: r.key)


def write(rows: Iterable[Row], path: Path, note: str) -> None:
    """Write the compact list to ``path`` (deterministic gzip; replaced atomically)."""
    head = "".join(f"# {line}\n" for line in (
        "Official German places: Länder (2-digit key), districts (5), municipalities (8-digit AGS)",
        ATTRIBUTION, note))
    text = head + "\t".join(HEADER) + "\n" + "".join(r.line() for r in rows)
    buffer = io.BytesIO()
    with gzip.GzipFile(filename="", mode="wb", fileobj=buffer, compresslevel=9, mtime=0) as gz:
        gz.write(text.encode("utf-8"))
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(path.name + ".tmp")
    tmp.write_bytes(buffer.getvalue())
    tmp.replace(path)


def read(data: bytes, path: Path) -> list[list[str]]:
    """The rows of a compact list's bytes, as lists of seven strings (``path`` only names errors)."""
    try:
        text = gzip.decompress(data).decode("utf-8")
    except (OSError, EOFError, UnicodeDecodeError) as exc:
        raise ExtractionError(f"cannot read the place list: {exc}", path=str(path),
                              hint="run `skg gazetteer import gemeinden.csv` again, or reinstall") from None
    lines = [ln for ln in text.split("\n") if ln and not ln.startswith("#")]
    if not lines or tuple(lines[0].split("\t")) != HEADER:
        raise ExtractionError("not a place list (wrong header)", path=str(path),
                              hint="run `skg gazetteer import gemeinden.csv` again, or reinstall")
    rows = [ln.split("\t") for ln in lines[1:]]
    bad = next((n for n, r in enumerate(rows, 2) if len(r) != len(HEADER)), None)
    if bad is not None:
        raise ExtractionError("a row without seven columns", path=str(path), line=bad,
                              hint="run `skg gazetteer import gemeinden.csv` again, or reinstall")
    return rows


def _read_csv(path: Path, header: tuple[str, ...]) -> list[dict[str, str]]:
    try:
        with path.open(encoding="utf-8-sig", newline="") as handle:
            reader = csv.DictReader(handle)
            missing = [h for h in header if h not in (reader.fieldnames or [])]
            if missing:
                raise ExtractionError(f"missing columns {', '.join(missing)}", path=str(path), line=1,
                                      hint="give the Destatis Gemeindeverzeichnis CSV with header "
                                           + ",".join(header))
            return [{k: (v or "").strip() for k, v in row.items() if k} for row in reader]
    except OSError as exc:
        raise ExtractionError(f"cannot read {exc}", path=str(path), hint="check the file path") from None


def _number(value: str, path: Path, line: int, cast: Callable[[str], N]) -> N | None:
    """``value`` as a number (None when empty); a clear error naming the line otherwise."""
    if not value:
        return None
    try:
        return cast(value)
    except ValueError:
        raise ExtractionError(f"not a number: {value!r}", path=str(path), line=line,
                              hint="fix the row or re-export the Gemeindeverzeichnis") from None


def _gemeinden(path: Path) -> list[tuple[Row, str]]:
    """(row, district name of the ``kreis`` column) per municipality."""
    out = []
    for line, rec in enumerate(_read_csv(path, GEMEINDEN_HEADER), 2):
        ags = rec["ags"].zfill(8)
        if len(ags) != 8 or not ags.isdigit():
            raise ExtractionError(f"not an 8-digit AGS: {rec['ags']!r}", path=str(path), line=line,
                                  hint="fix the row or re-export the Gemeindeverzeichnis")
        population = _number(rec["population"], path, line, int) or 0
        _number(rec["lat"], path, line, float)
        _number(rec["lon"], path, line, float)
        row = Row(ags, rec["name"], rec["type"], str(population), rec["lat"], rec["lon"])
        out.append((row, rec["kreis"]))
    return out


def _kreise(path: Path) -> list[Row]:
    out = []
    for line, rec in enumerate(_read_csv(path, KREISE_HEADER), 2):
        key = rec["kreis_ags"].zfill(5)
        if len(key) != 5 or not key.isdigit():
            raise ExtractionError(f"not a 5-digit district key: {rec['kreis_ags']!r}", path=str(path),
                                  line=line, hint="fix the row or re-export the Gemeindeverzeichnis")
        population = _number(rec["population"], path, line, int) or 0
        display = rec["display_name"] or rec["name"]
        out.append(Row(key, rec["name"], rec["type"], str(population), display=display))
    return out


def _districts_of(towns: list[tuple[Row, str]]) -> list[Row]:
    """Districts from the municipalities' ``kreis`` column (no kreise.csv): name, population."""
    members: dict[str, list[tuple[Row, str]]] = defaultdict(list)
    for town, kreis in towns:
        members[town.key[:5]].append((town, kreis))
    out = []
    for key, group in sorted(members.items()):
        name = group[0][1] or group[0][0].name
        kind = group[0][0].type if len(group) == 1 and group[0][0].type in CITY_DISTRICT_TYPES else ""
        out.append(Row(key, name, kind, str(sum(int(t.population) for t, _ in group)), display=name))
    return out


def _laender(path: Path | None, towns: list[Row]) -> list[Row]:
    names = dict(AGS_LANDS)
    if path is not None:
        names = {rec["land_code"].zfill(2): rec["name"] for rec in _read_csv(path, LAENDER_HEADER)}
    people: dict[str, int] = defaultdict(int)
    for town in towns:
        people[town.key[:2]] += int(town.population)
    return [Row(key, name, "Land", str(people[key])) for key, name in sorted(names.items())]
