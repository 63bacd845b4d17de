"""The whole pipeline: corpus store → extraction (cached) → resolution → build → graph store.

Stages are imported inside the functions so this module imports (and its
report type can be used) even in an installation where a stage is missing.
Extraction results are cached in the corpus store keyed by article id,
content hash and pipeline version, so a rebuild after new judgements or new
articles only extracts what changed.
"""

from __future__ import annotations

import json
import logging
import time
from collections.abc import Callable, Sequence
from dataclasses import asdict, dataclass, field
from typing import Any

from graph.model import Article, DocumentExtraction

Progress = Callable[[str, int, int], None]
log = logging.getLogger(__name__)


@dataclass
class BuildReport:
    """What a rebuild did, with seconds per stage."""

    articles: int = 0
    extracted: int = 0
    cached: int = 0
    entities: int = 0
    nodes: int = 0
    edges: int = 0
    comentions_kept: int = 0
    comentions_total: int = 0
    snapshot_id: str = ""
    backend: str = ""
    seconds: dict[str, float] = field(default_factory=dict)
    backbone: dict[str, Any] = field(default_factory=dict)
    review_candidates: int = 0
    warnings: list[str] = field(default_factory=list)
    evidence_levels: dict[str, int] = field(default_factory=dict)

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready form (stored as corpus meta ``last_build``)."""
        return asdict(self)


def _extract_all(
    articles: Sequence[Article], corpus: Any, settings: Any, report: BuildReport, progress: Progress | None
) -> tuple[list[DocumentExtraction], str]:
    from graph.extract.pipeline import ExtractionPipeline, frozen_heap

    pipeline = ExtractionPipeline.from_settings(settings)
    version = str(pipeline.version)
    out = []
    with frozen_heap():  # the collector skips the loaded word lists during the batch
        for i, article in enumerate(articles):
            doc = corpus.load_extraction(article.id, article.content_hash, version)
            if doc is None:
                doc = pipeline.extract(article)
                corpus.save_extraction(article.id, article.content_hash, version, doc)
                report.extracted += 1
            else:
                report.cached += 1
            out.append(doc)
            if progress is not None:
                progress("extract", i + 1, len(articles))
    return out, version


def _with_sources(corpus: Any) -> list[Article]:
    """The corpus's articles; ones stored before publishers existed get them now, and keep them.

    (A corpus store written by an older version has no ``publisher``/``source_kind``: the ingest
    stage's rules fill them from the stored URL and text, once.)
    """
    from graph.ingest.publisher import annotate

    out = []
    for article in corpus.articles():
        if article.source_kind is None:
            article = annotate(article)
            corpus.upsert(article)
        out.append(article)
    return out


def rebuild(settings: Any, progress: Progress | None = None) -> BuildReport:
    """Rebuild the graph from the corpus store and the judgement log, and store it."""
    from graph.build.builder import build_graph
    from graph.resolve.judgements import JudgementLog
    from graph.resolve.resolver import resolve
    from graph.store import open_store
    from graph.store.corpus import CorpusStore

    report = BuildReport(backend=str(settings.backend))
    clock = time.perf_counter()
    corpus = CorpusStore.open(settings)
    try:
        articles = _with_sources(corpus)
        report.articles = len(articles)
        extractions, version = _extract_all(articles, corpus, settings, report, progress)
        report.seconds["extract"] = _lap(clock)
        clock = time.perf_counter()
        judgements = JudgementLog(settings.home_path / "judgements.jsonl").all()
        resolution = resolve(extractions, judgements, settings)
        report.seconds["resolve"] = _lap(clock)
        clock = time.perf_counter()
        data = build_graph(articles, resolution, settings, extractor_version=version)
        report.seconds["build"] = _lap(clock)
        clock = time.perf_counter()
        with open_store(settings) as store:
            store.write(data)
        report.seconds["store"] = _lap(clock)
        _fill(report, data, len(resolution.entities))
        _record_resolution(report, resolution, corpus)
        _warn_legacy_sources(report, corpus)
        corpus.set_meta("last_build", json.dumps(report.to_dict(), ensure_ascii=False, sort_keys=True))
    finally:
        close = getattr(corpus, "close", None)
        if close is not None:
            close()
    return report


REVIEW_CANDIDATES = "review_candidates"


def candidate_rows(resolution: Any) -> list[dict[str, Any]]:
    """The resolver's merge candidates as JSON-ready rows with both names, best score first.

    The names are looked up now because the Review page must show them even
    for entities a later filter hides.
    """
    entities = resolution.entities
    rows = []
    for c in resolution.candidates:
        left, right = entities.get(c.left), entities.get(c.right)
        rows.append({
            "left": c.left, "right": c.right, "score": round(float(c.score), 4),
            "reasons": list(c.reasons),
            "left_name": left.name if left else c.left, "right_name": right.name if right else c.right,
            "type": str(left.type) if left else "",
        })
    return sorted(rows, key=lambda r: (-r["score"], r["left"], r["right"]))


def _record_resolution(report: BuildReport, resolution: Any, corpus: Any) -> None:
    """Persist the merge candidates for the Review page and surface the resolver's warnings."""
    rows = candidate_rows(resolution)
    corpus.set_meta(REVIEW_CANDIDATES, json.dumps(rows, ensure_ascii=False))
    report.review_candidates = len(rows)
    report.warnings = list(resolution.warnings)
    for warning in report.warnings:
        log.warning("resolve: %s", warning)


def _warn_legacy_sources(report: BuildReport, corpus: Any) -> None:
    """Documents stored before sources became folder-independent make the snapshot id depend on paths."""
    count = int(getattr(corpus, "without_location", lambda: 0)())
    if count:
        warning = (f"{count} documents were stored by an older skg, with the path they were read from as "
                   "their source; run `skg ingest` on their folders again so that the graph and the "
                   "snapshot id no longer depend on where the files lie")
        report.warnings.append(warning)
        log.warning("corpus: %s", warning)


def review_candidates(corpus: Any) -> list[dict[str, Any]]:
    """The merge candidates the last rebuild stored (empty before the first rebuild)."""
    raw = corpus.get_meta(REVIEW_CANDIDATES)
    value = json.loads(raw) if raw else []
    return value if isinstance(value, list) else []


def _lap(start: float) -> float:
    return round(time.perf_counter() - start, 3)


def _fill(report: BuildReport, data: Any, entities: int) -> None:
    report.entities = entities
    report.nodes = len(data.nodes)
    report.edges = len(data.edges)
    report.snapshot_id = data.snapshot_id
    report.comentions_kept = int(data.meta.get("comentions_kept", 0))
    report.comentions_total = int(data.meta.get("comentions_total", 0))
    report.backbone = dict(data.meta.get("backbone", {}))
    report.evidence_levels = dict(data.meta.get("evidence_levels", {}))


def ingest_and_build(
    inputs: Sequence[str], settings: Any, progress: Progress | None = None
) -> tuple[Any, BuildReport]:
    """Ingest files/URLs into the corpus store, then rebuild; returns (ingest report, build report)."""
    from graph.ingest import ingest
    from graph.store.corpus import CorpusStore

    corpus = CorpusStore.open(settings)
    try:
        ingested = ingest(inputs, corpus, settings)
    finally:
        close = getattr(corpus, "close", None)
        if close is not None:
            close()
    return ingested, rebuild(settings, progress)
