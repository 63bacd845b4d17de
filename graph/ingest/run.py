"""Ingest inputs into the corpus store and report what happened per reader."""

from __future__ import annotations

import json
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any

from graph.ingest.failures import InputFailure
from graph.ingest.readers import read_source
from graph.ingest.sources import iter_sources, origin_of
from graph.store.corpus import CorpusStore

STATUSES = ("new", "unchanged", "updated", "duplicate", "failed")
Progress = Callable[[str], None]


@dataclass
class IngestReport:
    """Counts per reader and status, plus every failure in input order."""

    counts: dict[str, dict[str, int]] = field(default_factory=dict)
    failures: list[InputFailure] = field(default_factory=list)
    sources: int = 0
    removed: int = 0  # teasers/listings a re-read page no longer holds

    def add(self, reader: str, status: str) -> None:
        """Count one document (or failure) of ``reader``."""
        row = self.counts.setdefault(reader or "input", dict.fromkeys(STATUSES, 0))
        row[status] += 1

    def total(self, status: str) -> int:
        """The count of ``status`` over all readers."""
        return sum(row[status] for row in self.counts.values())

    def summary(self) -> dict[str, Any]:
        """A JSON-ready summary (stored as the corpus meta value ``last_ingest``)."""
        return {"sources": self.sources, "counts": self.counts, "removed": self.removed,
                "failures": len(self.failures), **{s: self.total(s) for s in STATUSES}}

    @property
    def failed(self) -> bool:
        """True when any input (or line) could not be read."""
        return bool(self.failures)


def _store(item: Any, corpus: CorpusStore, report: IngestReport, children: dict[str, set[str]],
           origin: str) -> None:
    if isinstance(item, InputFailure):
        corpus.record_failure(origin, item.line, item.message, item.reader, item.hint)
        report.failures.append(item)
        report.add(item.reader, "failed")
        return
    report.add(item.reader, corpus.upsert(item, origin))
    if item.role == "article":
        children.setdefault(item.id, set())
    elif item.parent_id:
        children.setdefault(item.parent_id, set()).add(item.id)


def _prune(corpus: CorpusStore, children: dict[str, set[str]], report: IngestReport) -> None:
    """Remove teasers and listings that a page read again no longer holds."""
    for parent_id, kept in children.items():
        for stale in set(corpus.children_of(parent_id)) - kept:
            corpus.remove(stale)
            report.removed += 1


def ingest(inputs: Sequence[str], corpus: CorpusStore, settings: Any,
           progress: Progress | None = None) -> IngestReport:
    """Read ``inputs`` and upsert every document; failures are stored and reported, never raised.

    Reports and printed failures name inputs as given; the store keeps absolute paths.

    ``progress`` is called with each source's location once it has been read.
    """
    report = IngestReport()
    for raw in iter_sources(inputs, settings):
        report.sources += 1
        location = raw.source if isinstance(raw, InputFailure) else raw.location
        origin = (None if isinstance(raw, InputFailure) else raw.origin) or origin_of(location)
        for stale in dict.fromkeys((origin, location)):  # also as stored by an older skg
            corpus.clear_failures(stale)
        items = [raw] if isinstance(raw, InputFailure) else read_source(raw)
        children: dict[str, set[str]] = {}
        for item in items:
            _store(item, corpus, report, children, origin)
        _prune(corpus, children, report)
        if progress is not None:
            progress(location)
    summary = {**report.summary(), "finished": datetime.now(UTC).isoformat(timespec="seconds")}
    corpus.set_meta("last_ingest", json.dumps(summary, ensure_ascii=False, sort_keys=True))
    return report
