"""The SQLite corpus store: upsert statuses, duplicates, failures, extraction cache, metadata."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator

import pytest

from graph.model import (
    Article,
    DocumentExtraction,
    EntityType,
    Evidence,
    Mention,
    Relation,
    RelationType,
    VendorEntry,
)
from graph.settings import Settings
from graph.store.corpus import CorpusStore

RELEASE = ("Der kommunale IT-Dienstleister KommunalNet Nord übernimmt ab dem 1. April den gesamten IT-Betrieb "
           "der Stadt Seeburg. Bürgermeister Klaus Riedel erwartet von dem Schritt mehr Sicherheit und "
           "geringere Kosten. Die Server werden in das Rechenzentrum des Dienstleisters in Kiel verlagert.")


def art(key: str, text: str = RELEASE, title: str = "Meldung", role: str = "article", **extra: object) -> Article:
    return Article(id=Article.make_id(key, role, 0), source=key, role=role, title=title, text=text,  # type: ignore[arg-type]
                   reader="test", **extra)  # type: ignore[arg-type]


@pytest.fixture
def corpus(settings: Settings) -> Iterator[CorpusStore]:
    store = CorpusStore.open(settings)
    yield store
    store.close()


def test_corpus_open_creates_home_and_uses_wal(settings: Settings) -> None:
    assert not settings.home_path.exists()
    with CorpusStore.open(settings) as store:
        assert store.path == settings.home_path / "corpus.sqlite"
    mode = sqlite3.connect(settings.home_path / "corpus.sqlite").execute("PRAGMA journal_mode").fetchone()[0]
    assert mode == "wal"


def test_corpus_upsert_new_unchanged_updated(corpus: CorpusStore) -> None:
    first = art("a.txt")
    assert corpus.upsert(first) == "new"
    assert corpus.upsert(first) == "unchanged"
    changed = art("a.txt", text=RELEASE + " Nachtrag.")
    assert corpus.upsert(changed) == "updated"
    stored = corpus.article(first.id)
    assert stored is not None and stored.text.endswith("Nachtrag.") and stored == changed
    assert corpus.stats()["documents"] == 1


def test_corpus_metadata_change_is_an_update(corpus: CorpusStore) -> None:
    corpus.upsert(art("a.txt"))
    assert corpus.upsert(art("a.txt", published="2024-01-02")) == "updated"
    stored = corpus.article(art("a.txt").id)
    assert stored is not None and stored.published == "2024-01-02"


def test_corpus_exact_duplicate_is_stored_and_linked(corpus: CorpusStore) -> None:
    original, copy, third = art("portal_a.html"), art("portal_b.txt"), art("portal_c.txt")
    assert corpus.upsert(original) == "new"
    assert corpus.upsert(copy) == "duplicate"
    assert corpus.upsert(third) == "duplicate"
    assert corpus.article(copy.id) == copy
    assert corpus.canonical_of(copy.id) == original.id and corpus.canonical_of(original.id) is None
    assert corpus.duplicates_of(original.id) == sorted([copy.id, third.id])
    assert corpus.duplicates_of(copy.id) == [original.id, third.id]
    assert corpus.stats()["duplicates"] == 2


def test_corpus_near_identical_text_is_a_duplicate(corpus: CorpusStore) -> None:
    corpus.upsert(art("a.html"))
    edited = RELEASE.replace("geringere", "niedrigere").replace("  ", " ")
    assert corpus.upsert(art("b.txt", text=edited, title="Andere Überschrift")) == "duplicate"
    different = "Ganz anderer Text über die Gemeinde Ostrau und ihre neue E-Akte. " * 4
    assert corpus.upsert(art("c.txt", text=different)) == "new"


def test_corpus_short_similar_texts_are_not_near_duplicates(corpus: CorpusStore) -> None:
    corpus.upsert(art("a", text="Vitako wählt neuen Vorstand."))
    assert corpus.upsert(art("b", text="Vitako wählt neuen Vorstand!")) == "new"


def test_corpus_vendor_listings_compare_their_rows(corpus: CorpusStore) -> None:
    rows = (VendorEntry("Musterdata GmbH", "24103", "Kiel"),)
    assert corpus.upsert(art("p1", text="", role="vendor_listing", vendors=rows)) == "new"
    assert corpus.upsert(art("p2", text="", role="vendor_listing", vendors=rows)) == "duplicate"
    other = (VendorEntry("Termin-Werk AG", "04109", "Leipzig"),)
    assert corpus.upsert(art("p3", text="", role="vendor_listing", vendors=other)) == "new"


def test_corpus_articles_ordered_by_id_and_filtered_by_role(corpus: CorpusStore) -> None:
    docs = [art("x", text="eins"), art("y", text="zwei", role="teaser"), art("z", text="drei")]
    for doc in docs:
        corpus.upsert(doc)
    assert [a.id for a in corpus.articles()] == sorted(d.id for d in docs)
    assert [a.role for a in corpus.articles(roles=["teaser"])] == ["teaser"]
    assert corpus.article("a_missing") is None


def test_corpus_failures_are_idempotent_and_clearable(corpus: CorpusStore) -> None:
    corpus.record_failure("x.jsonl", 3, "not valid JSON", "jsonl", "fix the line")
    corpus.record_failure("x.jsonl", 3, "not valid JSON", "jsonl", "fix the line")
    corpus.record_failure("bild.png", None, "binary", "", "convert it")
    assert corpus.failures() == [
        {"source": "bild.png", "line": None, "message": "binary", "hint": "convert it", "reader": ""},
        {"source": "x.jsonl", "line": 3, "message": "not valid JSON", "hint": "fix the line", "reader": "jsonl"},
    ]
    corpus.clear_failures("x.jsonl")
    assert [f["source"] for f in corpus.failures()] == ["bild.png"]


def test_corpus_extraction_cache_round_trip(corpus: CorpusStore) -> None:
    doc = art("a")
    mention = Mention(doc.id, 4, 20, "KommunalNet Nord", EntityType.ORGANIZATION, "KommunalNet Nord", "e_1")
    relation = Relation(RelationType.AFFILIATED_WITH, "e_2", "e_1", "Klaus Riedel", "KommunalNet Nord",
                        Evidence(doc.id, "Satz.", 0, 5, "2024-01-22", "rules@1"))
    extraction = DocumentExtraction(doc.id, (mention,), (relation,), ((0, 10),))
    corpus.save_extraction(doc.id, doc.content_hash, "rules@1", extraction)
    assert corpus.load_extraction(doc.id, doc.content_hash, "rules@1") == extraction
    assert corpus.load_extraction(doc.id, doc.content_hash, "rules@2") is None
    assert corpus.load_extraction(doc.id, "other-hash", "rules@1") is None
    assert corpus.stats()["extractions"] == 1


def test_corpus_meta_and_stats(corpus: CorpusStore) -> None:
    assert corpus.get_meta("snapshot") is None
    corpus.set_meta("snapshot", "s_1")
    corpus.set_meta("snapshot", "s_2")
    assert corpus.get_meta("snapshot") == "s_2"
    corpus.upsert(art("a", published="2021-06-22"))
    corpus.upsert(art("b", text="Anderer Text", role="teaser", published="2024-05-06"))
    stats = corpus.stats()
    assert stats["by_role"] == {"article": 1, "teaser": 1} and stats["by_reader"] == {"test": 2}
    assert (stats["first_published"], stats["last_published"]) == ("2021-06-22", "2024-05-06")


def test_corpus_survives_reopen(settings: Settings) -> None:
    with CorpusStore.open(settings) as store:
        store.upsert(art("a"))
    with CorpusStore.open(settings) as store:
        assert store.upsert(art("a")) == "unchanged" and len(list(store.articles())) == 1


def test_corpus_changed_original_hands_its_copies_on(corpus: CorpusStore) -> None:
    first, second, third = art("a"), art("b"), art("c")
    for doc in (first, second, third):
        corpus.upsert(doc)
    assert corpus.upsert(art("a", text="Völlig neuer Text der ersten Quelle. " * 8)) == "updated"
    assert corpus.canonical_of(first.id) is None and corpus.canonical_of(second.id) is None
    assert corpus.canonical_of(third.id) == second.id


def test_corpus_store_error_names_file_and_next_step(settings: Settings) -> None:
    from graph.errors import StoreError

    with CorpusStore.open(settings) as store:
        store.upsert(art("a"))
        store._db.execute("DROP TABLE sketches")  # simulate a damaged store
        with pytest.raises(StoreError) as raised:
            store.upsert(art("b", text="Anderer langer Text über die Gemeinde Ostrau. " * 6))
    assert "corpus.sqlite" in str(raised.value) and "re-run the ingest" in str(raised.value)
