"""Entities and relations of hand-built Kommune21-style sentences."""

from __future__ import annotations

import pytest

from graph.errors import ExtractionError
from graph.extract.pipeline import ExtractionPipeline
from graph.extract.registry import registered
from graph.model import DocumentExtraction, EntityType, OrgKind, entity_id
from graph.settings import load_settings
from tests.graph.extract.conftest import article


def _ents(doc: DocumentExtraction) -> list[tuple[str, str, str | None, str]]:
    return [(m.text, str(m.type), str(m.kind) if m.kind else None, m.canonical) for m in doc.mentions]


def _rels(doc: DocumentExtraction) -> set[tuple[str, str, str | None, str]]:
    return {(str(r.type), r.source_name, r.role, r.target_name) for r in doc.relations}


def test_pipeline_person_titles_stay_out_and_double_names_stay_in(geonames_pipeline: ExtractionPipeline) -> None:
    doc = geonames_pipeline.extract(article("Laut Dr. Anna-Lena Müller-Wagner ist das neu. Müller-Wagner lobte."))
    people = [(m.text, m.canonical) for m in doc.mentions if m.type is EntityType.PERSON]
    assert people == [("Anna-Lena Müller-Wagner", "Anna-Lena Müller-Wagner"),
                      ("Müller-Wagner", "Anna-Lena Müller-Wagner")]
    ids = {m.entity_id for m in doc.mentions if m.type is EntityType.PERSON}
    assert ids == {entity_id("PERSON", "Anna-Lena Müller-Wagner")}


def test_pipeline_legal_forms_and_known_actors(geonames_pipeline: ExtractionPipeline) -> None:
    doc = geonames_pipeline.extract(article(
        "Die Musterfirma Datensysteme GmbH & Co. KG arbeitet mit Dataport und der AKDB zusammen."))
    ents = _ents(doc)
    assert ("Musterfirma Datensysteme GmbH & Co. KG", "ORGANIZATION", "vendor", "Musterfirma Datensysteme") in ents
    assert ("Dataport", "ORGANIZATION", "public_it_provider", "Dataport") in ents
    assert ("AKDB", "ORGANIZATION", "public_it_provider", "AKDB") in ents


def test_pipeline_org_heads_and_acronym_definitions(geonames_pipeline: ExtractionPipeline) -> None:
    doc = geonames_pipeline.extract(article(
        "Das Landesamt für Digitalisierung, Breitband und Vermessung (LDBV) startet. "
        "Laut LDBV-Chef Hans Meier ist das Ziel klar. Auch der Zweckverband Musterdaten hilft."))
    ents = _ents(doc)
    long_name = "Landesamt für Digitalisierung, Breitband und Vermessung"
    assert ("LDBV", "ORGANIZATION", "public_body", long_name) in ents
    assert (long_name, "ORGANIZATION", "public_body", long_name) in ents
    assert ents[0][:2] == ("Landesamt für Digitalisierung, Breitband und Vermessung", "ORGANIZATION")
    assert ("HOLDS_ROLE", "Hans Meier", "Chef", long_name) in _rels(doc)


def test_pipeline_place_names_that_are_words_need_context(geonames_pipeline: ExtractionPipeline) -> None:
    doc = geonames_pipeline.extract(article("Das Essen war gut. Die Stadt Essen digitalisiert ihr Bürgeramt."))
    places = [(m.text, m.start) for m in doc.mentions if m.type is EntityType.MUNICIPALITY]
    assert places == [("Essen", doc.mentions[0].start)]
    assert doc.mentions[0].start > 20


def test_pipeline_headline_colon_counts_as_context(geonames_pipeline: ExtractionPipeline) -> None:
    doc = geonames_pipeline.extract(article("Hof: Neues Portal online\nDie Verwaltung startet."))
    assert _ents(doc)[0][:2] == ("Hof", "MUNICIPALITY")


def test_pipeline_municipality_ags_after_import(destatis_pipeline: ExtractionPipeline) -> None:
    doc = destatis_pipeline.extract(article(
        "Der Landkreis Anhalt-Bitterfeld und der Rhein-Sieg-Kreis kooperieren mit der Landeshauptstadt Stuttgart."))
    muni = {m.text: (m.canonical, m.ags) for m in doc.mentions if m.type is EntityType.MUNICIPALITY}
    assert muni["Landkreis Anhalt-Bitterfeld"] == ("Landkreis Anhalt-Bitterfeld", "15082")
    assert muni["Rhein-Sieg-Kreis"] == ("Rhein-Sieg-Kreis", "05382")
    assert muni["Stuttgart"] == ("Stuttgart", "08111000")
    stuttgart = next(m for m in doc.mentions if m.text == "Stuttgart")
    assert stuttgart.entity_id == entity_id("MUNICIPALITY", "08111000")


