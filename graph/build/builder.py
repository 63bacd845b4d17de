"""Build the stakeholder graph from articles and their resolved extractions.

The output is fully deterministic: nodes and edges are sorted, floats are
rounded, evidence is ordered newest first with ties broken by article id, and
the snapshot id names the inputs (see :mod:`graph.build.snapshot`).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any, Protocol

from graph.build.backbone import backbone_report, keep_mask
from graph.build.cooccur import CoMentionCounts, count_comentions, date_order, npmi_lift
from graph.build.snapshot import (
    BUILDER_VERSION,
    combine,
    document_digest,
    extractor_versions,
    graph_settings,
    snapshot_id,
)
from graph.build.statements import statement_edges
from graph.build.typed import mention_edges, relation_edges, topic_id, topic_nodes_and_edges
from graph.model import Article, DocumentExtraction, Edge, Entity, GraphData, Node

_LABEL_ORDER = {"Entity": 0, "Article": 1, "Topic": 2}


class ResolutionLike(Protocol):
    """What the builder needs of :class:`graph.resolve.resolver.Resolution`."""

    @property
    def entities(self) -> dict[str, Entity]: ...

    @property
    def extractions(self) -> list[DocumentExtraction]: ...


def build_graph(
    articles: Sequence[Article],
    resolution: ResolutionLike,
    settings: Any,
    *,
    extractor_version: str | None = None,
) -> GraphData:
    """Build the whole graph (entities, articles, topics and all edge types).

    ``settings`` needs ``evidence_cap``, ``min_articles``, ``min_npmi`` and
    ``backbone_alpha``; ``extractor_version`` (the extraction pipeline's
    version) is folded into the snapshot id next to the per-mention versions.
    """
    extractions = {doc.article_id: doc for doc in resolution.extractions}
    entities = resolution.entities
    known = set(entities)
    dated = date_order(articles)
    counts = count_comentions(dated, extractions, int(settings.evidence_cap))
    comentions = _comention_edges(counts, known)
    report = backbone_report(comentions)
    used = graph_settings(settings)
    mask = keep_mask(
        comentions, int(used["min_articles"]), float(used["min_npmi"]), float(used["backbone_alpha"])
    )
    kept = [e for e, ok in zip(comentions, mask, strict=True) if ok]
    topics, tagged = topic_nodes_and_edges(articles)
    edges = kept + mention_edges(articles, extractions, known) + tagged
    edges += relation_edges(dated, extractions, known, int(settings.evidence_cap))
    edges += statement_edges(dated, extractions, known, int(settings.evidence_cap), topic_id)
    nodes = _entity_nodes(entities, dated, extractions) + [_article_node(a) for a in articles] + topics
    versions = extractor_versions(resolution.extractions) + ([extractor_version] if extractor_version else [])
    digest = combine(document_digest(a, extractions.get(a.id)) for a in articles)
    meta = {
        "builder": BUILDER_VERSION,
        "settings": used,
        "extractor_versions": sorted(set(versions)),
        "documents_digest": f"{digest:032x}",
        "comention_documents": counts.documents,
        "backbone": report,
        "comentions_kept": len(kept),
        "comentions_total": len(comentions),
    }
    return GraphData(
        nodes=sorted(nodes, key=lambda n: (_LABEL_ORDER[n.label], n.id)),
        edges=sorted(edges, key=lambda e: (e.type, e.source, e.target, e.props.get("role") or "")),
        snapshot_id=snapshot_id(digest, entities, versions, used),
        meta=meta,
    )


def _comention_edges(counts: CoMentionCounts, known: set[str]) -> list[Edge]:
    edges = []
    for (a, b), s in counts.pairs.items():
        if a not in known or b not in known:
            continue
        npmi, lift = npmi_lift(s.document_count, counts.doc_freq[a], counts.doc_freq[b], counts.documents)
        edges.append(
            Edge(
                "CO_MENTIONED",
                a,
                b,
                {
                    "weight": float(s.articles),
                    "articles": s.articles,
                    "sentence_count": s.sentence_count,
                    "paragraph_count": s.paragraph_count,
                    "document_count": s.document_count,
                    "first_seen": s.first_seen,
                    "last_seen": s.last_seen,
                    "npmi": npmi,
                    "lift": lift,
                    "evidence": s.evidence,
                },
            )
        )
    return edges


def _entity_nodes(
    entities: dict[str, Entity], dated: Sequence[Article], extractions: dict[str, DocumentExtraction]
) -> list[Node]:
    """Entity nodes with mention statistics (count, documents, first/last date, mean confidence)."""
    mentions: dict[str, int] = {}
    docs: dict[str, int] = {}
    conf: dict[str, float] = {}
    first: dict[str, str] = {}
    last: dict[str, str] = {}
    for article in dated:  # newest first
        doc = extractions.get(article.id)
        if doc is None:
            continue
        day = article.published
        for eid in {m.entity_id for m in doc.mentions}:
            docs[eid] = docs.get(eid, 0) + 1
            if day:
                last.setdefault(eid, day)
                first[eid] = day
        for m in doc.mentions:
            mentions[m.entity_id] = mentions.get(m.entity_id, 0) + 1
            conf[m.entity_id] = conf.get(m.entity_id, 0.0) + m.confidence
    nodes = []
    for eid, ent in entities.items():
        props = ent.to_dict()
        count = mentions.get(eid, 0)
        props.update(
            {
                "mentions": count,
                "articles": docs.get(eid, 0),
                "first_seen": first.get(eid),
                "last_seen": last.get(eid),
                "confidence": round(conf[eid] / count, 4) if count else None,
            }
        )
        nodes.append(Node("Entity", eid, props))
    return nodes


def _article_node(a: Article) -> Node:
    return Node(
        "Article",
        a.id,
        {
            "id": a.id,
            "title": a.title,
            "published": a.published,
            "url": a.url,
            "section": a.section,
            "role": a.role,
            "source": a.source,
            "source_id": a.source_id,
        },
    )
