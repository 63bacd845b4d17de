"""The shipped sample corpus: present, marked as invented, valid in every format."""

from __future__ import annotations

import json

import feedparser

from graph.resources import data_path

SAMPLE = data_path("sample")


def test_sample_corpus_has_forty_plus_documents_across_formats() -> None:
    captures = list((SAMPLE / "captures").glob("*.txt"))
    html = list((SAMPLE / "html").glob("*.html"))
    txt = list((SAMPLE / "txt").glob("*.txt"))
    records = (SAMPLE / "jsonl" / "meldungen.jsonl").read_text(encoding="utf-8").splitlines()
    rss = feedparser.parse(str(SAMPLE / "feeds" / "kommunal-it.rss"))
    atom = feedparser.parse(str(SAMPLE / "feeds" / "verbaende.atom"))
    assert not rss.bozo and not atom.bozo
    total = len(captures) + len(html) + len(txt) + len(records) + len(rss.entries) + len(atom.entries)
    assert total >= 40
    assert min(len(captures), len(html), len(txt), len(records), len(rss.entries), len(atom.entries)) >= 1


def test_sample_corpus_is_marked_as_invented() -> None:
    readme = (SAMPLE / "README.md").read_text(encoding="utf-8").lower()
    assert "fictional" in readme or "invented" in readme
    for line in (SAMPLE / "jsonl" / "meldungen.jsonl").read_text(encoding="utf-8").splitlines():
        assert json.loads(line)["source"] == "skg-sample (fictional)"
    for page in (SAMPLE / "html").glob("*.html"):
        assert "Fiktive Beispielmeldung" in page.read_text(encoding="utf-8"), page.name
