"""Homonyms: one name, several official places; the article decides (``graph/extract/homonyms.py``)."""

from __future__ import annotations

import pytest

from graph.extract.gazetteer import Gazetteer
from graph.extract.homonyms import NO_CLUES, Clues, choose
from graph.extract.pipeline import ExtractionPipeline
from graph.extract.place import Place
from graph.model import entity_id
from graph.model.extraction import EntityType
from graph.settings import Settings
from tests.graph.extract.conftest import article

MUNI = EntityType.MUNICIPALITY


def _places(pipe: ExtractionPipeline, text: str, **fields: object) -> list[tuple[str, str, str | None]]:
    """(surface, canonical, key) of every municipality, district and Land found, in text order."""
    doc = pipe.extract(article(text, **fields))
    return [(m.text, m.canonical, m.ags) for m in doc.mentions if m.type in (MUNI, EntityType.LOCATION)]


def _one(pipe: ExtractionPipeline, text: str, surface: str, **fields: object) -> tuple[str, str | None]:
    found = [(canonical, key) for s, canonical, key in _places(pipe, text, **fields) if s == surface]
    assert found, f"{surface!r} not found in {text!r}"
    assert len(set(found)) == 1, found
    return found[0]


@pytest.mark.parametrize(("text", "surface", "expected"), [
    # no context: the largest
    ("Die Stadt Münster setzt auf die Cloud.", "Münster", ("Münster", "05515000")),
    # an explicit qualifier at the mention
    ("Die Gemeinde Münster (Hessen) setzt auf die Cloud.", "Münster (Hessen)", ("Münster (Hessen)", "06432015")),
    ("Im bayerischen Münster gibt es ein Portal.", "Münster", ("Münster", "09779187")),
    ("Die Firma sitzt in 48149 Münster.", "Münster", ("Münster", "05515000")),
    ("Die Firma sitzt in 64839 Münster.", "Münster", ("Münster (Hessen)", "06432015")),
    # the district named elsewhere in the article
    ("Die Gemeinde Münster führt die E-Akte ein. Der Landkreis Donau-Ries hilft.", "Münster",
     ("Münster", "09779187")),
    # another place of the same district (Dieburg, Landkreis Darmstadt-Dieburg)
    ("Die Gemeinde Münster und die Stadt Dieburg teilen sich ein Rechenzentrum.", "Münster",
     ("Münster (Hessen)", "06432015")),
    # weak evidence does not beat a big namesake: München is in Bayern, Münster still the city
    ("Städte wie München und Münster setzen auf die Cloud.", "Münster", ("Münster", "05515000")),
    ("In Frankfurt an der Oder beginnt das Projekt.", "Frankfurt", ("Frankfurt (Oder)", "12053000")),
    ("Die Stadt Frankfurt/Oder beginnt.", "Frankfurt/Oder", ("Frankfurt (Oder)", "12053000")),
    ("Die Stadt Frankfurt (Oder) beginnt.", "Frankfurt (Oder)", ("Frankfurt (Oder)", "12053000")),
    ("Die Stadt Frankfurt beginnt.", "Frankfurt", ("Frankfurt am Main", "06412000")),
    ("Brandenburg digitalisiert: die Stadt Frankfurt beginnt.", "Frankfurt", ("Frankfurt (Oder)", "12053000")),
    ("Die Stadt Halle beginnt.", "Halle", ("Halle (Saale)", "15002000")),
    ("Die Stadt Halle an der Saale beginnt.", "Halle", ("Halle (Saale)", "15002000")),
    ("Die Stadt Halle (Westfalen) beginnt.", "Halle", ("Halle (Westf.)", "05754012")),
    ("Die Stadt Halle im Kreis Gütersloh beginnt.", "Halle", ("Halle (Westf.)", "05754012")),
    ("Die Stadt Neuenkirchen im Kreis Steinfurt beginnt.", "Neuenkirchen", ("Neuenkirchen", "05566060")),
    ("Die Gemeinde Neuenkirchen im Landkreis Osnabrück beginnt.", "Neuenkirchen", ("Neuenkirchen", "03459027")),
    ("Die Gemeinde Neuenkirchen im Landkreis Stade beginnt.", "Neuenkirchen", ("Neuenkirchen", "03359033")),
    ("Die Stadt Neustadt beginnt.", "Neustadt", ("Neustadt an der Weinstraße", "07316000")),
    ("Die Stadt Mühlhausen in Thüringen beginnt.", "Mühlhausen", ("Mühlhausen/Thüringen", "16064046")),
    ("Die Gemeinde Mühlhausen im Rhein-Neckar-Kreis beginnt.", "Mühlhausen", ("Mühlhausen", "08226054")),
    ("Freiburg: Digitale Wahl-Entscheidungshilfe", "Freiburg", ("Freiburg im Breisgau", "08311000")),
    # one word counts once: "Brandenburg" is the Land (or its capital), not also a neighbouring town
    ("Betroffen waren die Landeshauptstadt Brandenburg, Bitterfeld, Schwerin und Pirmasens.", "Schwerin",
     ("Schwerin", "13004000")),
    ("Die Gemeinde Freiburg an der Elbe beginnt.", "Freiburg", ("Freiburg (Elbe)", "03359018")),
])
def test_homonyms_pick_by_qualifier_then_context_then_size(geonames_pipeline: ExtractionPipeline, text: str,
                                                          surface: str, expected: tuple[str, str]) -> None:
    assert _one(geonames_pipeline, text, surface) == expected


