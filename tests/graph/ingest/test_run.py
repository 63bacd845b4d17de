"""Ingesting into the corpus store: re-runs, in-place updates, duplicates, bad inputs, killed runs."""

from __future__ import annotations

import os
import random
import shutil
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

from graph.ingest import ingest
from graph.settings import Settings, load_settings
from graph.store.corpus import CorpusStore
from tests.graph.ingest.helpers import FIXTURES

GOOD = ["portal_meldung.html", "behoerden_news.html", "capture_seeburg.k21", "feed_rss.xml",
        "feed_atom.atom", "notiz.txt"]


def _copy(names: list[str], folder: Path) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    for name in names:
        shutil.copy(FIXTURES / name, folder / name)
    return folder


def test_run_reingest_reports_unchanged(settings: Settings, tmp_path: Path) -> None:
    folder = _copy(GOOD, tmp_path / "in")
    with CorpusStore.open(settings) as corpus:
        first = ingest([str(folder)], corpus, settings)
        before = corpus.dump()
        second = ingest([str(folder)], corpus, settings)
        assert corpus.dump() == before
    assert first.total("new") == 15 and first.total("failed") == 0 and first.sources == 6
    assert second.total("unchanged") == 15 and second.total("new") == second.total("updated") == 0
    assert set(first.counts) == {"kommune21_html", "html", "kommune21_capture", "feed", "text"}


def test_run_changed_source_updates_in_place(settings: Settings, tmp_path: Path) -> None:
    folder = _copy(["notiz.txt"], tmp_path / "in")
    with CorpusStore.open(settings) as corpus:
        ingest([str(folder)], corpus, settings)
        (old,) = corpus.articles()
        note = folder / "notiz.txt"
        note.write_text(note.read_text(encoding="utf-8") + "\nNachtrag: Die Strategie gilt ab Juli.\n",
                        encoding="utf-8")
        report = ingest([str(folder)], corpus, settings)
        (new,) = corpus.articles()
    assert report.counts["text"]["updated"] == 1
    assert new.id == old.id and new.text.endswith("Die Strategie gilt ab Juli.")


def test_run_detects_same_release_on_two_portals(settings: Settings) -> None:
    with CorpusStore.open(settings) as corpus:
        report = ingest([str(FIXTURES / "portal_a"), str(FIXTURES / "portal_b")], corpus, settings)
        ids = {a.reader: a.id for a in corpus.articles()}
        assert corpus.canonical_of(ids["text"]) == ids["html"]
        assert corpus.duplicates_of(ids["html"]) == [ids["text"]]
    assert report.counts["html"]["new"] == 1 and report.counts["text"]["duplicate"] == 1


def test_run_bad_inputs_fail_one_by_one_and_rest_is_stored(settings: Settings, tmp_path: Path) -> None:
    folder = _copy(["notiz.txt", "truncated.html", "tabelle.csv", "artikel.jsonl"], tmp_path / "in")
    (folder / "bild.png").write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(100))
    (folder / "leer.txt").write_bytes(b"")
    (folder / "gross.txt").write_bytes(b"Titel\n" + b"Text " * 300_000)
    (folder / "kaputt.txt").write_bytes("Grün".encode("cp1252") + bytes(range(0x80, 0xa0)) * 8)
    limited = settings.with_overrides(max_file_mb=1.0)
    with CorpusStore.open(limited) as corpus:
        report = ingest([str(folder), str(tmp_path / "fehlt")], corpus, limited)
        stored = corpus.failures()
        titles = sorted(a.title for a in corpus.articles())
    messages = {(Path(f.source).name, f.line): f.message for f in report.failures}
    assert "PNG image" in messages[("bild.png", None)]
    assert "empty" in messages[("leer.txt", None)]
    assert "larger than 1.0 MiB" in messages[("gross.txt", None)]
    assert "cannot be decoded" in messages[("kaputt.txt", None)]
    assert "truncated" in messages[("truncated.html", None)]
    assert "unknown format" in messages[("tabelle.csv", None)]
    assert "no such file" in messages[("fehlt", None)]
    assert {line for (name, line) in messages if name == "artikel.jsonl"} == {4, 5, 6}
    assert len(stored) == len(report.failures) == 10 and all(f.hint for f in report.failures)
    assert "Lindenfeld beschließt Digitalstrategie" in titles and "Ohne Kennung" in titles


def test_run_fixed_input_forgets_its_old_failure(settings: Settings, tmp_path: Path) -> None:
    path = tmp_path / "spaeter.txt"
    path.write_bytes(b"")
    with CorpusStore.open(settings) as corpus:
        ingest([str(path)], corpus, settings)
        assert len(corpus.failures()) == 1
        path.write_text("Titel\nText", encoding="utf-8")
        ingest([str(path)], corpus, settings)
        assert corpus.failures() == []