def test_pipeline_locations(geonames_pipeline: ExtractionPipeline) -> None:
    doc = geonames_pipeline.extract(article("In Nordrhein-Westfalen und Österreich, aber auch in Paris."))
    assert [(m.canonical, str(m.type)) for m in doc.mentions] == [
        ("Nordrhein-Westfalen", "LOCATION"), ("Österreich", "LOCATION"), ("Paris", "LOCATION")]


@pytest.mark.parametrize(("text", "expected"), [
    ("Bürgermeister der Stadt Tengen, Marian Schreier, sprach.", ("Marian Schreier", "Bürgermeister", "Tengen")),
    ("Marian Schreier, Bürgermeister der Stadt Tengen, sprach.", ("Marian Schreier", "Bürgermeister", "Tengen")),
    ("Sagt Anna Weber, Geschäftsführerin der Musterfirma Datensysteme GmbH.",
     ("Anna Weber", "Geschäftsführer", "Musterfirma Datensysteme")),
    ("Der CIO der Stadt Freiburg, Jens Müller, lädt ein.", ("Jens Müller", "CIO", "Freiburg im Breisgau")),
    ("Im Landkreis Konstanz sagte Landrat Zeno Danner dazu nichts.", ("Zeno Danner", "Landrat", "Landkreis Konstanz")),
])
def test_pipeline_holds_role_patterns(geonames_pipeline: ExtractionPipeline, text: str,
                                      expected: tuple[str, str, str]) -> None:
    doc = geonames_pipeline.extract(article(text, published="2024-01-02"))
    assert ("HOLDS_ROLE", *expected) in _rels(doc)
    rel = doc.relations[0]
    assert rel.evidence.sentence == text[rel.evidence.start:rel.evidence.end]
    assert rel.evidence.published == "2024-01-02" and rel.evidence.extractor == "rules@1.1"


def test_pipeline_affiliation_by_von_der(geonames_pipeline: ExtractionPipeline) -> None:
    doc = geonames_pipeline.extract(article("Das erklärte Petra Schulz von der ekom21 im Gespräch."))
    assert ("AFFILIATED_WITH", "Petra Schulz", None, "ekom21") in _rels(doc)


def test_pipeline_mentions_carry_sentence_and_paragraph(geonames_pipeline: ExtractionPipeline) -> None:
    doc = geonames_pipeline.extract(article("Erster Satz.\n\nDann kam Dataport. Und Vitako."))
    by_text = {m.text: (m.sentence, m.paragraph) for m in doc.mentions}
    assert by_text == {"Dataport": (1, 1), "Vitako": (2, 1)}
    assert len(doc.sentences) == 3
    assert all(m.extractor == "rules@1.1" for m in doc.mentions)


def test_pipeline_tags_define_acronyms(geonames_pipeline: ExtractionPipeline) -> None:
    doc = geonames_pipeline.extract(article("Der MVV stellt vor. MVV-Präsidentin Eva Lang sprach.",
                                            tags=("Musterverband Verwaltung (MVV)",)))
    ents = _ents(doc)
    assert ("MVV", "ORGANIZATION", "association", "Musterverband Verwaltung") in ents
    assert ("HOLDS_ROLE", "Eva Lang", "Präsident", "Musterverband Verwaltung") in _rels(doc)


def test_pipeline_version_and_registry(geonames_pipeline: ExtractionPipeline) -> None:
    assert geonames_pipeline.version.startswith("rules@1.1+gazetteer@")
    assert registered()["rules"] == "1.1"
    assert "spacy" in registered()


def test_pipeline_unknown_or_missing_extractor_is_a_clear_error(tmp_path: object) -> None:
    with pytest.raises(ExtractionError, match="unknown extractor 'nope'"):
        ExtractionPipeline.from_settings(load_settings(env={"SKG_EXTRACTORS": "rules,nope"}, use_file=False))
    env = {"SKG_EXTRACTORS": "rules,spacy", "SKG_SPACY_MODEL": "de_model_that_is_not_installed"}
    with pytest.raises(ExtractionError, match="not installed"):
        ExtractionPipeline.from_settings(load_settings(env=env, use_file=False))


def test_pipeline_org_kind_defaults(geonames_pipeline: ExtractionPipeline) -> None:
    doc = geonames_pipeline.extract(article("Der Förderverein Digitales Dorf e.V. und das Innenministerium."))
    kinds = {m.text: m.kind for m in doc.mentions}
    assert kinds["Förderverein Digitales Dorf e.V."] is OrgKind.ASSOCIATION
    assert kinds["Innenministerium"] is OrgKind.PUBLIC_BODY


