"""Article → DocumentExtraction: run the chosen recognisers, settle overlaps, add relations.

>>> from graph.settings import load_settings
>>> from graph.model import Article
>>> pipe = ExtractionPipeline.from_settings(load_settings(env={"SKG_HOME": "/nonexistent"}, use_file=False))
>>> doc = pipe.extract(Article(id="a1", source="x", text="Landrat Andy Grabner besuchte die Stadt Tengen."))
>>> [(m.text, str(m.type)) for m in doc.mentions]
[('Andy Grabner', 'PERSON'), ('Tengen', 'MUNICIPALITY')]
>>> [(r.source_name, r.role, r.target_name) for r in doc.relations]
[('Andy Grabner', 'Landrat', 'Tengen')]
"""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from functools import cached_property, lru_cache
from pathlib import Path
from typing import Any

from graph.extract.actor_registry import USER_FILE
from graph.extract.candidates import Candidate, settle
from graph.extract.context import Context
from graph.extract.coref import corefer
from graph.extract.frozen import build
from graph.extract.gazetteer import Gazetteer
from graph.extract.lexicon import Lexicon, load_lexicon
from graph.extract.listing import listing_candidates, listing_text
from graph.extract.place_spread import spread_places
from graph.extract.recognizers.actors import actor_index, tag_actors
from graph.extract.registry import Recognizer, create
from graph.extract.relations import find_relations
from graph.extract.text import Doc
from graph.model.article import Article
from graph.model.extraction import (
    DocumentExtraction,
    EntityType,
    Evidence,
    Mention,
    OrgKind,
    Relation,
    RelationType,
)
from graph.model.ids import digest, entity_id
from graph.settings import Settings


@dataclass
class ExtractionPipeline:
    """The configured recognisers plus the word lists and gazetteer they read."""

    recognizers: list[Recognizer]
    lexicon: Lexicon
    gazetteer: Gazetteer

    @classmethod
    def from_settings(cls, settings: Settings) -> ExtractionPipeline:
        """Recognisers named in ``settings.extractors`` (comma list), shipped lexicon, loaded gazetteer."""
        names = [n.strip() for n in str(settings.extractors).split(",") if n.strip()] or ["rules"]
        return cls(create(names, settings), load_lexicon(user_actors=user_actors_path(settings)),
                   Gazetteer.load(settings))

    @property
    def version(self) -> str:
        """``rules@1.1+gazetteer@<hash>``: changes whenever a recogniser, word list or gazetteer does."""
        parts = [f"{r.name}@{r.version}" for r in self.recognizers]
        data = digest(self.lexicon.fingerprint, self.gazetteer.fingerprint, length=10)
        return "+".join([*parts, f"gazetteer@{data}"])

    @property
    def extractor_tag(self) -> str:
        """The name recorded on relations and listing mentions (the first recogniser)."""
        first = self.recognizers[0]
        return f"{first.name}@{first.version}"

    @cached_property
    def head_kinds(self) -> dict[str, OrgKind]:
        """Organisation head → kind, for tags naming an unknown organisation (built once, not per article)."""
        return {head: kind for head, (kind, _) in self.lexicon.org_heads.items()}

    def context(self, article: Article, text: str | None = None) -> Context:
        """The per-document context (``text`` replaces the article text, e.g. for listings)."""
        actors = tag_actors(article.tags, actor_index(self.lexicon), self.head_kinds) if article.tags else []
        return Context(article, Doc.of(article.text if text is None else text), self.lexicon,
                       self.gazetteer, actors)

    def extract(self, article: Article) -> DocumentExtraction:
        """Mentions and relations of one document."""
        if article.role == "vendor_listing":
            return self._extract_listing(article)
        ctx = self.context(article, article.tagged_text)
        candidates = [c for r in self.recognizers for c in r.recognize(ctx)]
        kept = spread_places(ctx, corefer(ctx, settle(candidates)), self.extractor_tag)
        mentions = to_mentions(ctx, [_with_hash(ctx.text, c) for c in kept])
        relations = find_relations(ctx, mentions, self.extractor_tag)
        return DocumentExtraction(article.id, tuple(mentions), tuple(relations), tuple(ctx.doc.sentences))

    def _extract_listing(self, article: Article) -> DocumentExtraction:
        ctx = self.context(article, listing_text(article))
        mentions: list[Mention] = []
        relations: list[Relation] = []
        for org, town, lo, hi in listing_candidates(ctx, self.extractor_tag):
            vendor = to_mention(ctx, org)
            mentions.append(vendor)
            if town is None:
                continue
            place = to_mention(ctx, town)
            mentions.append(place)
            evidence = Evidence(article.id, ctx.text[lo:hi], lo, hi, article.published, self.extractor_tag)
            relations.append(Relation(RelationType.LOCATED_IN, vendor.entity_id, place.entity_id,
                                      vendor.canonical, place.canonical, evidence, None, town.confidence))
        return DocumentExtraction(article.id, tuple(mentions), tuple(relations), tuple(ctx.doc.sentences))


