"""The JSON Lines contract: required text, optional fields, source_id, broken lines."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from graph.ingest.jsonl import derive_title
from graph.model import Article
from graph.settings import Settings
from tests.graph.ingest.helpers import FIXTURES, by_role, read_all


@pytest.fixture
def jsonl(settings: Settings) -> tuple[list, list]:
    return read_all([str(FIXTURES / "artikel.jsonl")], settings)


def test_jsonl_full_record_maps_every_field(jsonl: tuple[list, list]) -> None:
    first = jsonl[0][0]
    assert first.source_id == "vd-1001" and first.reader == "jsonl"
    assert first.title == "Ostrau führt E-Akte in allen Ämtern ein"
    assert first.published == "2024-05-06" and first.section == "E-Government"
    assert first.tags == ("E-Akte", "Ostrau") and first.source == "Verwaltung Digital"
    assert first.url == "https://www.verwaltung-digital.example/news/ostrau-e-akte"
    assert first.id == Article.make_id("vd-1001", "article", 0)
    assert first.text.split("\n\n") == [
        "Die Gemeinde Ostrau arbeitet ab sofort in allen Ämtern mit der elektronischen Akte.",
        "Bürgermeister Jens Vogt dankte dem IT-Dienstleister KommunalNet Nord für die Unterstützung.",
        "Die Umstellung dauerte zwei Jahre.",
    ]


def test_jsonl_null_title_is_derived_and_tag_string_split(jsonl: tuple[list, list]) -> None:
    second = jsonl[0][1]
    assert second.title == "Der Kreis Nordheim erhält 4,5 Millionen Euro Fördermittel für den Breitbandausbau."
    assert second.tags == ("Breitband", "Förderung") and second.published == "2024-05-02"
    assert second.source.endswith("artikel.jsonl:2")


def test_jsonl_broken_lines_fail_one_by_one_with_line_numbers(jsonl: tuple[list, list]) -> None:
    articles, failures = jsonl
    assert [(Path(f.source).name, f.line) for f in failures] == [
        ("artikel.jsonl", 4), ("artikel.jsonl", 5), ("artikel.jsonl", 6)]
    assert "not valid JSON" in failures[0].message
    assert "`text` is missing" in failures[1].message
    assert "instead of an object" in failures[2].message
    assert all("fix or remove this line" in f.hint and f.reader == "jsonl" for f in failures)
    assert articles[-1].title == "Ohne Kennung"  # lines after the broken ones are still read


def test_jsonl_capture_record_yields_page_documents_with_source_id(jsonl: tuple[list, list]) -> None:
    docs = [a for a in jsonl[0] if a.source_id == "k21-555"]
    assert [d.role for d in docs] == ["article", "teaser", "vendor_listing"]
    assert docs[0].title == "Termin-Werk AG: Neuer Standort in Waldau" and docs[0].author == "ba"
    assert docs[1].title == "Musterdata: Neuer Geschäftsführer" and docs[1].parent_id == docs[0].id
    assert by_role(docs, "vendor_listing")[0].vendors[0].name == "Termin-Werk AG"
    assert all(d.reader == "jsonl" and d.source == "Kommune21" for d in docs)


def test_jsonl_record_without_id_or_url_is_keyed_by_file_and_line(jsonl: tuple[list, list]) -> None:
    last = jsonl[0][-1]
    assert last.source_id is None and last.published == "2024-05-03"
    assert last.id == Article.make_id("artikel.jsonl", "article", 8)


@pytest.mark.parametrize(("record", "message"), [
    ({"text": "x", "tags": [1, 2]}, "`tags` must be"),
    ({"text": "x", "title": ["a"]}, "`title` must be a string"),
    ({"text": "x", "published": {"d": 1}}, "`published` must be"),
    ({"text": "   "}, "`text` is missing"),
    ({"text": 5}, "`text` is missing"),
])
def test_jsonl_field_type_errors(record: dict, message: str, settings: Settings, tmp_path: Path) -> None:
    path = tmp_path / "x.jsonl"
    path.write_text(json.dumps(record) + "\n" + json.dumps({"text": "gut"}) + "\n", encoding="utf-8")
    articles, failures = read_all([str(path)], settings)
    assert len(articles) == 1 and failures[0].line == 1 and message in failures[0].message


def test_jsonl_recognised_by_content_without_extension(settings: Settings, tmp_path: Path) -> None:
    path = tmp_path / "export"
    path.write_text('{"id": 7, "text": "Erste Zeile\\nZweite Zeile"}\n', encoding="utf-8")
    articles, _ = read_all([str(path)], settings)
    assert articles[0].reader == "jsonl" and articles[0].source_id == "7" and articles[0].title == "Erste Zeile"


def test_jsonl_derive_title_caps_long_first_lines() -> None:
    long = "Wort " * 60
    assert derive_title("Kurz.\nMehr") == "Kurz."
    assert derive_title("Ein Satz. " + long).startswith("Ein Satz.") and len(derive_title("Ein Satz. " + long)) <= 10
    assert len(derive_title(long)) <= 122 and derive_title(long).endswith("…")
