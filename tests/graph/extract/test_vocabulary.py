"""The shipped German noun list: common nouns vs names, compounds, a byte-identical rebuild."""

from __future__ import annotations

import gzip
from pathlib import Path

import pytest

from graph.extract.training.build_nouns import lines, split_forms
from graph.extract.vocabulary import NOUNS_FILE, noun_vocabulary
from graph.resources import data_path


def test_vocabulary_knows_common_nouns_and_names() -> None:
    vocab = noun_vocabulary()
    assert len(vocab.common) > 200_000 and len(vocab.proper) > 5_000
    assert vocab.kind("Verwaltung") == "noun" and vocab.kind("Kommunen") == "noun"
    assert vocab.kind("Berlin") == "name"
    assert vocab.kind("Quabeck") is None


def test_vocabulary_compound_heads_need_a_real_modifier() -> None:
    vocab = noun_vocabulary()
    assert vocab.compound_head("Onlinezugangsgesetz")  # "…gesetz"
    assert not vocab.compound_head("Gesetz!")  # not alphabetic
    assert not vocab.compound_head("Xyzq")  # too short for modifier + head


def test_vocabulary_file_is_sorted_and_tagged() -> None:
    text = gzip.decompress(data_path(*NOUNS_FILE).read_bytes()).decode("utf-8")
    rows = [line.split("\t") for line in text.splitlines()]
    assert {tag for tag, _ in rows} == {"c", "p"}
    commons = [w for tag, w in rows if tag == "c"]
    assert commons == sorted(commons)


def test_build_nouns_lines_are_deterministic() -> None:
    common, proper = split_forms([{"lemma": "Paket", "pos": "Substantiv", "genitiv singular": "Pakets"},
                                  {"lemma": "Parker", "pos": "Nachname,Substantiv"}])
    assert list(lines(common, proper)) == ["c\tPaket\n", "c\tPakets\n", "p\tParker\n"]


def test_build_nouns_rebuild_matches_shipped_file(tmp_path: Path) -> None:
    pytest.importorskip("german_nouns", reason="german-nouns is a development-only dependency")
    from graph.extract.training.build_nouns import build

    out = tmp_path / "nouns.tsv.gz"
    build(out)
    assert out.read_bytes() == data_path(*NOUNS_FILE).read_bytes()
