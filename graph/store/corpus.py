"""The corpus store: articles, failures, extraction cache and metadata in SQLite.

One file, ``SKG_HOME/corpus.sqlite``, in WAL mode so that the dashboard can
read while an ingest writes. Every :meth:`CorpusStore.upsert` is one
transaction: a killed ingest leaves every article either fully stored or
absent, and running the ingest again completes the store to exactly what one
clean run gives (ids are deterministic and inputs are read in a stable order).

Provenance: a document's ``source`` is the key its reader derived (the path
relative to the ingest folder, the file name, the URL), so where the files lie
never reaches the graph. The absolute path a document was last read from is
kept only here, in the ``location`` column (:meth:`CorpusStore.location_of`);
failures are stored under the absolute path too. Stores written before that
column existed get it when opened (``NULL`` for their documents, counted by
``stats()["documents_without_location"]``); reading the same inputs again
fills it and replaces the old path-based ``source`` (reported as ``updated``).

Duplicates: a new document whose content hash equals a stored one, or whose
normalised text is near-identical (rapidfuzz ratio >= 95), is stored and
linked to the first stored copy, e.g. the same press release published on two
portals. Candidates for the fuzzy comparison come from a bottom-k sketch of
word 5-gram hashes (texts sharing none of their 8 smallest shingle hashes are
never compared), so the check stays cheap as the corpus grows instead of
comparing every text with every other.
"""

from __future__ import annotations

import hashlib
import json
import sqlite3
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import Any, Literal

from rapidfuzz import fuzz

from graph.errors import StoreError
from graph.model import Article, DocumentExtraction, extraction_from_dict, extraction_to_dict

UpsertStatus = Literal["new", "unchanged", "updated", "duplicate"]
NEAR_DUPLICATE_RATIO = 95.0
NEAR_MIN_CHARS = 200  # shorter texts (teasers, notes) are only matched exactly
LENGTH_WINDOW = 0.05  # near-identical texts differ in length by at most ~5 %
CANDIDATE_CAP = 200
SHINGLE_WORDS = 5
SKETCH_SIZE = 8

_SCHEMA = """
CREATE TABLE IF NOT EXISTS articles (
    id TEXT PRIMARY KEY,
    seq INTEGER NOT NULL,
    role TEXT NOT NULL,
    reader TEXT NOT NULL,
    source TEXT NOT NULL,
    content_hash TEXT NOT NULL,
    norm_text TEXT NOT NULL,
    norm_len INTEGER NOT NULL,
    duplicate_of TEXT,
    parent_id TEXT,
    data TEXT NOT NULL,
    publisher TEXT,
    source_kind TEXT,
    location TEXT
);
CREATE INDEX IF NOT EXISTS articles_hash ON articles(content_hash);
CREATE INDEX IF NOT EXISTS articles_len ON articles(role, norm_len);
CREATE INDEX IF NOT EXISTS articles_dup ON articles(duplicate_of);
CREATE INDEX IF NOT EXISTS articles_seq ON articles(seq);
CREATE INDEX IF NOT EXISTS articles_parent ON articles(parent_id);
CREATE TABLE IF NOT EXISTS sketches (
    hash INTEGER NOT NULL,
    article_id TEXT NOT NULL,
    PRIMARY KEY (hash, article_id)
);
CREATE INDEX IF NOT EXISTS sketches_article ON sketches(article_id);
CREATE TABLE IF NOT EXISTS failures (
    source TEXT NOT NULL,
    line INTEGER NOT NULL,
    message TEXT NOT NULL,
    hint TEXT NOT NULL DEFAULT '',
    reader TEXT NOT NULL DEFAULT '',
    PRIMARY KEY (source, line, message)
);
CREATE TABLE IF NOT EXISTS extractions (
    article_id TEXT NOT NULL,
    content_hash TEXT NOT NULL,
    version TEXT NOT NULL,
    data TEXT NOT NULL,
    PRIMARY KEY (article_id, content_hash, version)
);
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
"""
# Columns added after the first release, with their type: added to older stores when opened.
_ADDED_COLUMNS = {"articles": {"publisher": "TEXT", "source_kind": "TEXT", "location": "TEXT"}}
# Added columns whose value an older row already holds in its JSON ``data``: filled from it.
_FILLED_FROM_DATA = frozenset({"publisher", "source_kind"})


