"""Typed candidates from a statistical tagger's PER/ORG/LOC spans.

The ``crf`` and ``corenlp`` recognisers label tokens; both hand their spans to
:func:`guess_candidate`, so a guessed span is typed the same way whoever made it:
places are looked up in the gazetteer (a hit becomes a MUNICIPALITY with its
key), organisations get the kind their legal form or head word suggests, and
generic words that need a cue ("Verband", "Stadt") are dropped.
"""

from __future__ import annotations

from graph.extract.candidates import P_GUESS, Candidate
from graph.extract.context import Context
from graph.extract.lexicon import Lexicon
from graph.model.extraction import EntityType, OrgKind


def guess_candidate(ctx: Context, start: int, end: int, typ: str, tag: str,
                    confidence: float = 0.6) -> Candidate | None:
    """One labelled span (``typ`` PER, ORG or LOC) as a low-priority typed candidate, or None."""
    text = ctx.text[start:end]
    if not (text[:1].isupper() or text[:1].isdigit() or text[:1] == "#") or generic(text, ctx.lexicon):
        return None
    if typ == "PER":
        return Candidate(start, end, EntityType.PERSON, text, None, confidence, P_GUESS, tag)
    if typ == "ORG":
        return Candidate(start, end, EntityType.ORGANIZATION, text, org_kind(text, ctx.lexicon),
                         confidence, P_GUESS, tag)
    if typ == "LOC":
        place = ctx.gazetteer.resolve(text.lstrip("#"))
        if place is not None:
            return Candidate(start, end, EntityType.MUNICIPALITY, place.name, None, confidence, P_GUESS,
                             tag, place)
        canonical = ctx.lexicon.locations.get(text, text)
        return Candidate(start, end, EntityType.LOCATION, canonical, None, confidence, P_GUESS, tag)
    return None


_BAD_LAST = frozenset({"Dr", "Prof", "von", "der", "die", "das", "und", "für"})


def generic(text: str, lexicon: Lexicon) -> bool:
    """Not a name: a lone organisation head, role noun or place stopword ("Verband", "Stadt",
    "Essen" — the rules want a cue for those), or a span cut off before a title ("Verband von Dr")."""
    words = text.split()
    if not words or words[-1] in _BAD_LAST:
        return True
    return len(words) == 1 and (text in lexicon.org_heads or text in lexicon.trailing_heads
                                or text in lexicon.role_nouns or text in lexicon.place_stopwords
                                or text in lexicon.name_stopwords or text in _TOPICS)


# Abbreviations of topics, laws and technologies that taggers trained on general news take for
# organisations in public-sector IT reporting ("KI" = künstliche Intelligenz, "OZG" = a law).
_TOPICS = frozenset({"KI", "IT", "EDV", "OZG", "DSGVO", "eGovernment", "E-Government", "GovTech", "Cloud",
                     "App", "Apps", "Open Data", "Bund", "Stadt", "Land"})


def org_kind(text: str, lexicon: Lexicon) -> OrgKind:
    """The kind the word lists suggest: legal form, then a head word, else ``other``."""
    words = text.split()
    last = words[-1] if words else ""
    if last in ("e.V.", "e.V", "eV"):
        return OrgKind.ASSOCIATION
    if last in ("AöR", "KdöR"):
        return OrgKind.PUBLIC_IT_PROVIDER
    if any(text.endswith(form) for form in lexicon.legal_forms):
        return OrgKind.VENDOR
    for word in words:
        head = lexicon.org_heads.get(word) or (
            (lexicon.trailing_heads[word], False) if word in lexicon.trailing_heads else None)
        if head is not None:
            return head[0]
    return OrgKind.OTHER
