"""What extraction produces: mentions of entities and stated relations.

Every fact carries its provenance (article id, date, sentence, character
offsets, extractor name and version) so an analyst can always see the
sentence behind an edge.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from enum import StrEnum
from typing import Any


class EntityType(StrEnum):
    """The node types of the stakeholder graph."""

    PERSON = "PERSON"
    ORGANIZATION = "ORGANIZATION"
    MUNICIPALITY = "MUNICIPALITY"
    LOCATION = "LOCATION"


class OrgKind(StrEnum):
    """What kind of organisation an ORGANIZATION entity is."""

    VENDOR = "vendor"
    PUBLIC_IT_PROVIDER = "public_it_provider"
    ASSOCIATION = "association"
    PUBLIC_BODY = "public_body"
    MEDIA = "media"
    OTHER = "other"


class RelationType(StrEnum):
    """Stated (not co-occurrence) relations."""

    HOLDS_ROLE = "HOLDS_ROLE"
    AFFILIATED_WITH = "AFFILIATED_WITH"
    LOCATED_IN = "LOCATED_IN"
    CONTRACTS_WITH = "CONTRACTS_WITH"  # a public client → the supplier it buys from
    SUCCEEDS = "SUCCEEDS"  # successor → predecessor in one role (``role`` names it)
    SAID_ABOUT = "SAID_ABOUT"  # speaker → the actor a quote or speech verb is about ("" target: no actor)


@dataclass(frozen=True)
class Mention:
    """One span of a document's text that names an entity.

    ``start``/``end`` index into :attr:`graph.model.article.Article.text`;
    ``sentence``/``paragraph`` are indices of the sentence and paragraph the
    span lies in (used for co-mention windows).
    """

    article_id: str
    start: int
    end: int
    text: str
    type: EntityType
    canonical: str
    entity_id: str
    kind: OrgKind | None = None
    confidence: float = 1.0
    extractor: str = ""  # "name@version"
    sentence: int = 0
    paragraph: int = 0
    ags: str | None = None
    lat: float | None = None
    lon: float | None = None
    land: str | None = None
    actor_id: str | None = None  # registry id of a curated actor (data/actors/registry.tsv)

    def to_dict(self) -> dict[str, Any]:
        """A JSON-ready dict with enum values as strings."""
        data = asdict(self)
        data["type"] = str(self.type)
        data["kind"] = str(self.kind) if self.kind else None
        return data

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Mention:
        """Inverse of :meth:`to_dict`."""
        data = dict(data)
        data["type"] = EntityType(data["type"])
        data["kind"] = OrgKind(data["kind"]) if data.get("kind") else None
        known = set(cls.__dataclass_fields__)
        return cls(**{k: v for k, v in data.items() if k in known})


@dataclass(frozen=True)
class Evidence:
    """The quoted sentence behind a fact, with offsets into the article text."""

    article_id: str
    sentence: str
    start: int
    end: int
    published: str | None = None
    extractor: str = ""


@dataclass(frozen=True)
class OfficeDates:
    """What one sentence says about when an office began or ended.

    Dates are ISO days; ``*_precision`` says how much of the day is known
    (``day``, ``month`` or ``year``: "seit 2019" is 2019-01-01 with precision
    ``year``). ``ended`` is set by "ehemaliger", "a. D.", "scheidet aus" or a
    named successor even when no end date is given (the article date then
    bounds it). ``cue`` is the word that set the bound, for the analyst.
    """

    start: str | None = None
    start_precision: str | None = None
    end: str | None = None
    end_precision: str | None = None
    ended: bool = False
    cue: str = ""


@dataclass(frozen=True)
class Statement:
    """A speech verb or quote: the verb as written and a coarse polarity read from the verb only."""

    verb: str
    polarity: str  # "positive" | "negative" | "neutral"


@dataclass(frozen=True)
class Relation:
    """A stated relation: person → organisation/municipality, or vendor → municipality.

    ``source`` and ``target`` are entity ids; ``source_name``/``target_name``
    the canonical names at extraction time (for readable output).
    """

    type: RelationType
    source: str
    target: str
    source_name: str
    target_name: str
    evidence: Evidence
    role: str | None = None
    confidence: float = 1.0
    office: OfficeDates | None = None  # HOLDS_ROLE: bounds read from the sentence
    statement: Statement | None = None  # SAID_ABOUT: the verb and its polarity

    def to_dict(self) -> dict[str, Any]:
        """A JSON-ready dict (``office``/``statement`` left out when empty, as older caches wrote it)."""
        data = asdict(self)
        data["type"] = str(self.type)
        for name in ("office", "statement"):
            if data[name] is None:
                del data[name]
        return data

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Relation:
        """Inverse of :meth:`to_dict`."""
        data = dict(data)
        data["type"] = RelationType(data["type"])
        data["evidence"] = Evidence(**data["evidence"])
        if data.get("office"):
            data["office"] = OfficeDates(**data["office"])
        if data.get("statement"):
            data["statement"] = Statement(**data["statement"])
        known = set(cls.__dataclass_fields__)
        return cls(**{k: v for k, v in data.items() if k in known})


@dataclass(frozen=True)
class DocumentExtraction:
    """Everything extracted from one document."""

    article_id: str
    mentions: tuple[Mention, ...] = ()
    relations: tuple[Relation, ...] = ()
    sentences: tuple[tuple[int, int], ...] = field(default=())  # (start, end) offsets


def extraction_to_dict(doc: DocumentExtraction) -> dict[str, Any]:
    """A JSON-ready dict of a :class:`DocumentExtraction` (for caching and output)."""
    return {
        "article_id": doc.article_id,
        "mentions": [m.to_dict() for m in doc.mentions],
        "relations": [r.to_dict() for r in doc.relations],
        "sentences": [list(s) for s in doc.sentences],
    }


def extraction_from_dict(data: dict[str, Any]) -> DocumentExtraction:
    """Inverse of :func:`extraction_to_dict`."""
    return DocumentExtraction(
        article_id=data["article_id"],
        mentions=tuple(Mention.from_dict(m) for m in data.get("mentions", ())),
        relations=tuple(Relation.from_dict(r) for r in data.get("relations", ())),
        sentences=tuple((int(a), int(b)) for a, b in data.get("sentences", ())),
    )
