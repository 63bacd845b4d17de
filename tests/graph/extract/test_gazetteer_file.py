"""The compact official place list: deterministic bytes, the shipped copy rebuilt from ../shared."""

from __future__ import annotations

import gzip
import subprocess
import sys
from pathlib import Path

import pytest

from graph.errors import ExtractionError
from graph.extract import gazetteer_file
from graph.extract.gazetteer import SHIPPED
from graph.resources import data_path

REPO = Path(__file__).resolve().parents[3]
GEMEINDEN = ("ags,name,type,kreis,bundesland,population,lat,lon\n"
             "09779187,Münster,Gemeinde,Landkreis Donau-Ries,Bayern,1187,48.623205,10.906217\n"
             "05515000,Münster,Kreisfreie Stadt,Münster,Nordrhein-Westfalen,315293,51.961908,7.626804\n"
             "09779155,Harburg (Schwaben),Stadt,Landkreis Donau-Ries,Bayern,5561,48.786821,10.692591\n")


def test_gazetteer_file_rebuild_is_byte_identical_to_the_shipped_file(shared_dir: Path, tmp_path: Path) -> None:
    source = shared_dir / "data" / "gazetteer"
    out = tmp_path / "de-gemeinden.tsv.gz"
    done = subprocess.run([sys.executable, str(REPO / "scripts" / "build_gazetteer.py"), "--source", str(source),
                           "--out", str(out)], capture_output=True, text=True, check=False)
    assert done.returncode == 0, done.stderr
    assert "10794 municipalities, 401 districts, 16 Länder" in done.stdout
    shipped = data_path(*SHIPPED).read_bytes()
    assert gzip.decompress(out.read_bytes()) == gzip.decompress(shipped), "the shipped list is out of date"
    assert out.read_bytes() == shipped, "same rows, other gzip bytes: rebuild with scripts/build_gazetteer.py"


def test_gazetteer_file_shipped_copy_carries_the_attribution() -> None:
    head = gzip.decompress(data_path(*SHIPPED).read_bytes()).decode("utf-8").split("\n")[:5]
    assert f"# {gazetteer_file.ATTRIBUTION}" in head
    assert "\t".join(gazetteer_file.HEADER) in head
    notice = (REPO / "NOTICE").read_text(encoding="utf-8")
    assert gazetteer_file.ATTRIBUTION in notice


def test_gazetteer_file_rows_are_sorted_and_derived(tmp_path: Path) -> None:
    gemeinden = tmp_path / "gemeinden.csv"
    gemeinden.write_text(GEMEINDEN, encoding="utf-8")
    rows = gazetteer_file.rows_from_csv(gemeinden)
    keys = [r.key for r in rows]
    assert keys == sorted(keys) and keys[:2] == ["01", "02"] and len(keys) == 16 + 2 + 3
    by_key = {r.key: r for r in rows}
    assert by_key["09"].population == str(1187 + 5561) and by_key["09"].type == "Land"
    assert (by_key["09779"].display, by_key["09779"].population) == ("Landkreis Donau-Ries", str(1187 + 5561))
    assert by_key["05515"].type == "Kreisfreie Stadt"  # a district of one kreisfreie Stadt
    assert (by_key["09779187"].lat, by_key["09779187"].type) == ("48.623205", "Gemeinde")


def test_gazetteer_file_write_is_deterministic_and_reads_back(tmp_path: Path) -> None:
    lines = GEMEINDEN.splitlines(keepends=True)
    written = []
    for order, body in (("as-is", lines[1:]), ("reversed", lines[:0:-1])):
        folder = tmp_path / order
        folder.mkdir()
        (folder / "gemeinden.csv").write_text(lines[0] + "".join(body), encoding="utf-8")
        out = folder / "list.tsv.gz"
        gazetteer_file.write(gazetteer_file.rows_from_csv(folder / "gemeinden.csv"), out, "test")
        written.append(out.read_bytes())
    assert written[0] == written[1]  # the CSV's row order does not matter
    assert written[0][4:8] == b"\0\0\0\0"  # gzip time stamp 0
    back = gazetteer_file.read(written[0], tmp_path / "list.tsv.gz")
    keys = [r[0] for r in back]
    assert keys.index("09") < keys.index("09779") < keys.index("09779155") < keys.index("09779187") < keys.index("10")
    assert back[keys.index("09779187")] == ["09779187", "Münster", "Gemeinde", "1187", "48.623205", "10.906217", ""]


@pytest.mark.parametrize(("content", "message"), [
    (b"plain text", "cannot read the place list"),
    (gzip.compress(b"# comment\nid\tname\n"), "wrong header"),
    (gzip.compress(("\t".join(gazetteer_file.HEADER) + "\n09\tBayern\n").encode()), "without seven columns"),
])
def test_gazetteer_file_broken_files_name_the_file(tmp_path: Path, content: bytes, message: str) -> None:
    path = tmp_path / "list.tsv.gz"
    with pytest.raises(ExtractionError) as info:
        gazetteer_file.read(content, path)
    assert message in str(info.value) and "list.tsv.gz" in str(info.value)
