"""Page-reference gold: texts checked by sha256, fine-typed scores, attribute scores, actor recall."""

from __future__ import annotations

import hashlib
import json
import os
from pathlib import Path
from typing import Any

import pytest

from graph.cli import main
from graph.errors import InputError
from graph.extract.evaluation import EvalOptions, detect_format, evaluate_file
from graph.extract.evaluation.attributes import AttributeScore, Gold, Predicted, Tally
from graph.extract.evaluation.pages import load_texts, read_page_gold
from graph.extract.evaluation.scorer import Span
from graph.model import Article, DocumentExtraction, EntityType, Mention, OrgKind
from graph.settings import Settings

REPO = Path(__file__).resolve().parents[4]
REAL_GOLD = REPO / "tests" / "gold" / "municipal_it" / "gold.jsonl"

PAGE_A = "Die Stadt Freiburg und die ekom21 arbeiten zusammen. Bürgermeister Marian Schreier lobt ekom21."
PAGE_B = "Dataport betreut Kiel."


def _entity(text: str, page: str, typ: str, canonical: str, nth: int = 0, **extra: str) -> dict[str, Any]:
    start = -1
    for _ in range(nth + 1):
        start = page.index(text, start + 1)
    return {"start": start, "end": start + len(text), "text": text, "type": typ, "canonical": canonical,
            **extra}


def _line(page_id: str, text: str, entities: list[dict[str, Any]]) -> str:
    return json.dumps({"id": page_id, "url": f"https://example.org/{page_id}", "outlet": "Test",
                       "retrieved": "2026-12-07", "query": "test", "chars": len(text),
                       "sha256": hashlib.sha256(text.encode("utf-8")).hexdigest(), "entities": entities},
                      ensure_ascii=False)


def _gold(tmp_path: Path) -> Path:
    a = [_entity("Freiburg", PAGE_A, "MUNICIPALITY", "Freiburg im Breisgau", ags="08311000"),
         _entity("ekom21", PAGE_A, "ORGANIZATION", "ekom21", kind="public_it_provider"),
         _entity("Marian Schreier", PAGE_A, "PERSON", "Marian Schreier"),
         _entity("ekom21", PAGE_A, "ORGANIZATION", "ekom21", nth=1, kind="public_it_provider")]
    b = [_entity("Dataport", PAGE_B, "ORGANIZATION", "Dataport", kind="public_it_provider"),
         _entity("Kiel", PAGE_B, "MUNICIPALITY", "Kiel", ags="01002000")]
    gold = tmp_path / "gold.jsonl"
    gold.write_text(_line("pagea", PAGE_A, a) + "\n" + _line("pageb", PAGE_B, b) + "\n", encoding="utf-8")
    return gold


def _texts(tmp_path: Path, pages: dict[str, str]) -> Path:
    folder = tmp_path / "texts"
    folder.mkdir()
    for page_id, text in pages.items():
        (folder / f"{page_id}.txt").write_text(text, encoding="utf-8")
    return folder


class FixedExtractor:
    """Predicts hand-written mentions (text, type, kind, canonical, AGS) at their first occurrence."""

    version = "fixed@1"

    def __init__(self, rows: list[tuple[str, EntityType, OrgKind | None, str, str | None]]) -> None:
        self.rows = rows

    def extract(self, article: Article) -> DocumentExtraction:
        mentions = []
        for text, etype, kind, canonical, ags in self.rows:
            start = article.text.find(text)
            if start >= 0:
                mentions.append(Mention(article.id, start, start + len(text), text, etype, canonical,
                                        "e_" + text, kind=kind, ags=ags))
        return DocumentExtraction(article.id, tuple(mentions))


STAND_IN = FixedExtractor([
    ("Stadt Freiburg", EntityType.MUNICIPALITY, None, "Freiburg (Elbe)", "03359018"),  # wrong span and key
    ("ekom21", EntityType.ORGANIZATION, OrgKind.VENDOR, "ekom21", None),  # right span, wrong kind
    ("Schreier", EntityType.PERSON, None, "Schreier", None),  # part of the name
    ("Kiel", EntityType.MUNICIPALITY, None, "Kiel", "01002000"),
    ("betreut", EntityType.ORGANIZATION, OrgKind.OTHER, "betreut", None),  # a false hit
])


