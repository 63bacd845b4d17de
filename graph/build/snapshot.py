"""The snapshot id: a name for the graph's content.

It hashes the *inputs* of a build (each document with its extraction, the
resolved entities, the extractor versions and every setting that changes the
graph) rather than the output, which would cost a full serialisation of
millions of edges. Per-document digests are combined with XOR, so the id does
not depend on input order and an incremental update can extend it.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable
from typing import Any

from graph.model import Article, DocumentExtraction, Entity

BUILDER_VERSION = "build@2"  # 2: evidence levels, publishers and source kinds
GRAPH_SETTINGS = ("evidence_cap", "min_articles", "min_npmi", "backbone_alpha", "min_evidence_level")
_BITS = 128


def _hash(text: str) -> int:
    return int.from_bytes(hashlib.blake2b(text.encode("utf-8"), digest_size=16).digest(), "big")


def document_digest(article: Article, doc: DocumentExtraction | None) -> int:
    """Digest of one document's metadata and its extraction."""
    parts: list[Any] = [
        article.id,
        article.content_hash,
        article.role,
        article.title,
        article.published,
        article.url,
        article.section,
        article.source,
        article.source_id,
        list(article.tags),
        article.publisher,
        article.source_kind,
    ]
    if doc is not None:
        parts.append(
            [
                (m.entity_id, m.start, m.end, m.sentence, m.paragraph, m.confidence, m.extractor)
                for m in doc.mentions
            ]
        )
        parts.append(
            [
                (str(r.type), r.source, r.target, r.role, r.evidence.sentence, r.evidence.start)
                for r in doc.relations
            ]
        )
        parts.append(list(doc.sentences))
    return _hash(json.dumps(parts, ensure_ascii=False, default=str))


def combine(digests: Iterable[int], start: int = 0) -> int:
    """Order-independent combination of document digests."""
    acc = start
    for d in digests:
        acc ^= d
    return acc


def extractor_versions(extractions: Iterable[DocumentExtraction]) -> list[str]:
    """Sorted distinct ``name@version`` strings found on mentions."""
    return sorted({m.extractor for doc in extractions for m in doc.mentions if m.extractor})


def snapshot_id(
    digest: int, entities: dict[str, Entity], versions: Iterable[str], settings_used: dict[str, Any]
) -> str:
    """The snapshot id from the combined document digest and everything else that shapes the graph."""
    entity_part = json.dumps(sorted(json.dumps(e.to_dict(), sort_keys=True) for e in entities.values()))
    basis = json.dumps(
        [BUILDER_VERSION, f"{digest:032x}", entity_part, sorted(set(versions)), settings_used],
        sort_keys=True,
        default=str,
    )
    return "s_" + hashlib.blake2b(basis.encode("utf-8"), digest_size=8).hexdigest()


def graph_settings(settings: Any) -> dict[str, Any]:
    """The settings that change the built graph."""
    return {name: getattr(settings, name) for name in GRAPH_SETTINGS}