def test_homonyms_tags_naming_a_land_or_district_count_like_the_text(geonames_pipeline: ExtractionPipeline) -> None:
    text = "Die Stadt Neustadt führt die E-Akte ein."
    assert _one(geonames_pipeline, text, "Neustadt") == ("Neustadt an der Weinstraße", "07316000")
    assert _one(geonames_pipeline, text, "Neustadt", tags=("Hessen",)) == ("Neustadt (Hessen)", "06534016")
    assert _one(geonames_pipeline, text, "Neustadt", tags=("Sachsen",)) == ("Neustadt in Sachsen", "14628260")
    tagged = _one(geonames_pipeline, text, "Neustadt", tags=("Landkreis Kelheim", "E-Akte"))
    assert tagged == ("Neustadt a.d.Donau", "09273152")


@pytest.mark.parametrize(("text", "expected"), [
    ("Der Landkreis Harburg und die Stadt Harburg arbeiten zusammen.",
     [("Landkreis Harburg", "03353"), ("Harburg (Schwaben)", "09779155")]),
    ("Der Kreis Borken und die Stadt Borken arbeiten zusammen.",
     [("Kreis Borken", "05554"), ("Borken", "05554012")]),
    ("Die Stadt Karlsruhe und der Landkreis Karlsruhe arbeiten zusammen.",
     [("Karlsruhe", "08212000"), ("Landkreis Karlsruhe", "08215")]),
    ("Die Verwaltung des Landkreises Düren und des Kreises Borken.",
     [("Kreis Düren", "05358"), ("Kreis Borken", "05554")]),
    ("Die Kreise Euskirchen und Düren arbeiten zusammen.",
     [("Kreis Euskirchen", "05366"), ("Kreis Düren", "05358")]),
    ("Im Rhein-Sieg-Kreis und in der Region Hannover.",
     [("Rhein-Sieg-Kreis", "05382"), ("Region Hannover", "03241")]),
    ("Die Verwaltung des Landkreises Unstrut-Hainich-Kreis.", [("Unstrut-Hainich-Kreis", "16064")]),
    ("So die Landkreise Celle, Diepholz, Harburg, Osnabrück und Wolfenbüttel.",
     [("Landkreis Celle", "03351"), ("Landkreis Diepholz", "03251"), ("Landkreis Harburg", "03353"),
      ("Landkreis Osnabrück", "03459"), ("Landkreis Wolfenbüttel", "03158")]),
])
def test_homonyms_descriptors_decide_between_district_and_town(geonames_pipeline: ExtractionPipeline, text: str,
                                                               expected: list[tuple[str, str]]) -> None:
    assert [(c, k) for _, c, k in _places(geonames_pipeline, text)] == expected


def test_homonyms_laender_carry_their_two_digit_key_and_stay_locations(geonames_pipeline: ExtractionPipeline) -> None:
    doc = geonames_pipeline.extract(article("Bayern, der Freistaat Bayern, das Land Niedersachsen, NRW und "
                                            "die Städte Bayerns."))
    found = [(m.text, str(m.type), m.canonical, m.ags) for m in doc.mentions]
    assert found == [("Bayern", "LOCATION", "Bayern", "09"), ("Freistaat Bayern", "LOCATION", "Bayern", "09"),
                     ("Niedersachsen", "LOCATION", "Niedersachsen", "03"),
                     ("NRW", "LOCATION", "Nordrhein-Westfalen", "05"), ("Bayerns", "LOCATION", "Bayern", "09")]
    assert doc.mentions[0].entity_id == entity_id("LOCATION", "Bayern")  # keyed by name, as before


def test_homonyms_municipality_ids_stay_keyed_by_ags(geonames_pipeline: ExtractionPipeline) -> None:
    doc = geonames_pipeline.extract(article("Die Stadt Münster und der Landkreis Harburg. In 64839 Münster."))
    ids = {(m.canonical, m.ags): m.entity_id for m in doc.mentions}
    assert ids[("Münster", "05515000")] == entity_id("MUNICIPALITY", "05515000")
    assert ids[("Münster (Hessen)", "06432015")] == entity_id("MUNICIPALITY", "06432015")
    assert ids[("Landkreis Harburg", "03353")] == entity_id("MUNICIPALITY", "03353")


def _ags(options: list[Place], clues: Clues = NO_CLUES) -> str | None:
    chosen = choose(options, clues)
    return chosen.ags if chosen else None


def test_homonyms_choose_on_the_real_list(settings: Settings) -> None:
    gaz = Gazetteer.load(settings)
    neuenkirchen = gaz.candidates("Neuenkirchen")
    assert len(neuenkirchen) >= 8
    assert _ags(neuenkirchen) == "05566060"  # the largest, Kreis Steinfurt
    districts = [p.ags[:5] for p in neuenkirchen if p.ags]
    for place in neuenkirchen:  # each one wins once its district is named, unless it shares the district
        assert place.ags is not None
        if districts.count(place.ags[:5]) == 1:
            assert _ags(neuenkirchen, Clues(districts=frozenset({place.ags[:5]}))) == place.ags
        else:  # two villages of Vorpommern-Greifswald: the larger one
            chosen = choose(neuenkirchen, Clues(districts=frozenset({place.ags[:5]})))
            assert chosen is not None and chosen.ags is not None and chosen.ags[:5] == place.ags[:5]
    halle = gaz.candidates("Halle")
    assert _ags(halle, Clues(lands=frozenset({"Nordrhein-Westfalen"}))) == "05754012"
    assert _ags(gaz.candidates("Münster"), Clues(neighbours={"Bayern": 2})) == "05515000"
