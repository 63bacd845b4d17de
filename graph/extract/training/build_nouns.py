"""Build ``data/lexicon/nouns-de.tsv.gz``: German noun word forms from Wiktionary, common vs proper.

    pip install german-nouns==1.2.5      # development only; the runtime reads our file
    python -m graph.extract.training.build_nouns [--out PATH]

Why: German capitalises every noun, so a capital letter says little about a
name. Knowing that "Rettungspaket", "Oberschenkel" or "Linienbussen" are
forms of common nouns, and that "Parker" or "Tomaszów" are not, is the
signal the statistical recogniser lacks most. The ``german-nouns`` package
(CC BY-SA 4.0, compiled from the German Wiktionary) lists about 100,000
nouns with every inflected form; we keep the single-word forms, split into
common nouns (``c``) and names (``p``: toponyms, first and family names,
proper names, abbreviations, street names). A form listed both ways is
written as ``p``. The output is a derived database and keeps the CC BY-SA
4.0 licence (see ``data/lexicon/README.md``).
"""

from __future__ import annotations

import argparse
import csv
import gzip
from collections.abc import Iterable, Iterator
from pathlib import Path

from graph.errors import InputError
from graph.resources import data_path

OUT = ("lexicon", "nouns-de.tsv.gz")
PROPER_POS = frozenset({"Toponym", "Vorname", "Nachname", "Eigenname", "Abkürzung", "Straßenname"})
_NOT_FORMS = frozenset({"lemma", "pos"})


def _source() -> Path:
    try:
        from importlib.resources import files

        path = Path(str(files("german_nouns").joinpath("nouns.csv")))
    except ModuleNotFoundError:
        raise InputError("the german-nouns package is not installed",
                         hint="pip install german-nouns==1.2.5 (only needed to rebuild the list)") from None
    return path


def _forms(row: dict[str, str]) -> set[str]:
    """Single-word surface forms of one entry (lemma and every inflected cell)."""
    cells = (v for k, v in row.items() if k not in _NOT_FORMS and not k.startswith("genus") and v)
    return {f for f in (row["lemma"], *cells) if f and " " not in f and not f.startswith("-") and len(f) > 1}


def split_forms(rows: Iterable[dict[str, str]]) -> tuple[set[str], set[str]]:
    """(common, proper) word forms; a form that is both counts as proper.

    >>> rows = [{"lemma": "Bus", "pos": "Substantiv", "nominativ plural": "Busse"},
    ...         {"lemma": "Essen", "pos": "Substantiv,Toponym", "nominativ plural": ""},
    ...         {"lemma": "Essen", "pos": "Substantiv", "nominativ plural": ""}]
    >>> common, proper = split_forms(rows)
    >>> sorted(common), sorted(proper)
    (['Bus', 'Busse'], ['Essen'])
    """
    common: set[str] = set()
    proper: set[str] = set()
    for row in rows:
        pos = set(row["pos"].split(","))
        target = proper if pos & PROPER_POS else common if "Substantiv" in pos else None
        if target is not None:
            target |= _forms(row)
    return common - proper, proper


def lines(common: set[str], proper: set[str]) -> Iterator[str]:
    """Sorted ``<c|p>\\t<form>`` lines (sorted so the file is byte-identical on every rebuild)."""
    for form in sorted(common):
        yield f"c\t{form}\n"
    for form in sorted(proper):
        yield f"p\t{form}\n"


def build(out: Path) -> dict[str, int]:
    """Write the list; returns the counts."""
    with _source().open(encoding="utf-8", newline="") as fh:
        common, proper = split_forms(csv.DictReader(fh))
    out.parent.mkdir(parents=True, exist_ok=True)
    with out.open("wb") as raw, gzip.GzipFile(filename="", mode="wb", fileobj=raw, mtime=0) as gz:
        gz.write("".join(lines(common, proper)).encode("utf-8"))
    return {"common": len(common), "proper": len(proper), "bytes": out.stat().st_size}


def main(argv: list[str] | None = None) -> None:
    """Command-line entry point."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--out", type=Path, default=None)
    args = parser.parse_args(argv)
    print(build(args.out or data_path(*OUT)))


if __name__ == "__main__":
    main()
