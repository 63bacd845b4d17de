"""Encoding detection, mojibake repair, NFC and the binary/empty/undecodable failures."""

from __future__ import annotations

import unicodedata
from pathlib import Path

import pytest

from graph.ingest.decode import decode_text
from graph.settings import Settings
from tests.graph.ingest.helpers import read_all

TEXT = "Bürgermeisterin Jördis Weiß eröffnet das Bürgerbüro in Nürnberg."


@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "cp1252", "latin-1", "utf-16"])
def test_decode_common_encodings(encoding: str) -> None:
    assert decode_text(("Titel\n" + TEXT).encode(encoding)).text == "Titel\n" + TEXT


def test_decode_repairs_mojibake() -> None:
    broken = TEXT.encode("utf-8").decode("latin-1")  # "BÃ¼rgermeisterin …"
    assert "Ã¼" in broken
    assert decode_text(broken.encode("utf-8")).text == TEXT


def test_decode_composes_to_nfc() -> None:
    decomposed = unicodedata.normalize("NFD", TEXT)
    assert decomposed != TEXT
    assert decode_text(decomposed.encode("utf-8")).text == TEXT


def test_decode_keeps_german_quotes_and_normalises_line_ends() -> None:
    assert decode_text("„Zitat“ – ‚so‘\r\nZeile".encode()).text == "„Zitat“ – ‚so‘\nZeile"


@pytest.mark.parametrize(("data", "problem"), [
    (b"", "empty"),
    (b"   \n\t\n", "empty"),
    (b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj", "PDF document"),
    (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "PNG image"),
    (bytes(range(256)) * 4, "binary data"),
    ("Grün".encode("cp1252") + bytes(range(0x80, 0xa0)) * 8, "cannot be decoded"),
])
def test_decode_refuses_what_is_not_text(data: bytes, problem: str) -> None:
    result = decode_text(data)
    assert result.text is None and problem in result.problem and result.hint


def test_decode_failures_name_the_file_and_batch_continues(settings: Settings, tmp_path: Path) -> None:
    (tmp_path / "a_bild.png").write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(200))
    (tmp_path / "b_leer.txt").write_bytes(b"")
    (tmp_path / "c_gut.txt").write_bytes(("Titel\n" + TEXT).encode("cp1252"))
    articles, failures = read_all([str(tmp_path)], settings)
    assert [a.text for a in articles] == [TEXT]
    assert [Path(f.source).name for f in failures] == ["a_bild.png", "b_leer.txt"]
