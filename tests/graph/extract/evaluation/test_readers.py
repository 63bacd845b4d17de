"""Gold readers on small hand-written files and on the shared development sets."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from graph.errors import InputError, UnsupportedFormatError
from graph.extract.evaluation.readers import detect_format, read_germeval, read_span_jsonl
from graph.extract.evaluation.scorer import Span

GERMEVAL = """#\thttp://example.org/a\t[2024-01-01]
1\tBürgermeister\tO\tO
2\tMarian\tB-PER\tO
3\tSchreier\tI-PER\tO
4\tvon\tO\tO
5\tder\tO\tO
6\tStadt\tB-LOC\tO
7\tTengen\tI-LOC\tB-LOC
8\tlobt\tO\tO
9\tdeutsche\tB-LOCderiv\tO
10\tITler\tO\tO
11\tund\tO\tO
12\tden\tO\tO
13\tTatort\tB-OTH\tO
14\t.\tO\tO

#\thttp://example.org/b\t[2024-01-02]
1\tVitako\tI-ORG\tO
2\tBerlin\tB-LOC\tO
3\tDataport\tB-ORG\tO
4\tAöR\tI-ORG\tO
"""


def _write(tmp_path: Path, name: str, text: str) -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def test_readers_germeval_builds_text_and_outer_spans(tmp_path: Path) -> None:
    docs = read_germeval(_write(tmp_path, "dev.tsv", GERMEVAL))
    assert len(docs) == 2
    first = docs[0]
    assert first.text.startswith("Bürgermeister Marian Schreier von der Stadt Tengen")
    assert [(first.text[s.start:s.end], s.label) for s in first.spans] == [
        ("Marian Schreier", "PER"), ("Stadt Tengen", "LOC"),
    ]
    second = docs[1]  # I- at sentence start opens a span; B- right after closes the previous one
    assert [(second.text[s.start:s.end], s.label) for s in second.spans] == [
        ("Vitako", "ORG"), ("Berlin", "LOC"), ("Dataport AöR", "ORG"),
    ]


def test_readers_germeval_optional_labels(tmp_path: Path) -> None:
    path = _write(tmp_path, "dev.tsv", GERMEVAL)
    labels = {s.label for d in read_germeval(path, include_other=True, include_partderiv=True) for s in d.spans}
    assert labels == {"PER", "LOC", "ORG", "OTH", "LOCderiv"}


def test_readers_germeval_bad_line_names_line(tmp_path: Path) -> None:
    path = _write(tmp_path, "bad.tsv", "1\tHallo\tO\n2\tWelt\n")
    with pytest.raises(InputError, match=":2"):
        read_germeval(path)


def test_readers_jsonl_maps_smartdata_types(tmp_path: Path) -> None:
    text = "Dataport und die AKDB in Hamburg, Bahnhof Altona: Anna Schmidt am 1.5."
    ents = [
        {"start": 0, "end": 8, "type": "ORGANIZATION_COMPANY", "text": "Dataport"},
        {"start": 17, "end": 21, "type": "ORGANIZATION", "text": "AKDB"},
        {"start": 25, "end": 32, "type": "LOCATION_CITY", "text": "Hamburg"},
        {"start": 34, "end": 48, "type": "LOCATION_STOP", "text": "Bahnhof Altona"},
        {"start": 50, "end": 62, "type": "PERSON", "text": "Anna Schmidt"},
        {"start": 66, "end": 70, "type": "DATE", "text": "1.5."},
    ]
    path = _write(tmp_path, "gold.jsonl", json.dumps({"id": "d1", "text": text, "entities": ents}) + "\n")
    (doc,) = read_span_jsonl(path)
    assert doc.id == "d1"
    assert doc.spans == (Span(0, 8, "ORG"), Span(17, 21, "ORG"), Span(25, 32, "LOC"),
                         Span(34, 48, "LOC"), Span(50, 62, "PER"))
    (narrow,) = read_span_jsonl(path, exclude=frozenset({"LOCATION_STOP"}))
    assert Span(34, 48, "LOC") not in narrow.spans


def test_readers_jsonl_offset_outside_text_names_line(tmp_path: Path) -> None:
    good = json.dumps({"text": "Bonn", "entities": [{"start": 0, "end": 4, "type": "LOCATION"}]})
    bad = json.dumps({"text": "Bonn", "entities": [{"start": 0, "end": 9, "type": "LOCATION"}]})
    path = _write(tmp_path, "gold.jsonl", good + "\n" + bad + "\n")
    with pytest.raises(InputError, match=r"gold.jsonl:2"):
        read_span_jsonl(path)


def test_readers_detect_format(tmp_path: Path) -> None:
    assert detect_format(tmp_path / "x.expected.json") == "seed"
    assert detect_format(_write(tmp_path, "g.txt", "1\tBonn\tB-LOC\n")) == "germeval"
    assert detect_format(_write(tmp_path, "j.data", '{"text": ""}\n')) == "jsonl"
    with pytest.raises(UnsupportedFormatError):
        detect_format(_write(tmp_path, "n.txt", "just prose\n"))


def test_readers_shared_germeval_dev_counts(shared_dir: Path) -> None:
    path = shared_dir / "data" / "ner" / "germeval2014_dev.tsv"
    if not path.exists():
        pytest.skip("GermEval dev set absent")
    docs = read_germeval(path)
    assert len(docs) == 2200
    counts = {label: sum(1 for d in docs for s in d.spans if s.label == label) for label in ("PER", "ORG", "LOC")}
    assert counts == {"PER": 711, "ORG": 496, "LOC": 763}  # the B- tags of the outer column
    assert all(d.text[s.start] != " " and d.text[s.end - 1] != " " for d in docs for s in d.spans)


def test_readers_shared_smartdata_dev_spans_match_text(shared_dir: Path) -> None:
    path = shared_dir / "data" / "ner" / "smartdata_v3_dev.jsonl"
    if not path.exists():
        pytest.skip("SmartData dev set absent")
    docs = read_span_jsonl(path)
    assert len(docs) == 228
    raw = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]
    by_offsets = {(r["id"], e["start"], e["end"]): e["text"] for r in raw for e in r["entities"]}
    assert all(d.text[s.start:s.end] == by_offsets[(d.id, s.start, s.end)] for d in docs for s in d.spans)
    assert {s.label for d in docs for s in d.spans} == {"PER", "ORG", "LOC"}
