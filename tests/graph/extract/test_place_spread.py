"""The second pass for municipalities on the default pipeline of a fresh install (shipped official list)."""

from __future__ import annotations

from graph.extract.pipeline import ExtractionPipeline
from graph.model import EntityType
from tests.graph.extract.conftest import article


def _places(pipe: ExtractionPipeline, text: str) -> list[tuple[str, str, str | None]]:
    doc = pipe.extract(article(text))
    return [(m.text, m.canonical, m.ags) for m in doc.mentions if m.type is EntityType.MUNICIPALITY]


def test_a_small_town_read_with_a_cue_is_the_town_wherever_the_article_names_it(
        geonames_pipeline: ExtractionPipeline) -> None:
    text = "Die Stadt Zwönitz startet ein Portal. Zwönitz liegt im Erzgebirge. Zwönitz-Fans jubeln."
    places = _places(geonames_pipeline, text)
    assert [p[0] for p in places] == ["Zwönitz", "Zwönitz"]  # not inside the compound
    assert len({p[2] for p in places}) == 1 and places[0][2] is not None


def test_a_bare_small_town_alone_stays_unread(geonames_pipeline: ExtractionPipeline) -> None:
    assert _places(geonames_pipeline, "Zwönitz liegt im Erzgebirge.") == []


def test_names_that_are_words_keep_needing_their_own_cue(geonames_pipeline: ExtractionPipeline) -> None:
    places = _places(geonames_pipeline, "Die Stadt Essen lädt ein. Das Essen war gut. Essen ist gut.")
    assert [p[0] for p in places] == ["Essen"]


def test_a_list_after_a_plural_cue_names_municipalities(geonames_pipeline: ExtractionPipeline) -> None:
    places = _places(geonames_pipeline, "Die Gemeinden Bad Brambach, Großhartmannsdorf und Haselbachtal treten bei.")
    assert [p[0] for p in places] == ["Bad Brambach", "Großhartmannsdorf", "Haselbachtal"]
    assert all(p[2] and p[2].startswith("14") for p in places)  # all three are in Sachsen


def test_a_list_stops_at_a_name_the_official_list_does_not_know(geonames_pipeline: ExtractionPipeline) -> None:
    places = _places(geonames_pipeline, "Die Gemeinden Haselbachtal, Quarkhausen, Großhartmannsdorf treten bei.")
    assert [p[0] for p in places] == ["Haselbachtal"]


def test_names_listed_beside_a_found_municipality_join_it(geonames_pipeline: ExtractionPipeline) -> None:
    places = _places(geonames_pipeline, "Es folgten 2021 Wackersdorf, Thiendorf, Schwerin und Zeithain.")
    assert [p[0] for p in places] == ["Wackersdorf", "Thiendorf", "Schwerin", "Zeithain"]


def test_a_genitive_before_an_office_names_the_municipality(geonames_pipeline: ExtractionPipeline) -> None:
    places = _places(geonames_pipeline, "Straubings Oberbürgermeister Markus Pannermayr eröffnete das Amt.")
    assert places[0][:2] == ("Straubings", "Straubing")


def test_a_municipality_in_brackets_after_a_person(geonames_pipeline: ExtractionPipeline) -> None:
    places = _places(geonames_pipeline, "Es unterschrieben Bürgermeister Lothar Koch (Burgwald) und andere.")
    assert [p[:2] for p in places] == [("Burgwald", "Burgwald")]