def normalise(text: str) -> str:
    """Case-folded text with single spaces: the form near-duplicates are compared in."""
    return " ".join(text.casefold().split())


def sketch(norm: str) -> list[int]:
    """The smallest shingle hashes of a normalised text (near-identical texts share most of them)."""
    words = norm.split()
    grams = {" ".join(words[i:i + SHINGLE_WORDS]) for i in range(max(1, len(words) - SHINGLE_WORDS + 1))}
    hashes = {int.from_bytes(hashlib.blake2b(g.encode(), digest_size=8).digest(), "big") >> 1 for g in grams}
    return sorted(hashes)[:SKETCH_SIZE]


def _norm_of(article: Article) -> str:
    if article.role == "vendor_listing":
        return normalise("\n".join(f"{v.name} {v.postal_code} {v.city}" for v in article.vendors))
    return normalise(article.text)


class CorpusStore:
    """Articles and everything derived per article, in one SQLite file."""

    def __init__(self, path: Path) -> None:
        self.path = path
        try:
            self._db = sqlite3.connect(path, timeout=30.0, isolation_level=None)
            self._db.execute("PRAGMA journal_mode=WAL")
            self._db.execute("PRAGMA synchronous=NORMAL")
            self._db.executescript(_SCHEMA)
            self._add_columns()
            self._add_publisher_index()
        except sqlite3.Error as exc:
            raise StoreError(f"cannot open the corpus store ({exc})", path=str(path),
                             hint="check that SKG_HOME is writable and not on a network share") from None

    def _missing_columns(self) -> list[tuple[str, str, str]]:
        missing = []
        for table, columns in _ADDED_COLUMNS.items():
            have = {row[1] for row in self._db.execute(f"PRAGMA table_info({table})")}
            missing += [(table, name, kind) for name, kind in columns.items() if name not in have]
        return missing

    def _add_publisher_index(self) -> None:
        """The publisher index, created once (looked up first: an open must not wait for a writer)."""
        indexes = {row[1] for row in self._db.execute("PRAGMA index_list(articles)")}
        if "articles_publisher" not in indexes:
            self._db.execute("CREATE INDEX IF NOT EXISTS articles_publisher ON articles(publisher)")

    def _add_columns(self) -> None:
        """Give a store from an older skg the columns added since.

        Checked without a lock first, so opening an up-to-date store never waits for a
        running ingest; added in one write transaction (another process may race us to it).
        """
        if not self._missing_columns():
            return
        self._db.execute("BEGIN IMMEDIATE")
        try:
            for table, name, kind in self._missing_columns():
                self._db.execute(f"ALTER TABLE {table} ADD COLUMN {name} {kind}")
                if name in _FILLED_FROM_DATA:
                    self._db.execute(f"UPDATE {table} SET {name} = json_extract(data, '$.{name}')")
            self._db.execute("COMMIT")
        except sqlite3.Error:
            self._db.execute("ROLLBACK")
            raise

    @classmethod
    def open(cls, settings: Any) -> CorpusStore:
        """Open (and create) ``SKG_HOME/corpus.sqlite``."""
        home = Path(settings.home_path)
        try:
            home.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise StoreError(f"cannot create the store folder ({exc.strerror})", path=str(home),
                             hint="set SKG_HOME to a writable folder") from None
        return cls(home / "corpus.sqlite")

    def close(self) -> None:
        """Close the connection (the WAL is checkpointed by SQLite)."""
        self._db.close()

    def __enter__(self) -> CorpusStore:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # -- articles -----------------------------------------------------------------------------

    def _canonical_for(self, article: Article, norm: str) -> str | None:
        """The first stored copy this article duplicates, if any."""
        row = self._db.execute(
            "SELECT id, duplicate_of FROM articles WHERE content_hash = ? AND id != ? ORDER BY seq LIMIT 1",
            (article.content_hash, article.id)).fetchone()
        if row:
            return str(row[1] or row[0])
        if article.role == "vendor_listing" or len(norm) < NEAR_MIN_CHARS:
            return None
        return self._near_duplicate(article, norm)

    def _near_duplicate(self, article: Article, norm: str) -> str | None:
        low, high = int(len(norm) * (1 - LENGTH_WINDOW)), int(len(norm) * (1 + LENGTH_WINDOW)) + 1
        hashes = sketch(norm)
        marks = ",".join("?" * len(hashes))
        rows = self._db.execute(
            "SELECT a.id, a.duplicate_of, a.norm_text FROM articles a WHERE a.id IN "
            f"(SELECT article_id FROM sketches WHERE hash IN ({marks})) AND a.role = ? AND a.id != ? "
            "AND a.norm_len BETWEEN ? AND ? ORDER BY a.seq LIMIT ?",
            (*hashes, article.role, article.id, low, high, CANDIDATE_CAP),
        ).fetchall()
        for row_id, duplicate_of, text in rows:
            if fuzz.ratio(norm, text, score_cutoff=NEAR_DUPLICATE_RATIO):
                return str(duplicate_of or row_id)
        return None

    def _write_sketch(self, article_id: str, norm: str) -> None:
        self._db.execute("DELETE FROM sketches WHERE article_id = ?", (article_id,))
        if len(norm) >= NEAR_MIN_CHARS:
            self._db.executemany("INSERT OR IGNORE INTO sketches VALUES (?, ?)",
                                 [(h, article_id) for h in sketch(norm)])

    @contextmanager
    def _transaction(self, what: str) -> Iterator[None]:
        """One write transaction: all of it is stored, or (on error or kill) none of it."""
        try:
            self._db.execute("BEGIN IMMEDIATE")
            yield
            self._db.execute("COMMIT")
        except sqlite3.Error as exc:
            if self._db.in_transaction:
                self._db.execute("ROLLBACK")
            raise StoreError(f"cannot {what} ({exc})", path=str(self.path),
                             hint="check free disk space; re-run the ingest to complete the store") from None

    def _rehome_copies(self, article_id: str) -> None:
        """The copies of an original that goes away (or changes) get the first copy as their original."""
        copies = [r[0] for r in self._db.execute(
            "SELECT id FROM articles WHERE duplicate_of = ? ORDER BY seq", (article_id,))]
        if copies:
            self._db.execute("UPDATE articles SET duplicate_of = NULL WHERE id = ?", (copies[0],))
            self._db.execute("UPDATE articles SET duplicate_of = ? WHERE duplicate_of = ?",
                             (copies[0], article_id))

    def upsert(self, article: Article, location: str | None = None) -> UpsertStatus:
        """Store ``article``; say whether it was new, unchanged, updated or a duplicate.

        ``location`` is where it was read from (absolute path or URL): provenance for people,
        kept apart from the document so that a moved folder changes nothing else.
        """
        norm = _norm_of(article)
        data = json.dumps(article.to_dict(), ensure_ascii=False, sort_keys=True)
        with self._transaction(f"store article {article.id}"):
            status = self._upsert(article, norm, data, location)
        return status

    def _upsert(self, article: Article, norm: str, data: str, location: str | None) -> UpsertStatus:
        old = self._db.execute("SELECT content_hash, data, location FROM articles WHERE id = ?",
                               (article.id,)).fetchone()
        if old and location is not None and old[2] != location:
            self._db.execute("UPDATE articles SET location=? WHERE id=?", (location, article.id))
        if old and old[0] == article.content_hash:
            if old[1] == data:
                return "unchanged"
            self._db.execute("UPDATE articles SET data=?, source=?, reader=?, parent_id=?, publisher=?, "
                             "source_kind=? WHERE id=?", (data, article.source, article.reader,
                                                          article.parent_id, article.publisher,
                                                          article.source_kind, article.id))
            return "updated"  # same text, changed metadata (date, tags, ...)
        if old:
            self._rehome_copies(article.id)  # its copies keep the old text, not the new one
        canonical = self._canonical_for(article, norm)
        values = (article.role, article.reader, article.source, article.content_hash, norm, len(norm),
                  canonical, article.parent_id, data, article.publisher, article.source_kind)
        self._write_sketch(article.id, norm)
        if old:
            self._db.execute("UPDATE articles SET role=?, reader=?, source=?, content_hash=?, norm_text=?, "
                             "norm_len=?, duplicate_of=?, parent_id=?, data=?, publisher=?, source_kind=? "
                             "WHERE id=?",
                             (*values, article.id))
            return "updated"
        seq = self._db.execute("SELECT COALESCE(MAX(seq), 0) + 1 FROM articles").fetchone()[0]
        self._db.execute("INSERT INTO articles (id, seq, role, reader, source, content_hash, norm_text, "
                         "norm_len, duplicate_of, parent_id, data, publisher, source_kind, location) "
                         "VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
                         (article.id, seq, *values, location))
        return "duplicate" if canonical else "new"

    def children_of(self, parent_id: str) -> list[str]:
        """Ids of the teasers and vendor listing stored with a page article."""
        return [r[0] for r in self._db.execute(
            "SELECT id FROM articles WHERE parent_id = ? ORDER BY id", (parent_id,))]

    def remove(self, article_id: str) -> None:
        """Delete a document that its source no longer holds; its copies get a new original."""
        with self._transaction(f"remove article {article_id}"):
            self._rehome_copies(article_id)
            self._db.execute("DELETE FROM sketches WHERE article_id = ?", (article_id,))
            self._db.execute("DELETE FROM articles WHERE id = ?", (article_id,))

    def publishers(self) -> list[tuple[str | None, str | None, int]]:
        """(publisher, source kind, documents) for every stored combination, most documents first."""
        rows = self._db.execute("SELECT publisher, source_kind, COUNT(*) FROM articles GROUP BY 1, 2 "
                                "ORDER BY 3 DESC, 1, 2")
        return [(p, k, int(n)) for p, k, n in rows]

    def articles(self, roles: Sequence[str] | None = None) -> Iterator[Article]:
        """Stored articles ordered by id, optionally only some roles."""
        if roles:
            marks = ",".join("?" * len(roles))
            cursor = self._db.execute(f"SELECT data FROM articles WHERE role IN ({marks}) ORDER BY id",
                                      tuple(roles))
        else:
            cursor = self._db.execute("SELECT data FROM articles ORDER BY id")
        for (data,) in cursor:
            yield Article.from_dict(json.loads(data))

    def article(self, article_id: str) -> Article | None:
        """One stored article, or ``None``."""
        row = self._db.execute("SELECT data FROM articles WHERE id = ?", (article_id,)).fetchone()
        return Article.from_dict(json.loads(row[0])) if row else None

    def location_of(self, article_id: str) -> str | None:
        """The absolute path (or URL) the document was last read from; ``None`` when unknown."""
        row = self._db.execute("SELECT location FROM articles WHERE id = ?", (article_id,)).fetchone()
        return str(row[0]) if row and row[0] else None

    def without_location(self) -> int:
        """Documents stored by an skg older than the ``location`` column (their ``source`` may be a path)."""
        return self._count("SELECT COUNT(*) FROM articles WHERE location IS NULL")

    def canonical_of(self, article_id: str) -> str | None:
        """The id of the first copy ``article_id`` duplicates, or ``None`` when it is an original."""
        row = self._db.execute("SELECT duplicate_of FROM articles WHERE id = ?", (article_id,)).fetchone()
        return str(row[0]) if row and row[0] else None

    def duplicates_of(self, article_id: str) -> list[str]:
        """The other members of ``article_id``'s duplicate group: the original first, then copies by id."""
        root = self.canonical_of(article_id) or article_id
        copies = [r[0] for r in self._db.execute(
            "SELECT id FROM articles WHERE duplicate_of = ? ORDER BY id", (root,))]
        group = [root, *copies] if copies or root != article_id else []
        return [i for i in group if i != article_id]

    # -- failures -----------------------------------------------------------------------------

    def record_failure(self, source: str, line: int | None, message: str, reader: str = "",
                       hint: str = "") -> None:
        """Remember a failed input (idempotent: the same failure is stored once)."""
        self._db.execute("INSERT OR REPLACE INTO failures (source, line, message, hint, reader) "
                         "VALUES (?,?,?,?,?)", (source, line or 0, message, hint, reader))

    def clear_failures(self, source: str) -> None:
        """Forget the failures of ``source`` (called before it is read again)."""
        self._db.execute("DELETE FROM failures WHERE source = ?", (source,))

    def failures(self) -> list[dict[str, Any]]:
        """Stored failures (``line`` is ``None`` when the whole input failed)."""
        rows = self._db.execute("SELECT source, line, message, hint, reader FROM failures "
                                "ORDER BY source, line, message")
        return [{"source": s, "line": ln or None, "message": m, "hint": h, "reader": r}
                for s, ln, m, h, r in rows]

    # -- extraction cache ---------------------------------------------------------------------

    def save_extraction(self, article_id: str, content_hash: str, version: str,
                        extraction: DocumentExtraction) -> None:
        """Cache ``extraction`` for this article text and extractor version."""
        data = json.dumps(extraction_to_dict(extraction), ensure_ascii=False, sort_keys=True)
        self._db.execute("INSERT OR REPLACE INTO extractions VALUES (?,?,?,?)",
                         (article_id, content_hash, version, data))

    def load_extraction(self, article_id: str, content_hash: str, version: str) -> DocumentExtraction | None:
        """The cached extraction, or ``None`` when the text or the extractor changed."""
        row = self._db.execute("SELECT data FROM extractions WHERE article_id=? AND content_hash=? "
                               "AND version=?", (article_id, content_hash, version)).fetchone()
        return extraction_from_dict(json.loads(row[0])) if row else None

    # -- metadata and summary -----------------------------------------------------------------

    def set_meta(self, key: str, value: str) -> None:
        """Store a small string value (e.g. the last build's snapshot id)."""
        self._db.execute("INSERT OR REPLACE INTO meta VALUES (?, ?)", (key, value))

    def get_meta(self, key: str) -> str | None:
        """A stored value, or ``None``."""
        row = self._db.execute("SELECT value FROM meta WHERE key = ?", (key,)).fetchone()
        return str(row[0]) if row else None

    def _count(self, sql: str) -> int:
        return int(self._db.execute(sql).fetchone()[0])

    def stats(self) -> dict[str, Any]:
        """Counts and date range of the stored corpus."""
        by_role = dict(self._db.execute("SELECT role, COUNT(*) FROM articles GROUP BY role ORDER BY 1"))
        by_reader = dict(self._db.execute("SELECT reader, COUNT(*) FROM articles GROUP BY reader ORDER BY 1"))
        first, last = self._db.execute(
            "SELECT MIN(json_extract(data, '$.published')), MAX(json_extract(data, '$.published')) "
            "FROM articles").fetchone()
        return {
            "path": str(self.path),
            "documents": self._count("SELECT COUNT(*) FROM articles"),
            "by_role": by_role,
            "by_reader": by_reader,
            "duplicates": self._count("SELECT COUNT(*) FROM articles WHERE duplicate_of IS NOT NULL"),
            "sources": self._count("SELECT COUNT(DISTINCT source) FROM articles"),
            "publishers": self._count("SELECT COUNT(DISTINCT publisher) FROM articles"),
            "by_source_kind": dict(self._db.execute(
                "SELECT COALESCE(source_kind, 'unknown'), COUNT(*) FROM articles GROUP BY 1 ORDER BY 1")),
            "failures": self._count("SELECT COUNT(*) FROM failures"),
            "extractions": self._count("SELECT COUNT(*) FROM extractions"),
            "documents_without_location": self.without_location(),
            "first_published": first,
            "last_published": last,
        }

    def dump(self) -> list[tuple[Any, ...]]:
        """Every article row and failure (for comparing two stores in tests and audits)."""
        rows = list(self._db.execute("SELECT id, seq, role, reader, source, content_hash, duplicate_of, "
                                     "parent_id, data FROM articles ORDER BY id"))
        return rows + list(self._db.execute("SELECT * FROM failures ORDER BY source, line, message"))
