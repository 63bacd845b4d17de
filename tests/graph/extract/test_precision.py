"""Precision and canonical names: spans and names an analyst would accept, on hand-written sentences."""

from __future__ import annotations

from graph.extract.inflect import gender, nominative_name, strong_adjective
from graph.extract.pipeline import ExtractionPipeline
from graph.model import DocumentExtraction, EntityType
from graph.model.article import VendorEntry
from tests.graph.extract.conftest import article


def _people(doc: DocumentExtraction) -> list[tuple[str, str]]:
    return [(m.text, m.canonical) for m in doc.mentions if m.type is EntityType.PERSON]


def _orgs(doc: DocumentExtraction) -> list[tuple[str, str]]:
    return [(m.text, m.canonical) for m in doc.mentions if m.type is EntityType.ORGANIZATION]


def test_precision_feminine_role_after_verb_of_saying_stays_out(geonames_pipeline: ExtractionPipeline) -> None:
    doc = geonames_pipeline.extract(article(
        "„Wir wollen die Anträge vollständig digital anbieten“, sagt Bürgermeisterin Ingrid Kassner."))
    assert _people(doc) == [("Ingrid Kassner", "Ingrid Kassner")]


def test_precision_compound_role_after_verb_of_saying_stays_out(geonames_pipeline: ExtractionPipeline) -> None:
    doc = geonames_pipeline.extract(article(
        "Ohne gemeinsame Standards gehe es nicht, sagte Landkreistags-Präsident Stefan Lohmeier am Rande der Tagung."))
    assert _people(doc) == [("Stefan Lohmeier", "Stefan Lohmeier")]


def test_precision_role_before_title_is_no_person(geonames_pipeline: ExtractionPipeline) -> None:
    doc = geonames_pipeline.extract(article(
        "„Die Bürger merken davon nichts“, erklärte Kreisdirektorin Dr. Tanja Holtkamp in Düren."))
    assert _people(doc) == [("Tanja Holtkamp", "Tanja Holtkamp")]


def test_precision_department_after_apposition_role_is_no_person(geonames_pipeline: ExtractionPipeline) -> None:
    doc = geonames_pipeline.extract(article(
        "Heike Brammer, Bereichsleiterin Public Sector beim Branchenverband, sieht Nachholbedarf."))
    assert _people(doc) == [("Heike Brammer", "Heike Brammer")]


def test_precision_cued_surname_takes_full_name_of_document(geonames_pipeline: ExtractionPipeline) -> None:
    doc = geonames_pipeline.extract(article(
        "Auf dem Podium saß Jürgen Falkenberg. Später sagte DATABUND-Vorsitzender Falkenberg, "
        "die Ausschreibungen seien zu groß."))
    assert _people(doc) == [("Jürgen Falkenberg", "Jürgen Falkenberg"), ("Falkenberg", "Jürgen Falkenberg")]
    assert len({m.entity_id for m in doc.mentions if m.type is EntityType.PERSON}) == 1


def test_precision_workplace_nouns_are_no_streets(geonames_pipeline: ExtractionPipeline) -> None:
    doc = geonames_pipeline.extract(article(
        "Jeder Büroarbeitsplatz bekommt einen neuen Rechner; der Arbeitsplatz läuft künftig mit Linux. "
        "Die Beratung findet in der Gartenstraße und am Willy-Brandt-Platz statt."))
    places = [m.text for m in doc.mentions if m.type is EntityType.LOCATION]
    assert places == ["Gartenstraße", "Willy-Brandt-Platz"]


def test_precision_inflected_associations_are_nominative(geonames_pipeline: ExtractionPipeline) -> None:
    doc = geonames_pipeline.extract(article(
        "Der Vorschlag des Deutschen Landkreistages fand Zustimmung. Auch der Deutsche Städtetag "
        "unterstützt ihn, ebenso der Sächsische Landkreistag."))
    assert _orgs(doc) == [("Deutschen Landkreistages", "Deutscher Landkreistag"),
                          ("Deutsche Städtetag", "Deutscher Städtetag"),
                          ("Sächsische Landkreistag", "Sächsischer Landkreistag")]


def test_precision_inflected_ministry_is_nominative(geonames_pipeline: ExtractionPipeline) -> None:
    doc = geonames_pipeline.extract(article(
        "Das Projekt wird vom Thüringer Finanzamt begleitet und vom Bayerischen Landesamt für Steuern "
        "sowie dem Hessischen Ministerium für Digitale Strategie und Entwicklung gefördert."))
    canon = [c for _, c in _orgs(doc)]
    assert "Bayerisches Landesamt für Steuern" in canon
    assert "Hessisches Ministerium für Digitale Strategie und Entwicklung" in canon


def test_precision_city_demonym_is_not_part_of_company(geonames_pipeline: ExtractionPipeline) -> None:
    doc = geonames_pipeline.extract(article(
        "Den Auftrag erhielt die Bielefelder DataLotse GmbH, die Geräte liefert die Dortmunder Materna GmbH. "
        "Kredite vergibt die Berliner Volksbank eG."))
    assert _orgs(doc) == [("DataLotse GmbH", "DataLotse"), ("Materna GmbH", "Materna"),
                          ("Berliner Volksbank eG", "Berliner Volksbank")]


