"""CONTRACTS_WITH on the default pipeline of a fresh install: cue, client, supplier, seat."""

from __future__ import annotations

import pytest

from graph.extract.pipeline import ExtractionPipeline
from graph.model import RelationType
from tests.graph.extract.conftest import article


def _contracts(pipe: ExtractionPipeline, text: str) -> list[tuple[str, str]]:
    doc = pipe.extract(article(text))
    return [(r.source_name, r.target_name) for r in doc.relations if r.type is RelationType.CONTRACTS_WITH]


@pytest.mark.parametrize(("text", "expected"), [
    ("Die Stadt Ulm hat die Musterdaten GmbH mit der Einführung der E-Akte beauftragt.", [("Ulm", "Musterdaten")]),
    ("Den Zuschlag für das Portal erhielt die AKDB, wie die Stadt Tengen mitteilte.", [("Tengen", "AKDB")]),
    ("Der Landkreis Harburg setzt bei der E-Akte auf Dataport.", [("Landkreis Harburg", "Dataport")]),
    ("Die Stadt Münster ist seit 2019 Kundin der JCC Software GmbH.", [("Münster", "JCC Software")]),
    ("Dataport beauftragt die Musterdaten GmbH mit dem Betrieb.", [("Dataport", "Musterdaten")]),
    ("Die Städte Ulm und Tengen haben einen Rahmenvertrag mit der AKDB geschlossen.",
     [("Ulm", "AKDB"), ("Tengen", "AKDB")]),
])
def test_contracts_stated_with_a_cue(geonames_pipeline: ExtractionPipeline, text: str,
                                     expected: list[tuple[str, str]]) -> None:
    assert _contracts(geonames_pipeline, text) == expected


@pytest.mark.parametrize("text", [
    "Die Stadt Ulm und die AKDB stellten das Portal vor.",  # co-mention only
    "Der Koalitionsvertrag der Stadt Ulm nennt die AKDB.",  # not a purchase
    "Kunden der ersten Stunde wie die Stadt Ulm sprachen mit der AKDB.",  # "Kunden" is too loose
])
def test_contracts_need_a_cue_a_client_and_a_supplier(geonames_pipeline: ExtractionPipeline, text: str) -> None:
    assert _contracts(geonames_pipeline, text) == []


def test_contracts_a_place_after_aus_is_the_seat_not_the_client(geonames_pipeline: ExtractionPipeline) -> None:
    text = "Die Musterdaten GmbH aus Ulm wurde von der AKDB beauftragt."
    assert _contracts(geonames_pipeline, text) == [("AKDB", "Musterdaten")]


def test_contracts_link_the_supplier_nearest_to_the_cue(geonames_pipeline: ExtractionPipeline) -> None:
    text = "Die Stadt Ulm hat die Musterdaten GmbH beauftragt; bisher arbeitete sie mit der AKDB."
    assert _contracts(geonames_pipeline, text) == [("Ulm", "Musterdaten")]
