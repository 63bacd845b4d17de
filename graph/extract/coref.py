"""Second pass over settled spans: acronyms defined in the text and short person mentions.

"Bundesverband IT-Mittelstand (BITMi)" defines "BITMi" for the rest of the
document (also inside compounds like "BITMi-Präsident"); after "Marian
Schreier", a bare "Schreier" is the same person.
"""

from __future__ import annotations

from itertools import compress
from operator import itemgetter, methodcaller

from graph.extract.candidates import P_ACTOR, P_PERSON, Candidate, settle
from graph.extract.context import Context
from graph.extract.recognizers.acronyms import letters_spell
from graph.extract.recognizers.common import is_acronym
from graph.model.article import TAG_LINE_PREFIX
from graph.model.extraction import EntityType

_first = itemgetter(0)

# Enum members read in per-mention tests, bound once: every read of ``EntityType.PERSON`` goes
# through the enum metaclass's ``__getattr__`` hook (Python 3.11), ten times the cost of a global.
_PERSON, _ORGANIZATION = EntityType.PERSON, EntityType.ORGANIZATION
_PLACE_TYPES = (EntityType.MUNICIPALITY, EntityType.LOCATION)


def _acronyms(ctx: Context, kept: list[Candidate]) -> dict[str, Candidate]:
    """Acronym → the organisation it abbreviates, from "Long Name (ACR)"."""
    text = ctx.text
    defined: dict[str, Candidate] = {}
    for cand in kept:
        if cand.type is not _ORGANIZATION:
            continue
        rest = text[cand.end:cand.end + 20]
        stripped = rest.lstrip(" ")
        if not stripped.startswith("("):
            continue
        close = stripped.find(")")
        acr = stripped[1:close] if close > 1 else ""
        if is_acronym(acr) and " " not in acr:
            defined.setdefault(acr, cand)
    for acr, (canonical, kind) in ctx.acronyms.items():  # defined by the text, see recognizers/acronyms.py
        defined.setdefault(acr, Candidate(0, 0, _ORGANIZATION, canonical, kind, 0.85, P_ACTOR - 1))
    return defined


def _surnames(kept: list[Candidate]) -> dict[str, Candidate]:
    """Surname → first full-name mention (only unambiguous surnames)."""
    seen: dict[str, Candidate] = {}
    clash: set[str] = set()
    for cand in kept:
        if cand.type is _PERSON and " " in cand.canonical:
            last = cand.canonical.rsplit(" ", 1)[1]
            if last in seen and seen[last].canonical != cand.canonical:
                clash.add(last)
            seen.setdefault(last, cand)
    return {k: v for k, v in seen.items() if k not in clash}


_before_hyphen = methodcaller("partition", "-")


def _reuses(ctx: Context, acronyms: dict[str, Candidate], surnames: dict[str, Candidate]) -> list[int]:
    """Indices of capitalised tokens that are a known surname or start with a defined acronym.

    Filtered with ``map``/``compress`` (C loops): few of the capitalised words
    are hits, and a Python loop over all of them was the bulk of this pass.
    """
    caps = ctx.doc.caps
    words = list(map(ctx.doc.texts.__getitem__, caps))
    hits = set(compress(caps, map(surnames.__contains__, words)))
    if acronyms:
        prefixes = map(_first, map(_before_hyphen, words))
        hits.update(compress(caps, map(acronyms.__contains__, prefixes)))
    return sorted(hits)


def tag_spans(ctx: Context) -> list[tuple[int, int]]:
    """Offsets of the tags in the tag line that :attr:`Article.tagged_text` appends (none without tags)."""
    article = ctx.article
    if len(ctx.text) <= len(article.text) or not ctx.text.startswith(article.text):
        return []
    spans = []
    pos = ctx.text.find(TAG_LINE_PREFIX, len(article.text)) + len(TAG_LINE_PREFIX)
    for tag in (t.strip() for t in article.tags):
        at = ctx.text.find(tag, pos) if tag else -1
        if at >= 0:
            spans.append((at, at + len(tag)))
            pos = at + len(tag)
    return spans


def _tag_links(ctx: Context, kept: list[Candidate]) -> list[Candidate]:
    """Tags that name an organisation of the text by its first word or its initials ("HSH" →
    "HSH Soft- und Hardware Vertrieb"); tags the recognisers found keep their own reading."""
    spans = tag_spans(ctx)
    if not spans:
        return []
    orgs = [c for c in kept if c.type is _ORGANIZATION and c.end <= len(ctx.article.text)]
    added = []
    for start, end in spans:
        tag = ctx.text[start:end]
        if not is_acronym(tag) or any(c.start < end and c.end > start for c in kept):
            continue
        for org in orgs:
            surface = ctx.text[org.start:org.end]
            if surface.split()[0] == tag or org.canonical.split()[0] == tag \
                    or letters_spell(tag, surface.split()) == 0:
                added.append(org.moved(start=start, end=end, confidence=0.8))
                break
    return added


def corefer(ctx: Context, kept: list[Candidate]) -> list[Candidate]:
    """Add acronym reuses, tag-line links and surname-only mentions; returns the settled list."""
    acronyms = _acronyms(ctx, kept)
    surnames = _surnames(kept)
    linked = _tag_links(ctx, kept) if ctx.article.tags else []
    if linked:
        kept = settle(kept + linked)
    if not acronyms and not surnames:
        return kept
    added: list[Candidate] = []
    tokens = ctx.doc.tokens
    for i in _reuses(ctx, acronyms, surnames):
        tok = tokens[i]
        word = tok.text.partition("-")[0]
        org = acronyms.get(word)
        if org is not None:
            added.append(org.moved(start=tok.start, end=tok.start + len(word), priority=P_ACTOR - 1,
                                   confidence=0.85))
            continue
        person = surnames.get(tok.text)
        if person is not None and tok.start >= person.end:
            added.append(person.moved(start=tok.start, end=tok.end, priority=P_PERSON - 1, confidence=0.8))
    weak = [_full_person(c, surnames) for c in kept
            if not (c.type in _PLACE_TYPES
                    and c.confidence < 0.9 and ctx.text[c.start:c.end] in surnames)]
    # ``weak`` is part of a settled list (disjoint spans in text order), which settling again would
    # return unchanged: only new spans need another pass
    return settle(weak + added) if added else weak


def _full_person(cand: Candidate, surnames: dict[str, Candidate]) -> Candidate:
    """A one-word person ("sagte DATABUND-Vorsitzende Hanisch") takes the full name of the document.

    Recognisers name such a span by its surface; without this it would stay a
    person of its own ("Hanisch") next to "Petra Hanisch".
    """
    if cand.type is not _PERSON or " " in cand.canonical:
        return cand
    person = surnames.get(cand.canonical)
    return cand if person is None else cand.moved(canonical=person.canonical)
