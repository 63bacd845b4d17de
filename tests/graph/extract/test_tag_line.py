"""Tags read as a last line of the text: offsets stay honest, tags link to the text's organisations."""

from __future__ import annotations

from graph.extract.pipeline import ExtractionPipeline
from graph.model import Article, EntityType
from tests.graph.extract.conftest import article

TEXT = "Stefan Roth (KWS Kommunal-Web-Systeme GmbH) sprach mit dem Verband. Die Firma lud ein."


def test_tagged_text_appends_one_line_and_keeps_the_text_as_prefix() -> None:
    art = Article(id="t", source="x", text="Ein Text.", tags=("Panorama", " KWS ", ""))
    assert art.tagged_text == "Ein Text.\n\nStichwörter: Panorama, KWS"
    assert Article(id="t", source="x", text="Ein Text.").tagged_text == "Ein Text."


def test_a_tag_naming_an_organisation_of_the_text_by_its_first_word(geonames_pipeline: ExtractionPipeline) -> None:
    art = article(TEXT, tags=("Panorama", "KWS", "Bundesverband Digitale Kommunen (BDK)"))
    doc = geonames_pipeline.extract(art)
    text = art.tagged_text
    orgs = [(m.text, m.canonical, m.start >= len(art.text)) for m in doc.mentions
            if m.type is EntityType.ORGANIZATION]
    assert ("KWS", "KWS Kommunal-Web-Systeme", True) in orgs
    assert ("BDK", "Bundesverband Digitale Kommunen", True) in orgs
    assert all(text[m.start:m.end] == m.text for m in doc.mentions)
    assert "Panorama" not in [m.text for m in doc.mentions]
    assert all(text[a:b] for a, b in doc.sentences)


def test_an_unrelated_acronym_tag_is_not_linked(geonames_pipeline: ExtractionPipeline) -> None:
    doc = geonames_pipeline.extract(article(TEXT, tags=("ZZQ",)))
    assert "ZZQ" not in [m.text for m in doc.mentions]
