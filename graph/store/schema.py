"""Property types of every node label and relationship type, shared by both backends.

The property *names* come from :mod:`graph.model.graphdata`; this module adds
the one type each property has on disk so that the embedded store can declare
its tables up front and both backends coerce values the same way. ``JSON``
properties (edge ``evidence`` and ``offsets``) are stored as JSON strings,
because Neo4j cannot store nested maps and LadybugDB would need a struct type
per shape.
"""

from __future__ import annotations

from typing import Literal

from graph.model.graphdata import (
    ARTICLE_PROPS,
    EDGE_PROPS,
    EDGE_TYPES,
    ENTITY_PROPS,
    NODE_LABELS,
    TOPIC_PROPS,
    EdgeType,
    NodeLabel,
)

PropType = Literal["STRING", "DOUBLE", "INT64", "STRING[]", "JSON"]

_SPECIAL: dict[str, PropType] = {
    "aliases": "STRING[]",
    "lat": "DOUBLE",
    "lon": "DOUBLE",
    "confidence": "DOUBLE",
    "weight": "DOUBLE",
    "npmi": "DOUBLE",
    "lift": "DOUBLE",
    "mentions": "INT64",
    "articles": "INT64",
    "sentence_count": "INT64",
    "paragraph_count": "INT64",
    "document_count": "INT64",
    "count": "INT64",
    "independent_sources": "INT64",
    "offsets": "JSON",
    "evidence": "JSON",
    "bounds": "JSON",
    "positive": "INT64",
    "negative": "INT64",
    "neutral": "INT64",
}


def _types(props: tuple[str, ...]) -> dict[str, PropType]:
    return {p: _SPECIAL.get(p, "STRING") for p in props}


NODE_SCHEMA: dict[NodeLabel, dict[str, PropType]] = {
    "Entity": _types(ENTITY_PROPS),
    "Article": _types(ARTICLE_PROPS),
    "Topic": _types(TOPIC_PROPS),
}
EDGE_SCHEMA: dict[str, PropType] = _types(EDGE_PROPS)

# Which labels each relationship type connects (source label, target label).
REL_ENDPOINTS: dict[EdgeType, tuple[NodeLabel, NodeLabel]] = {
    "CO_MENTIONED": ("Entity", "Entity"),
    "MENTIONS": ("Article", "Entity"),
    "HOLDS_ROLE": ("Entity", "Entity"),
    "AFFILIATED_WITH": ("Entity", "Entity"),
    "LOCATED_IN": ("Entity", "Entity"),
    "CONTRACTS_WITH": ("Entity", "Entity"),
    "TAGGED": ("Article", "Topic"),
    "SAID_ABOUT": ("Entity", "Entity"),
    "SAID_ON": ("Entity", "Topic"),
}
ENTITY_EDGE_TYPES: tuple[EdgeType, ...] = tuple(
    t for t in EDGE_TYPES if REL_ENDPOINTS[t] == ("Entity", "Entity")
)

# Neo4j-only finer labels, added on top of :Entity (a fixed list: never user input).
TYPE_LABELS: dict[str, str] = {
    "PERSON": "Person",
    "ORGANIZATION": "Organization",
    "MUNICIPALITY": "Municipality",
    "LOCATION": "Location",
}
KIND_LABELS: dict[str, str] = {
    "vendor": "Vendor",
    "public_it_provider": "PublicITProvider",
    "association": "Association",
    "public_body": "PublicBody",
    "media": "Media",
}
FINE_LABELS: tuple[str, ...] = (*TYPE_LABELS.values(), *KIND_LABELS.values())
META_LABEL = "SkgMeta"  # Neo4j only: one node recording the pushed snapshot id
HASH_PROP = "skg_hash"  # Neo4j only: content hash of a pushed row (incremental push)

assert set(NODE_SCHEMA) == set(NODE_LABELS)
assert set(REL_ENDPOINTS) == set(EDGE_TYPES)


def fine_labels(entity_type: object, kind: object) -> tuple[str, ...]:
    """The finer Neo4j labels of an entity (``("Organization", "Vendor")``), from the fixed lists."""
    labels: list[str] = []
    if entity_type in TYPE_LABELS:
        labels.append(TYPE_LABELS[str(entity_type)])
        if entity_type == "ORGANIZATION" and kind in KIND_LABELS:
            labels.append(KIND_LABELS[str(kind)])
    return tuple(labels)
