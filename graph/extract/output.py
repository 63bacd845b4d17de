"""The stable JSON shape `skg extract --format jsonl` prints per document (see docs/extraction.md)."""

from __future__ import annotations

from dataclasses import asdict
from typing import Any

from graph.extract.listing import listing_text
from graph.model.article import Article
from graph.model.extraction import DocumentExtraction, Mention, Relation

ENTITY_FIELDS = ("text", "start", "end", "type", "kind", "canonical", "entity_id", "confidence", "extractor")
PLACE_FIELDS = ("ags", "lat", "lon", "land")


def entity_json(m: Mention) -> dict[str, Any]:
    """One mention: the contract fields, plus place data for municipalities."""
    data = m.to_dict()
    out = {k: data[k] for k in ENTITY_FIELDS}
    out.update({k: data[k] for k in PLACE_FIELDS if data[k] is not None})
    out["sentence"] = m.sentence
    out["paragraph"] = m.paragraph
    return out


def relation_json(r: Relation) -> dict[str, Any]:
    """One relation; ``person`` is the subject's name (the vendor for LOCATED_IN)."""
    ev = r.evidence
    return {
        "type": str(r.type), "person": r.source_name, "role": r.role, "target": r.target_name,
        "source_id": r.source, "target_id": r.target, "confidence": r.confidence,
        "evidence": {"sentence": ev.sentence, "start": ev.start, "end": ev.end, "article_id": ev.article_id,
                     "published": ev.published, "extractor": ev.extractor},
    }


def document_json(article: Article, extraction: DocumentExtraction) -> dict[str, Any]:
    """The document with its entities and relations; ``text`` is what the offsets index."""
    text = listing_text(article) if article.role == "vendor_listing" else article.tagged_text
    return {
        "source_id": article.source_id, "id": article.id, "role": article.role, "title": article.title,
        "published": article.published, "author": article.author, "section": article.section,
        "tags": list(article.tags), "links": list(article.links), "text": text,
        "vendors": [asdict(v) for v in article.vendors],
        "entities": [entity_json(m) for m in extraction.mentions],
        "relations": [relation_json(r) for r in extraction.relations],
    }
