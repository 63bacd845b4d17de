"""Check a seed page against its ``*.expected.json`` reading, item by item.

The expected file lists, per document of a page capture (main article,
teasers, vendor listing), the entities that must be found (surface text,
type, kind, canonical name, AGS), the stated relations, and the vendors.
Every item becomes a pass/fail :class:`CheckItem`; ``optional`` items are
reported but never fail. Checks run on the *resolved* output, because the
canonical name an analyst sees is the resolver's.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from graph.model import Article, DocumentExtraction, Entity, Mention, RelationType, fold
from graph.resolve import Resolution, name_key


@dataclass(frozen=True)
class CheckItem:
    """One checked expectation."""

    document: str
    check: str  # entity | relation | leak | vendor | located_in | document
    item: str
    passed: bool
    detail: str = ""
    optional: bool = False


Pairing = list[tuple[dict[str, Any], Article | None]]


def match_documents(expected: Mapping[str, Any], articles: Sequence[Article]) -> Pairing:
    """Pair each expected document with the article of its role and title (else the next of its role)."""
    pairs: Pairing = []
    used: set[str] = set()
    docs = list(expected.get("documents", []))
    if "vendor_listing" in expected:
        docs.append({"role": "vendor_listing", "title": "", **expected["vendor_listing"]})
    for exp in docs:
        same_role = [a for a in articles if a.role == exp.get("role") and a.id not in used]
        titled = [a for a in same_role if fold(a.title) == fold(exp.get("title", ""))]
        chosen = (titled or same_role)[0] if (titled or same_role) else None
        if chosen is not None:
            used.add(chosen.id)
        pairs.append((exp, chosen))
    return pairs


def _label(exp: Mapping[str, Any], article: Article | None) -> str:
    role = exp.get("role", "?")
    return f"{role}: {exp.get('title') or exp.get('heading') or (article.title if article else '')}"


def _surface_matches(expected: str, mention: Mention) -> bool:
    """Same text, or the expected words inside a longer mention ("Tengen" in "Stadt Tengen")."""
    want, got = fold(expected), fold(mention.text)
    return want == got or f" {want} " in f" {got} "


def _entity_ok(exp: Mapping[str, Any], entity: Entity) -> list[str]:
    """What differs between an expected entity and a resolved one (empty when it matches)."""
    problems = []
    if str(entity.type) != exp["type"]:
        problems.append(f"type {entity.type.value}")
    if exp.get("kind") and (entity.kind is None or entity.kind.value != exp["kind"]):
        problems.append(f"kind {entity.kind.value if entity.kind else None}")
    if exp.get("canonical") and fold(entity.name) != fold(exp["canonical"]):
        problems.append(f"canonical {entity.name!r}")
    if exp.get("ags") and entity.ags != exp["ags"]:
        problems.append(f"ags {entity.ags}")
    return problems


def check_entity(exp: Mapping[str, Any], mentions: Sequence[Mention], res: Resolution) -> tuple[bool, str]:
    """Whether a mention in the document (or an alias of one of its entities) fulfils ``exp``."""
    seen: list[str] = []
    for mention in mentions:
        entity = res.entities.get(mention.entity_id)
        if entity is None or not _surface_matches(exp["text"], mention):
            continue
        problems = _entity_ok(exp, entity)
        if not problems:
            return True, f"found {mention.text!r} at {mention.start}"
        seen.append(f"{mention.text!r}: " + ", ".join(problems))
    for entity in {res.entities[m.entity_id].id: res.entities[m.entity_id] for m in mentions
                   if m.entity_id in res.entities}.values():
        if fold(exp["text"]) in {fold(a) for a in entity.aliases} and not _entity_ok(exp, entity):
            return True, f"as alias of {entity.name!r}"
    return False, "; ".join(seen) if seen else "not found"


def check_relation(exp: Mapping[str, Any], doc: DocumentExtraction) -> tuple[bool, str]:
    """Whether a resolved person→organisation relation with the expected role exists."""
    found_pair = []
    for rel in doc.relations:
        if rel.type is RelationType.LOCATED_IN:
            continue
        same_person = fold(rel.source_name) == fold(exp["person"])
        if same_person and fold(rel.target_name) == fold(exp["organization"]):
            if exp.get("role") is None or fold(rel.role or "") == fold(exp["role"]):
                return True, f"{rel.type.value} role={rel.role}"
            found_pair.append(f"role={rel.role!r}")
    return False, ("wrong " + ", ".join(found_pair)) if found_pair else "not found"


def _expected_names(exp: Mapping[str, Any]) -> set[str]:
    names = {fold(e["canonical"]) for e in exp.get("entities", []) if e.get("canonical")}
    names |= {fold(e["text"]) for e in exp.get("entities", [])}
    names |= {name_key(v["name"]) for v in exp.get("vendors", [])}
    return names


def check_leaks(pairs: Sequence[tuple[dict[str, Any], Article | None]], res: Resolution) -> list[CheckItem]:
    """No document contains an entity that the reading expects only in another document."""
    by_article = {d.article_id: d for d in res.extractions}
    items = []
    for exp, article in pairs:
        own = _expected_names(exp)
        others = set().union(*(_expected_names(e) for e, a in pairs if a is not article)) - own
        doc = by_article.get(article.id) if article else None
        leaked = sorted({m.text for m in (doc.mentions if doc else ())
                         if fold(m.canonical) in others or fold(m.text) in others
                         or name_key(m.canonical) in others})
        items.append(CheckItem(_label(exp, article), "leak", "no entity from other documents",
                               not leaked, "leaked: " + ", ".join(leaked) if leaked else ""))
    return items


def _doc_of(article: Article | None, res: Resolution) -> DocumentExtraction | None:
    return next((d for d in res.extractions if article and d.article_id == article.id), None)


def _vendor_hits(vendor: Mapping[str, Any], entities: Sequence[Entity]) -> list[Entity]:
    key = name_key(vendor["name"])
    return [e for e in entities if name_key(e.name) == key or key in {name_key(a) for a in e.aliases}]


def _is_vendor(entity: Entity) -> bool:
    return entity.type.value == "ORGANIZATION" and entity.kind is not None and entity.kind.value == "vendor"


def _located(vendor: Mapping[str, Any], ids: set[str], doc: DocumentExtraction | None,
             res: Resolution) -> tuple[bool, str]:
    """Whether one of ``ids`` has a LOCATED_IN relation to the vendor's municipality."""
    relations = doc.relations if doc else ()
    targets = [res.entities.get(r.target) for r in relations
               if r.type is RelationType.LOCATED_IN and r.source in ids]
    places = [p for p in targets if p is not None]
    city = fold(vendor.get("city") or "")
    ags = vendor.get("ags")
    ok = any(p.ags == ags if (ags and p.ags) else bool(city) and fold(p.name) == city for p in places)
    return ok, ", ".join(f"{p.name} ({p.ags})" for p in places) or "no LOCATED_IN relation"


