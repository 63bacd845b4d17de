"""Build the shipped municipality list from the Destatis Gemeindeverzeichnis CSVs.

    .venv/bin/python scripts/build_gazetteer.py [--source ../shared/data/gazetteer]
                                                [--out data/gazetteer/de-gemeinden.tsv.gz] [--stand "Q4 2020"]

Reads ``gemeinden.csv``, ``kreise.csv`` and ``bundeslaender.csv`` from
``--source`` and writes the compact list the package ships (format:
``graph/extract/gazetteer_file.py``). The output depends only on the CSVs:
rows sorted by key, gzip without time stamp, so a rebuild from the same CSVs
is byte-identical (``tests/graph/extract/test_gazetteer_file.py`` checks it).
The data is © Statistisches Bundesamt (Destatis), Gemeindeverzeichnis,
Datenlizenz Deutschland – Namensnennung 2.0; the attribution is written into
the file and stated in NOTICE.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from graph.errors import SkgError
from graph.extract import gazetteer_file

REPO = Path(__file__).resolve().parent.parent
NOTE = ("built by scripts/build_gazetteer.py from gemeinden.csv, kreise.csv, bundeslaender.csv "
        "(Gebietsstand {stand})")


def main(argv: list[str] | None = None) -> int:
    """Parse arguments, build, print what was written."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--source", type=Path, default=REPO.parent / "shared" / "data" / "gazetteer",
                        help="folder with gemeinden.csv, kreise.csv, bundeslaender.csv")
    parser.add_argument("--out", type=Path, default=REPO / "data" / "gazetteer" / "de-gemeinden.tsv.gz")
    parser.add_argument("--stand", default="Q4 2020", help="the list's Gebietsstand, written into the file")
    args = parser.parse_args(argv)
    try:
        rows = gazetteer_file.rows_from_csv(args.source / "gemeinden.csv", args.source / "kreise.csv",
                                            args.source / "bundeslaender.csv")
        gazetteer_file.write(rows, args.out, NOTE.format(stand=args.stand))
    except SkgError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 1
    sizes = [len(r.key) for r in rows]
    print(f"{args.out}: {sizes.count(8)} municipalities, {sizes.count(5)} districts, "
          f"{sizes.count(2)} Länder, {args.out.stat().st_size:,} bytes")
    return 0


if __name__ == "__main__":
    sys.exit(main())
