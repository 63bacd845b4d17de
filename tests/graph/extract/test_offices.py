"""Office bounds read from sentences: dates, cues, succession (graph/extract/offices.py, relations.py)."""

from __future__ import annotations

import pytest

from graph.extract.offices import dates_in
from graph.extract.pipeline import ExtractionPipeline
from graph.model import DocumentExtraction, OfficeDates, RelationType
from tests.graph.extract.conftest import article


def _offices(doc: DocumentExtraction) -> list[tuple[str, str | None, str, OfficeDates | None]]:
    return [(r.source_name, r.role, r.target_name, r.office) for r in doc.relations
            if r.type is RelationType.HOLDS_ROLE]


@pytest.mark.parametrize(("sentence", "published", "expected"), [
    ("Sie ist seit 2019 im Amt.", "2024-01-10", [("seit", "2019-01-01", "year")]),
    ("Er leitet das Amt seit März 2021.", "2024-01-10", [("seit", "2021-03-01", "month")]),
    ("Er ist seit dem 1. März 2021 dabei.", "2024-01-10", [("seit", "2021-03-01", "day")]),
    ("Sie übernimmt ab 1. Januar 2024.", "2023-11-20", [("ab", "2024-01-01", "day")]),
    ("Sie übernimmt ab 1. Januar.", "2023-11-20", [("ab", "2024-01-01", "day")]),  # the next 1 January
    ("Er ist seit Oktober dabei.", "2023-03-01", [("seit", "2022-10-01", "month")]),  # the last October
    ("Gewählt wurde er im vergangenen Jahr.", "2023-03-01", [("im", "2022-01-01", "year")]),
    ("Das war vor drei Jahren.", "2023-03-01", [("vor", "2020-01-01", "year")]),
    ("Er war von 2015 bis 2021 im Amt.", None, [("von", "2015-01-01", "year"), ("bis", "2021-01-01", "year")]),
    ("Am 22.6.2021 fiel die Wahl.", None, [("am", "2021-06-22", "day")]),
    ("Rund 2000 Beschäftigte und der Mai.", "2023-03-01", []),  # a bare number or month is no date
])
def test_dates_in_sentences(sentence: str, published: str | None, expected: list[tuple[str, str, str]]) -> None:
    assert [(d.prep, d.day, d.precision) for d in dates_in(sentence, published)] == expected


def test_offices_start_from_election_and_seit(geonames_pipeline: ExtractionPipeline) -> None:
    doc = geonames_pipeline.extract(article(
        "Peter Alt wurde im März 2019 zum Geschäftsführer der Musterdaten GmbH gewählt. "
        "Marian Schreier ist seit 2019 Bürgermeister der Stadt Tengen.", published="2019-04-02"))
    assert _offices(doc) == [
        ("Peter Alt", "Geschäftsführer", "Musterdaten",
         OfficeDates(start="2019-03-01", start_precision="month", cue="gewählt")),
        ("Marian Schreier", "Bürgermeister", "Tengen",
         OfficeDates(start="2019-01-01", start_precision="year", cue="seit")),
    ]


def test_offices_new_without_date_starts_at_the_article(geonames_pipeline: ExtractionPipeline) -> None:
    doc = geonames_pipeline.extract(article(
        "Die Mitgliederversammlung der Vitako hat Sabine Lorenz zur neuen Vorsitzenden gewählt.",
        published="2022-02-08"))
    assert _offices(doc) == [("Sabine Lorenz", "Vorsitzender", "Vitako",
                              OfficeDates(start="2022-02-08", start_precision="day", cue="neuen"))]


def test_offices_former_and_leaving_give_an_end(geonames_pipeline: ExtractionPipeline) -> None:
    doc = geonames_pipeline.extract(article(
        "Der ehemalige Bürgermeister der Stadt Tengen, Hans Maier, kam auch. "
        "Anna Weber, Geschäftsführerin der Musterdaten GmbH, scheidet zum 31. März 2024 aus.",
        published="2024-01-15"))
    assert _offices(doc) == [
        ("Hans Maier", "Bürgermeister", "Tengen", OfficeDates(ended=True, cue="ehemalige")),
        ("Anna Weber", "Geschäftsführer", "Musterdaten",
         OfficeDates(end="2024-03-31", end_precision="day", ended=True, cue="scheidet")),
    ]