def test_pipeline_longest_rule_span_wins_across_types(destatis_pipeline: ExtractionPipeline) -> None:
    doc = destatis_pipeline.extract(article("Der Zug nach Frankfurt (Main) Hbf hielt in Europas Mitte beim Hirzel Verlag."))
    ents = {(m.text, str(m.type)) for m in doc.mentions}
    assert ("Frankfurt (Main) Hbf", "LOCATION") in ents
    assert ("Europas", "LOCATION") in ents
    assert ("Hirzel Verlag", "ORGANIZATION") in ents
    assert not any(m.text == "Main" for m in doc.mentions)


def test_pipeline_inflected_actor_names(geonames_pipeline: ExtractionPipeline) -> None:
    doc = geonames_pipeline.extract(article("Ein Sprecher des Deutschen Städtetags und der Deutschen Bahn."))
    assert {m.canonical for m in doc.mentions} >= {"Deutsche Bahn"}
    assert any(m.canonical == "Deutscher Städtetag" for m in doc.mentions)


def test_pipeline_sports_clubs_are_organisations(geonames_pipeline: ExtractionPipeline) -> None:
    doc = geonames_pipeline.extract(article("Der 1. FC Nürnberg schlug den VfL Osnabrück."))
    assert [(m.text, str(m.type)) for m in doc.mentions] == [("1. FC Nürnberg", "ORGANIZATION"),
                                                             ("VfL Osnabrück", "ORGANIZATION")]


def test_pipeline_build_mention_equals_the_constructor() -> None:
    from graph.extract.pipeline import build_mention
    from graph.model.extraction import Mention

    fields = {"article_id": "a1", "start": 4, "end": 10, "text": "Tengen", "type": EntityType.MUNICIPALITY,
              "canonical": "Tengen", "entity_id": entity_id("MUNICIPALITY", "08335081"), "kind": None,
              "confidence": 0.85, "extractor": "rules@1.1", "sentence": 2, "paragraph": 1, "ags": "08335081",
              "lat": 47.8, "lon": 8.66, "land": "BW", "actor_id": None}
    built = build_mention(fields)
    assert built == Mention(**fields)  # type: ignore[arg-type]
    assert hash(built) == hash(Mention(**fields))  # type: ignore[arg-type]
    assert set(fields) == {f for f in Mention.__dataclass_fields__}
    assert built.to_dict() == Mention(**fields).to_dict()  # type: ignore[arg-type]


def test_pipeline_mentions_know_their_sentence_and_paragraph(geonames_pipeline: ExtractionPipeline) -> None:
    text = "Die AKDB wächst.\n\nLandrat Andy Grabner lobte. Auch Dataport hilft."
    doc = geonames_pipeline.extract(article(text))
    where = {m.text: (m.sentence, m.paragraph) for m in doc.mentions}
    assert where["AKDB"] == (0, 0) and where["Andy Grabner"] == (1, 1) and where["Dataport"] == (2, 1)
    assert all(text[m.start:m.end] == m.text for m in doc.mentions)


def test_pipeline_restated_role_yields_one_relation(geonames_pipeline: ExtractionPipeline) -> None:
    doc = geonames_pipeline.extract(article(
        "Bürgermeister der Stadt Tengen, Marian Schreier, eröffnete. "
        "Marian Schreier, Bürgermeister der Stadt Tengen, sprach danach."))
    roles = [(r.source_name, r.role, r.target_name) for r in doc.relations if str(r.type) == "HOLDS_ROLE"]
    assert roles == [("Marian Schreier", "Bürgermeister", "Tengen")]
    assert doc.relations[0].evidence.start == 0  # the first statement is the evidence


def test_pipeline_role_and_team_patterns_inside_one_sentence(geonames_pipeline: ExtractionPipeline) -> None:
    doc = geonames_pipeline.extract(article(
        "Die Stadt Tengen ist dabei. BITMi-Präsidentin Anna Weber sprach. "
        "Rolf Skuras und Frederic Lottis sind das Team der Dataport."))
    rels = _rels(doc)
    assert ("HOLDS_ROLE", "Anna Weber", "Präsident", "Bundesverband IT-Mittelstand") in rels
    assert ("AFFILIATED_WITH", "Rolf Skuras", None, "Dataport") in rels
    assert ("AFFILIATED_WITH", "Frederic Lottis", None, "Dataport") in rels
    assert not any(r[1] == "Anna Weber" and r[3] == "Tengen" for r in rels)  # another sentence


def test_pipeline_frozen_heap_freezes_for_the_batch_only(geonames_pipeline: ExtractionPipeline) -> None:
    import gc

    from graph.extract.pipeline import frozen_heap

    before = gc.get_freeze_count()
    with frozen_heap():
        assert gc.get_freeze_count() > before
        doc = geonames_pipeline.extract(article("Die AKDB und die Stadt Tengen."))
    assert gc.get_freeze_count() == 0
    assert [m.text for m in doc.mentions] == ["AKDB", "Tengen"]
