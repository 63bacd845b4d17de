"""The default recogniser: curated lists, gazetteers and patterns, no model."""

from __future__ import annotations

from graph.extract.candidates import Candidate
from graph.extract.context import Context
from graph.extract.recognizers.acronyms import context_candidates, definition_candidates
from graph.extract.recognizers.actors import actor_candidates
from graph.extract.recognizers.orgs import (
    admin_place_candidates,
    classifier_candidates,
    club_candidates,
    head_candidates,
    legal_form_candidates,
    trailing_candidates,
)
from graph.extract.recognizers.persons import person_candidates
from graph.extract.recognizers.places import location_candidates, municipality_candidates
from graph.extract.registry import register
from graph.settings import Settings


@register("rules", version="1.1")
class RuleRecognizer:
    """Known actors, legal forms, organisation heads, places and person names."""

    name: str
    version: str

    @classmethod
    def create(cls, settings: Settings) -> RuleRecognizer:
        """No resources beyond the shipped word lists (loaded lazily and cached)."""
        return cls()

    def recognize(self, ctx: Context) -> list[Candidate]:
        """All rule candidates of one document (overlaps are settled by the pipeline)."""
        tag = f"{self.name}@{self.version}"
        out: list[Candidate] = []
        for step in (actor_candidates, definition_candidates, context_candidates, legal_form_candidates,
                     head_candidates, classifier_candidates, admin_place_candidates, trailing_candidates,
                     club_candidates, location_candidates,
                     municipality_candidates, person_candidates):
            out.extend(step(ctx, tag))
        return out
