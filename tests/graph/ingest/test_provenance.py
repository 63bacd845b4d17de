"""Where files lie must not change ids, graph or snapshot id; the corpus store still knows the path."""

from __future__ import annotations

import json
import shutil
import sqlite3
from pathlib import Path

import pytest

from graph.ingest import ingest
from graph.model import GraphData
from graph.settings import Settings, load_settings
from graph.store.corpus import CorpusStore
from tests.graph.ingest.helpers import FIXTURES

FILES = ["portal_meldung.html", "capture_seeburg.k21", "feed_rss.xml", "artikel.jsonl", "notiz.txt",
         "tabelle.csv"]


def _corpus(folder: Path) -> Path:
    (folder / "sub").mkdir(parents=True)
    for name in FILES:
        shutil.copy(FIXTURES / name, folder / ("sub" if name.endswith(".txt") else "") / name)
    return folder


def _home(tmp_path: Path, name: str) -> Settings:
    return load_settings(env={"SKG_HOME": str(tmp_path / name)}, use_file=False)


def _ingest_and_build(inputs: list[str], settings: Settings) -> tuple[list[tuple[str, str]], GraphData]:
    from graph.pipeline import rebuild
    from graph.store import open_store

    with CorpusStore.open(settings) as corpus:
        ingest(inputs, corpus, settings)
        articles = sorted((a.id, a.source) for a in corpus.articles())
    rebuild(settings)
    with open_store(settings) as store:
        return articles, store.load()


def test_provenance_two_folders_and_relative_path_give_one_graph(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    first = _corpus(tmp_path / "hier" / "nachrichten")
    second = _corpus(tmp_path / "dort" / "ganz" / "woanders")
    a_docs, a_graph = _ingest_and_build([str(first.resolve())], _home(tmp_path, "a"))
    monkeypatch.chdir(second.parent)
    b_docs, b_graph = _ingest_and_build(["woanders"], _home(tmp_path, "b"))
    assert a_docs and a_docs == b_docs
    assert all(not Path(source).is_absolute() and "hier" not in source for _, source in a_docs)
    assert a_graph.nodes == b_graph.nodes and a_graph.edges == b_graph.edges
    assert a_graph.snapshot_id == b_graph.snapshot_id


def test_provenance_corpus_store_keeps_the_absolute_path(settings: Settings, tmp_path: Path,
                                                         monkeypatch: pytest.MonkeyPatch) -> None:
    folder = _corpus(tmp_path / "ordner")
    monkeypatch.chdir(tmp_path)
    with CorpusStore.open(settings) as corpus:
        ingest(["ordner"], corpus, settings)
        note = next(a for a in corpus.articles() if a.reader == "text")
        assert note.source == "sub/notiz.txt"
        assert corpus.location_of(note.id) == str((folder / "sub" / "notiz.txt").resolve())
        failures = corpus.failures()
    assert {f["source"] for f in failures} == {str((folder / name).resolve())
                                               for name in ("tabelle.csv", "artikel.jsonl")}


def test_provenance_moved_folder_updates_the_path_not_the_documents(settings: Settings, tmp_path: Path) -> None:
    old = _corpus(tmp_path / "alt")
    with CorpusStore.open(settings) as corpus:
        ingest([str(old)], corpus, settings)
        new = old.rename(tmp_path / "neu")
        report = ingest([str(new)], corpus, settings)
        note = next(a for a in corpus.articles() if a.reader == "text")
        assert corpus.location_of(note.id) == str((new / "sub" / "notiz.txt").resolve())
    assert report.total("new") == report.total("updated") == 0 and report.total("unchanged") > 0


def test_provenance_store_from_before_is_migrated_and_flagged(settings: Settings, tmp_path: Path) -> None:
    """A corpus store written before paths were relative: opened, counted, healed by one re-ingest."""
    folder = _corpus(tmp_path / "in")
    home = settings.home_path
    home.mkdir(parents=True)
    old = sqlite3.connect(home / "corpus.sqlite")
    old.executescript("""CREATE TABLE articles (id TEXT PRIMARY KEY, seq INTEGER NOT NULL, role TEXT NOT NULL,
        reader TEXT NOT NULL, source TEXT NOT NULL, content_hash TEXT NOT NULL, norm_text TEXT NOT NULL,
        norm_len INTEGER NOT NULL, duplicate_of TEXT, parent_id TEXT, data TEXT NOT NULL);""")
    from graph.model import Article

    doc = Article(id=Article.make_id("sub/notiz.txt", "article", 0), source=str(folder / "sub" / "notiz.txt"),
                  title="Alt", text="Alter Text", reader="text")
    old.execute("INSERT INTO articles VALUES (?,?,?,?,?,?,?,?,?,?,?)",
                (doc.id, 1, "article", "text", doc.source, doc.content_hash, "alter text", 10, None, None,
                 json.dumps(doc.to_dict())))
    old.commit()
    old.close()
    with CorpusStore.open(settings) as corpus:
        assert corpus.stats()["documents_without_location"] == 1
        report = ingest([str(folder)], corpus, settings)
        assert corpus.stats()["documents_without_location"] == 0
        assert corpus.article(doc.id).source == "sub/notiz.txt"  # type: ignore[union-attr]
    assert report.counts["text"]["updated"] == 1