def check_vendors(exp: Mapping[str, Any], article: Article | None, res: Resolution) -> list[CheckItem]:
    """Each listed vendor is a vendor organisation located in its municipality (by AGS)."""
    label = _label(exp, article)
    doc = _doc_of(article, res)
    mentions = doc.mentions if doc else ()
    entities = [res.entities[m.entity_id] for m in mentions if m.entity_id in res.entities]
    items = []
    for vendor in exp.get("vendors", []):
        hits = _vendor_hits(vendor, entities)
        detail = ", ".join(f"{e.name} {e.type.value}/{e.kind.value if e.kind else None}" for e in hits)
        is_vendor = any(map(_is_vendor, hits))
        items.append(CheckItem(label, "vendor", vendor["name"], is_vendor, detail or "not found"))
        ok, where = _located(vendor, {e.id for e in hits}, doc, res)
        target = f"{vendor['name']} → {vendor.get('city')} ({vendor.get('ags')})"
        items.append(CheckItem(label, "located_in", target, ok, where))
    return items


def check_seed(expected: Mapping[str, Any], articles: Sequence[Article], res: Resolution) -> list[CheckItem]:
    """Every check of one seed page (see the module docstring)."""
    pairs = match_documents(expected, articles)
    by_article = {d.article_id: d for d in res.extractions}
    items: list[CheckItem] = []
    for exp, article in pairs:
        label = _label(exp, article)
        if article is None:
            items.append(CheckItem(label, "document", "document read", False, "no such document was read"))
            continue
        doc = by_article.get(article.id)
        mentions = doc.mentions if doc else ()
        for ent in exp.get("entities", []):
            ok, detail = check_entity(ent, mentions, res)
            shown = f"{ent['text']} ({ent['type']}{'/' + ent['kind'] if ent.get('kind') else ''})"
            items.append(CheckItem(label, "entity", shown, ok, detail, bool(ent.get("optional"))))
        for rel in exp.get("relations", []):
            ok, detail = check_relation(rel, doc) if doc else (False, "no extraction")
            shown = f"{rel['person']} –{rel.get('role') or ''}→ {rel['organization']}"
            items.append(CheckItem(label, "relation", shown, ok, detail))
        if exp.get("role") == "vendor_listing":
            items.extend(check_vendors(exp, article, res))
    items.extend(check_leaks(pairs, res))
    return items
