"""`evaluate_file` with a stand-in extractor, and `skg eval` with the real pipeline."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from rich.console import Console

from graph.cli import main
from graph.extract.evaluation import EvalOptions, evaluate_file
from graph.extract.evaluation.report import print_result
from graph.model import Article, DocumentExtraction, EntityType, Mention
from graph.settings import Settings

GOLD = "1\tMarian\tB-PER\n2\tSchreier\tI-PER\n3\tbesucht\tO\n4\tTengen\tB-LOC\n5\t.\tO\n\n1\tBITMi\tB-ORG\n2\tlobt\tO\n"


class TableExtractor:
    """Predicts fixed (text, type) pairs wherever they occur: hand-built predictions."""

    version = "table@1"

    def __init__(self, names: dict[str, EntityType]) -> None:
        self.names = names

    def extract(self, article: Article) -> DocumentExtraction:
        mentions = []
        for name, etype in self.names.items():
            start = article.text.find(name)
            if start >= 0:
                mentions.append(Mention(article.id, start, start + len(name), name, etype, name, "e_" + name))
        return DocumentExtraction(article.id, tuple(mentions))


def test_runner_scores_stand_in_extractor(tmp_path: Path, settings: Settings) -> None:
    gold = tmp_path / "gold.tsv"
    gold.write_text(GOLD, encoding="utf-8")
    extractor = TableExtractor({"Schreier": EntityType.PERSON, "Tengen": EntityType.MUNICIPALITY,
                                "lobt": EntityType.ORGANIZATION})
    result = evaluate_file(gold, settings, EvalOptions(), extractor=extractor)
    scores = result.as_dict()["scores"]
    assert result.format == "germeval" and result.extractor == "table@1"
    assert scores["strict"]["LOC"]["f1"] == 1.0  # MUNICIPALITY counts as LOC
    assert scores["strict"]["PER"]["tp"] == 0 and scores["overlap"]["PER"]["tp"] == 1
    assert scores["strict"]["micro"] == {"tp": 1, "fp": 2, "fn": 2, "precision": 0.3333, "recall": 0.3333,
                                         "f1": 0.3333}
    limited = evaluate_file(gold, settings, EvalOptions(limit=1), extractor=extractor)
    assert limited.score is not None and limited.score.documents == 1
    console = Console(record=True, width=120)
    print_result(result, console)
    table = console.export_text()
    assert "micro" in table and "0.333" in table and "documents/s" in table


@pytest.mark.slow
def test_runner_cli_eval_json_with_real_pipeline(tmp_path: Path, skg_home: Path,
                                                 capsys: pytest.CaptureFixture[str]) -> None:
    gold = tmp_path / "gold.tsv"
    gold.write_text(GOLD, encoding="utf-8")
    assert main(["eval", str(gold), "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["format"] == "germeval"
    assert data["scores"]["documents"] == 2
    micro = data["scores"]["strict"]["micro"]
    assert micro["tp"] + micro["fn"] == 3


def test_runner_cli_eval_missing_file_is_clear_error(tmp_path: Path, skg_home: Path,
                                                     capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["eval", str(tmp_path / "nope.tsv")]) == 2
    assert "gold file not found" in capsys.readouterr().err


@pytest.mark.slow
def test_runner_cli_eval_seed(seed_paths: tuple[Path, Path], skg_home: Path,
                              capsys: pytest.CaptureFixture[str]) -> None:
    _, expected = seed_paths
    assert main(["eval", str(expected), "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    reading = json.loads(expected.read_text(encoding="utf-8"))
    entity_checks = [c for c in data["checks"] if c["check"] == "entity"]
    assert len(entity_checks) == sum(len(d["entities"]) for d in reading["documents"])
    assert len([c for c in data["checks"] if c["check"] == "leak"]) == len(reading["documents"]) + 1
    passed = {c["item"] for c in data["checks"] if c["passed"]}
    assert "Marian Schreier –Bürgermeister→ Tengen" in passed  # needs ingest + extract + resolve together


def test_runner_error_examples_show_context(tmp_path: Path, settings: Settings) -> None:
    gold = tmp_path / "gold.tsv"
    gold.write_text(GOLD, encoding="utf-8")
    extractor = TableExtractor({"Schreier": EntityType.PERSON, "lobt": EntityType.ORGANIZATION})
    result = evaluate_file(gold, settings, EvalOptions(errors=1), extractor=extractor)
    assert [(e.error, e.label, e.text) for e in result.errors] == [("FP", "PER", "Schreier"),
                                                                  ("FN", "PER", "Marian Schreier")]
    assert result.errors[0].context == "Marian [Schreier] besucht Tengen ."
    assert result.as_dict()["errors"][1]["error"] == "FN"


@pytest.mark.slow
def test_runner_seed_passes_every_required_check_with_destatis(seed_paths: tuple[Path, Path],
                                                                destatis_settings: Settings) -> None:
    _, expected = seed_paths
    result = evaluate_file(expected, destatis_settings)
    failed = [(c.document, c.item, c.detail) for c in result.checks if not c.passed and not c.optional]
    assert failed == []
