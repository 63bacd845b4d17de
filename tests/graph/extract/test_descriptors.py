"""Registry names in other spellings, organisation heads with places, and the descriptor rule."""

from __future__ import annotations

import pytest

from graph.extract.pipeline import ExtractionPipeline
from graph.extract.recognizers.actors import spelling_key
from graph.model import EntityType
from tests.graph.extract.conftest import article


def _mentions(pipe: ExtractionPipeline, text: str) -> list[tuple[str, str, str]]:
    return [(m.text, m.type.name, m.canonical) for m in pipe.extract(article(text)).mentions]


def test_spelling_key_ignores_case_and_marks() -> None:
    assert spelling_key("Komm.ONE") == spelling_key("komm-one") == spelling_key("KOMM ONE") == "kommone"


@pytest.mark.parametrize("surface", ["VITAKO", "Vitako", "VItako"])
def test_registry_names_are_found_in_any_case(geonames_pipeline: ExtractionPipeline, surface: str) -> None:
    assert (surface, "ORGANIZATION", "Vitako") in _mentions(geonames_pipeline, f"Der Verband {surface} lädt ein.")


def test_registry_names_in_other_spellings(geonames_pipeline: ExtractionPipeline) -> None:
    found = _mentions(geonames_pipeline, "Gespräche mit Komm.One, Regio IT und regio-IT. Ekom müsste zahlen.")
    assert [(t, c) for t, ty, c in found if ty == "ORGANIZATION"] == [
        ("Komm.One", "Komm.ONE"), ("Regio IT", "regio iT"), ("regio-IT", "regio iT"), ("Ekom", "ekom21")]


def test_german_words_are_never_loose_matches(geonames_pipeline: ExtractionPipeline) -> None:
    # "Kommune21" is in the registry; "Kommune" (its name without digits) is a German noun.
    found = _mentions(geonames_pipeline, "Die Kommune stimmt zu. Die KOMMUNE21 berichtet.")
    assert [t for t, ty, _ in found if ty == "ORGANIZATION"] == ["KOMMUNE21"]


def test_descriptor_stays_outside_a_name_that_names_the_actor(geonames_pipeline: ExtractionPipeline) -> None:
    found = _mentions(geonames_pipeline, "Der Zweckverband KISA, die Datenzentrale ITEOS und die Firma WebSpeech "
                                         "sowie der Gesamtzweckverband 4IT arbeiten zusammen.")
    orgs = [t for t, ty, _ in found if ty == "ORGANIZATION"]
    assert orgs == ["KISA", "ITEOS", "WebSpeech", "4IT"]


def test_official_names_with_a_place_win_over_the_place(geonames_pipeline: ExtractionPipeline) -> None:
    found = _mentions(geonames_pipeline, "Die Landesdirektion Sachsen, der IT-Verbund Landsberg, der Informatikbetrieb "
                                         "Bielefeld und die Kommunale Datenverarbeitung Region Oldenburg sprachen. "
                                         "Der Zweckverband Kommunale Informationsbearbeitung Sachsen wächst.")
    orgs = [t for t, ty, _ in found if ty == "ORGANIZATION"]
    assert orgs == ["Landesdirektion Sachsen", "IT-Verbund Landsberg", "Informatikbetrieb Bielefeld",
                    "Kommunale Datenverarbeitung Region Oldenburg",
                    "Zweckverband Kommunale Informationsbearbeitung Sachsen"]
    assert not [t for t, ty, _ in found if ty != "ORGANIZATION"]


def test_a_topic_head_alone_is_no_organisation(geonames_pipeline: ExtractionPipeline) -> None:
    assert _mentions(geonames_pipeline, "Die Datenverarbeitung der Verwaltung ist Kommunale Datenverarbeitung.") == []


def test_administration_descriptors_name_the_place(geonames_pipeline: ExtractionPipeline) -> None:
    found = _mentions(geonames_pipeline, "Die Stadtverwaltung Dettelbach und das Landratsamt Ebersberg melden Ausfälle.")
    assert [(t, ty) for t, ty, _ in found] == [("Dettelbach", "MUNICIPALITY"), ("Ebersberg", "MUNICIPALITY")]
    assert EntityType.ORGANIZATION.name not in {ty for _, ty, _ in found}


def test_landratsamt_is_the_district(destatis_pipeline: ExtractionPipeline) -> None:
    mention = destatis_pipeline.extract(article("Das Landratsamt Ebersberg meldet Ausfälle.")).mentions[0]
    assert (mention.text, mention.canonical, mention.ags) == ("Ebersberg", "Landkreis Ebersberg", "09175")


