"""Publisher and source kind in the corpus store, and stores written before they existed."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

from graph.ingest.publisher import annotate
from graph.model import Article
from graph.pipeline import _with_sources
from graph.settings import Settings
from graph.store.corpus import CorpusStore

OLD_SCHEMA = """
CREATE TABLE articles (id TEXT PRIMARY KEY, seq INTEGER NOT NULL, role TEXT NOT NULL, reader TEXT NOT NULL,
    source TEXT NOT NULL, content_hash TEXT NOT NULL, norm_text TEXT NOT NULL, norm_len INTEGER NOT NULL,
    duplicate_of TEXT, parent_id TEXT, data TEXT NOT NULL);
"""


def _old_store(path: Path, article: Article) -> None:
    """A corpus file as the first release wrote it: no publisher columns, no fields in the JSON."""
    data = article.to_dict()
    del data["publisher"], data["source_kind"]
    db = sqlite3.connect(path)
    db.executescript(OLD_SCHEMA)
    db.execute("INSERT INTO articles VALUES (?,?,?,?,?,?,?,?,?,?,?)",
               (article.id, 1, article.role, article.reader, article.source, article.content_hash,
                article.text.casefold(), len(article.text), None, None, json.dumps(data)))
    db.commit()
    db.close()


def test_corpus_old_store_is_migrated_and_backfilled_once(settings: Settings) -> None:
    old = Article(Article.make_id("pm.html", "article", 0), "pm.html", title="Pressemitteilung: Portal",
                  text="Die Stadt Seeburg startet ein Portal.", url="https://www.seeburg.example/presse/portal",
                  reader="html")
    settings.home_path.mkdir(parents=True)
    _old_store(settings.home_path / "corpus.sqlite", old)
    with CorpusStore.open(settings) as corpus:
        stored = corpus.article(old.id)
        assert stored is not None and (stored.publisher, stored.source_kind) == (None, None)
        assert stored.content_hash == old.content_hash
        [filled] = _with_sources(corpus)
        assert (filled.publisher, filled.source_kind) == ("seeburg.example", "press_release")
        assert corpus.publishers() == [("seeburg.example", "press_release", 1)]
    with CorpusStore.open(settings) as corpus:  # opening again changes nothing
        assert corpus.article(old.id) == filled
        assert corpus.upsert(annotate(old)) == "unchanged"  # a re-ingest reads the same values
        assert corpus.stats()["by_source_kind"] == {"press_release": 1}


def test_corpus_publisher_change_is_an_update(settings: Settings) -> None:
    doc = Article("a1", "f.txt", title="T", text="Text über Seeburg.", publisher="a.example",
                  source_kind="editorial")
    with CorpusStore.open(settings) as corpus:
        assert corpus.upsert(doc) == "new"
        assert corpus.upsert(doc) == "unchanged"
        moved = Article("a1", "f.txt", title="T", text="Text über Seeburg.", publisher="b.example",
                        source_kind="editorial")
        assert corpus.upsert(moved) == "updated"
        assert corpus.publishers() == [("b.example", "editorial", 1)]
