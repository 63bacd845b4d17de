"""Stated relations inside one sentence, with the sentence as evidence.

Patterns (each bounded to a few tokens, so the cost is linear):

* HOLDS_ROLE — "Bürgermeister der Stadt Tengen, Marian Schreier",
  "Marian Schreier, Bürgermeister der Stadt Tengen", "BITMi-Präsident Oliver
  Grün", "Landrat Andy Grabner" (target: the nearest organisation or
  municipality of the sentence, with lower confidence).
* AFFILIATED_WITH — "Stefan Wess (Empolis Information Management und KI
  Bundesverband)", "Rolf Skuras und Frederic Lottis sind das Team … der kdvz
  Rhein Erft Rur", "Anna Weber von der Dataport".
"""

from __future__ import annotations

import bisect
from dataclasses import dataclass

from graph.extract.context import Context
from graph.extract.text import Token
from graph.model.extraction import EntityType, Evidence, Mention, OrgKind, Relation, RelationType

TARGET_TYPES = (EntityType.ORGANIZATION, EntityType.MUNICIPALITY)
_OF = frozenset({"der", "des", "von", "vom", "bei", "beim", "im", "am", "für"})
_SKIP = frozenset({"Stadt", "Gemeinde", "Landeshauptstadt", "Hansestadt", "Kreisstadt", "Landkreis", "Kreis",
                   "Verwaltung", "Stadtverwaltung", "Kreisverwaltung", "dortigen", "neuen", "heutigen",
                   "Marktgemeinde", "Samtgemeinde", "Verbandsgemeinde", "Dr", "Prof", ".", ","})
_TEAM_VERBS = frozenset({"ist", "sind", "arbeitet", "arbeiten", "gehört", "gehören", "vertritt",
                         "vertreten", "leitet", "leiten", "verstärkt", "verstärken", "kommt", "kommen",
                         "bilden", "bildet"})


_TEAM_TRIGGERS = _TEAM_VERBS | {"von", "vom", "bei", "beim"}


@dataclass
class _Sentence:
    """Tokens and mentions of one sentence, addressable by token index."""

    start: int
    end: int
    tokens: list[Token]
    mentions: list[Mention]
    by_start: dict[int, Mention]
    by_end: dict[int, Mention]
    starts: list[int]

    def mention_at(self, k: int) -> Mention | None:
        """The mention starting at token ``k``."""
        return self.by_start.get(self.tokens[k].start) if 0 <= k < len(self.tokens) else None

    def mention_ending_before(self, k: int) -> Mention | None:
        """The mention whose last token is ``k - 1``."""
        if k <= 0:
            return None
        return self.by_end.get(self.tokens[k - 1].end)

    def index_of(self, offset: int) -> int:
        """Token index starting at or after ``offset``."""
        return bisect.bisect_left(self.starts, offset)


def _role_of(tok: Token, roles: frozenset[str]) -> tuple[str, str] | None:
    """(role, compound prefix) when the token names a role ("BITMi-Präsident" → Präsident, BITMi)."""
    text = tok.text
    if text in roles:
        return text, ""
    prefix, _, last = text.rpartition("-")
    if last.endswith("in") and last[:-2] in roles:
        last = last[:-2]
    return (last, prefix) if last in roles else None


def find_relations(ctx: Context, mentions: list[Mention], extractor: str) -> list[Relation]:
    """HOLDS_ROLE and AFFILIATED_WITH relations of a document."""
    out: list[Relation] = []
    tokens = ctx.doc.tokens
    starts = [t.start for t in tokens]
    m_starts = [m.start for m in mentions]
    for s_start, s_end in ctx.doc.sentences:
        lo, hi = bisect.bisect_left(starts, s_start), bisect.bisect_left(starts, s_end)
        mlo, mhi = bisect.bisect_left(m_starts, s_start), bisect.bisect_left(m_starts, s_end)
        sent_mentions = mentions[mlo:mhi]
        if not any(m.type is EntityType.PERSON for m in sent_mentions):
            continue
        sent = _Sentence(s_start, s_end, tokens[lo:hi], sent_mentions, {m.start: m for m in sent_mentions},
                         {m.end: m for m in sent_mentions}, starts[lo:hi])
        found = _roles(ctx, sent) + _parentheses(sent) + _teams(sent)
        out.extend(_relation(ctx, sent, *f, extractor) for f in found)
    return _unique(out)


Found = tuple[RelationType, Mention, Mention, str | None, float]


def _roles(ctx: Context, sent: _Sentence) -> list[Found]:
    found: list[Found] = []
    for k, tok in enumerate(sent.tokens):
        if not tok.text[:1].isupper():
            continue
        role = _role_of(tok, ctx.lexicon.role_nouns)
        if role is None:
            continue
        target, after = _role_target(sent, k, role[1])
        person = _person_after(sent, after) or _person_after(sent, k + 1) or _person_before(sent, k)
        if person is None:
            continue
        confidence = 0.85
        if target is None:
            target = _nearest_target(sent, person)
            confidence = 0.6
        if target is not None:
            found.append((RelationType.HOLDS_ROLE, person, target, role[0], confidence))
    return found


