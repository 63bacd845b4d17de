"""Backend-neutral records of the built graph, as stores write them.

The build stage produces a :class:`GraphData`; every store backend (embedded
LadybugDB, Neo4j) and every exporter consumes the same records, so the graph
is identical wherever it lives.

Node labels are ``Entity``, ``Article`` and ``Topic``. Relationship types are
``CO_MENTIONED`` (Entity–Entity), ``MENTIONS`` (Article→Entity), ``HOLDS_ROLE``,
``AFFILIATED_WITH``, ``LOCATED_IN``, ``CONTRACTS_WITH``, ``SAID_ABOUT`` (Entity→Entity), ``TAGGED``
(Article→Topic) and ``SAID_ON`` (Entity→Topic: a statement about no other
actor). Property names are the same on both backends.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Literal

NodeLabel = Literal["Entity", "Article", "Topic"]
NODE_LABELS: tuple[NodeLabel, ...] = ("Entity", "Article", "Topic")
EdgeType = Literal[
    "CO_MENTIONED", "MENTIONS", "HOLDS_ROLE", "AFFILIATED_WITH", "LOCATED_IN", "CONTRACTS_WITH", "TAGGED",
    "SAID_ABOUT", "SAID_ON",
]
EDGE_TYPES: tuple[EdgeType, ...] = (
    "CO_MENTIONED",
    "MENTIONS",
    "HOLDS_ROLE",
    "AFFILIATED_WITH",
    "LOCATED_IN",
    "CONTRACTS_WITH",
    "TAGGED",
    "SAID_ABOUT",
    "SAID_ON",
)

# Properties each node label carries (all backends declare exactly these).
ENTITY_PROPS: tuple[str, ...] = (
    "id", "name", "type", "kind", "aliases", "ags", "lat", "lon", "land",
    "mentions", "articles", "first_seen", "last_seen", "confidence",
)
ARTICLE_PROPS: tuple[str, ...] = (
    "id", "title", "published", "url", "section", "role", "source", "source_id", "publisher",
    "source_kind",
)
TOPIC_PROPS: tuple[str, ...] = ("id", "name")
# Properties each relationship carries (missing ones are null).
EDGE_PROPS: tuple[str, ...] = (
    "id", "weight", "articles", "sentence_count", "paragraph_count", "document_count",
    "first_seen", "last_seen", "npmi", "lift", "role", "count", "offsets", "evidence",
    "evidence_level", "independent_sources",
    # HOLDS_ROLE: the office in time (see graph/build/offices.py)
    "start_date", "start_precision", "end_date", "end_precision", "status", "bounds", "predecessor",
    "successor",
    # SAID_ABOUT / SAID_ON: statements by polarity of their verbs (see graph/build/statements.py)
    "polarity", "positive", "negative", "neutral",
)

# How strongly a tie between two actors is backed, weakest first (``evidence_level`` of every
# entity–entity edge; see docs/graph.md, "Evidence levels"): named in one article, named in one
# sentence, a stated relation, stated or sentence-level in at least two independent sources.
EvidenceLevel = Literal["article", "sentence", "stated", "corroborated"]
EVIDENCE_LEVELS: tuple[EvidenceLevel, ...] = ("article", "sentence", "stated", "corroborated")
_LEVEL_RANK: dict[str, int] = {level: i for i, level in enumerate(EVIDENCE_LEVELS)}


def level_rank(level: object) -> int:
    """Position of ``level`` on the ladder; a missing or unknown level ranks lowest (0).

    >>> [level_rank(x) for x in ("article", "stated", "corroborated", None)]
    [0, 2, 3, 0]
    """
    return _LEVEL_RANK.get(str(level), 0) if level is not None else 0


@dataclass(frozen=True)
class Node:
    """A node: its label, unique id and properties (JSON-compatible values)."""

    label: NodeLabel
    id: str
    props: dict[str, Any] = field(default_factory=dict)


@dataclass(frozen=True)
class Edge:
    """A relationship between two node ids.

    ``evidence`` is a list of ``{"article_id", "published", "sentence",
    "start", "end"}`` dicts (capped, most recent first); backends store it as
    a JSON string in the ``evidence`` property.
    """

    type: EdgeType
    source: str
    target: str
    props: dict[str, Any] = field(default_factory=dict)

    @property
    def id(self) -> str:
        """Deterministic edge id (type, endpoints and role)."""
        from graph.model.ids import stable_id

        return stable_id("r", self.type, self.source, self.target, self.props.get("role"))


@dataclass
class GraphData:
    """The whole built graph plus the snapshot id that names its content."""

    nodes: list[Node] = field(default_factory=list)
    edges: list[Edge] = field(default_factory=list)
    snapshot_id: str = ""
    meta: dict[str, Any] = field(default_factory=dict)

    def nodes_by_label(self, label: NodeLabel) -> list[Node]:
        """Nodes with one label, in stored order."""
        return [n for n in self.nodes if n.label == label]

    def edges_by_type(self, edge_type: EdgeType) -> list[Edge]:
        """Edges of one type, in stored order."""
        return [e for e in self.edges if e.type == edge_type]