def test_pages_detect_format_tells_page_references_from_span_jsonl(tmp_path: Path) -> None:
    gold = _gold(tmp_path)
    spans = tmp_path / "spans.jsonl"
    spans.write_text(json.dumps({"text": "Kiel", "entities": []}) + "\n", encoding="utf-8")
    assert detect_format(gold) == "pages"
    assert detect_format(spans) == "jsonl"


def test_pages_load_texts_keeps_only_texts_with_the_gold_checksum(tmp_path: Path) -> None:
    pages = read_page_gold(_gold(tmp_path))
    folder = _texts(tmp_path, {"pagea": PAGE_A, "pageb": PAGE_B.replace("Kiel", "Kiel.")})
    check = load_texts(pages, folder)
    assert list(check.texts) == ["pagea"] and check.changed == ["pageb"] and check.missing == []
    (folder / "pageb.txt").unlink()
    assert load_texts(pages, folder).missing == ["pageb"]


def test_pages_read_gold_reports_the_bad_line(tmp_path: Path) -> None:
    gold = _gold(tmp_path)
    gold.write_text(gold.read_text(encoding="utf-8") + '{"id": "x", "sha256": "0", "entities": []}\n',
                    encoding="utf-8")
    with pytest.raises(InputError) as info:
        read_page_gold(gold)
    assert "line 3" in str(info.value) or info.value.line == 3


def test_pages_attribute_score_counts_kind_canonical_ags_and_actors() -> None:
    gold = [Gold(Span(0, 8, "MUNICIPALITY"), "Freiburg im Breisgau", ags="08311000"),
            Gold(Span(10, 16, "ORGANIZATION"), "ekom21", kind="public_it_provider"),
            Gold(Span(30, 36, "ORGANIZATION"), "ekom21", kind="public_it_provider"),
            Gold(Span(40, 45, "PERSON"), "Oliver Grün")]
    pred = [Predicted(Span(0, 8, "MUNICIPALITY"), "Freiburg (Elbe)", ags="03359018"),
            Predicted(Span(30, 36, "ORGANIZATION"), "ekom21", kind="public_it_provider"),
            Predicted(Span(40, 45, "ORGANIZATION"), "Grün", kind="other")]
    score = AttributeScore()
    score.add(gold, pred)
    assert score.kind == Tally(1, 1)  # only the second ekom21 was found
    assert score.canonical == Tally(0, 1) and score.ags == Tally(0, 1)
    assert score.actors == {"MUNICIPALITY": Tally(1, 1), "ORGANIZATION": Tally(1, 1), "PERSON": Tally(0, 1)}
    assert score.named["MUNICIPALITY"] == Tally(0, 1)
    assert score.as_dict()["actor_recall"]["all"] == {"right": 2, "total": 3, "rate": 0.6667}


def test_pages_evaluate_file_scores_fine_types_and_skips_missing_texts(tmp_path: Path,
                                                                      settings: Settings) -> None:
    gold = _gold(tmp_path)
    options = EvalOptions(errors=5, texts=_texts(tmp_path, {"pagea": PAGE_A}))
    result = evaluate_file(gold, settings, options, extractor=STAND_IN)
    data = result.as_dict()
    assert data["format"] == "pages" and data["texts"]["missing"] == ["pageb"]
    strict, overlap = data["scores"]["strict"], data["scores"]["overlap"]
    assert data["scores"]["documents"] == 1
    assert strict["ORGANIZATION"] == {"tp": 1, "fp": 0, "fn": 1, "precision": 1.0, "recall": 0.5, "f1": 0.6667}
    assert strict["MUNICIPALITY"]["tp"] == 0 and overlap["MUNICIPALITY"]["tp"] == 1
    assert overlap["PERSON"]["tp"] == 1 and "LOC" not in strict  # fine types, not PER/ORG/LOC
    attributes = data["attributes"]
    assert attributes["org_kind"] == {"right": 0, "total": 1, "rate": 0.0}
    assert attributes["municipality_ags"]["total"] == 1 and attributes["municipality_ags"]["right"] == 0
    assert attributes["actor_recall"]["all"]["right"] == 3  # Freiburg, ekom21, Marian Schreier
    misses = {(e.error, e.label, e.text): e.context for e in result.errors}
    assert misses[("FN", "PERSON", "Marian Schreier")].endswith("Bürgermeister [Marian Schreier] lobt ekom21.")
    assert ("FP", "ORGANIZATION", "betreut") not in misses  # page B was skipped


