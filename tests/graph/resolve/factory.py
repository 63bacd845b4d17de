"""Hand-built extractions for resolution tests (no extractor needed)."""

from __future__ import annotations

from graph.model import (
    DocumentExtraction,
    EntityType,
    Evidence,
    Mention,
    OrgKind,
    Relation,
    RelationType,
    entity_id,
)

ORG = EntityType.ORGANIZATION
PER = EntityType.PERSON
MUNI = EntityType.MUNICIPALITY


def eid(etype: EntityType, name: str) -> str:
    """The id an extractor would give ``name`` as its own canonical name."""
    return entity_id(str(etype), name)


def mention(doc: str, text: str, etype: EntityType = ORG, *, start: int = 0, canonical: str | None = None,
            kind: OrgKind | None = None, ags: str | None = None, key: str | None = None) -> Mention:
    """A mention whose entity id derives from its canonical name (or AGS)."""
    canonical = canonical or text
    ident = entity_id(str(etype), key or ags or canonical)
    return Mention(article_id=doc, start=start, end=start + len(text), text=text, type=etype,
                   canonical=canonical, entity_id=ident, kind=kind, ags=ags,
                   lat=47.8 if ags else None, lon=8.6 if ags else None, land="BW" if ags else None)


def doc(article_id: str, *mentions: Mention, relations: tuple[Relation, ...] = ()) -> DocumentExtraction:
    """A document extraction of the given mentions."""
    return DocumentExtraction(article_id=article_id, mentions=tuple(mentions), relations=relations)


def relation(person: Mention, target: Mention, role: str | None = None) -> Relation:
    """A HOLDS_ROLE relation between two mentions with a dummy evidence sentence."""
    return Relation(type=RelationType.HOLDS_ROLE, source=person.entity_id, target=target.entity_id,
                    source_name=person.canonical, target_name=target.canonical,
                    evidence=Evidence(person.article_id, "…", 0, 10), role=role)