def test_offices_retired_gives_an_end(geonames_pipeline: ExtractionPipeline) -> None:
    doc = geonames_pipeline.extract(article("Hans Maier, Bürgermeister a. D. der Stadt Tengen, sprach.",
                                            published="2024-01-15"))
    assert _offices(doc) == [("Hans Maier", "Bürgermeister", "Tengen", OfficeDates(ended=True, cue="a. D."))]


def test_offices_a_date_of_another_event_is_no_bound(geonames_pipeline: ExtractionPipeline) -> None:
    doc = geonames_pipeline.extract(article(
        "Anja Schlüter, Vorstand der Südwestfalen-IT, gratulierte ihrer früheren Kollegin am 3. Mai.",
        published="2022-02-08"))
    assert _offices(doc) == [("Anja Schlüter", "Vorstand", "Südwestfalen-IT", None)]


def test_offices_succession_with_pronoun_in_the_next_sentence(geonames_pipeline: ExtractionPipeline) -> None:
    doc = geonames_pipeline.extract(article(
        "Die Vitako hat Sabine Lorenz zur neuen Vorsitzenden gewählt. "
        "Lorenz war bislang Bereichsleiterin bei der Südwestfalen-IT. "
        "Sie folgt auf Gerd Wolters, der den Verband sechs Jahre lang geführt hatte.", published="2022-02-08"))
    offices = _offices(doc)
    assert ("Sabine Lorenz", "Bereichsleiter", "Südwestfalen-IT", OfficeDates(ended=True, cue="bislang")) in offices
    assert ("Gerd Wolters", "Vorsitzender", "Vitako", OfficeDates(ended=True, cue="folgt")) in offices
    succeeds = [(r.source_name, r.role, r.target_name) for r in doc.relations if r.type is RelationType.SUCCEEDS]
    assert succeeds == [("Sabine Lorenz", "Vorsitzender", "Gerd Wolters")]


def test_offices_successor_named_after_the_cue(geonames_pipeline: ExtractionPipeline) -> None:
    doc = geonames_pipeline.extract(article(
        "Der ehemalige Geschäftsführer der Musterdaten GmbH, Peter Alt, geht. "
        "Seine Nachfolgerin Claudia Neumann leitet die Musterdaten GmbH seit dem 1. Juli 2022.",
        published="2022-08-15"))
    offices = _offices(doc)
    assert ("Claudia Neumann", "Geschäftsführer", "Musterdaten",
            OfficeDates(start="2022-07-01", start_precision="day", cue="Nachfolgerin")) in offices
    assert ("Peter Alt", "Geschäftsführer", "Musterdaten",
            OfficeDates(end="2022-07-01", end_precision="day", ended=True, cue="Nachfolgerin")) in offices


def test_offices_nothing_without_a_cue(geonames_pipeline: ExtractionPipeline) -> None:
    doc = geonames_pipeline.extract(article("Bürgermeister der Stadt Tengen, Marian Schreier, eröffnete 2019."))
    assert _offices(doc) == [("Marian Schreier", "Bürgermeister", "Tengen", None)]
    assert doc.relations[0].to_dict().keys() >= {"type", "evidence"}
    assert "office" not in doc.relations[0].to_dict()  # older caches read the same


def test_offices_dates_far_from_the_role_are_not_its_bounds(geonames_pipeline: ExtractionPipeline) -> None:
    doc = geonames_pipeline.extract(article(
        "„Wenn jede Kommune für sich digitalisiert, schaffen wir das OZG nicht bis 2022“, sagte "
        "Vitako-Vorsitzender Gerd Wolters. Sabine Lorenz war bislang Bereichsleiterin bei der Südwestfalen-IT und "
        "gehört dem Vitako-Vorstand seit 2019 an. Die Musterdaten GmbH übernimmt erneut die Schulung; "
        "Geschäftsführer Thomas Brandt kündigte das an. "
        "Laut Anna Weber, Präsidentin der Musterdaten GmbH, sollen bis Ende 2025 alle Leistungen online sein.",
        published="2022-02-08"))
    assert [(o[0], o[3]) for o in _offices(doc)] == [
        ("Gerd Wolters", None), ("Sabine Lorenz", OfficeDates(ended=True, cue="bislang")), ("Thomas Brandt", None),
        ("Anna Weber", None)]