def _role_target(sent: _Sentence, k: int, prefix: str) -> tuple[Mention | None, int]:
    """The organisation/municipality a role at token ``k`` belongs to, and the token after it."""
    if prefix:
        m = sent.mention_at(k)
        if m is not None and m.type in TARGET_TYPES:
            return m, k + 1
    j = k + 1
    if j < len(sent.tokens) and sent.tokens[j].text in _OF:
        j += 1
        while j < len(sent.tokens) and j - k < 6:
            m = sent.mention_at(j)
            if m is not None and m.type in TARGET_TYPES:
                return m, sent.index_of(m.end)
            if sent.tokens[j].text not in _SKIP and sent.tokens[j].text[:1].isupper() and m is None:
                break
            j += 1
    return None, k + 1


def _person_after(sent: _Sentence, j: int) -> Mention | None:
    k = j
    while k < len(sent.tokens) and k - j < 4:
        m = sent.mention_at(k)
        if m is not None:
            return m if m.type is EntityType.PERSON else None
        if sent.tokens[k].text not in _SKIP:
            return None
        k += 1
    return None


def _person_before(sent: _Sentence, k: int) -> Mention | None:
    """"Marian Schreier, Bürgermeister …" — a person right before ", role"."""
    if k >= 2 and sent.tokens[k - 1].text in {",", "("}:
        m = sent.mention_ending_before(k - 1)
        if m is not None and m.type is EntityType.PERSON:
            return m
    return None


def _nearest_target(sent: _Sentence, person: Mention) -> Mention | None:
    """The closest municipality or public/business organisation (a party is not an employer)."""
    targets = [m for m in sent.mentions if m.type in TARGET_TYPES and m.kind is not OrgKind.OTHER]
    return min(targets, key=lambda m: abs(m.start - person.start), default=None)


def _parentheses(sent: _Sentence) -> list[Found]:
    """"Person (Org und Org)" → one affiliation per organisation inside the brackets."""
    found: list[Found] = []
    if not any(t.text == "(" for t in sent.tokens):
        return found
    for m in sent.mentions:
        if m.type is not EntityType.PERSON:
            continue
        k = sent.index_of(m.end)
        if k >= len(sent.tokens) or sent.tokens[k].text != "(":
            continue
        j = k + 1
        while j < len(sent.tokens) and sent.tokens[j].text != ")" and j - k < 20:
            inner = sent.mention_at(j)
            if inner is not None and inner.type is EntityType.ORGANIZATION:
                found.append((RelationType.AFFILIATED_WITH, m, inner, None, 0.8))
            j += 1
    return found


def _teams(sent: _Sentence) -> list[Found]:
    """"A und B sind das Team … der Org", "A von der Org" → affiliations."""
    if _TEAM_TRIGGERS.isdisjoint(t.text for t in sent.tokens):
        return []
    people: list[Mention] = []
    for k, tok in enumerate(sent.tokens):
        m = sent.mention_at(k)
        if m is not None and m.type is EntityType.PERSON:
            people.append(m)
            continue
        if not people or tok.start < people[-1].end:
            continue
        if tok.text in {"und", ","}:
            continue
        if tok.text in _TEAM_VERBS or tok.text in {"von", "vom", "bei", "beim"}:
            org = _org_after_of(sent, k)
            if org is not None:
                return [(RelationType.AFFILIATED_WITH, p, org, None, 0.7) for p in people]
        people = []
    return []


def _org_after_of(sent: _Sentence, k: int) -> Mention | None:
    """The first organisation after "der/des/von/vom/bei" within 12 tokens of ``k``."""
    for j in range(k, min(k + 12, len(sent.tokens) - 1)):
        if sent.tokens[j].text in _OF or sent.tokens[j].text in {"von", "vom", "bei", "beim"}:
            m = sent.mention_at(j + 1)
            if m is not None and m.type is EntityType.ORGANIZATION:
                return m
    return None


def _relation(ctx: Context, sent: _Sentence, rtype: RelationType, person: Mention, target: Mention,
              role: str | None, confidence: float, extractor: str) -> Relation:
    evidence = Evidence(ctx.article.id, ctx.text[sent.start:sent.end], sent.start, sent.end,
                        ctx.article.published, extractor)
    return Relation(rtype, person.entity_id, target.entity_id, person.canonical, target.canonical, evidence,
                    role, confidence)


def _unique(relations: list[Relation]) -> list[Relation]:
    seen: set[tuple[str, str, str, str | None]] = set()
    out = []
    for rel in relations:
        key = (str(rel.type), rel.source, rel.target, rel.role)
        if key not in seen and rel.source != rel.target:
            seen.add(key)
            out.append(rel)
    return out
