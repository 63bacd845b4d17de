"""The entities of the current corpus, for commands that let curators name them.

Judgements name entity ids; curators prefer names. This module resolves the
extractions cached in the corpus store (no re-extraction) under the current
judgements, so ``skg judge merge "Stadt Tengen" Tengen`` can find both. When
no corpus or cache exists yet it returns ``None`` and commands accept ids only.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from graph.model import DocumentExtraction
from graph.resolve.judgements import JudgementLog, log_path
from graph.resolve.resolver import Resolution, resolve


def cached_extractions(settings: Any) -> list[DocumentExtraction] | None:
    """Extractions cached for the current extractor version, or ``None`` when unavailable."""
    if not (Path(settings.home_path) / "corpus.sqlite").exists():
        return None
    try:
        from graph.extract.pipeline import ExtractionPipeline
        from graph.store.corpus import CorpusStore
    except ImportError:  # a stage not installed yet: names cannot be looked up
        return None
    version = ExtractionPipeline.from_settings(settings).version
    found = []
    with CorpusStore.open(settings) as store:
        for article in store.articles():
            cached = store.load_extraction(article.id, article.content_hash, version)
            if cached is not None:
                found.append(cached)
    return found


def current_resolution(
    settings: Any, extractions: list[DocumentExtraction] | None = None
) -> Resolution | None:
    """Resolve ``extractions`` (default: the cached ones) under the judgement log."""
    docs = cached_extractions(settings) if extractions is None else extractions
    if not docs:
        return None
    return resolve(docs, JudgementLog(log_path(settings)).all(), settings)