def test_pages_without_texts_folder_says_what_to_do(tmp_path: Path, settings: Settings) -> None:
    with pytest.raises(InputError) as info:
        evaluate_file(_gold(tmp_path), settings, EvalOptions(), extractor=STAND_IN)
    assert "--texts" in str(info.value.hint) and "SKG_EVAL_TEXTS" in str(info.value.hint)


def test_pages_cli_check_texts_and_setting(tmp_path: Path, skg_home: Path, monkeypatch: pytest.MonkeyPatch,
                                           capsys: pytest.CaptureFixture[str]) -> None:
    gold = _gold(tmp_path)
    folder = _texts(tmp_path, {"pagea": PAGE_A})
    assert main(["eval", str(gold), "--texts", str(folder), "--check-texts"]) == 1
    out = " ".join(capsys.readouterr().out.split())  # rich wraps long lines
    assert "1 found, 1 missing" in out and "pageb" in out and "<id>.txt" in out
    (folder / "pageb.txt").write_text(PAGE_B, encoding="utf-8")
    monkeypatch.setenv("SKG_EVAL_TEXTS", str(folder))
    assert main(["eval", str(gold), "--check-texts", "--json"]) == 0
    assert json.loads(capsys.readouterr().out)["present"] == 2


@pytest.mark.slow
def test_pages_cli_eval_with_real_pipeline(tmp_path: Path, skg_home: Path,
                                           capsys: pytest.CaptureFixture[str]) -> None:
    gold = _gold(tmp_path)
    folder = _texts(tmp_path, {"pagea": PAGE_A, "pageb": PAGE_B})
    assert main(["eval", str(gold), "--texts", str(folder), "--json", "--errors", "3"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["scores"]["documents"] == 2 and data["texts"]["present"] == 2
    person = data["scores"]["strict"]["PERSON"]
    assert person["tp"] + person["fn"] == 1  # gold counted under our own type names
    assert set(data["attributes"]) >= {"org_kind", "municipality_ags", "actor_recall"}


def _real_texts() -> Path:
    folder = Path(os.environ.get("SKG_EVAL_TEXTS") or "/work/devpages")
    if not folder.is_dir():
        pytest.skip(f"page texts of the municipal-IT dev set not present in {folder} (see its README)")
    return folder


@pytest.mark.slow
def test_pages_real_municipal_it_gold(settings: Settings) -> None:
    folder = _real_texts()
    pages = read_page_gold(REAL_GOLD)
    check = load_texts(pages, folder)
    assert check.missing == [] and check.changed == [], "texts differ from the gold sha256 sums"
    result = evaluate_file(REAL_GOLD, settings, EvalOptions(texts=folder))
    assert result.score is not None and result.score.documents == len(pages)
    gold_total = {t: sum(1 for p in pages for e in p.entities if e.type == t)
                  for t in ("PERSON", "ORGANIZATION", "MUNICIPALITY", "LOCATION")}
    assert {t: c.tp + c.fn for t, c in result.score.strict.items()} == gold_total
    assert result.attributes is not None and sum(t.total for t in result.attributes.actors.values()) == len(
        {(p.id, e.type, e.canonical.casefold()) for p in pages for e in p.entities})
