"""Per-document context every recogniser reads: text, tokens, word lists, places, tags."""

from __future__ import annotations

from dataclasses import dataclass, field

from graph.extract.gazetteer import Gazetteer
from graph.extract.lexicon import Actor, Lexicon
from graph.extract.text import Doc
from graph.model.article import Article


@dataclass
class Context:
    """One document being extracted."""

    article: Article
    doc: Doc
    lexicon: Lexicon
    gazetteer: Gazetteer
    tag_actors: list[Actor] = field(default_factory=list)

    @property
    def text(self) -> str:
        """The text all offsets refer to."""
        return self.doc.text
