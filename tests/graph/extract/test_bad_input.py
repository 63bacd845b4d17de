"""Hostile input: nothing crashes, time stays linear in text length."""

from __future__ import annotations

import time

import pytest

from graph.extract.pipeline import ExtractionPipeline
from tests.graph.extract.conftest import article

SAMPLE = ("Bürgermeister der Stadt Tengen, Marian Schreier, traf Anna Weber von der Dataport und die "
          "Musterfirma Datensysteme GmbH in Freiburg ")


@pytest.mark.parametrize("text", [
    "", " ", "\n\n\n", "....!!!???", "(((((", "GmbH GmbH GmbH", "Dr. Dr. Dr.",
    "DIE STADT TENGEN UND DATAPORT MELDEN NEUES",
    "the city council of London met Marian Schreier and la mairie de Paris; 東京 und Zürich",
    "Stadt", "Landkreis", "Bürgermeister der", "Stefan Wess (", "( Dataport", "BITMi-",
])
def test_bad_input_never_crashes(geonames_pipeline: ExtractionPipeline, text: str) -> None:
    doc = geonames_pipeline.extract(article(text))
    for m in doc.mentions:
        assert text[m.start:m.end] == m.text


def _seconds(pipeline: ExtractionPipeline, text: str) -> float:
    start = time.perf_counter()
    pipeline.extract(article(text))
    return time.perf_counter() - start


def test_bad_input_one_megabyte_paragraph_is_linear(geonames_pipeline: ExtractionPipeline) -> None:
    small = SAMPLE * 100  # no sentence punctuation, no line breaks
    big = SAMPLE * 1000  # ≈ 1 MB... of a single paragraph
    assert len(big) > 100_000
    t_small, t_big = _seconds(geonames_pipeline, small), _seconds(geonames_pipeline, big)
    assert t_big < 10 * t_small * 3 + 0.5  # ten times the text, at most ~three times the per-char cost
    doc = geonames_pipeline.extract(article(big))
    assert len(doc.sentences) == 1
    assert sum(1 for m in doc.mentions if m.canonical == "Dataport") == 1000


def test_bad_input_megabyte_of_all_caps(geonames_pipeline: ExtractionPipeline) -> None:
    text = ("VERWALTUNG DIGITAL " * 60_000)[:1_000_000]
    assert _seconds(geonames_pipeline, text) < 20
