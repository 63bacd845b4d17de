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
from functools import lru_cache

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
    texts: list[str]
    mentions: list[Mention]
    by_start: dict[int, Mention]
    by_end: dict[int, Mention]
    starts: list[int]
    roles: list[tuple[int, tuple[str, str]]]  # (token index, role) of the role nouns

    def mention_at(self, k: int) -> Mention | None:
        """The mention starting at token ``k``."""
        return self.by_start.get(self.starts[k]) if 0 <= k < len(self.starts) else None

    def mention_ending_before(self, k: int) -> Mention | None:
        """The mention whose last token is ``k - 1``."""
        if k <= 0:
            return None
        return self.by_end.get(self.tokens[k - 1].end)

    def index_of(self, offset: int) -> int:
        """Token index starting at or after ``offset``."""
        return bisect.bisect_left(self.starts, offset)


@lru_cache(maxsize=50_000)
def _role_of(text: str, roles: frozenset[str]) -> tuple[str, str] | None:
    """(role, compound prefix) when a word names a role ("BITMi-Präsident" → Präsident, BITMi).

    Memoised: the same capitalised words recur in every article, and a
    frozenset caches its hash, so a hit costs one dict lookup.
    """
    if text in roles:
        return text, ""
    prefix, _, last = text.rpartition("-")
    if last.endswith("in") and last[:-2] in roles:
        last = last[:-2]
    return (last, prefix) if last in roles else None


def find_relations(ctx: Context, mentions: list[Mention], extractor: str) -> list[Relation]:
    """HOLDS_ROLE and AFFILIATED_WITH relations of a document."""
    m_starts = [m.start for m in mentions]
    found: list[tuple[_Sentence, Found]] = []
    for span in _sentences_with_people(ctx, mentions):
        sent = _sentence(ctx, span, mentions, m_starts)
        found.extend((sent, f) for f in _roles(sent) + _parentheses(sent) + _teams(sent))
    return [_relation(ctx, sent, *f, extractor) for sent, f in _unique(found)]


def _sentence(ctx: Context, span: tuple[int, int], mentions: list[Mention], m_starts: list[int]) -> _Sentence:
    """Tokens, mentions and role nouns of one sentence, indexed from its first token."""
    s_start, s_end = span
    doc = ctx.doc
    lo, hi = bisect.bisect_left(doc.starts, s_start), bisect.bisect_left(doc.starts, s_end)
    sent_mentions = mentions[bisect.bisect_left(m_starts, s_start):bisect.bisect_left(m_starts, s_end)]
    role_nouns, texts = ctx.lexicon.role_nouns, doc.texts
    caps = doc.caps[bisect.bisect_left(doc.caps, lo):bisect.bisect_left(doc.caps, hi)]
    roles = [(i - lo, role) for i in caps if (role := _role_of(texts[i], role_nouns)) is not None]
    return _Sentence(s_start, s_end, doc.tokens[lo:hi], texts[lo:hi], sent_mentions,
                     {m.start: m for m in sent_mentions}, {m.end: m for m in sent_mentions},
                     doc.starts[lo:hi], roles)


def _sentences_with_people(ctx: Context, mentions: list[Mention]) -> list[tuple[int, int]]:
    """The sentences in which a person mention starts, in text order (the others hold no relation)."""
    sentences = ctx.doc.sentences
    keep: set[int] = set()
    for m in mentions:
        if m.type is EntityType.PERSON and sentences:
            k = ctx.doc.sentence_of(m.start)
            if sentences[k][0] <= m.start < sentences[k][1]:
                keep.add(k)
    return [sentences[k] for k in sorted(keep)]


Found = tuple[RelationType, Mention, Mention, str | None, float]


def _roles(sent: _Sentence) -> list[Found]:
    found: list[Found] = []
    for k, role in sent.roles:
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
    if j < len(sent.texts) and sent.texts[j] in _OF:
        j += 1
        while j < len(sent.texts) and j - k < 6:
            m = sent.mention_at(j)
            if m is not None and m.type in TARGET_TYPES:
                return m, sent.index_of(m.end)
            if sent.texts[j] not in _SKIP and sent.texts[j][:1].isupper() and m is None:
                break
            j += 1
    return None, k + 1


def _person_after(sent: _Sentence, j: int) -> Mention | None:
    k = j
    while k < len(sent.texts) and k - j < 4:
        m = sent.mention_at(k)
        if m is not None:
            return m if m.type is EntityType.PERSON else None
        if sent.texts[k] not in _SKIP:
            return None
        k += 1
    return None


def _person_before(sent: _Sentence, k: int) -> Mention | None:
    """"Marian Schreier, Bürgermeister …" — a person right before ", role"."""
    if k >= 2 and sent.texts[k - 1] in {",", "("}:
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
    if "(" not in sent.texts:
        return found
    for m in sent.mentions:
        if m.type is not EntityType.PERSON:
            continue
        k = sent.index_of(m.end)
        if k >= len(sent.texts) or sent.texts[k] != "(":
            continue
        j = k + 1
        while j < len(sent.texts) and sent.texts[j] != ")" and j - k < 20:
            inner = sent.mention_at(j)
            if inner is not None and inner.type is EntityType.ORGANIZATION:
                found.append((RelationType.AFFILIATED_WITH, m, inner, None, 0.8))
            j += 1
    return found


def _teams(sent: _Sentence) -> list[Found]:
    """"A und B sind das Team … der Org", "A von der Org" → affiliations."""
    if _TEAM_TRIGGERS.isdisjoint(sent.texts):
        return []
    people: list[Mention] = []
    by_start = sent.by_start
    for k, (text, start) in enumerate(zip(sent.texts, sent.starts, strict=True)):
        m = by_start.get(start)
        if m is not None and m.type is EntityType.PERSON:
            people.append(m)
            continue
        if not people or start < people[-1].end or text == "und" or text == ",":
            continue
        if text in _TEAM_TRIGGERS:
            org = _org_after_of(sent, k)
            if org is not None:
                return [(RelationType.AFFILIATED_WITH, p, org, None, 0.7) for p in people]
        people = []
    return []


def _org_after_of(sent: _Sentence, k: int) -> Mention | None:
    """The first organisation after "der/des/von/vom/bei" within 12 tokens of ``k``."""
    for j in range(k, min(k + 12, len(sent.texts) - 1)):
        if sent.texts[j] in _OF or sent.texts[j] in {"von", "vom", "bei", "beim"}:
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


def _unique(found: list[tuple[_Sentence, Found]]) -> list[tuple[_Sentence, Found]]:
    """The first of each (type, person, target, role), none linking an entity to itself.

    Deduplicating before the Relation and its Evidence are built saves building
    the repeats (a person's role is often restated).
    """
    seen: set[tuple[RelationType, str, str, str | None]] = set()
    out = []
    for sent, (rtype, person, target, role, confidence) in found:
        key = (rtype, person.entity_id, target.entity_id, role)
        if key not in seen and person.entity_id != target.entity_id:
            seen.add(key)
            out.append((sent, (rtype, person, target, role, confidence)))
    return out
