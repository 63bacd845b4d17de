"""Add new documents to a built graph without recounting the old ones.

Possible when (else :func:`update_graph` returns ``None`` and the caller
rebuilds): the previous graph was built by this builder version with the same
graph settings and without thinning (a filtered graph has lost the edges new
counts would add to); none of the new documents is already in it; and the
resolution did not change any existing entity (new articles can merge two
old actors, which only a rebuild can apply). New documents are assumed not to
be exact duplicates of old ones — the corpus store drops those at ingest.
Independent sources are recounted only when no document, old or new, names
a publisher (then every document is one unknown source and an edge's level
follows from its counts); with publishers, a new document can be a reprint
of an old one, which only a rebuild over the texts can tell.

The result equals a full build of old + new documents: counts are added,
dates widened, evidence merged in the same newest-first order and capped,
and NPMI/lift recomputed for every co-mention from the updated document
frequencies (which the ``MENTIONS`` edges of the previous graph provide).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from graph.build.backbone import backbone_report
from graph.build.builder import ResolutionLike, build_graph, level_counts
from graph.build.cooccur import npmi_lift
from graph.build.evidence import comention_level
from graph.build.snapshot import BUILDER_VERSION, graph_settings, snapshot_id
from graph.model import Article, DocumentExtraction, Edge, Entity, EntityType, GraphData, Node, OrgKind


@dataclass
class _Resolution:
    entities: dict[str, Entity]
    extractions: list[DocumentExtraction]


_SUMMED = ("sentence_count", "paragraph_count", "document_count", "articles", "count", "mentions")


def _entity_of(node: Node) -> Entity:
    p = node.props
    return Entity(
        node.id,
        p["name"],
        EntityType(p["type"]),
        OrgKind(p["kind"]) if p.get("kind") else None,
        tuple(p.get("aliases") or ()),
        p.get("ags"),
        p.get("lat"),
        p.get("lon"),
        p.get("land"),
    )


def _possible(
    previous: GraphData, articles: Sequence[Article], resolution: ResolutionLike, settings: Any
) -> bool:
    used = graph_settings(settings)
    meta = previous.meta
    if meta.get("builder") != BUILDER_VERSION or meta.get("settings") != used:
        return False
    if used["min_articles"] > 1 or used["min_npmi"] > -1.0 or used["backbone_alpha"] < 1.0:
        return False
    if used["min_evidence_level"] != "article":
        return False
    old_articles = {n.id for n in previous.nodes if n.label == "Article"}
    if any(a.id in old_articles for a in articles):
        return False
    if any(a.publisher for a in articles) or any(
        n.props.get("publisher") for n in previous.nodes if n.label == "Article"
    ):
        return False
    old_entities = {n.id: _entity_of(n) for n in previous.nodes if n.label == "Entity"}
    return all(old_entities.get(i, e) == e for i, e in resolution.entities.items())


def _newest_first(evidence: list[dict[str, Any]], cap: int) -> list[dict[str, Any]]:
    by_id = sorted(evidence, key=lambda ev: ev.get("article_id") or "")
    return sorted(by_id, key=lambda ev: ev.get("published") or "", reverse=True)[:cap]


def _merge_props(old: dict[str, Any], new: dict[str, Any], cap: int) -> dict[str, Any]:
    merged = dict(old)
    for key in _SUMMED:
        if key in new:
            merged[key] = (old.get(key) or 0) + new[key]
    if "weight" in new:
        merged["weight"] = float(merged.get("articles", merged.get("count", 0)))
    dates = [d for d in (old.get("first_seen"), new.get("first_seen")) if d]
    merged["first_seen"] = min(dates) if dates else None
    dates = [d for d in (old.get("last_seen"), new.get("last_seen")) if d]
    merged["last_seen"] = max(dates) if dates else None
    if "evidence" in new:
        merged["evidence"] = _newest_first(list(old.get("evidence") or []) + list(new["evidence"]), cap)
    if "offsets" in new:
        merged["offsets"] = sorted(list(old.get("offsets") or []) + list(new["offsets"]))
    return merged


def update_graph(
    previous: GraphData,
    articles: Sequence[Article],
    resolution: ResolutionLike,
    settings: Any,
    *,
    extractor_version: str | None = None,
) -> GraphData | None:
    """``previous`` plus the new ``articles`` (with their resolved extractions), or ``None`` to rebuild."""
    if not _possible(previous, articles, resolution, settings):
        return None
    entities = {n.id: _entity_of(n) for n in previous.nodes if n.label == "Entity"} | dict(
        resolution.entities
    )
    delta = build_graph(
        articles,
        _Resolution(entities, list(resolution.extractions)),
        settings,
        extractor_version=extractor_version,
    )
    cap = int(settings.evidence_cap)
    nodes = _merge_nodes(previous.nodes, delta.nodes, cap)
    edges = _merge_edges(previous.edges, delta.edges, cap)
    documents = int(previous.meta["comention_documents"]) + int(delta.meta["comention_documents"])
    edges = _rescore(edges, nodes, documents)
    digest = int(previous.meta["documents_digest"], 16) ^ int(delta.meta["documents_digest"], 16)
    versions = sorted(set(previous.meta["extractor_versions"]) | set(delta.meta["extractor_versions"]))
    comentions = [e for e in edges if e.type == "CO_MENTIONED"]
    meta = {
        **previous.meta,
        "extractor_versions": versions,
        "documents_digest": f"{digest:032x}",
        "comention_documents": documents,
        "backbone": backbone_report(comentions),
        "comentions_kept": len(comentions),
        "comentions_total": len(comentions),
        "evidence_levels": level_counts(edges),
    }
    return GraphData(nodes, edges, snapshot_id(digest, entities, versions, graph_settings(settings)), meta)


def _merge_nodes(old: list[Node], new: list[Node], cap: int) -> list[Node]:
    merged = {(n.label, n.id): n for n in old}
    for n in new:
        prior = merged.get((n.label, n.id))
        if prior is None:
            merged[(n.label, n.id)] = n
        elif n.label == "Entity" and n.props.get("mentions"):
            props = _merge_props(prior.props, n.props, cap)
            total = (prior.props.get("mentions") or 0) + n.props["mentions"]
            conf = (prior.props.get("confidence") or 0.0) * (prior.props.get("mentions") or 0) + n.props[
                "confidence"
            ] * n.props["mentions"]
            props["confidence"] = round(conf / total, 4)
            merged[(n.label, n.id)] = Node("Entity", n.id, props)
        elif n.label == "Topic":
            merged[(n.label, n.id)] = Node(
                "Topic", n.id, {**prior.props, "name": min(prior.props["name"], n.props["name"])}
            )
    order = {"Entity": 0, "Article": 1, "Topic": 2}
    return sorted(merged.values(), key=lambda n: (order[n.label], n.id))


def _merge_edges(old: list[Edge], new: list[Edge], cap: int) -> list[Edge]:
    merged = {(e.type, e.source, e.target, e.props.get("role")): e for e in old}
    for e in new:
        key = (e.type, e.source, e.target, e.props.get("role"))
        prior = merged.get(key)
        merged[key] = (
            e if prior is None
            else Edge(e.type, e.source, e.target, _merge_typed(prior.props, e.props, e.type, cap))
        )
    return sorted(merged.values(), key=lambda e: (e.type, e.source, e.target, e.props.get("role") or ""))


def _merge_typed(old: dict[str, Any], new: dict[str, Any], edge_type: str, cap: int) -> dict[str, Any]:
    """``_merge_props`` plus the office bounds of HOLDS_ROLE and the polarity counts of statements."""
    from graph.build.offices import merge_office_props
    from graph.build.statements import merge_statement_props

    merged = _merge_props(old, new, cap)
    if edge_type == "HOLDS_ROLE":
        office = merge_office_props(old, new)
        for name in ("end_date", "end_precision", "predecessor", "successor"):
            merged.pop(name, None)  # set again below only when the merged office has them
        merged.update(office)
    elif edge_type in ("SAID_ABOUT", "SAID_ON"):
        merged.update(merge_statement_props(old, new))
    return merged


def _rescore(edges: list[Edge], nodes: list[Node], documents: int) -> list[Edge]:
    """Recompute NPMI and lift from document frequencies over all co-mention documents."""
    listing = {n.id for n in nodes if n.label == "Article" and n.props.get("role") == "vendor_listing"}
    freq: dict[str, int] = {}
    for e in edges:
        if e.type == "MENTIONS" and e.source not in listing:
            freq[e.target] = freq.get(e.target, 0) + 1
    out = []
    for e in edges:
        if e.type == "CO_MENTIONED":
            npmi, lift = npmi_lift(e.props["document_count"], freq[e.source], freq[e.target], documents)
            # no publishers (see _possible): all documents are one unknown source, unit 0
            level = comention_level(e.props["sentence_count"], 0, 0)
            e = Edge(e.type, e.source, e.target, {**e.props, "npmi": npmi, "lift": lift, **level})
        out.append(e)
    return out