def test_compound_role_words_stay_outside_person_spans(geonames_pipeline: ExtractionPipeline) -> None:
    found = _mentions(geonames_pipeline, "„Gut so“, sagte Digitalisierungsminister Jan Philipp Albrecht. "
                                         "Auch Landesdatenschutzbeauftragte Marit Hansen kam.")
    assert [t for t, ty, _ in found if ty == "PERSON"] == ["Jan Philipp Albrecht", "Marit Hansen"]


def test_a_known_organisation_after_a_role_cue_is_no_person(geonames_pipeline: ExtractionPipeline) -> None:
    found = _mentions(geonames_pipeline, "Das beschloss der Vorstand Vitako am Montag.")
    assert found == [("Vitako", "ORGANIZATION", "Vitako")]


def test_names_after_a_long_enumeration_and_coordinated_heads(geonames_pipeline: ExtractionPipeline) -> None:
    found = _mentions(geonames_pipeline, "Das Ministerium für Wirtschaft, Innovation, Digitalisierung und Energie "
                                         "lädt mit dem Hessischen Städte- und Gemeindebund ein.")
    assert [(t, c) for t, _, c in found] == [
        ("Ministerium für Wirtschaft, Innovation, Digitalisierung und Energie",
         "Ministerium für Wirtschaft, Innovation, Digitalisierung und Energie"),
        ("Hessischen Städte- und Gemeindebund", "Hessischer Städte- und Gemeindebund")]


def test_registry_names_inside_compounds_in_any_spelling(geonames_pipeline: ExtractionPipeline) -> None:
    found = _mentions(geonames_pipeline, "Über das Komm.One-Netz laufen Daten, sagt der BITMi-Präsident.")
    assert [(t, c) for t, _, c in found] == [("Komm.One", "Komm.ONE"), ("BITMi", "Bundesverband IT-Mittelstand")]


def test_media_outlets_are_organisations_of_kind_media(geonames_pipeline: ExtractionPipeline) -> None:
    doc = geonames_pipeline.extract(article("Berlin (ots) - Wie Tagesspiegel Background und epd berichten, kommt es."))
    media = [(m.text, m.kind.value if m.kind else "") for m in doc.mentions if m.type is EntityType.ORGANIZATION]
    assert media == [("ots", "media"), ("Tagesspiegel Background", "media"), ("epd", "media")]


def test_a_head_name_stops_at_a_line_break(geonames_pipeline: ExtractionPipeline) -> None:
    found = _mentions(geonames_pipeline, "Neu im IT-Verbund Landsberg\n\nBerlin wartet ab.")
    assert ("IT-Verbund Landsberg", "ORGANIZATION", "IT-Verbund Landsberg") in found


def test_bylines_and_lower_case_role_compounds_introduce_people(geonames_pipeline: ExtractionPipeline) -> None:
    found = _mentions(geonames_pipeline, "ekom21-Geschäftsführer Bertram Huke begrüßte alle.\nFoto: Kristoff Meller\n"
                                         "Von: Ove Bornholt\nBild: AKDB")
    assert [t for t, ty, _ in found if ty == "PERSON"] == ["Bertram Huke", "Kristoff Meller", "Ove Bornholt"]
    assert "Bild" not in [t for t, _, _ in found]


def test_a_common_noun_before_a_brand_stays_outside_a_legal_form_name(geonames_pipeline: ExtractionPipeline) -> None:
    found = _mentions(geonames_pipeline, "Die Fusion der Gesellschaften INFOKOM Gütersloh AöR ist durch. "
                                         "Die Stadtwerke Hilden GmbH bleibt.")
    assert [t for t, ty, _ in found if ty == "ORGANIZATION"] == ["INFOKOM Gütersloh AöR", "Stadtwerke Hilden GmbH"]


def test_a_body_named_after_its_land_with_von(geonames_pipeline: ExtractionPipeline) -> None:
    found = _mentions(geonames_pipeline, "Betroffen war der Landtag von Sachsen-Anhalt, nicht die Stadtverwaltung "
                                         "von Halle.")
    assert ("Landtag von Sachsen-Anhalt", "ORGANIZATION", "Landtag von Sachsen-Anhalt") in found
    assert "Stadtverwaltung von Halle" not in [t for t, _, _ in found]
