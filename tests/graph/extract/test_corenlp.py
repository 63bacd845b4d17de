"""The `corenlp` recogniser on the real CoreNLP tagger process (Java, fetched by `skg corenlp fetch`)."""

from __future__ import annotations

import itertools
import os
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from graph.errors import ExtractionError
from graph.extract.corenlp import check
from graph.extract.corenlp.process import TaggerProcess, close_all
from graph.extract.corenlp.toolchain import fetched, tagger_command
from graph.extract.evaluation.readers import read_germeval, read_span_jsonl
from graph.extract.evaluation.runner import score_documents
from graph.extract.pipeline import ExtractionPipeline
from graph.extract.recognizers.corenlp import io_spans
from graph.extract.registry import registered
from graph.model import EntityType
from graph.settings import Settings, load_settings
from tests.graph.extract.conftest import article


def _settings(home: Path, extractors: str = "rules,corenlp") -> Settings:
    return load_settings(env={"SKG_HOME": str(home), "SKG_EXTRACTORS": extractors}, use_file=False)


@pytest.fixture(scope="module")
def corenlp_home(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    """A fresh SKG_HOME where CoreNLP is usable (skips when never fetched; fails when CI=true)."""
    home = tmp_path_factory.mktemp("corenlp-home")
    if not fetched(_settings(home)):
        message = "CoreNLP is not fetched: run `skg corenlp fetch` (scripts/test.sh does)"
        if os.environ.get("CI") == "true":
            pytest.fail(message)
        pytest.skip(message)
    yield home
    close_all()


@pytest.fixture(scope="module")
def pipeline(corenlp_home: Path) -> ExtractionPipeline:
    return ExtractionPipeline.from_settings(_settings(corenlp_home))


@pytest.fixture(scope="module")
def tagger(corenlp_home: Path) -> Iterator[TaggerProcess]:
    proc = TaggerProcess(tagger_command(_settings(corenlp_home)), corenlp_home / "tagger-test.log")
    yield proc
    proc.close()


def test_corenlp_is_registered() -> None:
    assert registered()["corenlp"] == "1.0"


def test_corenlp_io_spans_split_runs_and_skip_misc() -> None:
    words = ["Peter", "Klein", "Berlin", "und", "die", "EU", "Cloud"]
    labels = ["PERSON", "PERSON", "LOCATION", "O", "ORGANIZATION", "ORGANIZATION", "MISC"]
    assert io_spans(words, labels) == [(0, 2, "PER"), (2, 3, "LOC"), (5, 6, "ORG")]
    assert io_spans(["der"], ["ORGANIZATION"]) == []


def test_corenlp_tagger_labels_every_token(tagger: TaggerProcess) -> None:
    sentences = [["Landrat", "Andy", "Grabner", "besuchte", "München", "."],
                 ["Ein", "Token\tmit", "Tab", "und", "😀", "Emoji"],
                 ["ganz", "klein", "geschrieben"]]
    labels = tagger.tag(sentences)
    assert [len(x) for x in labels] == [6, 6, 3]
    assert labels[0][1:3] == ["PERSON", "PERSON"] and labels[0][4] == "LOCATION"
    assert tagger.tag([]) == []


def test_corenlp_adds_names_with_skg_offsets(pipeline: ExtractionPipeline) -> None:
    text = ("Die Digitalisierung kommt voran. Gestern erklärte Xaver Quastenberg, die Firma "
            "Quellwerk plane mit dem Landkreis Harburg eine neue Plattform.")
    doc = pipeline.extract(article(text))
    found = {(m.text, m.type) for m in doc.mentions}
    assert ("Xaver Quastenberg", EntityType.PERSON) in found
    assert all(text[m.start:m.end] == m.text for m in doc.mentions)
    by_corenlp = [m for m in doc.mentions if m.extractor.startswith("corenlp@1.0+corenlp-")]
    assert by_corenlp, "the corenlp recogniser contributed nothing"
    spans = sorted((m.start, m.end) for m in doc.mentions)
    assert all(a[1] <= b[0] for a, b in itertools.pairwise(spans)), "overlapping mentions"


def test_corenlp_rules_win_overlaps(pipeline: ExtractionPipeline) -> None:
    doc = pipeline.extract(article("Die AKDB und die Stadt Tengen arbeiten zusammen."))
    akdb = [m for m in doc.mentions if m.text == "AKDB"]
    assert akdb and akdb[0].extractor.startswith("rules@") and akdb[0].kind is not None


def test_corenlp_bad_input_is_bounded(pipeline: ExtractionPipeline) -> None:
    for text in ("", "   ", "ALLES GROSS GESCHRIEBEN BEI DER STADT ULM UND DER AKDB",
                 "wort " * 20_000, "Gemeinde Musterhausen " * 5_000):
        started = time.perf_counter()
        doc = pipeline.extract(article(text))
        assert time.perf_counter() - started < 60
        assert all(text[m.start:m.end] == m.text for m in doc.mentions)


def test_corenlp_dead_tagger_gives_actionable_error(corenlp_home: Path) -> None:
    command = tagger_command(_settings(corenlp_home))
    broken = [*command[:-1], "no/such/model.ser.gz"]
    with pytest.raises(ExtractionError) as err:
        TaggerProcess(broken, corenlp_home / "broken.log")
    assert "did not start" in str(err.value) or "stopped" in str(err.value)
    assert "tagger log" in (err.value.hint or "")


def test_corenlp_check_reports_a_working_model(corenlp_home: Path) -> None:
    report = check(_settings(corenlp_home))
    assert report["jars"] >= 2 and report["megabytes"] > 100
    assert "Grabner/PERSON" in report["sample"]


@pytest.mark.slow
def test_corenlp_meets_the_dev_set_targets(pipeline: ExtractionPipeline, shared_dir: Path) -> None:
    ner = shared_dir / "data" / "ner"
    germeval, _ = score_documents(read_germeval(ner / "germeval2014_dev.tsv"), pipeline)
    smartdata, _ = score_documents(read_span_jsonl(ner / "smartdata_v3_dev.jsonl"), pipeline)
    assert germeval.as_dict()["strict"]["micro"]["f1"] >= 0.70  # type: ignore[index]
    assert smartdata.as_dict()["strict"]["micro"]["f1"] >= 0.65  # type: ignore[index]
