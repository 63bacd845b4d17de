"""Optional recogniser backed by an installed spaCy German pipeline.

Its PER/ORG/LOC spans are merged with the rule results at a low priority:
they fill gaps (names without a known first name, unfamiliar companies) but
never override curated actors, gazetteer places or patterns.
"""

from __future__ import annotations

from typing import Any

from graph.errors import ExtractionError
from graph.extract.candidates import P_GUESS, Candidate
from graph.extract.context import Context
from graph.extract.registry import register
from graph.model.extraction import EntityType, OrgKind
from graph.settings import Settings

_LABELS = {"PER": EntityType.PERSON, "PERSON": EntityType.PERSON, "ORG": EntityType.ORGANIZATION,
           "LOC": EntityType.LOCATION, "GPE": EntityType.LOCATION}


@register("spacy", version="1.0")
class SpacyRecognizer:
    """Entities from ``settings.spacy_model`` (e.g. ``de_core_news_sm``)."""

    name: str
    version: str

    def __init__(self, nlp: Any) -> None:
        self.nlp = nlp
        meta = getattr(nlp, "meta", {}) or {}
        self.version = f"1.0+{meta.get('name', 'model')}-{meta.get('version', '0')}"

    @classmethod
    def create(cls, settings: Settings) -> SpacyRecognizer:
        """Load the model; a clear error when spaCy or the model is missing."""
        try:
            import spacy
        except ImportError:
            raise ExtractionError("the `spacy` extractor needs spaCy, which is not installed",
                                  hint="pip install spacy and a German model, or set extractors=rules"
                                  ) from None
        try:
            nlp = spacy.load(settings.spacy_model, disable=["parser", "lemmatizer"])
        except OSError:
            raise ExtractionError(f"the spaCy model {settings.spacy_model!r} is not installed",
                                  hint="install the model package, set spacy_model, or use extractors=rules"
                                  ) from None
        return cls(nlp)

    def recognize(self, ctx: Context) -> list[Candidate]:
        """PER/ORG/LOC spans of the model, as low-priority candidates."""
        tag = f"{self.name}@{self.version}"
        out = []
        for ent in self.nlp(ctx.text).ents:
            etype = _LABELS.get(ent.label_)
            if etype is None:
                continue
            kind = OrgKind.OTHER if etype is EntityType.ORGANIZATION else None
            out.append(Candidate(ent.start_char, ent.end_char, etype, ent.text, kind, 0.6, P_GUESS, tag))
        return out
