"""Acronym reuse and surname-only mentions (the second pass over settled spans)."""

from __future__ import annotations

from graph.extract.pipeline import ExtractionPipeline
from graph.model import EntityType
from tests.graph.extract.conftest import article


def test_coref_acronym_defined_in_text_is_found_in_compounds(geonames_pipeline: ExtractionPipeline) -> None:
    doc = geonames_pipeline.extract(article(
        "Das Landesamt für Digitalisierung, Breitband und Vermessung (LDBV) startet. "
        "Der LDBV-Chef und das LDBV planen."))
    reuses = [(m.text, m.canonical) for m in doc.mentions if m.text == "LDBV"]
    long_name = "Landesamt für Digitalisierung, Breitband und Vermessung"
    assert reuses == [("LDBV", long_name)] * 3


def test_coref_surname_after_full_name_only(geonames_pipeline: ExtractionPipeline) -> None:
    doc = geonames_pipeline.extract(article(
        "Schreier war da. Dann sprach Marian Schreier. Schreier lobte die Dataport."))
    people = [(m.start, m.text, m.canonical) for m in doc.mentions if m.type is EntityType.PERSON]
    assert [p[1:] for p in people] == [("Marian Schreier", "Marian Schreier"), ("Schreier", "Marian Schreier")]
    assert people[0][0] > 0  # the "Schreier" before the full name is not linked


def test_coref_clashing_surnames_stay_unlinked(geonames_pipeline: ExtractionPipeline) -> None:
    doc = geonames_pipeline.extract(article("Anna Weber und Thomas Weber kamen. Weber sprach."))
    assert "Weber" not in [m.text for m in doc.mentions]
