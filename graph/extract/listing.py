"""Vendor listing documents ("Ausgewählte Anbieter"): vendors located in their municipality.

A listing's ``Article.text`` may be empty (the rows live in
``Article.vendors``). Mentions then index into :func:`listing_text`, one line
per vendor: ``"JCC Software GmbH, 48149 Münster"``; ``skg extract`` prints that
text as the document's ``text`` so offsets stay valid.
"""

from __future__ import annotations

from graph.extract.candidates import P_ACTOR, Candidate
from graph.extract.context import Context
from graph.extract.phrases import tokenize
from graph.extract.recognizers.actors import actor_index
from graph.extract.recognizers.places import vendor_place
from graph.model.article import Article, VendorEntry
from graph.model.extraction import EntityType, OrgKind


def _line(vendor: VendorEntry) -> str:
    where = " ".join(p for p in (vendor.postal_code, vendor.city) if p)
    return f"{vendor.name}, {where}" if where else vendor.name


def listing_text(article: Article) -> str:
    """The text a vendor listing's offsets refer to (its own text when that names every vendor)."""
    if article.text and all(v.name in article.text for v in article.vendors):
        return article.text
    return "\n".join(_line(v) for v in article.vendors)


def vendor_canonical(ctx: Context, name: str) -> tuple[str, OrgKind]:
    """A vendor's display name without legal form, or the curated actor's name and kind."""
    actor = actor_index(ctx.lexicon).lookup(name)
    if actor is not None:
        return actor.canonical, actor.kind or OrgKind.VENDOR
    toks = tokenize(name)
    forms = sorted((tokenize(f) for f in ctx.lexicon.legal_forms), key=len, reverse=True)
    for form in forms:
        if len(toks) > len(form) and toks[-len(form):] == form:
            cut = name.rfind(form[0])
            short = name[:cut].strip(" ,")
            return _descriptor_actor(ctx, short) or (short, OrgKind.VENDOR)
    return _descriptor_actor(ctx, name.strip()) or (name.strip(), OrgKind.VENDOR)


def _descriptor_actor(ctx: Context, name: str) -> tuple[str, OrgKind] | None:
    """"Advantic Systemhaus" → the curated "Advantic" (see ``ActorIndex.with_descriptors``)."""
    index = actor_index(ctx.lexicon)
    actor = index.lookup(name) or index.with_descriptors(name.split())
    return (actor.canonical, actor.kind or OrgKind.VENDOR) if actor else None


def listing_candidates(ctx: Context, extractor: str) -> list[tuple[Candidate, Candidate | None, int, int]]:
    """Per vendor: (vendor span, municipality span or None, line start, line end)."""
    text = ctx.text
    out = []
    pos = 0
    for vendor in ctx.article.vendors:
        start = text.find(vendor.name, pos)
        if start < 0:
            continue
        line_end = text.find("\n", start)
        line_end = len(text) if line_end < 0 else line_end
        canonical, kind = vendor_canonical(ctx, vendor.name)
        org = Candidate(start, start + len(vendor.name), EntityType.ORGANIZATION, canonical, kind, 0.95,
                        P_ACTOR, extractor)
        town = _town(ctx, vendor, start + len(vendor.name), line_end, extractor)
        out.append((org, town, start, line_end))
        pos = line_end
    return out


def _town(ctx: Context, vendor: VendorEntry, lo: int, hi: int, extractor: str) -> Candidate | None:
    if not vendor.city:
        return None
    at = ctx.text.find(vendor.city, lo, hi + len(vendor.city) + 40)
    if at < 0:
        return None
    place = vendor_place(ctx, vendor.postal_code, vendor.city)
    canonical = place.name if place else vendor.city
    return Candidate(at, at + len(vendor.city), EntityType.MUNICIPALITY, canonical, None,
                     0.95 if place else 0.6, P_ACTOR, extractor, place)