WORDS = ["Gemeinde", "Landkreis", "Rathaus", "Bürgerportal", "Rechenzentrum", "Dienstleister", "Verwaltung", "Akte", "Cloud", "Förderung", "Glasfaser", "Schule", "Stadtrat", "Bürgermeisterin", "Software", "Anbieter", "Sicherheit", "Termin", "Antrag", "Register", "Portal", "Netz", "Daten", "Strategie", "Projekt", "Landrat", "Verband", "Zweckverband", "Kommune", "Ausschreibung"]


def _make_corpus(folder: Path, count: int) -> None:
    folder.mkdir()
    for i in range(count):
        rng = random.Random(i)
        body = " ".join(rng.choice(WORDS) for _ in range(60)) + "."
        if i % 50 == 7:
            body = "Diese Pressemitteilung erscheint auf mehreren Portalen gleichzeitig und wortgleich. " * 4
        (folder / f"{i:05d}.txt").write_text(f"Meldung {i}\n\n{body}", encoding="utf-8")
    (folder / "00100_kaputt.jsonl").write_text('{"text": "gut"}\n{kaputt\n', encoding="utf-8")


def _run(home: Path, folder: Path) -> subprocess.Popen[bytes]:
    env = {**os.environ, "SKG_HOME": str(home)}
    return subprocess.Popen([sys.executable, "-m", "graph", "ingest", str(folder)], env=env,
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)


def _stored(home: Path) -> int:
    try:
        with sqlite3.connect(home / "corpus.sqlite", timeout=5) as db:
            return int(db.execute("SELECT COUNT(*) FROM articles").fetchone()[0])
    except sqlite3.Error:
        return 0


@pytest.mark.slow
def test_run_killed_midway_then_rerun_equals_one_clean_run(tmp_path: Path) -> None:
    folder, killed_home, clean_home = tmp_path / "in", tmp_path / "killed", tmp_path / "clean"
    total = 600
    _make_corpus(folder, total)
    proc = _run(killed_home, folder)
    deadline = time.monotonic() + 120
    while _stored(killed_home) < 20 and proc.poll() is None and time.monotonic() < deadline:
        time.sleep(0.01)
    proc.send_signal(signal.SIGKILL)
    proc.wait(timeout=30)
    partial = _stored(killed_home)
    assert 0 < partial < total + 1, "the ingest was not killed midway"
    assert _run(killed_home, folder).wait(timeout=300) == 1  # the broken JSONL line fails
    assert _run(clean_home, folder).wait(timeout=300) == 1
    killed = CorpusStore.open(load_settings(env={"SKG_HOME": str(killed_home)}, use_file=False))
    clean = CorpusStore.open(load_settings(env={"SKG_HOME": str(clean_home)}, use_file=False))
    try:
        assert killed.dump() == clean.dump()
        assert killed.stats()["documents"] == total + 1 and killed.stats()["duplicates"] == total // 50 - 1
    finally:
        killed.close()
        clean.close()


def test_run_reread_page_drops_teasers_it_no_longer_holds(settings: Settings, tmp_path: Path) -> None:
    folder = _copy(["capture_seeburg.k21"], tmp_path / "in")
    page = folder / "capture_seeburg.k21"
    with CorpusStore.open(settings) as corpus:
        ingest([str(folder)], corpus, settings)
        assert len(list(corpus.articles(roles=["teaser"]))) == 2
        text = page.read_text(encoding="utf-8")
        start = text.index("Ostrau: Online-Antrag")
        page.write_text(text[:start] + text[text.index("Suchen..."):], encoding="utf-8")
        report = ingest([str(folder)], corpus, settings)
        teasers = list(corpus.articles(roles=["teaser"]))
    assert report.removed == 1 and [t.title for t in teasers] == ["Waldau: Chatbot beantwortet Fragen zur Hundesteuer"]


def test_run_removed_original_hands_its_copies_to_the_next(settings: Settings) -> None:
    from graph.model import Article

    text = "Eine Pressemitteilung, die wortgleich auf drei Portalen erscheint. " * 5
    docs = [Article(id=Article.make_id(k, "article", 0), source=k, title="T", text=text) for k in "abc"]
    with CorpusStore.open(settings) as corpus:
        for doc in docs:
            corpus.upsert(doc)
        corpus.remove(docs[0].id)
        assert corpus.canonical_of(docs[1].id) is None and corpus.canonical_of(docs[2].id) == docs[1].id
        assert corpus.article(docs[0].id) is None


def test_run_records_last_ingest_summary(settings: Settings) -> None:
    import json

    with CorpusStore.open(settings) as corpus:
        ingest([str(FIXTURES / "notiz.txt"), str(FIXTURES / "tabelle.csv")], corpus, settings)
        summary = json.loads(corpus.get_meta("last_ingest") or "{}")
    assert (summary["sources"], summary["new"], summary["failed"]) == (2, 1, 1)
    assert summary["counts"]["text"]["new"] == 1 and summary["finished"]