def user_actors_path(settings: Settings) -> Path:
    """``SKG_HOME/actors.tsv``: the user's additions to the actor registry (read when it exists)."""
    return settings.home_path / USER_FILE


_entity_id = lru_cache(maxsize=100_000)(entity_id)  # the same names recur in every article
# Enum members read for every mention, bound once: every read of ``EntityType.ORGANIZATION`` goes
# through the enum metaclass's ``__getattr__`` hook (Python 3.11), ten times the cost of a global.
_ORGANIZATION, _MUNICIPALITY, _OTHER = EntityType.ORGANIZATION, EntityType.MUNICIPALITY, OrgKind.OTHER


def _with_hash(text: str, cand: Candidate) -> Candidate:
    """Hashtags keep their "#" in the span ("#Hamburg"), as annotators mark them."""
    return cand.moved(start=cand.start - 1) if cand.start > 0 and text[cand.start - 1] == "#" else cand


def to_mentions(ctx: Context, cands: list[Candidate]) -> list[Mention]:
    """:func:`to_mention` of each candidate, their sentence and paragraph numbers found in one call each."""
    starts = [c.start for c in cands]
    return [to_mention(ctx, cand, sentence, paragraph) for cand, sentence, paragraph
            in zip(cands, ctx.doc.sentences_of(starts), ctx.doc.paragraphs_of(starts), strict=True)]


def to_mention(ctx: Context, cand: Candidate, sentence: int | None = None,
               paragraph: int | None = None) -> Mention:
    """A settled candidate as a Mention with its entity id and place data.

    ``sentence`` and ``paragraph`` are the numbers of the ones the candidate
    starts in, when the caller has them (see :func:`to_mentions`).
    """
    ctype, start, end, place = cand.type, cand.start, cand.end, cand.place
    if sentence is None or paragraph is None:
        sentence, paragraph = ctx.doc.sentence_of(start), ctx.doc.paragraph_of(start)
    key, kind, actor = cand.canonical, None, None
    if ctype is _ORGANIZATION:
        kind = cand.kind or _OTHER
        actor = actor_index(ctx.lexicon).ids.get(cand.canonical)
        if actor is not None:
            key = f"actor:{actor}"  # the registry id, not the name: stable when a name is corrected
    elif ctype is _MUNICIPALITY and place is not None and place.ags:
        key = place.ags  # the AGS once the Destatis list is imported, else the name
    ags, lat, lon, land = (None, None, None, None) if place is None else (place.ags, place.lat, place.lon,
                                                                           place.land)
    return build(Mention, {
        "article_id": ctx.article.id, "start": start, "end": end, "text": ctx.text[start:end], "type": ctype,
        "canonical": cand.canonical, "entity_id": _entity_id(str(ctype), key), "kind": kind,
        "confidence": cand.confidence, "extractor": cand.extractor, "sentence": sentence,
        "paragraph": paragraph, "ags": ags, "lat": lat, "lon": lon, "land": land,
        "actor_id": actor,
    })


def build_mention(fields: dict[str, Any]) -> Mention:
    """``Mention(**fields)`` for a dict holding every field, without the frozen-dataclass ``__init__``."""
    return build(Mention, fields)


@contextmanager
def frozen_heap() -> Iterator[None]:
    """Keep the garbage collector off the objects that exist now (word lists, gazetteer) for a batch.

    Extraction allocates many short-lived objects, which triggers full
    collections; each walks the ~50,000 long-lived objects of the loaded
    gazetteer and word lists (40-50 ms), 4-5 % of the time of a 10,000-article
    run. ``gc.freeze`` moves them out of the collector's reach until the batch
    ends. Meant for batch jobs (``skg extract``, rebuilds, the benchmark)::

        with frozen_heap():
            extractions = [pipeline.extract(a) for a in articles]
    """
    gc.collect()
    gc.freeze()
    try:
        yield
    finally:
        gc.unfreeze()