def test_precision_company_descriptor_joins_known_actor(geonames_pipeline: ExtractionPipeline) -> None:
    doc = geonames_pipeline.extract(article(
        "Die Nolis Systemhaus GmbH übernimmt den Support; Nolis betreut bereits 40 Kommunen."))
    assert _orgs(doc) == [("Nolis Systemhaus GmbH", "Nolis"), ("Nolis", "Nolis")]


def test_precision_descriptor_before_known_actor_names_the_actor(geonames_pipeline: ExtractionPipeline) -> None:
    doc = geonames_pipeline.extract(article(
        "Die Daten liegen im Rechenzentrum des Zweckverbands Civitec. Laut einer Umfrage des "
        "Digitalverbands Bitkom und des Digitalverband Bitkom e.V. sind viele Kommunen skeptisch."))
    assert {c for _, c in _orgs(doc)} == {"Civitec", "Bitkom"}


def test_inflect_gender_and_strong_endings() -> None:
    assert [gender(w) for w in ("Landkreistag", "Ministerium", "Bundeszentrale", "Landesamt")] == \
        ["m", "n", "f", "n"]
    assert strong_adjective("Deutschen", "f") == "Deutsche"
    assert nominative_name(["Statistischen"], "Bundesamtes", "", lambda w: w == "Bundesamt") == \
        "Statistisches Bundesamt"
    assert nominative_name(["Kommunalen"], "Stadtwerke", "", lambda w: False) == "Kommunalen Stadtwerke"


def test_precision_city_demonym_before_trailing_head(geonames_pipeline: ExtractionPipeline) -> None:
    doc = geonames_pipeline.extract(article("Eingesetzt wird eine Lösung der Münsteraner JCC Software GmbH."))
    assert _orgs(doc) == [("JCC Software GmbH", "JCC Software")]


def test_precision_described_bodies_are_no_names(geonames_pipeline: ExtractionPipeline) -> None:
    doc = geonames_pipeline.extract(article(
        "Der Verband kündigte ein Netzwerk für den Datenaustausch an. Die kdvz arbeitet als "
        "Zweckverband IT-Dienste für drei Kreise. Das Netzwerk Südwest-IT lädt ein."))
    assert [c for _, c in _orgs(doc)] == ["kdvz Rhein Erft Rur", "Netzwerk Südwest-IT"]


def test_precision_genitive_district_is_no_town(geonames_pipeline: ExtractionPipeline) -> None:
    doc = geonames_pipeline.extract(article("Das Projekt des Landkreises Harburg ist beendet."))
    assert [(m.text, m.canonical, str(m.type)) for m in doc.mentions] == \
        [("Landkreises Harburg", "Landkreis Harburg", "MUNICIPALITY")]


def test_precision_listing_descriptor_joins_known_actor(geonames_pipeline: ExtractionPipeline) -> None:

    doc = geonames_pipeline.extract(article("", role="vendor_listing", vendors=(
        VendorEntry(name="Nolis Systemhaus GmbH", postal_code="31582", city="Nienburg"),)))
    assert [m.canonical for m in doc.mentions if m.type is EntityType.ORGANIZATION] == ["Nolis"]


def test_precision_postage_is_no_city(geonames_pipeline: ExtractionPipeline) -> None:
    doc = geonames_pipeline.extract(article("Wir sparen Papier, Porto und Zeit."))
    assert doc.mentions == ()


def test_precision_plural_kreise_take_district_ags(destatis_pipeline: ExtractionPipeline) -> None:
    doc = destatis_pipeline.extract(article("Die Landkreise Euskirchen und Düren teilen sich ein Rechenzentrum."))
    assert [(m.canonical, m.ags) for m in doc.mentions] == [("Kreis Euskirchen", "05366"), ("Kreis Düren", "05358")]


def test_precision_district_administration_names_the_district(geonames_pipeline: ExtractionPipeline) -> None:
    doc = geonames_pipeline.extract(article(
        "Die Kreisverwaltung des Rhein-Sieg-Kreises testet KI, sagt der CDO des Oberbergischen Kreises."))
    assert [(m.text, m.canonical, str(m.type)) for m in doc.mentions] == [
        ("Rhein-Sieg-Kreises", "Rhein-Sieg-Kreis", "MUNICIPALITY")]


def test_precision_genitive_heads_are_heads(geonames_pipeline: ExtractionPipeline) -> None:
    doc = geonames_pipeline.extract(article(
        "Er folgt dem IT-Grundschutz des Bundesamts für Sicherheit in der Informationstechnik und dem Rat "
        "des Sächsischen Landkreistages."))
    assert _orgs(doc) == [("Bundesamts für Sicherheit in der Informationstechnik", "BSI"),
                          ("Sächsischen Landkreistages", "Sächsischer Landkreistag")]
