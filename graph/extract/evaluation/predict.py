"""Run the extraction pipeline on gold texts and turn its mentions into scored spans."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any, Protocol

from graph.errors import ExtractionError
from graph.extract.evaluation.attributes import Predicted
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


def mention_spans(mentions: Iterable[Mention], fine: bool = False) -> list[Span]:
    """Coarse-labelled (or, with ``fine``, our own four types) spans of mentions, deduplicated and sorted.

    >>> m = Mention("a", 0, 6, "Tengen", EntityType.MUNICIPALITY, "Tengen", "e_1")
    >>> mention_spans([m, m]), mention_spans([m], fine=True)
    ([Span(start=0, end=6, label='LOC')], [Span(start=0, end=6, label='MUNICIPALITY')])
    """
    return sorted({Span(m.start, m.end, m.type.value if fine else COARSE_LABEL[m.type]) for m in mentions})


def predicted_mentions(mentions: Iterable[Mention]) -> list[Predicted]:
    """Fine-typed spans with the kind, canonical name and AGS the pipeline gave (first one per span)."""
    out: dict[Span, Predicted] = {}
    for m in mentions:
        span = Span(m.start, m.end, m.type.value)
        out.setdefault(span, Predicted(span, m.canonical, m.kind.value if m.kind else None, m.ags))
    return [out[s] for s in sorted(out)]


def predict(doc: GoldDocument, extractor: Extractor) -> list[Span]:
    """The spans the pipeline finds in one gold document."""
    return mention_spans(extractor.extract(gold_article(doc)).mentions)
