"""Run the extraction pipeline on gold texts and turn its mentions into scored spans."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any, Protocol

from graph.errors import ExtractionError
from graph.extract.evaluation.readers import GoldDocument
from graph.extract.evaluation.scorer import Span
from graph.model import Article, DocumentExtraction, EntityType, Mention, stable_id

# Our four types on the three coarse gold labels: municipalities are places.
COARSE_LABEL: dict[EntityType, str] = {
    EntityType.PERSON: "PER",
    EntityType.ORGANIZATION: "ORG",
    EntityType.MUNICIPALITY: "LOC",
    EntityType.LOCATION: "LOC",
}


class Extractor(Protocol):
    """What evaluation needs of :class:`graph.extract.pipeline.ExtractionPipeline`."""

    @property
    def version(self) -> str: ...

    def extract(self, article: Article) -> DocumentExtraction: ...


def load_extractor(settings: Any, extractors: str | None = None) -> Extractor:
    """The configured pipeline, optionally with another recogniser list (``"rules,spacy"``)."""
    if extractors:
        settings = settings.with_overrides(extractors=extractors)
    try:
        from graph.extract.pipeline import ExtractionPipeline
    except ImportError as exc:  # pragma: no cover - only while the extract stage is incomplete
        raise ExtractionError(f"the extraction pipeline cannot be imported: {exc}",
                              hint="reinstall stakeholder-graph") from None
    pipeline: Extractor = ExtractionPipeline.from_settings(settings)
    return pipeline


def gold_article(doc: GoldDocument) -> Article:
    """A document to extract from, holding exactly the gold text (offsets stay aligned)."""
    return Article(id=stable_id("a", "gold", doc.id), source=f"gold:{doc.id}", text=doc.text, reader="gold")


def mention_spans(mentions: Iterable[Mention]) -> list[Span]:
    """Coarse-labelled spans of mentions (duplicates removed, sorted).

    >>> m = Mention("a", 0, 6, "Tengen", EntityType.MUNICIPALITY, "Tengen", "e_1")
    >>> mention_spans([m, m])
    [Span(start=0, end=6, label='LOC')]
    """
    return sorted({Span(m.start, m.end, COARSE_LABEL[m.type]) for m in mentions})


def predict(doc: GoldDocument, extractor: Extractor) -> list[Span]:
    """The spans the pipeline finds in one gold document."""
    return mention_spans(extractor.extract(gold_article(doc)).mentions)
