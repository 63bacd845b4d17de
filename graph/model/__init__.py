"""Typed objects the pipeline stages exchange. Every stage imports these and nothing else of another stage."""

from graph.model.article import ROLES, Article, Role, VendorEntry
from graph.model.entity import Entity, Judgement, JudgementAction
from graph.model.extraction import (
    DocumentExtraction,
    EntityType,
    Evidence,
    Mention,
    OfficeDates,
    OrgKind,
    Relation,
    RelationType,
    Statement,
    extraction_from_dict,
    extraction_to_dict,
)
from graph.model.filters import SubgraphFilter, describe_filter, filter_graph
from graph.model.graphdata import EDGE_TYPES, NODE_LABELS, Edge, GraphData, Node
from graph.model.ids import content_hash, entity_id, fold, stable_id

__all__ = [
    "EDGE_TYPES",
    "NODE_LABELS",
    "ROLES",
    "Article",
    "DocumentExtraction",
    "Edge",
    "Entity",
    "EntityType",
    "Evidence",
    "GraphData",
    "Judgement",
    "JudgementAction",
    "Mention",
    "Node",
    "OfficeDates",
    "OrgKind",
    "Relation",
    "RelationType",
    "Role",
    "Statement",
    "SubgraphFilter",
    "VendorEntry",
    "content_hash",
    "describe_filter",
    "entity_id",
    "extraction_from_dict",
    "extraction_to_dict",
    "filter_graph",
    "fold",
    "stable_id",
]
