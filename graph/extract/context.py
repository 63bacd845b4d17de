"""Per-document context every recogniser reads: text, tokens, word lists, places, tags."""

from __future__ import annotations

from dataclasses import dataclass, field

from graph.extract.gazetteer import Gazetteer
from graph.extract.lexicon import Actor, Lexicon
from graph.extract.text import Doc
from graph.model.article import Article
from graph.model.extraction import OrgKind


@dataclass
class Context:
    """One document being extracted."""

    article: Article
    doc: Doc
    lexicon: Lexicon
    gazetteer: Gazetteer
    tag_actors: list[Actor] = field(default_factory=list)
    # Acronyms the document defines ("Long Name (ACR)") → (canonical name, kind), filled by the
    # definition recogniser and read by coref for later bare uses.
    acronyms: dict[str, tuple[str, OrgKind]] = field(default_factory=dict)
    not_orgs: set[str] = field(default_factory=set)  # acronyms the text defines as a law, product …
    # The text all offsets refer to (``doc.text``). A plain attribute, not a property: recognisers read
    # it about 260 times an article, and each property call is a Python function call.
    text: str = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        self.text = self.doc.text
