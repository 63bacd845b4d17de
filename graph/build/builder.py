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
from graph.build.evidence import comention_level
from graph.build.reprints import reprint_groups
from graph.build.snapshot import (
    BUILDER_VERSION,
    combine,
    document_digest,
    extractor_versions,
    graph_settings,
    snapshot_id,
)
from graph.build.sources import (
    final_kind,
    publishing_actors,
    shared_groups,
    source_units,
    websites_version,
)
from graph.build.statements import statement_edges
from graph.build.typed import mention_edges, relation_edges, topic_id, topic_nodes_and_edges
from graph.errors import ConfigError
from graph.model import Article, DocumentExtraction, Edge, Entity, GraphData, Node
from graph.model.graphdata import EVIDENCE_LEVELS, level_rank

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

    ``settings`` needs ``evidence_cap``, ``min_articles``, ``min_npmi``,
    ``backbone_alpha`` and ``min_evidence_level``; ``extractor_version`` (the extraction pipeline's
    version) is folded into the snapshot id next to the per-mention versions.
    """
    extractions = {doc.article_id: doc for doc in resolution.extractions}
    entities = resolution.entities
    known = set(entities)
    dated = date_order(articles)
    # copies only matter across publishers: with one publisher (or none) there is nothing to merge
    several = len({a.publisher for a in articles}) > 1
    reprints = reprint_groups(articles, extractions) if several else {}
    units = source_units(articles, reprints)
    counts = count_comentions(dated, extractions, int(settings.evidence_cap), units)
    comentions = _comention_edges(counts, known)
    report = backbone_report(comentions)
    used = graph_settings(settings)
    min_level = str(used["min_evidence_level"])
    if min_level not in EVIDENCE_LEVELS:
        raise ConfigError(f"min_evidence_level {min_level!r} is not an evidence level",
                          hint="use one of " + ", ".join(EVIDENCE_LEVELS) + " (SKG_MIN_EVIDENCE_LEVEL)")
    mask = keep_mask(
        comentions, int(used["min_articles"]), float(used["min_npmi"]), float(used["backbone_alpha"]),
        min_level=min_level,
    )
    kept = [e for e, ok in zip(comentions, mask, strict=True) if ok]
    topics, tagged = topic_nodes_and_edges(articles)
    edges = kept + mention_edges(articles, extractions, known) + tagged
    cap = int(settings.evidence_cap)
    stated = relation_edges(dated, extractions, known, cap, units)
    stated += statement_edges(dated, extractions, known, cap, topic_id, units)
    edges += [e for e in stated if level_rank(e.props["evidence_level"]) >= level_rank(min_level)]
    own = publishing_actors(articles, entities.values())
    nodes = _entity_nodes(entities, dated, extractions) + [_article_node(a, a.id in own) for a in articles]
    nodes += topics
    versions = extractor_versions(resolution.extractions) + ([extractor_version] if extractor_version else [])
    versions.append(websites_version())
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
        "evidence_levels": level_counts(edges),
        "reprinted_texts": len(shared_groups(articles, reprints)),
        "self_published": len(own),
    }
    return GraphData(
        nodes=sorted(nodes, key=lambda n: (_LABEL_ORDER[n.label], n.id)),
        edges=sorted(edges, key=lambda e: (e.type, e.source, e.target, e.props.get("role") or "")),
        snapshot_id=snapshot_id(digest, entities, versions, used),
        meta=meta,
    )


def level_counts(edges: Sequence[Edge]) -> dict[str, int]:
    """How many entity–entity edges sit on each rung of the evidence ladder (weakest first).

    ``SAID_ON`` carries a level too (a statement is stated) but ends at a topic, so it is not counted.
    """
    found: dict[str, int] = dict.fromkeys(EVIDENCE_LEVELS, 0)
    for e in edges:
        if e.type == "SAID_ON":
            continue
        level = e.props.get("evidence_level")
        if level in found:
            found[level] += 1
    return found


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
                    **comention_level(s.sentence_count, s.units, s.sentence_units),
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


def _article_node(a: Article, self_published: bool) -> Node:
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
            "publisher": a.publisher,
            "source_kind": final_kind(a, self_published),
        },
    )
