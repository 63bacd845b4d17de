"""Acronyms defined in the text and acronyms used like organisation names (recognizers/acronyms.py)."""

from __future__ import annotations

from graph.extract.pipeline import ExtractionPipeline
from graph.extract.recognizers.acronyms import letters_spell
from graph.model import EntityType
from tests.graph.extract.conftest import article


def _orgs(pipe: ExtractionPipeline, text: str) -> list[tuple[str, str]]:
    doc = pipe.extract(article(text))
    return [(m.text, m.canonical) for m in doc.mentions if m.type is EntityType.ORGANIZATION]


def test_letters_spell_finds_the_shortest_tail() -> None:
    assert letters_spell("DVS", ["Die", "Datenverarbeitung", "in", "Südsachsen"]) == 1
    assert letters_spell("LfV", ["Landesamt", "für", "Verfassungsschutz"]) == 0
    assert letters_spell("XYZ", ["Landesamt", "für", "Verfassungsschutz"]) is None


def test_quoted_long_form_and_acronym_share_one_canonical(geonames_pipeline: ExtractionPipeline) -> None:
    orgs = _orgs(geonames_pipeline, "Die Verbände „Netzdienste Oberlausitz und Niederschlesien“ (NON) fusionieren. "
                                    "Die NON hat 40 Mitarbeiter, der NON-Vorstand tagt.")
    long = "Netzdienste Oberlausitz und Niederschlesien"
    assert orgs == [(long, long), ("NON", long), ("NON", long), ("NON", long)]


def test_unquoted_long_form_is_cut_where_the_letters_start(geonames_pipeline: ExtractionPipeline) -> None:
    orgs = _orgs(geonames_pipeline, "Heute besuchte der Minister die Gemeinsame Prüfstelle Nord (GPN) in der Stadt.")
    assert orgs == [("Gemeinsame Prüfstelle Nord", "Gemeinsame Prüfstelle Nord"),
                    ("GPN", "Gemeinsame Prüfstelle Nord")]


def test_acronym_first_then_long_form_in_parentheses(geonames_pipeline: ExtractionPipeline) -> None:
    orgs = _orgs(geonames_pipeline, "Die LSBN (Landesstelle für Sicherheit Bremen-Nord) warnt. Laut LSBN ist das ernst.")
    long = "Landesstelle für Sicherheit Bremen-Nord"
    assert orgs == [("LSBN", long), (long, long), ("LSBN", long)]


def test_acronym_dash_long_form(geonames_pipeline: ExtractionPipeline) -> None:
    orgs = _orgs(geonames_pipeline, "Gegründet wurde die KDWN – Kommunale Datentechnik Westniedersachsen im Jahr 1970.")
    assert ("Kommunale Datentechnik Westniedersachsen", "Kommunale Datentechnik Westniedersachsen") in orgs
    assert ("KDWN", "Kommunale Datentechnik Westniedersachsen") in orgs


def test_laws_and_topic_abbreviations_are_not_defined_as_bodies(geonames_pipeline: ExtractionPipeline) -> None:
    orgs = _orgs(geonames_pipeline, "Das Onlinezugangsgesetz (OZG) gilt. Die Künstliche Intelligenz (KI) hilft. "
                                    "Das Registermodernisierungsgesetz (RMG) folgt. Das OZG und das RMG wirken.")
    assert orgs == []


def test_acronym_used_like_a_name_becomes_an_organisation(geonames_pipeline: ExtractionPipeline) -> None:
    orgs = _orgs(geonames_pipeline, "Noch existiert es im Verbund mit KQRZ und KXV. Die KXV und das KQRZ "
                                    "fusionierten. KQRZ-Geschäftsführer Max Roth lobte das.")
    assert sorted(set(orgs)) == [("KQRZ", "KQRZ"), ("KXV", "KXV")]
    assert len(orgs) == 5


def test_a_lone_acronym_without_organisation_context_stays_out(geonames_pipeline: ExtractionPipeline) -> None:
    assert _orgs(geonames_pipeline, "Im Verbund mit KQRZ entstand etwas. Das OZG und die DSGVO und die KI.") == []


def test_acronym_with_a_place_is_one_organisation(geonames_pipeline: ExtractionPipeline) -> None:
    orgs = _orgs(geonames_pipeline, "Beim KQRZ Kassel arbeiten 300 Menschen. Das KQRZ hat neue Räume.")
    assert orgs[0] == ("KQRZ Kassel", "KQRZ Kassel")
    assert "Kassel" not in [m.text for m in geonames_pipeline.extract(article(
        "Beim KQRZ Kassel arbeiten 300 Menschen. Das KQRZ hat neue Räume.")).mentions]
